"""The help for victims on campaign pages ("Ben je zelf in nood?"), in several languages.

meldwijzer ships the texts (``data/hulp.yml``); a region replaces any of them, chooses which
organisations are named and records per language whether a native speaker checked the
translation, in ``campaign/hulp.yml`` (contract 1.3). Dutch, the source text, comes first.
A translation that nobody checked is shown with a notice, never silently.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, ValidationError

from .errors import ErrorLog
from .files import exists
from .models import Date, LongText, Model, Text
from .validate import validate
from .yamlread import read_yaml

DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul"})
"""Three-letter codes that cannot be a file name on Windows (each language has a page)."""
LINES = ("comensha", "politie", "anoniem", "fier", "centrum_seksueel_geweld")
"""The organisations a region may name, in the order of ``tonen``."""
ALWAYS = ("eu_burgers", "oekraine")
"""Sentences every language shows: EU citizens need no residence permit; people from
Ukraine have temporary protection."""
TEXTS = ("taal", "kop", "tekst", "acuut", "nummers_kop", *LINES, *ALWAYS,
         "buitenlandse_simkaart", "taalknop")
SOURCE = "nl"
Line = Literal["comensha", "politie", "anoniem", "fier", "centrum_seksueel_geweld"]


class HulpTaal(Model):
    """De teksten van één taal. Wat je weglaat, komt uit de standaardtekst van meldwijzer."""

    status: Literal["bron", "concept", "gecontroleerd"] | None = Field(
        None, description="bron (de Nederlandse tekst), concept (vertaling die nog niet door "
        "een moedertaalspreker is gecontroleerd; de pagina zegt dat erbij) of gecontroleerd "
        "(dan ook gecontroleerd_op).")
    gecontroleerd_op: Date | None = Field(
        None, description="Datum waarop een moedertaalspreker de vertaling controleerde.")
    taal: Text | None = Field(None, description="Naam van de taal in die taal, zoals Polski.")
    richting: Literal["ltr", "rtl"] | None = Field(
        None, description="ltr, of rtl voor een taal die van rechts naar links loopt.")
    kop: Text | None = Field(None, description="Kop van het blok.")
    tekst: LongText | None = Field(None, description="Korte geruststelling.")
    acuut: LongText | None = Field(None, description="Wat je doet bij acuut gevaar (112).")
    nummers_kop: Text | None = Field(None, description="Kopje boven de nummers.")
    comensha: LongText | None = Field(None, description="Regel over CoMensha.")
    politie: LongText | None = Field(None, description="Regel over de politie.")
    anoniem: LongText | None = Field(None, description="Regel over Meld Misdaad Anoniem.")
    fier: LongText | None = Field(None, description="Regel over Fier (chat).")
    centrum_seksueel_geweld: LongText | None = Field(
        None, description="Regel over het Centrum Seksueel Geweld.")
    eu_burgers: LongText | None = Field(
        None, description="EU-burgers hebben geen verblijfsvergunning nodig.")
    oekraine: LongText | None = Field(
        None, description="Mensen uit Oekraïne hebben tijdelijke bescherming.")
    buitenlandse_simkaart: LongText | None = Field(
        None, description="Met een buitenlandse simkaart werken 0800- en 0900-nummers soms niet.")
    taalknop: Text | None = Field(None, description="Label van de taalkeuze.")


class Hulp(Model):
    """Het hulpblok voor slachtoffers op de campagnepagina's (campaign/hulp.yml)."""

    tonen: list[Line] = Field(
        default_factory=lambda: list[Line](["comensha", "politie", "anoniem"]),
        description="Welke organisaties in het blok staan, in deze volgorde: comensha, "
        "politie, anoniem, fier, centrum_seksueel_geweld.")
    talen: dict[str, HulpTaal] = Field(
        default_factory=dict, description="Per taalcode (nl, en, pl, ...) de teksten die de "
        "regio zelf schrijft en de status van de vertaling.")


@dataclass(frozen=True)
class HelpLanguage:
    """One language as the campaign page shows it."""

    code: str
    taal: str
    richting: str
    kop: str
    tekst: str
    acuut: str
    nummers_kop: str
    regels: tuple[str, ...]
    buitenlandse_simkaart: str
    taalknop: str
    status: str
    gecontroleerd_op: dt.date | None


@lru_cache(maxsize=1)
def standard() -> dict[str, dict[str, str]]:
    text = (resources.files("meldwijzer") / "data" / "hulp.yml").read_text("utf-8")
    return {str(code): {str(k): str(v) for k, v in entries.items()}
            for code, entries in yaml.safe_load(text).items()}


