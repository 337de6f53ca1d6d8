"""The region's figures (``cijfers/``, contract 1.3): read, check, protect.

Two kinds of counts, each one spreadsheet (CSV or .xlsx, see ``tabelread``):

* ``cijfers/signalen``: signals of human trafficking per year (``jaar``) or quarter
  (``periode`` such as ``2025-K3``), municipality and form (``vorm``), with ``aantal``, and
  optionally ``sector``, ``bron`` (who brought it in), ``minderjarig`` and ``uitkomst``;
* ``cijfers/trainingen``: training reach: ``jaar``, ``module``, ``gemeente``, ``werkveld``,
  ``deelnemers`` and optionally ``medewerkers`` (the size of the target group, so that a
  share can be shown);

and per year an optional commentary ``cijfers/toelichting/<jaar>.md`` (Markdown).

Counts only: every value is matched against what the site already knows (the municipalities
by file name or ``naam``, the forms, the sectors, sources and outcomes, the training modules
and work fields), so no free text from a spreadsheet ever reaches a page, and a column that
could hold a person (a name, a date of birth, an address, a case number) is refused.

The result is a ``ResolvedCijfers`` with the small-numbers rule applied (see
``disclosure``): in a public build a suppressed cell carries no count at all, so no page,
chart or file can print one.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml

from . import tabelread
from .disclosure import TOTAL, Cell, Status, Year, protect
from .errors import ErrorLog
from .files import exists
from .models import DREMPEL, VORM_LABELS, VORMEN, CijferInstellingen
from .safety import body_problem
from .tabelread import Cell as Spreadsheet
from .tabelread import Table, header_name, read_table
from .yamlread import read_text

if TYPE_CHECKING:
    from .site import Options, Site
    from .trainingen import ResolvedModule

FOLDER = "cijfers"
TOELICHTING = "toelichting"
MAX_COMMENTARY_CHARS = 20_000
MAX_COUNT = 1_000_000
ONBEKEND = "onbekend"
"""The category of a record that leaves an optional breakdown (or the municipality) empty."""

Soort = Literal["signalen", "trainingen"]

COLUMNS: dict[Soort, dict[str, str]] = {
    "signalen": {
        "jaar": "het jaar, bijvoorbeeld 2025",
        "periode": "het jaar of het kwartaal, bijvoorbeeld 2025 of 2025-K3",
        "gemeente": "de gemeente (bestandsnaam of naam)",
        "vorm": "de vorm van uitbuiting",
        "aantal": "het aantal signalen",
        "sector": "de sector (bij arbeidsuitbuiting)",
        "bron": "wie het signaal inbracht",
        "minderjarig": "ja, nee of leeg (onbekend)",
        "uitkomst": "wat er met het signaal gebeurde",
    },
    "trainingen": {
        "jaar": "het jaar, bijvoorbeeld 2025",
        "module": "de training",
        "gemeente": "de gemeente (bestandsnaam of naam)",
        "werkveld": "het werkveld",
        "deelnemers": "het aantal deelnemers",
        "medewerkers": "het aantal medewerkers in de doelgroep (om het aandeel te tonen)",
    },
}
COUNT_COLUMN: dict[Soort, str] = {"signalen": "aantal", "trainingen": "deelnemers"}
REQUIRED: dict[Soort, tuple[str, ...]] = {
    "signalen": ("gemeente", "vorm", "aantal"),
    "trainingen": ("module", "gemeente", "werkveld", "deelnemers"),
}
BREAKDOWNS: dict[Soort, tuple[str, ...]] = {
    "signalen": ("vorm", "sector", "bron", "uitkomst", "minderjarig", "kwartaal"),
    "trainingen": ("werkveld", "module"),
}
BREAKDOWN_NAMES = {
    "vorm": "Vorm van uitbuiting", "sector": "Sector", "bron": "Bron",
    "uitkomst": "Uitkomst", "minderjarig": "Minderjarig", "kwartaal": "Kwartaal",
    "werkveld": "Werkveld", "module": "Training",
}
PERSON_COLUMNS = (
    "naam", "voornaam", "achternaam", "roepnaam", "persoon", "cliënt", "client", "slachtoffer",
    "dader", "melder", "geboortedatum", "geboren", "geb.datum", "leeftijd", "bsn",
    "burgerservicenummer", "adres", "straat", "huisnummer", "postcode", "woonplaats",
    "telefoon", "telefoonnummer", "e-mail", "email", "mail", "dossiernummer", "dossier",
    "casusnummer", "casus", "zaaknummer", "zaak", "registratienummer", "kenmerk", "datum",
    "nationaliteit", "geslacht", "opmerking", "opmerkingen", "toelichting", "omschrijving",
)
"""Columns that could hold (or point to) a person: refused with their own message."""
MINDERJARIG = {"ja": "Minderjarig", "nee": "Meerderjarig", ONBEKEND: "Niet vastgelegd"}
_YES = {"ja", "j", "true", "waar", "1", "minderjarig", "yes"}
_NO = {"nee", "n", "false", "onwaar", "0", "meerderjarig", "volwassen", "no"}
QUARTERS = ("K1", "K2", "K3", "K4")
_YEAR = re.compile(r"^([0-9]{4})$")
_PERIOD = re.compile(r"^([0-9]{4})\s*[-/ ]?\s*[KkQq]([1-4])$")
FIRST_YEAR = 2000
Fail = Callable[[str, str], None]
"""Reports a problem in a row's column (name, Dutch message)."""
for _names in COLUMNS.values():
    tabelread.KNOWN_HEADERS.update(_names)


