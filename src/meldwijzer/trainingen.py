"""Training modules: trainingen/<slug>/module.yml and its Markdown parts (NN-<name>.md).

A part is ordinary Markdown. Two conventions, both documented for editors:

* a block ``!!! trainer`` (an admonition) holds notes for the trainer: hidden on the slides,
  shown in the notes view and the printed notes;
* a line ``[[routekaart]]`` on its own marks where the slides and the handout show the
  chosen municipality's route, generated from the routekaarten data.

Slides are the sections of the parts: a part's ``# title`` and its ``## headings`` each
start a slide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from .errors import ErrorLog
from .files import exists
from .models import PLACEHOLDER, Count, Id, LongText, Markdown, Model, Text
from .safety import body_problem
from .validate import valid_items, validate
from .yamlread import read_front_matter, read_text, read_yaml

FOLDER = "trainingen"
ROUTE_MARKER = "[[routekaart]]"
MAX_PART_CHARS = 30_000
_PART = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Vraag(Model):
    """Een quizvraag met meerkeuze-antwoorden."""

    vraag: LongText = Field(description="De vraag.")
    opties: list[LongText] = Field(min_length=2, max_length=6, description="De antwoorden.")
    antwoord: Count = Field(description="Het goede antwoord: 0 is het eerste, 1 het tweede.")
    uitleg: Markdown | None = Field(None, description="Waarom dit het goede antwoord is.")


class Module(Model):
    """Een trainingsmodule (trainingen/<naam>/module.yml)."""

    titel: Text = Field(description="Titel van de module.")
    doelgroep: list[Id] = Field(min_length=1, description="Werkvelden uit regio.yml.")
    duur_minuten: Count = Field(ge=1, description="Duur in minuten.")
    leerdoelen: list[LongText] = Field(min_length=1, description="Wat deelnemers na afloop "
                                       "weten of kunnen.")
    quiz: list[Vraag] = Field(default_factory=list, description="Meerkeuzevragen.")


class DeelKop(Model):
    """De kop (front matter) van een deel, die de browsereditor schrijft (contract 1.2)."""

    nummer: Count = Field(ge=1, le=99, description="Het volgnummer: hetzelfde als de twee "
                          "cijfers vooraan de bestandsnaam.")
    titel: Text | None = Field(None, description="De titel van het deel (standaard de kop met "
                               "# in de tekst).")


@dataclass(frozen=True)
class Slide:
    titel: str
    tekst: str
    """Markdown of the slide, trainer notes and route marker included."""


@dataclass(frozen=True)
class Deel:
    nummer: int
    naam: str
    titel: str
    tekst: str
    slides: tuple[Slide, ...]


@dataclass(frozen=True)
class ResolvedModule:
    slug: str
    titel: str
    doelgroep: tuple[str, ...]
    duur_minuten: int
    leerdoelen: tuple[str, ...]
    quiz: tuple[Vraag, ...]
    delen: tuple[Deel, ...]

    @property
    def slides(self) -> tuple[Slide, ...]:
        return tuple(s for d in self.delen for s in d.slides)

    @property
    def toont_route(self) -> bool:
        return any(ROUTE_MARKER in d.tekst for d in self.delen)


def load_trainingen(root: Path, werkvelden: set[str] | None,
                    log: ErrorLog) -> tuple[ResolvedModule, ...]:
    """Read every module in trainingen/ (none when the folder does not exist)."""
    folder = root / FOLDER
    if not folder.is_dir():
        return ()
    modules = []
    for module_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        module = _read_module(module_dir, werkvelden, log)
        if module:
            modules.append(module)
    return tuple(modules)


def _read_module(folder: Path, werkvelden: set[str] | None,
                 log: ErrorLog) -> ResolvedModule | None:
    file = folder / "module.yml"
    if not _SLUG.match(folder.name):
        log.add(folder, 1, "", f'De mapnaam "{folder.name}" is ook het webadres van de module. '
                "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld "
                "signalen-aan-de-balie.")
        return None
    if not exists(file):
        log.add(file, 1, "", "module.yml ontbreekt. Elke module heeft een module.yml met "
                "titel, doelgroep, duur_minuten en leerdoelen.")
        return None
    doc = read_yaml(file, log)
    module = validate(Module, doc, log) if doc else None
    delen = _read_parts(folder, log)
    if doc is None:
        return None
    # Checked on the parts that are valid on their own, so that all errors show at once.
    raw = doc.data if isinstance(doc.data, dict) else {}
    for i, werkveld in valid_items(Id, raw.get("doelgroep")):
        if werkvelden is not None and werkveld not in werkvelden:
            log.add(file, doc.line(("doelgroep", i)), ["doelgroep", i],
                    f"Het werkveld '{werkveld}' bestaat niet. "
                    f"Kies uit de werkvelden in routekaarten/regio.yml: "
                    f"{', '.join(sorted(werkvelden))}.")
    for i, vraag in valid_items(Vraag, raw.get("quiz")):
        if vraag.antwoord >= len(vraag.opties):
            where: tuple[str | int, ...] = ("quiz", i, "antwoord")
            log.add(file, doc.line(where), list(where), f"Antwoord {vraag.antwoord} bestaat niet: "
                    f"deze vraag heeft {len(vraag.opties)} opties, genummerd 0 tot en met "
                    f"{len(vraag.opties) - 1} (0 is de eerste).")
    if module is None:
        return None
    if not delen:
        log.add(folder, 1, "", "De module heeft geen delen. Zet de inhoud in bestanden als "
                "01-inleiding.md, 02-signalen.md (twee cijfers, een streepje, een naam).")
        return None
    return ResolvedModule(slug=folder.name, titel=module.titel,
                          doelgroep=tuple(module.doelgroep), duur_minuten=module.duur_minuten,
                          leerdoelen=tuple(module.leerdoelen), quiz=tuple(module.quiz),
                          delen=tuple(delen))


def _read_parts(folder: Path, log: ErrorLog) -> list[Deel]:
    parts = []
    for file in sorted(folder.glob("*.md")):
        match = _PART.match(file.name)
        if not match:
            log.add(file, 1, "", f'"{file.name}" is geen geldige naam voor een deel. Gebruik '
                    "twee cijfers, een streepje en een naam in kleine letters, bijvoorbeeld "
                    "02-signalen.md. De cijfers bepalen de volgorde.")
            continue
        if file.is_symlink():
            log.add(file, 1, "", "Dit bestand is een snelkoppeling (symlink). Zet het echte "
                    "bestand in de map.")
            continue
        text = read_text(file, log)
        if text is None:
            continue
        kop, text, first = _part_front_matter(file, text, int(match.group(1)), log)
        if text is None:
            continue
        if not text.strip():
            log.add(file, first, "", "Dit deel is leeg. Schrijf de inhoud, te beginnen met een "
                    "titel: # Titel van het deel.")
            continue
        if PLACEHOLDER in text.upper():
            line = text.upper()[:text.upper().index(PLACEHOLDER)].count("\n") + first
            log.add(file, line, "", f"Schrijf hier de inhoud van het deel: er staat nog "
                    f"{PLACEHOLDER} uit het startbestand.")
            continue
        if problem := body_problem(text, MAX_PART_CHARS):
            log.add(file, first, "", problem)
            continue
        title, slides = split_slides(text, kop.titel if kop and kop.titel else
                                     match.group(2).replace("-", " ").capitalize())
        parts.append(Deel(nummer=int(match.group(1)), naam=match.group(2), titel=title,
                          tekst=text, slides=slides))
    return parts


def _part_front_matter(file: Path, text: str, number: int,
                       log: ErrorLog) -> tuple[DeelKop | None, str | None, int]:
    """A part's optional front matter (1.2), its body and the body's first line."""
    if not text.startswith("---\n"):
        return None, text, 1
    front = read_front_matter(text, file, log)
    if front is None or front.doc is None:
        return None, None, 1
    kop = validate(DeelKop, front.doc, log)
    if kop is None:
        return None, None, 1
    if kop.nummer != number:
        log.add(file, front.doc.line(("nummer",)), ["nummer"],
                f"Het nummer in de kop ({kop.nummer}) is niet het nummer vooraan de "
                f"bestandsnaam ({number:02d}). De bestandsnaam bepaalt de volgorde: maak het "
                "nummer in de kop gelijk, of hernoem het bestand.")
        return None, None, 1
    return kop, front.body, front.body_line


_HEADING = re.compile(r"^(#{1,2})\s+(.+?)\s*#*\s*$")


def split_slides(text: str, fallback: str) -> tuple[str, tuple[Slide, ...]]:
    """A part's title (its ``#`` heading) and its slides: one per ``#`` or ``##`` heading,
    plus one for text before the first heading."""
    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading:
            sections.append((heading.group(2), []))
        else:
            sections[-1][1].append(line)
    titles = [m.group(2) for m in map(_HEADING.match, text.splitlines()) if m and
              m.group(1) == "#"]
    title = titles[0] if titles else fallback
    slides = tuple(Slide(heading or title, "\n".join(body).strip())
                   for heading, body in sections if heading or "\n".join(body).strip())
    return title, slides
