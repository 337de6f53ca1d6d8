"""Bestuurlijke aanpak: the overview of the basisniveau, a page per municipality (its plan
of approach), the barrièremodel, the role of the aandachtfunctionaris and the routes after
the aandachtfunctionaris. Nothing when the region has no bestuurlijke aanpak.

Municipality pages stay out of the global navigation (reached from the overview and the
municipality's routekaart), like the routekaarten themselves.
"""

from __future__ import annotations

from ..bestuurlijk_opendata import export_files
from ..site import Site
from . import NavEntry, render_page

OVERZICHT = "bestuurlijk/index.md"
ROL = "bestuurlijk/aandachtfunctionaris.md"
BARRIERES = "bestuurlijk/barrieremodel.md"
ROUTES = "bestuurlijk/routes.md"


def gemeente_uri(slug: str) -> str:
    return f"bestuurlijk/gemeenten/{slug}.md"


def pages(site: Site) -> dict[str, str]:
    bestuur = site.bestuurlijk
    if bestuur is None:
        return {}
    out = {
        OVERZICHT: render_page(OVERZICHT, "bestuurlijk/overzicht.md.j2", site, bestuur=bestuur),
        ROL: render_page(ROL, "bestuurlijk/aandachtfunctionaris.md.j2", site, bestuur=bestuur),
        BARRIERES: render_page(BARRIERES, "bestuurlijk/barrieremodel.md.j2", site,
                               bestuur=bestuur),
    }
    if bestuur.routes:
        out[ROUTES] = render_page(ROUTES, "bestuurlijk/routes.md.j2", site, bestuur=bestuur)
    for gemeente in bestuur.gemeenten:
        uri = gemeente_uri(gemeente.slug)
        out[uri] = render_page(uri, "bestuurlijk/gemeente.md.j2", site, bestuur=bestuur,
                               gemeente=gemeente, page_url=site.page_url(uri))
    return out


def nav(site: Site) -> list[NavEntry]:
    if site.bestuurlijk is None:
        return []
    entries: list[NavEntry] = [{"Basisniveau per gemeente": OVERZICHT}, ROL, BARRIERES,
                               *([ROUTES] if site.bestuurlijk.routes else [])]
    return [{"Bestuurlijke aanpak": entries}]


def files(site: Site) -> dict[str, bytes]:
    # Open data is public by definition: the internal build publishes none (as api/v1).
    if site.bestuurlijk is None or site.intern:
        return {}
    return export_files(site, site.bestuurlijk)