def load_help(folder: Path, vandaag: dt.date, log: ErrorLog) -> tuple[HelpLanguage, ...]:
    """The help in every language, Dutch first: the standard texts with the region's
    ``campaign/hulp.yml`` over them."""
    file = folder / "hulp.yml"
    region = Hulp()
    if exists(file):
        doc = read_yaml(file, log)
        checked = validate(Hulp, doc, log) if doc else None
        if doc is None:
            return ()
        # Each language is checked on its own too, so that one wrong value elsewhere in the
        # file does not hide the problems of the languages (all errors at once).
        for code, entry in (checked.talen.items() if checked else _valid_languages(doc.data)):
            _check_language(code, entry, vandaag, doc.line(("talen", code)), file, log)
        if checked is None:
            return ()
        region = checked
    codes = [SOURCE, *(c for c in standard() if c != SOURCE),
             *(c for c in region.talen if c not in standard())]
    return tuple(_language(code, region) for code in codes
                 if _complete(code, region))


def _valid_languages(data: object) -> list[tuple[str, HulpTaal]]:
    talen = data.get("talen") if isinstance(data, dict) else None
    out = []
    for code, entry in (talen.items() if isinstance(talen, dict) else ()):
        try:
            out.append((str(code), HulpTaal.model_validate(entry)))
        except ValidationError:
            continue  # reported by the validation of the whole file
    return out


def _check_language(code: str, entry: HulpTaal, vandaag: dt.date, line: int, file: Path,
                    log: ErrorLog) -> None:
    path = ["talen", code]
    if not re.fullmatch(r"[a-z]{2,3}", code) or code in DEVICE_NAMES:
        log.add(file, line, path, f"'{code}' is geen taalcode. Gebruik de code van twee "
                "letters, zoals pl (Pools) of ro (Roemeens).")
    if entry.status == "bron" and code != SOURCE:
        log.add(file, line, [*path, "status"], "status: bron hoort alleen bij de Nederlandse "
                "brontekst (nl). Zet concept zolang geen moedertaalspreker de vertaling "
                "controleerde, of gecontroleerd met de datum bij gecontroleerd_op.")
    if entry.status in ("concept", "gecontroleerd") and code == SOURCE:
        log.add(file, line, [*path, "status"], "De Nederlandse tekst is de brontekst, geen "
                "vertaling: laat status weg of zet status: bron.")
    if entry.status == "gecontroleerd" and entry.gecontroleerd_op is None:
        log.add(file, line, [*path, "gecontroleerd_op"], "Bij status: gecontroleerd hoort "
                "de datum waarop een moedertaalspreker de tekst controleerde, bijvoorbeeld "
                f"gecontroleerd_op: {vandaag.isoformat()}.")
    if entry.gecontroleerd_op and entry.gecontroleerd_op > vandaag:
        log.add(file, line, [*path, "gecontroleerd_op"], f"{entry.gecontroleerd_op.isoformat()} "
                "ligt in de toekomst. Zet de datum waarop de tekst echt is gecontroleerd.")
    if code not in standard():
        missing = [k for k in (*TEXTS, "richting") if getattr(entry, k) is None]
        if missing:
            log.add(file, line, path, f"De taal '{code}' staat niet in de standaardtekst van "
                    f"meldwijzer: schrijf dan alle teksten. Er ontbreken: {', '.join(missing)}.")


def _complete(code: str, region: Hulp) -> bool:
    entry = region.talen.get(code)
    return code in standard() or (entry is not None and all(
        getattr(entry, k) is not None for k in (*TEXTS, "richting")))


def _language(code: str, region: Hulp) -> HelpLanguage:
    base = standard().get(code, {})
    own = region.talen.get(code)
    values = {**base, **(own.model_dump(exclude_none=True) if own else {})}
    changed = own is not None and any(getattr(own, k) is not None for k in TEXTS)
    # A region that rewrites a translation without saying it was checked has a draft.
    status = (own.status if own and own.status else
              "concept" if changed and code != SOURCE else base.get("status", "concept"))
    return HelpLanguage(
        code=code, taal=values["taal"], richting=values.get("richting", "ltr"),
        kop=values["kop"], tekst=values["tekst"], acuut=values["acuut"],
        nummers_kop=values["nummers_kop"],
        regels=tuple(values[k] for k in (*region.tonen, *ALWAYS)),
        buitenlandse_simkaart=values["buitenlandse_simkaart"], taalknop=values["taalknop"],
        status=str(status),
        gecontroleerd_op=own.gecontroleerd_op if own else None)
