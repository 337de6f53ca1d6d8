"""Cijfers: the region's figures page, a figures page per municipality, a printable yearly
report per year, and the figures as open data (see ``cijfers`` for the data, ``grafieken``
for the charts and tables, ``cijferdata`` for the open data).

Every number on these pages comes from the protected model: in a public build a suppressed
cell has no count, so it can only read "minder dan 5" or "afgeschermd". The internal build
shows the exact count and marks what the public build hides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from .. import cijferdata
from ..cijfers import Indeling, Jaarcijfers, Reeks, ResolvedCijfers, Waarde
from ..disclosure import Status
from ..grafieken import Grafiek, Rij, Tabel, balken, getal, kolommen, procent, tekst
from ..site import Site
from . import NavEntry, relative_link, render_page

INDEX = "cijfers/index.md"
MAX_MUNICIPALITY_BARS = 30
"""Above this many municipalities the region page has a table without a chart."""


def gemeente_uri(slug: str) -> str:
    return f"cijfers/{slug}.md"


def jaarverslag_uri(jaar: int) -> str:
    return f"cijfers/jaarverslag/{jaar}.md"


@dataclass(frozen=True)
class Figuur:
    """A heading with a chart (or none) and the table with the same numbers."""

    kop: str
    anker: str
    grafiek: Grafiek | None
    tabel: Tabel
    uitleg: str | None = None


@dataclass(frozen=True)
class Deel:
    """A part of a page: the signals, or the training reach."""

    kop: str
    anker: str
    figuren: tuple[Figuur, ...]


WHAT = {"signalen": "signalen", "trainingen": "deelnemers aan trainingen"}
UNIT = {"signalen": "Signalen", "trainingen": "Deelnemers"}


class _View:
    """The figures of one place (the region, or one municipality) as page parts."""

    def __init__(self, site: Site, cijfers: ResolvedCijfers, uri: str, gemeente: str | None,
                 naam: str, jaren: Sequence[int] | None = None) -> None:
        self.site = site
        self.cijfers = cijfers
        self.uri = uri
        self.gemeente = gemeente
        self.naam = naam
        self.jaren = jaren
        self.drempel = cijfers.drempel

    def link(self, target: str) -> Markup:
        return relative_link(self.site, self.uri, target)

    def years(self, reeks: Reeks, indeling: str | None = None) -> list[Jaarcijfers]:
        chosen = [j for j in reeks.jaren if self.jaren is None or j.jaar in self.jaren]
        return [j for j in chosen if indeling is None or indeling in j.indelingen]

    def deel(self, reeks: Reeks) -> Deel | None:
        years = self.years(reeks)
        if not years:
            return None
        focus = years[-1]
        soort = reeks.soort
        prefix = "s" if soort == "signalen" else "t"
        figuren = [self._trend(reeks, years, prefix)]
        for indeling in reeks.indelingen:
            figuur = self._breakdown(reeks, indeling, focus, prefix)
            if figuur is not None:
                figuren.append(figuur)
        if self.gemeente is None:
            figuren.append(self._municipalities(reeks, years, focus, prefix))
        kop = "Signalen" if soort == "signalen" else "Bereik van de trainingen"
        return Deel(kop, soort, tuple(figuren))

    def _cel(self, year: Jaarcijfers, indeling: str | None = None,
             categorie: str | None = None) -> Waarde:
        return year.cel(self.gemeente, indeling, categorie)

    def _trend(self, reeks: Reeks, years: list[Jaarcijfers], prefix: str) -> Figuur:
        items = [(str(y.jaar), self._cel(y)) for y in years]
        wat = f"het aantal {WHAT[reeks.soort]} per jaar in {self.naam}, {years[0].jaar}" + (
            f" tot en met {years[-1].jaar}" if len(years) > 1 else "")
        kop = f"{UNIT[reeks.soort]} per jaar"
        chart = kolommen(f"{prefix}-trend", kop, wat, items, self.drempel)
        table = Tabel(f"{prefix}-trend-tabel", f"{kop}, {self.naam}", "Jaar",
                      (UNIT[reeks.soort],), tuple(Rij(label, (w,)) for label, w in items),
                      aandeel=reeks.soort == "trainingen")
        return Figuur(kop, f"{prefix}-per-jaar", chart, table)

    def _breakdown(self, reeks: Reeks, indeling: Indeling, focus: Jaarcijfers,
                   prefix: str) -> Figuur | None:
        years = self.years(reeks, indeling.id)
        if not years:
            return None
        rows = tuple(Rij(label, tuple(self._cel(y, indeling.id, cat) for y in years))
                     for cat, label in indeling.categorieen)
        kop = f"Per {indeling.naam.lower()}" if indeling.id != "minderjarig" else \
            "Minderjarig of meerderjarig"
        table = Tabel(f"{prefix}-{indeling.id}-tabel", f"{UNIT[reeks.soort]} per "
                      f"{indeling.naam.lower()} en per jaar, {self.naam}", indeling.naam,
                      tuple(str(y.jaar) for y in years), rows,
                      aandeel=reeks.soort == "trainingen")
        chart = None
        if indeling.id in focus.indelingen:
            items = [(label, self._cel(focus, indeling.id, cat))
                     for cat, label in indeling.categorieen]
            shares = reeks.soort == "trainingen" and all(
                w.aandeel is not None for _, w in items if w.status is Status.PUBLIEK) and any(
                w.status is Status.PUBLIEK for _, w in items)
            wat = ("het aandeel van de doelgroep dat een training volgde" if shares else
                   f"het aantal {WHAT[reeks.soort]}") + \
                f" per {indeling.naam.lower()} in {self.naam} in {focus.jaar}"
            chart = balken(f"{prefix}-{indeling.id}", f"{kop} in {focus.jaar}", wat, items,
                           self.drempel, shares)
        return Figuur(kop, f"{prefix}-{indeling.id}", chart, table)

    def _municipalities(self, reeks: Reeks, years: list[Jaarcijfers], focus: Jaarcijfers,
                        prefix: str) -> Figuur:
        pages = {g.slug for g in self.site.gemeenten}
        rows = tuple(Rij(naam, tuple(y.cel(slug) for y in years),
                         self.link(gemeente_uri(slug)) if slug in pages else None)
                     for slug, naam in reeks.gemeenten)
        table = Tabel(f"{prefix}-gemeenten-tabel", f"{UNIT[reeks.soort]} per gemeente en per "
                      "jaar", "Gemeente", tuple(str(y.jaar) for y in years), rows,
                      aandeel=reeks.soort == "trainingen")
        chart = None
        if len(reeks.gemeenten) <= MAX_MUNICIPALITY_BARS:
            items = [(naam, focus.cel(slug)) for slug, naam in reeks.gemeenten]
            chart = balken(f"{prefix}-gemeenten", f"Per gemeente in {focus.jaar}",
                           f"het aantal {WHAT[reeks.soort]} per gemeente in {focus.jaar}",
                           items, self.drempel)
        return Figuur("Per gemeente", f"{prefix}-gemeenten", chart, table)

    def delen(self) -> list[Deel]:
        return [d for d in (self.deel(r) for r in self.cijfers.reeksen) if d is not None]


def _render(uri: str, template: str, site: Site, cijfers: ResolvedCijfers,
            **context: object) -> str:
    return render_page(uri, template, site, cijfers=cijfers, drempel=cijfers.drempel,
                       tekst=tekst, getal=getal, procent=procent, n=_number, **context)


def _number(value: float) -> Markup:
    """A coordinate for an SVG attribute (a plain number, nothing to escape)."""
    return Markup(f"{value:g}")


def _summary(cijfers: ResolvedCijfers, jaar: int) -> list[str]:
    """The key figures of a year in sentences, for the yearly report."""
    lines = []
    for reeks in cijfers.reeksen:
        years = [j.jaar for j in reeks.jaren]
        if jaar not in years:
            continue
        now = reeks.jaar(jaar).totaal
        what = "signalen van mensenhandel" if reeks.soort == "signalen" else \
            "deelnames aan een training"
        line = f"{tekst(now, cijfers.drempel).capitalize()} {what} in {jaar}"
        if jaar - 1 in years:
            line += f" (in {jaar - 1}: {tekst(reeks.jaar(jaar - 1).totaal, cijfers.drempel)})"
        lines.append(line + ".")
    return lines


def pages(site: Site) -> dict[str, str]:
    cijfers = site.cijfers
    if cijfers is None:
        return {}
    out = {INDEX: _render(INDEX, "cijfers/regio.md.j2", site, cijfers,
                          delen=_View(site, cijfers, INDEX, None, site.naam).delen(),
                          gemeenten=site.gemeenten,
                          jaren=cijfers.jaren, page_url=site.page_url(INDEX))}
    for gemeente in site.gemeenten:
        uri = gemeente_uri(gemeente.slug)
        out[uri] = _render(uri, "cijfers/gemeente.md.j2", site, cijfers, gemeente=gemeente,
                           delen=_View(site, cijfers, uri, gemeente.slug, gemeente.naam).delen(),
                           page_url=site.page_url(uri))
    for jaar in cijfers.jaren:
        uri = jaarverslag_uri(jaar)
        shown = [y for y in (jaar - 1, jaar) if y in cijfers.jaren]
        out[uri] = _render(uri, "cijfers/jaarverslag.md.j2", site, cijfers, jaar=jaar,
                           delen=_View(site, cijfers, uri, None, site.naam, shown).delen(),
                           samenvatting=_summary(cijfers, jaar),
                           toelichting=cijfers.toelichting.get(jaar),
                           page_url=site.page_url(uri))
    return out


def files(site: Site) -> dict[str, bytes]:
    # Open data is public by definition: the internal build does not publish it at all.
    if site.cijfers is None or site.intern:
        return {}
    return cijferdata.files(site.naam, site.cijfers)


def nav(site: Site) -> list[NavEntry]:
    return [{"Cijfers": INDEX}] if site.cijfers is not None else []
