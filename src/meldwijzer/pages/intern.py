"""Pages that exist only in the internal build: the contact verification list."""

from __future__ import annotations

from ..site import Site
from . import NavEntry, render_page

CONTROLE = "intern/controle.md"


def pages(site: Site) -> dict[str, str]:
    if not site.intern:
        return {}
    return {CONTROLE: render_page(CONTROLE, "intern/controle.md.j2", site)}


def files(site: Site) -> dict[str, bytes]:
    return {}


def nav(site: Site) -> list[NavEntry]:
    return [{"Controle contactgegevens": CONTROLE}] if site.intern else []
