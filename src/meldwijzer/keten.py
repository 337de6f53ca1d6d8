"""The chain around a report: the roles, out-of-hours numbers, recording, privacy, sectors.

Defaults ship with the package (``data/rollen.yml``, ``data/sectoren.yml``,
``data/teksten/*.md``), written for every region; a region (``regio.yml``) and a municipality
replace what they want. ``{rol}`` in a text is the region's own name for the first point of
contact in a municipality (``rolnaam``, by default "aandachtfunctionaris").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .models import Regio, Teksten

ANONYMOUS_NOTE = ("Meld Misdaad Anoniem is voor burgers. Een medewerker of collega die anoniem "
                  "wil blijven, meldt via de {rol}: die kan de naam afschermen.")
"""Shown at every step that offers Meld Misdaad Anoniem (see ``phones.is_anonymous_line``),
on the routekaart and in the helper, whatever the region's own texts say."""

TEKSTEN = ("vastleggen", "bewaren", "buiten_kantoortijd", "privacy", "afspraken",
           "beroepsgeheim")
_ALL_HOURS = re.compile(r"24\s*/\s*7|24\s*uur|dag en nacht|altijd", re.IGNORECASE)


def _data(name: str) -> str:
    return (resources.files("meldwijzer") / "data" / name).read_text("utf-8")


@lru_cache(maxsize=1)
def standard_roles() -> tuple[dict[str, Any], ...]:
    return tuple(yaml.safe_load(_data("rollen.yml")))


@lru_cache(maxsize=1)
def standard_sectors() -> dict[str, str]:
    return {str(k): str(v) for k, v in yaml.safe_load(_data("sectoren.yml")).items()}


@lru_cache(maxsize=1)
def standard_texts() -> dict[str, str]:
    out = {}
    for key in TEKSTEN:
        file = resources.files("meldwijzer") / "data" / "teksten" / f"{key.replace('_', '-')}.md"
        if file.is_file():
            out[key] = file.read_text("utf-8")
    return out


def standard_role_ids() -> set[str]:
    return {str(r["id"]) for r in standard_roles()}


def role_ids(regio: Regio) -> set[str]:
    """Every role id a route may name in ``voor``."""
    return standard_role_ids() | {r.id for r in regio.rollen}


def sector_labels(regio: Regio) -> dict[str, str]:
    return {**standard_sectors(), **regio.sectoren}


def fill(text: str | None, rol: str) -> str | None:
    """``text`` with ``{rol}`` replaced by the region's name for the first contact."""
    return text.replace("{rol}", rol) if text else text


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def texts(rol: str, *layers: Teksten | None) -> dict[str, str]:
    """The texts, each from the first layer that has it (municipality, region), else the
    standard; ``{rol}`` filled in."""
    out = dict(standard_texts())
    for layer in reversed([layer for layer in layers if layer is not None]):
        out.update({k: v for k, v in layer.model_dump().items() if v})
    return {k: v.replace("{rol}", rol) for k, v in out.items()}


def all_hours(bereikbaar: str | None) -> bool:
    """True for a contact that says it is reachable day and night ("24/7", "24 uur")."""
    return bool(bereikbaar and _ALL_HOURS.search(bereikbaar))


@dataclass(frozen=True)
class ResolvedRol:
    """A role as the page "Wie doet wat?" shows it, with the region's contacts for it."""

    id: str
    naam: str
    wat: str | None
    wanneer: str | None
    contacten: tuple[str, ...]
    intern: bool
