"""Page families: each turns the resolved ``Site`` into ``{page path: Markdown}``.

One module per family, the same shape in each: ``pages(site)`` returns the pages,
``files(site)`` other generated files (``{path: bytes}``, such as QR codes) and ``nav(site)``
the family's entries in the site navigation (or nothing).
"""

from __future__ import annotations

import functools
import html
import posixpath
from typing import Any

from markupsafe import Markup

from ..models import VORM_LABELS
from ..site import Site
from ..templating import render

NavEntry = dict[str, Any] | str


def render_page(uri: str, template: str, site: Site, **context: Any) -> str:
    """Render ``template`` as the page at ``uri`` (a path below docs/, such as a/b.md).

    ``root`` leads from the page's source file to docs/ (for Markdown links, which MkDocs
    rewrites); ``asset_root`` from the page's final URL to the site root (for raw HTML that
    loads a file, which MkDocs leaves alone).
    """
    root = Markup("../" * uri.count("/"))
    asset_root = Markup("../" * site.options.url(uri).count("/"))
    return render(template, site=site, root=root, asset_root=asset_root,
                  link=functools.partial(relative_link, site, uri),
                  vorm_labels=VORM_LABELS, **context)


def relative_link(site: Site, from_uri: str, target: str) -> Markup:
    """For raw HTML: the URL of ``target`` (a page ``x.md`` or a file) relative to the page
    at ``from_uri``, as MkDocs will write both."""
    here = posixpath.dirname(site.options.url(from_uri)) or "."
    there = site.options.url(target) if target.endswith(".md") else target
    link = posixpath.relpath(there or ".", here)
    if there.endswith("/") and not link.endswith("/"):
        link += "/"
    return Markup(html.escape(link, quote=True))


def nav_uris(nav: list[NavEntry] | NavEntry) -> list[str]:
    """Every page path named in a navigation structure."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [uri for item in nav for uri in nav_uris(item)]
    return [uri for value in nav.values() for uri in nav_uris(value)]


def escape_nav(nav: list[NavEntry]) -> list[NavEntry]:
    """Section and page titles from data, HTML-escaped: the theme prints nav titles as HTML."""
    out: list[NavEntry] = []
    for entry in nav:
        if isinstance(entry, dict):
            out.append({html.escape(title): escape_nav(value) if isinstance(value, list)
                        else value for title, value in entry.items()})
        else:
            out.append(entry)
    return out


UNSAFE_FEATURES = ("content.tooltips",)
"""Material features that show text from data as HTML: always switched off."""
