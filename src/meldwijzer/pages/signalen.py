"""Signalen: the catalogue with its filter, and a page per work field."""

from __future__ import annotations

from ..models import VORMEN
from ..site import ResolvedSignaal, Site
from . import NavEntry, render_page

CATALOGUS = "signalen/index.md"


def werkveld_uri(werkveld: str) -> str:
    return f"signalen/{werkveld}.md"


def by_vorm(signalen: tuple[ResolvedSignaal, ...]) -> list[tuple[str, list[ResolvedSignaal]]]:
    """Signals grouped under each form they mention, forms in the contract's order."""
    groups = [(vorm, [s for s in signalen if vorm in s.vormen]) for vorm in VORMEN]
    return [(vorm, items) for vorm, items in groups if items]


def shown_before(groepen: list[tuple[str, list[ResolvedSignaal]]]) -> dict[str, set[str]]:
    """Per form, the signals already listed under an earlier form: indexed for search once."""
    seen: set[str] = set()
    out = {}
    for vorm, signalen in groepen:
        out[vorm] = set(seen)
        seen |= {s.id for s in signalen}
    return out


def pages(site: Site) -> dict[str, str]:
    groepen = by_vorm(site.alle_signalen)
    used = {sector for s in site.alle_signalen for sector in s.sectoren}
    sectoren = [(sid, label) for sid, label in site.sectoren.items() if sid in used]
    out = {CATALOGUS: render_page(CATALOGUS, "signalen/catalogus.md.j2", site,
                                  groepen=groepen, eerder=shown_before(groepen),
                                  sectoren=sectoren)}
    for werkveld, label in site.werkvelden.items():
        chosen = tuple(s for s in site.alle_signalen if werkveld in s.werkvelden)
        uri = werkveld_uri(werkveld)
        out[uri] = render_page(uri, "signalen/werkveld.md.j2", site, werkveld=werkveld,
                               label=label, aantal=len(chosen), groepen=by_vorm(chosen))
    return out


def nav(site: Site) -> list[NavEntry]:
    return [{"Signalen": [CATALOGUS, *(werkveld_uri(w) for w in site.werkvelden)]}]


def files(site: Site) -> dict[str, bytes]:
    return {}