@lru_cache(maxsize=1)
def standard_lists() -> dict[str, dict[str, str]]:
    """The standard sources and outcomes (``data/cijfers.yml``)."""
    data = yaml.safe_load((resources.files("meldwijzer") / "data" / "cijfers.yml")
                          .read_text("utf-8"))
    return {key: {str(k): str(v) for k, v in value.items()} for key, value in data.items()}


def bron_labels(settings: CijferInstellingen | None) -> dict[str, str]:
    """Who brought a signal in: the standard list with the region's additions."""
    return {**standard_lists()["bronnen"], **(settings.bronnen if settings else {})}


@dataclass(frozen=True)
class Indeling:
    """A breakdown of the figures: its id, its name and its categories (id, label)."""

    id: str
    naam: str
    categorieen: tuple[tuple[str, str], ...]

    def label(self, category: str) -> str:
        return dict(self.categorieen)[category]


@dataclass(frozen=True)
class Waarde:
    """One published cell. ``aantal`` is the count when the public may see it (else None);
    ``exact`` is the count in the internal build only. ``aandeel`` (training): the share
    of the target group, when the count is published and every row gave the group's size."""

    status: Status
    aantal: int | None
    exact: int | None = None
    aandeel: float | None = None

    @property
    def publiek(self) -> bool:
        return self.status is Status.PUBLIEK


@dataclass(frozen=True)
class Jaarcijfers:
    """One year of one kind of figures, protected: every cell of the year's tables."""

    jaar: int
    indelingen: tuple[str, ...]
    """The breakdowns in this year (a quarter only in a year that has quarters)."""
    cellen: Mapping[Cell, Waarde] = field(hash=False, compare=False)

    def cel(self, gemeente: str | None = None, indeling: str | None = None,
            categorie: str | None = None) -> Waarde:
        return self.cellen[(gemeente, indeling, categorie)]

    @property
    def totaal(self) -> Waarde:
        return self.cellen[TOTAL]


