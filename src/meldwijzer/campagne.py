"""The "Open je ogen" campaign: campaign/campagne.yml and the stories in campaign/verhalen/.

Read and checked like the rest (located Dutch errors, all at once). Publishing rules live
here, so no template can get them wrong: a ``concept`` story exists only under
``mkdocs serve`` (marked CONCEPT), a story with ``publiceren_vanaf`` after the build date
does not exist before that date. What is left out is remembered in ``verborgen`` so the
leak audit can prove it left no trace.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator, Field

from . import files
from .errors import ErrorLog
from .files import exists
from .fotos import MAX_BYTES, PhotoProblem, WebPhoto, web_photo
from .hulp import HelpLanguage, load_help
from .models import (
    PLACEHOLDER,
    Date,
    Flag,
    Id,
    LongText,
    Markdown,
    Model,
    Soort,
    Text,
    Url,
    Vorm,
    fail,
)
from .safety import body_problem
from .validate import validate
from .yamlread import Document, read_front_matter, read_text, read_yaml

FOLDER = "campaign"
MAX_STORY_CHARS = 20_000


class Stop(Model):
    """Een plek waar de tentoonstelling staat."""

    gemeente: Id = Field(description="De gemeente: de bestandsnaam uit routekaarten/gemeenten/.")
    locatie: Text = Field(description='De plek, bijvoorbeeld "Raadhuis".')
    adres: Text | None = Field(None, description="Het adres.")
    van: Date = Field(description="Eerste dag, JJJJ-MM-DD.")
    tot: Date = Field(description="Laatste dag (die dag hoort er nog bij), JJJJ-MM-DD.")


def _parse_time(value: object) -> object:
    if isinstance(value, str):
        match = re.fullmatch(r"([01]?\d|2[0-3])[:.]([0-5]\d)", value.strip())
        if not match:
            raise fail(f'"{value}" is geen tijd. Schrijf uur en minuten, bijvoorbeeld "13.30" '
                       'of "13:30".')
        return dt.time(int(match.group(1)), int(match.group(2)))
    return value


Time = Annotated[dt.time, BeforeValidator(_parse_time), Soort("tijd")]


class Evenement(Model):
    """Een evenement bij de campagne, zoals een symposium."""

    titel: Text = Field(description="Naam van het evenement.")
    datum: Date = Field(description="Datum, JJJJ-MM-DD.")
    begintijd: Time | None = Field(None, description='Hoe laat het begint, bijvoorbeeld '
                                   '"13.30". Zonder tijd staat het als hele dag in de agenda. '
                                   "(Contract 1.3)")
    eindtijd: Time | None = Field(None, description='Hoe laat het eindigt, bijvoorbeeld '
                                  '"17.00". (Contract 1.3)')
    locatie: Text | None = Field(None, description="Waar het is.")
    doelgroep: Text | None = Field(None, description='Voor wie, bijvoorbeeld "professionals".')
    beschrijving: Markdown | None = Field(None, description="Uitleg (Markdown).")


NEUTRAL_SITE = "https://www.buienradar.nl"
"""Where "Snel weg" goes by default: a neutral page (the weather)."""


class Campagne(Model):
    """De campagne (campaign/campagne.yml)."""

    naam: Text = Field(description='Naam van de campagne, bijvoorbeeld "Open je ogen".')
    inleiding: Markdown | None = Field(None, description="Uitleg voor de campagnepagina.")
    start: Date = Field(description="Eerste dag van de campagne (18 oktober: EU-dag).")
    tentoonstelling: list[Stop] = Field(default_factory=list, description="De reis langs "
                                        "de gemeenten.")
    evenementen: list[Evenement] = Field(default_factory=list, description="Evenementen.")
    snel_weg: Url = Field(
        NEUTRAL_SITE, description="Waar de knop Snel weg naartoe gaat: een neutrale site, "
        "zodat iemand die meekijkt niet ziet wat je las (standaard het weerbericht). "
        "(Contract 1.3)")


class VerhaalKop(Model):
    """De kop (front matter) van een verhaal in campaign/verhalen/."""

    titel: Text = Field(description="Titel van het verhaal.")
    foto: Text = Field(description="Pad naar de foto binnen campaign/, bijvoorbeeld "
                       "fotos/anna.jpg.")
    alt: LongText = Field(description="Wat er op de foto te zien is, voor wie hem niet ziet.")
    vorm: Vorm = Field(description="De vorm van uitbuiting.")
    publiceren_vanaf: Date | None = Field(None, description="Niet op de site voor deze datum.")
    concept: Flag = Field(False, description="true: alleen te zien bij mkdocs serve.")


@dataclass(frozen=True)
class Verhaal:
    slug: str
    titel: str
    foto: WebPhoto
    """The published sizes of the photo (decoded and checked while reading)."""
    alt: str
    vorm: str
    tekst: str
    concept: bool
    gepland: dt.date | None


@dataclass(frozen=True)
class ResolvedStop:
    gemeente: str
    gemeente_naam: str
    locatie: str
    adres: str | None
    van: dt.date
    tot: dt.date
    status: str  # "nu", "straks" or "geweest", on the build date

    @property
    def uid(self) -> str:
        return f"stop-{self.gemeente}-{self.van.isoformat()}"

    @property
    def plek(self) -> str:
        """Where it is, as one line: the place, its address, and the municipality's name
        unless the place or address already says it ("Gemeentehuis Voorbeeldstad", not
        "Gemeentehuis Voorbeeldstad, Voorbeeldstad")."""
        parts = [self.locatie, *([self.adres] if self.adres else [])]
        name = self.gemeente_naam.casefold()
        if name and not any(name in part.casefold() for part in parts):
            parts.append(self.gemeente_naam)
        return ", ".join(parts)


@dataclass(frozen=True)
class ResolvedEvenement:
    titel: str
    datum: dt.date
    begintijd: dt.time | None
    eindtijd: dt.time | None
    locatie: str | None
    doelgroep: str | None
    beschrijving: str | None
    status: str  # "nu", "straks" or "geweest", on the build date (campagne.js corrects it)

    @property
    def van(self) -> dt.date:
        return self.datum

    @property
    def tot(self) -> dt.date:
        return self.datum


@dataclass(frozen=True)
class ResolvedCampagne:
    naam: str
    inleiding: str | None
    start: dt.date
    stops: tuple[ResolvedStop, ...]
    evenementen: tuple[ResolvedEvenement, ...]
    verhalen: tuple[Verhaal, ...]
    verborgen: frozenset[str]
    hulp: tuple[HelpLanguage, ...] = ()
    """"Ben je zelf in nood?" in every language, Dutch first (see ``hulp``)."""
    snel_weg: str = NEUTRAL_SITE

    @property
    def nu(self) -> ResolvedStop | None:
        return next((s for s in self.stops if s.status == "nu"), None)

    @property
    def volgende(self) -> ResolvedStop | None:
        return next((s for s in self.stops if s.status == "straks"), None)

    def stop_voor(self, gemeente: str) -> ResolvedStop | None:
        return next((s for s in self.stops if s.gemeente == gemeente), None)


def load_campagne(root: Path, gemeenten: dict[str, str], vandaag: dt.date, serve: bool,
                  log: ErrorLog) -> ResolvedCampagne | None:
    """Read campaign/ if it exists; ``gemeenten`` maps each known slug to its name."""
    folder = root / FOLDER
    file = folder / "campagne.yml"
    if not folder.is_dir():
        return None
    if not exists(file):
        log.add(file, 1, "", "De map campaign/ bestaat, maar campaign/campagne.yml ontbreekt. "
                "Maak het bestand aan (naam, start) of verwijder de map.")
        return None
    doc = read_yaml(file, log)
    campagne = validate(Campagne, doc, log) if doc else None
    verhalen = [v for v in (_read_story(f, folder, log) for f in _story_files(folder, log)) if v]
    if campagne is None or doc is None:
        return None
    _check_stops(campagne, doc, gemeenten, log)
    for i, event in enumerate(campagne.evenementen):
        if event.eindtijd and not event.begintijd:
            log.add(doc.file, doc.line(("evenementen", i, "eindtijd")),
                    ["evenementen", i, "begintijd"], "Er staat een eindtijd maar geen "
                    'begintijd. Zet ook begintijd, bijvoorbeeld begintijd: "13.30".')
        elif event.begintijd and event.eindtijd and event.eindtijd <= event.begintijd:
            path = ("evenementen", i, "eindtijd")
            log.add(doc.file, doc.line(path), list(path), "De eindtijd ligt niet na de "
                    "begintijd. Verbeter een van de twee.")
    published = [v for v in verhalen if (serve or not v.concept)
                 and (serve or not v.gepland or v.gepland <= vandaag)]
    hidden = [v for v in verhalen if v not in published]
    return ResolvedCampagne(
        naam=campagne.naam, inleiding=campagne.inleiding, start=campagne.start,
        stops=tuple(_stop(s, gemeenten, vandaag) for s in sorted(
            campagne.tentoonstelling, key=lambda s: (s.van, s.gemeente))),
        evenementen=tuple(_event(e, vandaag) for e in sorted(
            campagne.evenementen, key=lambda e: (e.datum, e.begintijd or dt.time(), e.titel))),
        verhalen=tuple(sorted(published, key=lambda v: (v.titel.casefold(), v.slug))),
        verborgen=_hidden_traces(hidden, published), hulp=load_help(folder, vandaag, log),
        snel_weg=campagne.snel_weg)


def _event(event: Evenement, vandaag: dt.date) -> ResolvedEvenement:
    status = "geweest" if event.datum < vandaag else "straks" if event.datum > vandaag \
        else "nu"
    return ResolvedEvenement(titel=event.titel, datum=event.datum, begintijd=event.begintijd,
                             eindtijd=event.eindtijd, locatie=event.locatie,
                             doelgroep=event.doelgroep, beschrijving=event.beschrijving,
                             status=status)


def _stop(stop: Stop, gemeenten: dict[str, str], vandaag: dt.date) -> ResolvedStop:
    status = "geweest" if stop.tot < vandaag else "straks" if stop.van > vandaag else "nu"
    return ResolvedStop(gemeente=stop.gemeente, gemeente_naam=gemeenten.get(stop.gemeente, ""),
                        locatie=stop.locatie, adres=stop.adres, van=stop.van, tot=stop.tot,
                        status=status)


def _check_stops(campagne: Campagne, doc: Document, gemeenten: dict[str, str],
                 log: ErrorLog) -> None:
    for i, stop in enumerate(campagne.tentoonstelling):
        if stop.tot < stop.van:
            path = ("tentoonstelling", i, "tot")
            log.add(doc.file, doc.line(path), list(path), f"De laatste dag "
                    f"({stop.tot.isoformat()}) ligt voor de eerste dag ({stop.van.isoformat()}). "
                    "Verwissel van en tot.")
        if stop.gemeente not in gemeenten:
            path = ("tentoonstelling", i, "gemeente")
            log.add(doc.file, doc.line(path), list(path), f"De gemeente '{stop.gemeente}' "
                    "bestaat niet in routekaarten/gemeenten/. Kies uit: "
                    f"{', '.join(sorted(gemeenten))}.")
        if stop.van < campagne.start:
            path = ("tentoonstelling", i, "van")
            log.add(doc.file, doc.line(path), list(path), f"Deze stop begint op "
                    f"{stop.van.isoformat()}, voor de start van de campagne "
                    f"({campagne.start.isoformat()}). Pas van of start aan.")
    order = sorted(((i, s) for i, s in enumerate(campagne.tentoonstelling) if s.tot >= s.van),
                   key=lambda x: (x[1].van, x[0]))
    for (_, before), (j, after) in itertools.pairwise(order):
        if after.van <= before.tot:
            path = ("tentoonstelling", j, "van")
            log.add(doc.file, doc.line(path), list(path), f"Deze stop ({after.gemeente}, vanaf "
                    f"{after.van.isoformat()}) overlapt met de stop in {before.gemeente} (tot en "
                    f"met {before.tot.isoformat()}). De tentoonstelling kan maar op één plek "
                    "tegelijk staan: laat deze stop later beginnen.")


def _story_files(folder: Path, log: ErrorLog) -> list[Path]:
    files = sorted((folder / "verhalen").glob("*.md")) if (folder / "verhalen").is_dir() else []
    valid = []
    for file in files:
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", file.stem):
            log.add(file, 1, "", f'De bestandsnaam "{file.name}" is ook het webadres van het '
                    "verhaal. Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld "
                    "verhaal-van-anna.md.")
        elif file.is_symlink():
            log.add(file, 1, "", "Dit bestand is een snelkoppeling (symlink). Zet het echte "
                    "bestand in de map.")
        else:
            valid.append(file)
    return valid


def _read_story(file: Path, folder: Path, log: ErrorLog) -> Verhaal | None:
    text = read_text(file, log)
    if text is None:
        return None
    if not text.startswith("---\n"):
        log.add(file, 1, "", "Een verhaal begint met een kop tussen twee regels met ---, met "
                "daarin titel, foto, alt en vorm. Zet bovenaan: --- / titel: Anna / foto: "
                "fotos/anna.jpg / alt: (wat er op de foto staat) / vorm: arbeidsuitbuiting / --- "
                "(elk op een eigen regel).")
        return None
    front = read_front_matter(text, file, log)
    if front is None:
        return None
    doc = front.doc
    kop = validate(VerhaalKop, doc, log) if doc else None
    body, body_line = front.body.strip(), front.body_line
    if not body:
        log.add(file, body_line, "", "Het verhaal zelf ontbreekt. Schrijf de tekst onder de kop.")
    elif PLACEHOLDER in body.upper():
        log.add(file, body_line, "", f"Schrijf hier het verhaal: er staat nog {PLACEHOLDER} uit "
                "het startbestand.")
        body = ""
    elif problem := body_problem(body, MAX_STORY_CHARS):
        log.add(file, body_line, "", problem)
        body = ""
    raw = doc.data if doc and isinstance(doc.data, dict) else {}
    photo = None
    if doc and isinstance(raw.get("foto"), str) and isinstance(raw.get("alt"), str):
        photo = _check_photo(raw["foto"], raw["alt"], file.stem, doc, folder, log)
    if kop is None or not body or photo is None:
        return None
    return Verhaal(slug=file.stem, titel=kop.titel, foto=photo, alt=kop.alt, vorm=kop.vorm,
                   tekst=body, concept=kop.concept, gepland=kop.publiceren_vanaf)


def _check_photo(foto: str, alt_text: str, slug: str, doc: Document, folder: Path,
                 log: ErrorLog) -> WebPhoto | None:
    """The photo must be a readable image inside campaign/; the alt text must describe it.

    Returns the published sizes: the photo is decoded here, so ``meldwijzer check`` finds a
    broken photo just as the build would."""
    line = doc.line(("foto",))
    relative = Path(foto)
    target = folder / relative
    if relative.is_absolute() or ".." in relative.parts:
        log.add(doc.file, line, ["foto"], f'"{foto}" wijst buiten de map campaign/. Zet '
                "de foto in campaign/ (bijvoorbeeld campaign/fotos/) en schrijf het pad vanaf "
                "daar: fotos/anna.jpg.")
        return None
    if not exists(target):
        log.add(doc.file, line, ["foto"], f'De foto "{foto}" is niet gevonden. Zet het '
                "fotobestand in campaign/ en schrijf het pad vanaf daar: fotos/anna.jpg.")
        return None
    try:
        photo = web_photo(files.read_bytes(target, log.root, MAX_BYTES), f"campagne/fotos/{slug}")
    except (files.FileProblem, PhotoProblem) as problem:
        log.add(doc.file, line, ["foto"], f'"{foto}": {problem}')
        return None
    except OSError as exc:
        log.add(doc.file, line, ["foto"], f'De foto "{foto}" kan niet worden gelezen '
                f"({exc.strerror}).")
        return None
    alt = alt_text.strip().casefold()
    if alt in {relative.name.casefold(), relative.stem.casefold()} or len(alt) < 10:
        log.add(doc.file, doc.line(("alt",)), ["alt"], "De alt-tekst beschrijft niet wat er op "
                "de foto staat. Schrijf in een zin wat iemand die de foto niet ziet moet weten, "
                'bijvoorbeeld: "Een vrouw kijkt uit een raam met tralies".')
        return None
    return photo


def _traces(verhaal: Verhaal) -> set[str]:
    """Values of a story that must not appear anywhere while it is hidden: its title, alt
    text, page and photo paths, and the first sentence of every paragraph."""
    plain = re.sub(r"[*_`#>\[\]]", "", verhaal.tekst)
    sentences = {re.split(r"(?<=[.!?])\s", p.strip())[0][:80].strip()
                 for p in plain.split("\n\n") if p.strip()}
    return {verhaal.titel, verhaal.alt, f"verhalen/{verhaal.slug}", f"fotos/{verhaal.slug}-",
            *(s for s in sentences if len(s) >= 20)}


def _hidden_traces(hidden: list[Verhaal], published: list[Verhaal]) -> frozenset[str]:
    """Traces of hidden stories, except text they share with published ones (a disclaimer)."""
    shown = [f"{v.titel}\n{v.alt}\n{v.tekst}" for v in published]
    return frozenset(t for v in hidden for t in _traces(v) if not any(t in s for s in shown))
