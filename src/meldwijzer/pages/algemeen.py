"""The home page and the pages about the site itself (accessibility, privacy)."""

from __future__ import annotations

from ..site import Site
from . import NavEntry, render_page

PAGES = {
    "index.md": "algemeen/home.md.j2",
    "over/toegankelijkheid.md": "algemeen/toegankelijkheid.md.j2",
    "over/privacy.md": "algemeen/privacy.md.j2",
}


def pages(site: Site) -> dict[str, str]:
    return {uri: render_page(uri, template, site) for uri, template in PAGES.items()}


def nav(site: Site) -> list[NavEntry]:
    return [{"Over deze site": [{"Toegankelijkheid": "over/toegankelijkheid.md"},
                                {"Privacy": "over/privacy.md"}]}]


def files(site: Site) -> dict[str, bytes]:
    return {}
