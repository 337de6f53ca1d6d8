"""The chain around a report: "Wie doet wat?", privacy and information sharing for staff, and
a printable "Signaal vastleggen" form per municipality (see ``keten`` for the data)."""

from __future__ import annotations

from ..cijfers import bron_labels
from ..site import Site
from . import NavEntry, render_page

ROLLEN = "wie-doet-wat.md"
PRIVACY = "informatiedeling.md"


def vastleggen_uri(slug: str) -> str:
    return f"vastleggen/{slug}.md"


def pages(site: Site) -> dict[str, str]:
    out = {ROLLEN: render_page(ROLLEN, "keten/wie-doet-wat.md.j2", site),
           PRIVACY: render_page(PRIVACY, "keten/informatiedeling.md.j2", site)}
    for gemeente in site.gemeenten:
        uri = vastleggen_uri(gemeente.slug)
        out[uri] = render_page(uri, "keten/vastleggen.md.j2", site, gemeente=gemeente,
                               bronnen=bron_labels(site.cijfer_instellingen),
                               page_url=site.page_url(uri))
    return out


def files(site: Site) -> dict[str, bytes]:
    return {}


def nav(site: Site) -> list[NavEntry]:
    return [{"Wie doet wat?": ROLLEN}, {"Privacy en informatiedeling": PRIVACY}]