@dataclass(frozen=True)
class Reeks:
    """One kind of figures (signals or training reach) over the years, protected."""

    soort: Soort
    bestand: str
    gemeenten: tuple[tuple[str, str], ...]
    """(slug, name) of every municipality, then ("onbekend", ...) when some rows name none."""
    indelingen: tuple[Indeling, ...]
    jaren: tuple[Jaarcijfers, ...]

    def indeling(self, id: str) -> Indeling:
        return next(i for i in self.indelingen if i.id == id)

    def jaar(self, year: int) -> Jaarcijfers:
        return next(j for j in self.jaren if j.jaar == year)

    @property
    def laatste(self) -> Jaarcijfers:
        return self.jaren[-1]

    def heeft(self, indeling: str) -> bool:
        return any(indeling in j.indelingen for j in self.jaren)


@dataclass(frozen=True)
class ResolvedCijfers:
    """The figures of the region, as a page family reads them."""

    signalen: Reeks | None
    trainingen: Reeks | None
    drempel: int
    voorbeeld: bool
    bijgewerkt: dt.date | None
    toelichting: Mapping[int, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def jaren(self) -> tuple[int, ...]:
        """Every year with figures of either kind, oldest first."""
        return tuple(sorted({j.jaar for r in self.reeksen for j in r.jaren}))

    @property
    def reeksen(self) -> tuple[Reeks, ...]:
        return tuple(r for r in (self.signalen, self.trainingen) if r is not None)


@dataclass(frozen=True)
class Context:
    """What the figures are checked against: the site's own lists."""

    gemeenten: Mapping[str, str]
    """slug -> name of every municipality."""
    lijsten: Mapping[str, Mapping[str, str]]
    """Per breakdown (vorm, sector, bron, uitkomst, module, werkveld): id -> label."""
    vandaag: dt.date
    checked: bool = True
    """False when the rest of the data could not be read: only the files' form is checked."""


@dataclass(frozen=True)
class _Record:
    jaar: int
    gemeente: str
    categories: tuple[tuple[str, str], ...]
    aantal: int
    medewerkers: int | None
    line: int


def context_for(gemeenten: Mapping[str, str], settings: CijferInstellingen | None,
                sectoren: Mapping[str, str], werkvelden: Mapping[str, str],
                modules: Mapping[str, str], vandaag: dt.date, checked: bool = True) -> Context:
    standard = standard_lists()
    extra = settings or CijferInstellingen()
    return Context(gemeenten=gemeenten, vandaag=vandaag, checked=checked, lijsten={
        "vorm": VORM_LABELS, "sector": sectoren, "werkveld": werkvelden,
        "bron": bron_labels(settings),
        "uitkomst": {**standard["uitkomsten"], **extra.uitkomsten},
        "module": {**modules, **extra.modules},
    })


def load_cijfers(root: Path, context: Context, settings: CijferInstellingen | None,
                 intern: bool, log: ErrorLog) -> ResolvedCijfers | None:
    """Read and check ``cijfers/`` (None when the project has no such folder); the
    small-numbers rule applied for the profile (``intern``: exact counts kept)."""
    folder = root / FOLDER
    if not folder.is_dir() or folder.is_symlink():
        if folder.is_symlink():
            log.add(folder, 1, "", "De map cijfers/ is een snelkoppeling (symlink). Zet de "
                    "echte map in de projectmap.")
        return None
    found = _files(folder, log)
    drempel = settings.drempel if settings else DREMPEL
    reeksen: dict[Soort, Reeks | None] = {}
    for soort, file in found.items():
        table = read_table(file, log)
        records = _records(soort, table, context, log) if table is not None else None
        reeksen[soort] = _protected(soort, log.relative(file), records, context, drempel,
                                    intern) if records is not None else None
    if not found:
        log.add(folder, 1, "", "De map cijfers/ bevat geen signalen.csv, signalen.xlsx, "
                "trainingen.csv of trainingen.xlsx. Zet de aantallen in een van deze "
                "bestanden, of verwijder de map.")
    years = {j.jaar for r in reeksen.values() if r for j in r.jaren}
    toelichting = _commentary(folder / TOELICHTING, years, log, complete=all(
        r is not None for r in reeksen.values()))
    if settings and settings.bijgewerkt and settings.bijgewerkt > context.vandaag:
        log.add(root / "routekaarten" / "regio.yml", 1, "cijfers.bijgewerkt",
                f"De datum {settings.bijgewerkt.isoformat()} ligt in de toekomst. Zet hier de "
                "dag waarop de cijfers zijn bijgewerkt.")
    if log:
        return None
    return ResolvedCijfers(
        signalen=reeksen.get("signalen"), trainingen=reeksen.get("trainingen"),
        drempel=drempel, voorbeeld=bool(settings and settings.voorbeeld),
        bijgewerkt=(settings.bijgewerkt if settings and settings.bijgewerkt
                    else last_changed(root, [*found.values(), folder / TOELICHTING])),
        toelichting=toelichting)


def _files(folder: Path, log: ErrorLog) -> dict[Soort, Path]:
    found: dict[Soort, Path] = {}
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith((".", "~$")):
            continue  # hidden files and the lock files Excel writes while a file is open
        if entry.name == TOELICHTING and entry.is_dir() and not entry.is_symlink():
            continue
        stem, suffix = entry.stem, entry.suffix.lower()
        if stem in COLUMNS and suffix in tabelread.SUFFIXES and not entry.is_dir():
            soort: Soort = "signalen" if stem == "signalen" else "trainingen"
            if soort in found:
                log.add(entry, 1, "", f"Er staat al een bestand met {soort}: "
                        f"{log.relative(found[soort])}. Bewaar de aantallen in één bestand en "
                        "verwijder het andere.")
                continue
            found[soort] = entry
            continue
        log.add(entry, 1, "", f'"{entry.name}" hoort niet in de map cijfers/. Daar staan '
                "alleen signalen.csv (of .xlsx), trainingen.csv (of .xlsx) en de map "
                "toelichting/ met per jaar een Markdown-bestand, zoals toelichting/2025.md.")
    return found


def _normal(text: str) -> str:
    """A value as it is compared: case, accents, spaces, hyphens and underscores ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s_\-]+", "-", plain).strip("-")


def _matcher(choices: Mapping[str, str]) -> dict[str, str | None]:
    """Normalised id or label -> id; None where a label fits two ids."""
    out: dict[str, str | None] = {}
    for key, label in choices.items():
        for form in {_normal(key), _normal(label)}:
            out[form] = key if out.get(form, key) == key else None
    return out


def _options(choices: Mapping[str, str], limit: int = 12) -> str:
    if not choices:
        return "(nog niets: de lijst is leeg)"
    shown = [f"{key} ({label})" if _normal(key) != _normal(label) else key
             for key, label in list(choices.items())[:limit]]
    more = f" en nog {len(choices) - limit}" if len(choices) > limit else ""
    return ", ".join(shown) + more


def _header(soort: Soort, table: Table, log: ErrorLog) -> dict[str, Spreadsheet] | None:
    """Column name -> its header cell; every problem with the header logged."""
    known = COLUMNS[soort]
    columns: dict[str, Spreadsheet] = {}
    ok = True
    for cell in table.header:
        name = header_name(cell.text)
        where = table.place(cell, name or "kolom")
        if not name:
            log.add(table.file, cell.line, where, "Deze kolom heeft geen naam. Zet op de eerste "
                    f"regel een kolomnaam: {', '.join(known)}; of haal de kolom weg.")
            ok = False
        elif name in known:
            if name in columns:
                log.add(table.file, cell.line, where, f"De kolom '{name}' staat er twee keer (ook "
                        f"in kolom {columns[name].column}). Haal een van de twee weg.")
                ok = False
            columns[name] = cell
        elif name in PERSON_COLUMNS or _normal(name) in {_normal(p) for p in PERSON_COLUMNS}:
            log.add(table.file, cell.line, where, f"De kolom '{cell.text}' kan gegevens over een "
                    "persoon bevatten. De cijfers bevatten alleen aantallen, nooit namen, "
                    "geboortedata, adressen of dossiernummers: haal de kolom weg (en bewaar "
                    "zulke gegevens alleen in het registratiesysteem).")
            ok = False
        else:
            log.add(table.file, cell.line, where, f"De kolom '{cell.text}' is onbekend. "
                    f"Toegestaan zijn: {', '.join(known)}.")
            ok = False
    if soort == "signalen" and "jaar" in columns and "periode" in columns:
        log.add(table.file, columns["periode"].line, table.place(columns["periode"], "periode"),
                "Gebruik de kolom jaar of de kolom periode, niet allebei.")
        ok = False
    needed = [*REQUIRED[soort], *(() if "periode" in columns else ("jaar",))]
    for name in needed:
        if name not in columns:
            log.add(table.file, table.header[0].line, "", f"De kolom '{name}' ontbreekt ("
                    f"{known[name]}). Zet op de eerste regel de kolomnamen, bijvoorbeeld: "
                    f"{', '.join(n for n in known if n != 'periode')}.")
            ok = False
    return columns if ok else None


def _records(soort: Soort, table: Table, context: Context,
             log: ErrorLog) -> list[_Record] | None:
    columns = _header(soort, table, log)
    if columns is None:
        return None
    index = {name: table.header.index(cell) for name, cell in columns.items()}
    matchers = {name: _matcher(context.lijsten[name]) for name in context.lijsten}
    gemeenten = _matcher(context.gemeenten)
    errors_before = len(log.errors)
    records = []
    seen: dict[tuple[object, ...], int] = {}
    for row in table.rows:
        def cell(name: str, row: tuple[Spreadsheet, ...] = row) -> Spreadsheet | None:
            return row[index[name]] if name in index else None

        def fail(name: str, message: str, row: tuple[Spreadsheet, ...] = row) -> None:
            found = cell(name) or row[0]
            log.add(table.file, found.line, table.place(found, name), message)

        period = _period(cell("periode") or cell("jaar"), "periode" in index, context, fail)
        counts = {name: _count(cell(name), name, fail, optional=name == "medewerkers")
                  for name in (COUNT_COLUMN[soort], "medewerkers") if name in index}
        categories: list[tuple[str, str]] = []
        place = _gemeente(cell("gemeente"), gemeenten, context, fail)
        for name in BREAKDOWNS[soort]:
            if name == "kwartaal":
                continue
            if name == "minderjarig":
                value = _minor(cell(name), fail) if name in index else None
            elif name in index:
                value = _category(cell(name), name, matchers[name], context, fail,
                                  required=name in REQUIRED[soort])
            else:
                continue
            if value is not None:
                categories.append((name, value))
        if period is None or place is None or None in counts.values() or \
                len(categories) != sum(1 for n in BREAKDOWNS[soort] if n in index):
            continue
        year, quarter = period
        if soort == "signalen":
            categories.append(("kwartaal", quarter or ONBEKEND))
        count = counts[COUNT_COLUMN[soort]]
        staff = counts.get("medewerkers")
        assert count is not None
        if staff is not None and count > staff:
            fail("deelnemers", f"Er staan meer deelnemers ({count}) dan medewerkers ({staff}). "
                 "Controleer beide aantallen.")
            continue
        key = (year, quarter, place, tuple(categories))
        line = row[0].line
        if key in seen:
            log.add(table.file, line, "", f"Deze regel telt hetzelfde als regel {seen[key]} "
                    "(zelfde periode, gemeente en indeling). Tel ze op in één regel, of "
                    "verbeter een van de twee.")
            continue
        seen[key] = line
        records.append(_Record(year, place, tuple(categories), count, staff, line))
    if len(log.errors) > errors_before:
        return None
    if not records:
        log.add(table.file, table.header[0].line, "", "Onder de kolomnamen staan geen "
                "aantallen. Zet op elke regel een periode, een gemeente en een aantal.")
        return None
    return records


def _period(cell: Spreadsheet | None, quarters: bool, context: Context,
            fail: Fail) -> tuple[int, str | None] | None:
    name = "periode" if quarters else "jaar"
    text = cell.text if cell else None
    example = "2025 of 2025-K3" if quarters else "2025"
    if text is None:
        fail(name, f"Het {name} ontbreekt. Voorbeeld: {example}.")
        return None
    year_match, period_match = _YEAR.match(text), _PERIOD.match(text) if quarters else None
    if not (year_match or period_match):
        excel = " (maakte Excel er een datum van? Zet de cel op Tekst of Getal)" \
            if re.match(r"^\d{4}-\d{2}-\d{2}", text) else ""
        fail(name, f'"{text}" is geen {"periode" if quarters else "jaartal"}{excel}. '
             f"Voorbeeld: {example}.")
        return None
    match = year_match or period_match
    assert match is not None
    year = int(match.group(1))
    quarter = f"K{period_match.group(2)}" if period_match else None
    start_month = 3 * (int(quarter[1]) - 1) + 1 if quarter else 1
    if year < FIRST_YEAR:
        fail(name, f"{year} ligt voor {FIRST_YEAR}. Controleer het jaartal.")
        return None
    if context.checked and dt.date(year, start_month, 1) > context.vandaag:
        fail(name, f'"{text}" ligt in de toekomst (vandaag is '
             f"{context.vandaag.isoformat()}). Tel alleen wat al gebeurd is.")
        return None
    return year, quarter


def _count(cell: Spreadsheet | None, name: str, fail: Fail, optional: bool) -> int | None:
    text = cell.text if cell else None
    if text is None:
        if not optional:
            fail(name, f"Het {name} ontbreekt. Zet hier een heel getal, ook als het 0 is.")
        return None
    if re.fullmatch(r"-\s*[0-9]+", text):
        fail(name, f'"{text}" is negatief. Een aantal is 0 of meer.')
        return None
    if not re.fullmatch(r"[0-9]{1,7}", text) or int(text) > MAX_COUNT:
        hint = " Schrijf hele getallen, zonder punt of komma." if re.fullmatch(
            r"[\d.,\s]+", text) else ""
        fail(name, f'"{text}" is geen aantal (een heel getal, 0 of meer, tot 1.000.000).'
             f"{hint} Voorbeeld: 12.")
        return None
    return int(text)


def _gemeente(cell: Spreadsheet | None, gemeenten: Mapping[str, str | None], context: Context,
              fail: Fail) -> str | None:
    text = cell.text if cell else None
    if text is None or _normal(text) == ONBEKEND:
        return ONBEKEND
    if not context.checked:
        return _normal(text)
    found = gemeenten.get(_normal(text))
    if found is None:
        fail("gemeente", f'"{text}" is geen gemeente van deze regio. Schrijf de naam zoals in '
             "haar bestand, of de bestandsnaam uit routekaarten/gemeenten/: "
             f"{_options(context.gemeenten)}. Laat de cel leeg (of schrijf onbekend) als de "
             "gemeente niet bekend is.")
    return found


def _category(cell: Spreadsheet | None, name: str, choices: Mapping[str, str | None],
              context: Context, fail: Fail, required: bool) -> str | None:
    text = cell.text if cell else None
    if text is None:
        if required:
            fail(name, f"De {name} ontbreekt. Kies uit: {_options(context.lijsten[name])}.")
            return None
        return ONBEKEND
    if not context.checked:
        return _normal(text)
    found = choices.get(_normal(text))
    if found is None:
        more = {"sector": " Een eigen sector zet je in routekaarten/regio.yml onder sectoren.",
                "bron": " Een eigen bron zet je in routekaarten/regio.yml onder cijfers: "
                "bronnen.", "uitkomst": " Een eigen uitkomst zet je in routekaarten/regio.yml "
                "onder cijfers: uitkomsten.", "module": " Een training die niet op de site "
                "staat zet je in routekaarten/regio.yml onder cijfers: modules."}.get(name, "")
        unknown = "Onbekend" if name == "werkveld" else "Onbekende"
        label = "Deze naam past bij meer dan één" if _normal(text) in choices else unknown
        fail(name, f'{label} {name}: "{text}". Kies uit: {_options(context.lijsten[name])}.'
             f"{more}")
    return found


def _minor(cell: Spreadsheet | None, fail: Fail) -> str | None:
    text = cell.text if cell else None
    if text is None or _normal(text) in {ONBEKEND, "niet-bekend", "?"}:
        return ONBEKEND
    value = _normal(text)
    if value in _YES:
        return "ja"
    if value in _NO:
        return "nee"
    fail("minderjarig", f'"{text}" is geen ja of nee. Schrijf ja (jonger dan 18), nee, of '
         "laat de cel leeg als het niet bekend is.")
    return None


def _labels(name: str, used: set[str], context: Context) -> tuple[tuple[str, str], ...]:
    """The categories of a breakdown: the whole list for the forms, the used ones (in the
    list's order) for the rest, "niet vastgelegd" last when some rows leave it empty."""
    if name == "vorm":
        known: Mapping[str, str] = VORM_LABELS
        chosen = list(VORMEN)
    elif name == "minderjarig":
        known, chosen = MINDERJARIG, ["ja", "nee"]
    elif name == "kwartaal":
        known, chosen = {q: q for q in QUARTERS}, list(QUARTERS)
    else:
        known = context.lijsten[name]
        chosen = [key for key in known if key in used]
    labels = [(key, known[key]) for key in chosen]
    if ONBEKEND in used:
        labels.append((ONBEKEND, "Niet vastgelegd"))
    return tuple(labels)


def _protected(soort: Soort, bestand: str, records: list[_Record], context: Context,
               drempel: int, intern: bool) -> Reeks | None:
    if not context.checked:
        return None  # the rest of the data has errors: they are reported first
    used: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for name, value in record.categories:
            used[name].add(value)
    quarters = used.get("kwartaal", set()) - {ONBEKEND}
    names = [n for n in BREAKDOWNS[soort] if n in used and (n != "kwartaal" or quarters)]
    indelingen = tuple(Indeling(n, BREAKDOWN_NAMES[n], _labels(n, used[n], context))
                       for n in names)
    places = [*context.gemeenten.items()]
    if any(r.gemeente == ONBEKEND for r in records):
        places.append((ONBEKEND, "Gemeente niet vastgelegd"))
    by_year: dict[int, list[_Record]] = defaultdict(list)
    for record in records:
        by_year[record.jaar].append(record)
    jaren = []
    for year in sorted(by_year):
        rows = by_year[year]
        present = [i for i in indelingen if i.id != "kwartaal" or any(
            dict(r.categories).get("kwartaal", ONBEKEND) != ONBEKEND for r in rows)]
        figures = Year.from_counts(
            [slug for slug, _ in places], [(i.id, [c for c, _ in i.categorieen]) for i in present],
            [(r.gemeente, dict(r.categories), r.aantal) for r in rows])
        status = protect(figures, drempel)
        staff = _staff(rows, [i.id for i in present]) if soort == "trainingen" else {}
        cellen = {}
        for cell, count in figures.values.items():
            shown = status[cell] is Status.PUBLIEK
            group = staff.get(cell)
            share = count / group if shown and group else None
            cellen[cell] = Waarde(status[cell], count if shown else None,
                                  count if intern else None, share)
        jaren.append(Jaarcijfers(year, tuple(i.id for i in present), cellen))
    return Reeks(soort, bestand, tuple(places), indelingen, tuple(jaren))


def _staff(rows: list[_Record], names: list[str]) -> dict[Cell, int | None]:
    """The target group's size per cell, where every row of the cell gave one (else None)."""
    sums: dict[Cell, int | None] = {}
    for record in rows:
        categories = dict(record.categories)
        cells: list[Cell] = [TOTAL, (record.gemeente, None, None)]
        for name in names:
            cells += [(None, name, categories[name]), (record.gemeente, name, categories[name])]
        for cell in cells:
            before = sums.get(cell, 0)
            sums[cell] = None if before is None or record.medewerkers is None else \
                before + record.medewerkers
    return sums


def _commentary(folder: Path, years: set[int], log: ErrorLog, complete: bool) -> dict[int, str]:
    """cijfers/toelichting/<jaar>.md: the region's own words on a year (Markdown)."""
    if not exists(folder):
        return {}
    out: dict[int, str] = {}
    for file in sorted(folder.iterdir()):
        if file.name.startswith((".", "~$")):
            continue
        match = re.fullmatch(r"(\d{4})\.md", file.name)
        if not match or file.is_dir():
            log.add(file, 1, "", f'"{file.name}" is geen toelichting bij een jaar. Geef elk '
                    "bestand de naam van het jaar, zoals 2025.md.")
            continue
        year = int(match.group(1))
        if complete and year not in years:
            shown = ", ".join(map(str, sorted(years))) or "geen"
            log.add(file, 1, "", f"Er zijn geen cijfers over {year}, dus deze toelichting staat "
                    f"nergens. Jaren met cijfers: {shown}.")
            continue
        text = read_text(file, log, MAX_COMMENTARY_CHARS * 4)
        if text is None:
            continue
        if not text.strip():
            log.add(file, 1, "", "Deze toelichting is leeg. Schrijf wat opvalt aan de cijfers "
                    "van dit jaar, of verwijder het bestand.")
            continue
        problem = body_problem(text, MAX_COMMENTARY_CHARS)
        if problem:
            log.add(file, 1, "", problem)
            continue
        out[year] = text
    return out


def last_changed(root: Path, paths: Iterable[Path]) -> dt.date | None:
    """The day the figures last changed: the last commit that touched them when the work
    tree holds exactly that (a deploy from a fresh clone), else the newest file's date."""
    existing = [p for p in paths if exists(p)]
    if not existing:
        return None
    names = [os.path.relpath(p, root) for p in existing]
    try:
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", *names],
                               capture_output=True, text=True, timeout=20, check=False)
        stamp = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%cs", "--",
                                *names], capture_output=True, text=True, timeout=20,
                               check=False)
        if dirty.returncode == 0 and not dirty.stdout.strip() and \
                re.fullmatch(r"\d{4}-\d{2}-\d{2}", stamp.stdout.strip()):
            return dt.date.fromisoformat(stamp.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass  # no git: the files' own dates
    times = [p.stat().st_mtime for p in existing]
    for folder in (p for p in existing if p.is_dir()):
        times += [f.stat().st_mtime for f in folder.rglob("*") if f.is_file()]
    return dt.datetime.fromtimestamp(max(times), dt.UTC).date()




def load_site_figures(root: Path, site: Site | None, gemeenten: Mapping[str, str],
                      modules: Iterable[ResolvedModule], options: Options,
                      log: ErrorLog) -> ResolvedCijfers | None:
    """The figures of the project checked against the resolved site; when the site itself
    has errors (``site`` None) only the files' own form is checked."""
    settings = site.cijfer_instellingen if site else None
    context = context_for(
        gemeenten, settings, site.sectoren if site else {}, site.werkvelden if site else {},
        {m.slug: m.titel for m in modules}, options.vandaag, checked=site is not None)
    return load_cijfers(root, context, settings, options.profiel == "intern", log)
