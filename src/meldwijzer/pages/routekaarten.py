"""Routekaarten: the municipality chooser, a route page per municipality and "Wie bel ik?"."""

from __future__ import annotations

from ..resolve import Site
from . import NavEntry, render_page


def gemeente_uri(slug: str) -> str:
    return f"gemeenten/{slug}.md"


def pages(site: Site) -> dict[str, str]:
    out = {
        "gemeenten/index.md": render_page("gemeenten/index.md", "routekaarten/gemeenten.md.j2",
                                          site),
        "wie-bel-ik.md": render_page("wie-bel-ik.md", "routekaarten/wie-bel-ik.md.j2", site),
    }
    for gemeente in site.gemeenten:
        uri = gemeente_uri(gemeente.slug)
        out[uri] = render_page(uri, "routekaarten/gemeente.md.j2", site, gemeente=gemeente,
                               page_url=site.page_url(uri))
    return out


def nav(site: Site) -> list[NavEntry]:
    return [{"Routekaarten": "gemeenten/index.md"}, {"Wie bel ik?": "wie-bel-ik.md"}]
