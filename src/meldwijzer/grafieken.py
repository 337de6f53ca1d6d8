"""Charts and tables of the figures, computed from the protected model (see ``cijfers``).

Every chart is an SVG drawn by a template (``templates/cijfers/_grafiek.html.j2``; the
choice over a plotting library is docs/adr/0013); this module only works out what the
template draws: the bars, their lengths in the chart's own units, their labels and the
sentence that says what the chart shows (its text alternative). Every chart goes with a
``Tabel`` holding the same numbers.

A bar's length comes from published counts only: the scale is the largest *published*
value (at least the threshold), so a hidden count never changes how any bar looks. A
hidden count is drawn as a hatched bar up to the threshold, labelled "minder dan 5"; a
count hidden so that no small count can be computed gets no bar, only the word.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .cijfers import Waarde
from .disclosure import Status

WIDTH = 320
BAR_SPACE = 228
"""The longest horizontal bar (the rest of the width holds its label)."""
COLUMN_HEIGHT = 140
LABEL_CHARS = 46

Soort = Literal["kolommen", "balken"]


def getal(value: int) -> str:
    """A count as Dutch readers write it: 1.234."""
    return f"{value:,}".replace(",", ".")


def procent(share: float) -> str:
    return f"{round(share * 100)}%"


def tekst(waarde: Waarde, drempel: int) -> str:
    """What a public reader sees of a cell."""
    if waarde.status is Status.PUBLIEK:
        return getal(waarde.aantal or 0)
    if waarde.status is Status.KLEIN:
        return f"minder dan {drempel}"
    if waarde.status is Status.AFGESCHERMD:
        return "afgeschermd"
    return "niet gepubliceerd"


def kort(waarde: Waarde, drempel: int) -> str:
    """The same in the little room above a column."""
    if waarde.status is Status.PUBLIEK:
        return getal(waarde.aantal or 0)
    return {Status.KLEIN: f"<{drempel}", Status.AFGESCHERMD: "\u00d7"}.get(waarde.status, "\u2013")


@dataclass(frozen=True)
class Staaf:
    """One bar, with everything the template places."""

    regels: tuple[str, ...]
    """The bar's label, wrapped to fit (one line below a column)."""
    waarde: Waarde
    tekst: str
    """Its value as text: a count, a share, "minder dan 5", "afgeschermd"."""
    lengte: float
    x: float
    y: float

    @property
    def soort(self) -> str:
        return {Status.PUBLIEK: "publiek", Status.KLEIN: "klein",
                Status.AFGESCHERMD: "afgeschermd"}.get(self.waarde.status, "niet")


@dataclass(frozen=True)
class Grafiek:
    id: str
    titel: str
    beschrijving: str
    soort: Soort
    staven: tuple[Staaf, ...]
    hoogte: int
    breedte: int = WIDTH
    kolombreedte: float = 0.0
    """Columns: the width of one column."""
    basis: float = 0.0
    """Columns: the y of the base line."""
    klein: float = 0.0
    """The length of a hatched bar ("minder dan 5"): the threshold on the scale."""


@dataclass(frozen=True)
class Rij:
    label: str
    cellen: tuple[Waarde, ...]
    link: str | None = None
    """The page of the row (a municipality's figures), relative to the page."""


@dataclass(frozen=True)
class Tabel:
    id: str
    bijschrift: str
    kop: str
    """The first column's heading."""
    kolommen: tuple[str, ...]
    rijen: tuple[Rij, ...]
    aandeel: bool = False
    """Training reach: a column with the share of the target group after each count."""


def _scale(values: Sequence[Waarde], drempel: int, shares: bool) -> float:
    if shares:
        return 1.0
    published = [v.aantal or 0 for v in values if v.status is Status.PUBLIEK]
    return float(max([drempel, *published]))


def _amount(waarde: Waarde, shares: bool) -> float:
    if shares:
        return waarde.aandeel or 0.0
    return float(waarde.aantal or 0)


def _label(waarde: Waarde, drempel: int, shares: bool) -> str:
    if shares and waarde.status is Status.PUBLIEK:
        return procent(waarde.aandeel) if waarde.aandeel is not None else \
            f"{getal(waarde.aantal or 0)} (aandeel onbekend)"
    return tekst(waarde, drempel)


def balken(id: str, titel: str, wat: str, items: Sequence[tuple[str, Waarde]], drempel: int,
           shares: bool = False) -> Grafiek:
    """Horizontal bars, one per category, the label above each bar (fits 375 px)."""
    scale = _scale([w for _, w in items], drempel, shares)
    bars = []
    y = 4.0
    for label, waarde in items:
        lines = tuple(textwrap.wrap(label, LABEL_CHARS)) or ("",)
        y += 14 * len(lines)
        length = BAR_SPACE * _amount(waarde, shares) / scale \
            if waarde.status is Status.PUBLIEK else 0.0
        bars.append(Staaf(lines, waarde, _label(waarde, drempel, shares), round(length, 1),
                          0.0, round(y - 14 * len(lines), 1)))
        y += 24
    small = 0.0 if shares else round(BAR_SPACE * (drempel - 0.5) / scale, 1)
    return Grafiek(id, titel, _describe("Staafdiagram", wat, items, drempel, shares), "balken",
                   tuple(bars), int(y + 4), klein=small)


def kolommen(id: str, titel: str, wat: str, items: Sequence[tuple[str, Waarde]],
             drempel: int) -> Grafiek:
    """Columns over time (years), the value above each column."""
    scale = _scale([w for _, w in items], drempel, False)
    width = (WIDTH - 8) / max(len(items), 1)
    base = 18.0 + COLUMN_HEIGHT
    bars = []
    for index, (label, waarde) in enumerate(items):
        height = COLUMN_HEIGHT * (waarde.aantal or 0) / scale \
            if waarde.status is Status.PUBLIEK else 0.0
        bars.append(Staaf((label,), waarde, kort(waarde, drempel), round(height, 1),
                          round(4 + index * width, 1), round(base - height, 1)))
    small = round(COLUMN_HEIGHT * (drempel - 0.5) / scale, 1)
    return Grafiek(id, titel, _describe("Kolomdiagram", wat, items, drempel, False),
                   "kolommen", tuple(bars), int(base + 22), kolombreedte=round(width, 1),
                   basis=base, klein=small)


def _describe(kind: str, wat: str, items: Sequence[tuple[str, Waarde]], drempel: int,
              shares: bool) -> str:
    """The chart's text alternative: what it shows, its largest and smallest published
    value, and which values are not published. The table next to it has every number."""
    published = [(label, w) for label, w in items if w.status is Status.PUBLIEK]
    parts = [f"{kind} van {wat}."]
    if published:
        key = (lambda item: item[1].aandeel or 0.0) if shares else \
            (lambda item: item[1].aantal or 0)
        high, low = max(published, key=key), min(published, key=key)
        parts.append(f"Hoogste: {high[0]} ({_label(high[1], drempel, shares)}).")
        if low is not high and len(published) > 2:
            parts.append(f"Laagste: {low[0]} ({_label(low[1], drempel, shares)}).")
    hidden = {status: [label for label, w in items if w.status is status]
              for status in (Status.KLEIN, Status.AFGESCHERMD, Status.NIET)}
    names = {Status.KLEIN: f"Minder dan {drempel}", Status.AFGESCHERMD: "Afgeschermd",
             Status.NIET: "Niet gepubliceerd"}
    for status, labels in hidden.items():
        if labels:
            parts.append(f"{names[status]}: {', '.join(labels)}.")
    parts.append("De tabel hieronder geeft alle aantallen.")
    return " ".join(parts)
