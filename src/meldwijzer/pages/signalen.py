"""Signalen: the catalogue of signals, grouped by form of exploitation."""

from __future__ import annotations

from ..models import VORMEN
from ..resolve import ResolvedSignaal, Site
from . import NavEntry, render_page


def by_vorm(signalen: tuple[ResolvedSignaal, ...]) -> list[tuple[str, list[ResolvedSignaal]]]:
    """Signals grouped under each form they mention, forms in the contract's order."""
    groups = [(vorm, [s for s in signalen if vorm in s.vormen]) for vorm in VORMEN]
    return [(vorm, items) for vorm, items in groups if items]


def pages(site: Site) -> dict[str, str]:
    uri = "signalen/index.md"
    return {uri: render_page(uri, "signalen/catalogus.md.j2", site,
                             groepen=by_vorm(site.signalen))}


def nav(site: Site) -> list[NavEntry]:
    return [{"Signalen": "signalen/index.md"}]
