"""The bestuurlijke aanpak (contract 1.3): read and check ``routekaarten/bestuurlijk.yml``,
the ``bestuurlijk:`` blocks of the municipalities and the ``barrieres`` of the signals.

The region's file, the municipality blocks and the signals refer to each other (a signal or
a municipality names a barrier, a barrier names a route and work fields, a route's steps
name contacts); every reference is checked here with a located Dutch error, all at once,
before anything is resolved (see ``bestuurlijk_site``).

Defaults ship with the package: ``data/barrieres.yml`` (the catalogue of barriers, after the
CCV barrièremodel) and ``data/bestuurlijk.yml`` (the three requirements of the basisniveau,
the four roles of a municipality and the role of the aandachtfunctionaris).
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, ValidationError

from .checks import Loaded, Part, _bellen, _check_routes, _unknown_contact
from .errors import ErrorLog
from .files import exists
from .keten import role_ids, standard_role_ids
from .models import (
    Beleidsdocument,
    Date,
    EisBeleid,
    EisFunctionaris,
    EisSignalering,
    Flag,
    Gemeente,
    GemeenteBestuur,
    GemeenteRol,
    Getraind,
    Id,
    LongText,
    Markdown,
    Model,
    Regio,
    Route,
    Terugkoppeling,
    Text,
    Url,
    is_empty,
)
from .validate import adapter, validate
from .yamlread import Document, read_yaml

FILE = "bestuurlijk.yml"
STAPPEN = ("entree", "identiteit", "huisvesting", "werk", "financien")
Stap = Literal["entree", "identiteit", "huisvesting", "werk", "financien"]
NEW_BARRIER_NEEDS = ("naam", "stap", "wat")
BLOCK_NEEDS: dict[tuple[str, ...], tuple[type[Model], tuple[str, ...]]] = {
    (): (GemeenteBestuur, ("beoordeeld",)),
    ("functionaris",): (EisFunctionaris, ("stand",)),
    ("signalering",): (EisSignalering, ("stand",)),
    ("signalering", "getraind"): (Getraind, ("percentage", "jaar", "herkomst")),
    ("beleid",): (EisBeleid, ("stand",)),
}
"""What a written part of a municipality's block needs. The models leave these optional for
the browser editor (it checks the required fields of an optional block it never opened, and
would not save a municipality without the block); they are checked here, on the data as
written, so that a missing one is reported together with every other error."""


class OverlegIntern(Model):
    """Gegevens van een overleg die alleen op de interne site staan."""

    adres: Text | None = Field(None, description="Waar het overleg is (alleen intern).")
    namen: list[Text] = Field(
        default_factory=list, description="Wie je kunt vragen, met naam (alleen intern).")
    data: list[Date] = Field(
        default_factory=list, description="De data van de vergaderingen, jjjj-mm-dd (alleen "
        "intern; de komende staan op de site).")
    toelichting: Markdown | None = Field(None, description="Meer uitleg (alleen intern).")


class Overleg(Model):
    """Het overleg waar een route naartoe leidt, zoals het casusoverleg mensenhandel."""

    naam: Text = Field(description='De naam, bijvoorbeeld "Casusoverleg mensenhandel".')
    voorzitter: Text | None = Field(None, description="Wie voorzitter is, als functie.")
    leden: list[Text] = Field(default_factory=list, description="Wie er aan tafel zit: "
                              "organisaties en functies.")
    frequentie: Text | None = Field(None, description='Hoe vaak, bijvoorbeeld "vier keer per '
                                    'jaar, en vaker als het nodig is".')
    inbrengen: Markdown | None = Field(None, description="Wat je inbrengt en hoe (Markdown).")
    criteria: list[LongText] = Field(default_factory=list, description="Wanneer een signaal "
                                     "hier thuishoort, elk in één zin.")
    intern: OverlegIntern | None = Field(
        None, description="Adres, namen en vergaderdata: alleen op de interne site.")


class KetenRoute(Route):
    """Een route na de aandachtfunctionaris: casusoverleg, RIEC, zorg, regiegroep."""

    overleg: Overleg | None = Field(None, description="Het overleg waar deze route naartoe "
                                    "leidt: leden, voorzitter, hoe vaak, wat je inbrengt.")
    terugkoppeling_melder: Terugkoppeling | None = Field(
        None, description="Hoe de medewerker die het signaal gaf, hoort wat ermee is gebeurd.")


class Barriere(Model):
    """Een instrument uit het barrièremodel waarmee de gemeente uitbuiting moeilijk maakt."""

    id: Id = Field(description="De id, bijvoorbeeld bibob. Dezelfde id als een barrière van "
                   "meldwijzer past die aan.")
    naam: Text | None = Field(None, description='De naam, bijvoorbeeld "Bibob-toets".')
    stap: Stap | None = Field(
        None, description="Waar de barrière de uitbuiter raakt: entree, identiteit, "
        "huisvesting, werk of financien.")
    wat: Markdown | None = Field(None, description="Wat het instrument is en wat het "
                                 "tegenhoudt (Markdown).")
    uitvoering: Text | None = Field(None, description="Wie het toepast, bijvoorbeeld "
                                    '"Vergunningen".')
    werkvelden: list[Id] = Field(default_factory=list, description="Werkvelden uit regio.yml "
                                 "die het toepassen.")
    aanleiding: Markdown | None = Field(
        None, description="Welke signalen eraan doen denken, in gewone woorden (Markdown).")
    route: Id | None = Field(None, description="De id van een route in bestuurlijk.yml "
                             "waarlangs het in gang wordt gezet, zoals casusoverleg.")
    bron: Url | None = Field(None, description="Webadres met uitleg (https://).")


class Samenwerking(Model):
    """Met wie de aandachtfunctionaris samenwerkt, en waarvoor."""

    wie: Text = Field(description='Met wie, bijvoorbeeld "De zorgcoördinator".')
    waarvoor: LongText = Field(description="Waarvoor, in één of twee zinnen.")
    contacten: list[Id] = Field(default_factory=list, description="Ids van contacten van de "
                                "regio.")


class AandachtfunctionarisRol(Model):
    """De pagina over de rol van de aandachtfunctionaris."""

    inleiding: Markdown | None = Field(None, description="Wat de rol is (Markdown).")
    taken: list[LongText] = Field(default_factory=list, description="De taken, elk in één "
                                  "zin (standaard de taken van meldwijzer).")
    uren: LongText | None = Field(None, description="Hoeveel tijd de rol vraagt, zoals de "
                                  "regio het afspreekt.")
    samenwerking: list[Samenwerking] = Field(
        default_factory=list, description="Met wie de aandachtfunctionaris samenwerkt.")


class Bestuur(Model):
    """De bestuurlijke aanpak van de regio (routekaarten/bestuurlijk.yml, contract 1.3)."""

    inleiding: Markdown | None = Field(None, description="Tekst bovenaan het overzicht.")
    documenten: list[Beleidsdocument] = Field(
        default_factory=list, description="Beleid van de regio dat voor elke gemeente geldt.")
    aandachtfunctionaris: AandachtfunctionarisRol | None = Field(
        None, description="De pagina over de rol van de aandachtfunctionaris.")
    rollen: list[GemeenteRol] = Field(
        default_factory=list, description="De tekst van de regio voor de vier rollen, voor "
        "elke gemeente zonder eigen tekst.")
    standaard_barrieres: Flag = Field(
        True, description="nee: laat de barrières van meldwijzer weg en gebruik alleen de "
        "barrières hieronder.")
    barrieres: list[Barriere] = Field(
        default_factory=list, description="Eigen barrières, of aanpassingen van een barrière "
        "van meldwijzer (dezelfde id).")
    routes: list[KetenRoute] = Field(
        default_factory=list, description="De routes na de aandachtfunctionaris: "
        "casusoverleg, RIEC, zorg, regiegroep.")


def _data(name: str) -> Any:
    return yaml.safe_load((resources.files("meldwijzer") / "data" / name).read_text("utf-8"))


@lru_cache(maxsize=1)
def standard_barriers() -> tuple[Barriere, ...]:
    """meldwijzer's catalogue of barriers, checked against the same model as the region's."""
    return tuple(adapter(list[Barriere]).validate_python(_data("barrieres.yml")))


@lru_cache(maxsize=1)
def standard_texts() -> dict[str, Any]:
    """The texts of ``data/bestuurlijk.yml``: eisen, rollen, aandachtfunctionaris, stappen."""
    data: dict[str, Any] = _data("bestuurlijk.yml")
    return data


@dataclass
class Read:
    """What was read of the bestuurlijke aanpak, as far as it could be checked."""

    file: Path
    doc: Document | None
    model: Bestuur | None
    blocks: list[tuple[str, Part, GemeenteBestuur | None]]
    """Every municipality with a ``bestuurlijk:`` block: slug, file, the block when valid."""
    catalogue: dict[str, Barriere]
    """The barriers of this region: meldwijzer's (unless switched off) with the region's over
    them, by id, in the order of the catalogue and then the region's file."""


def read(folder: Path, loaded: Loaded, vandaag: dt.date, log: ErrorLog) -> Read | None:
    """Read and check the bestuurlijke aanpak; None when the region does not use it (no
    bestuurlijk.yml and no municipality with a block), after refusing barriers on signals."""
    file = folder / FILE
    doc = read_yaml(file, log) if exists(file) else None
    model = validate(Bestuur, doc, log) if doc is not None else None
    blocks = [(slug, part, _block(part)) for slug, part in loaded.gemeenten if _has_block(part)]
    found = Read(file, doc, model, blocks, _catalogue(model, doc))
    if not exists(file) and not blocks:
        # Signals copied from another region may name barriers: they are checked against
        # meldwijzer's catalogue, and shown only where a region has a bestuurlijke aanpak.
        _check_signal_barriers(found, loaded, log)
        return None
    _check(found, loaded, vandaag, log)
    return found


def _has_block(part: Part) -> bool:
    return isinstance(part.doc.data, dict) and not is_empty(part.doc.data.get("bestuurlijk"))


def _block(part: Part) -> GemeenteBestuur | None:
    if isinstance(part.model, Gemeente):
        return part.model.bestuurlijk
    try:  # the file has errors elsewhere (already reported): its block may still be fine
        block: GemeenteBestuur = adapter(GemeenteBestuur).validate_python(
            part.doc.data["bestuurlijk"])
    except ValidationError:
        return None
    return block


def _catalogue(model: Bestuur | None, doc: Document | None) -> dict[str, Barriere]:
    """The region's barriers. When its file has errors, the ids it names still count (so
    that a reference to one is not reported as well)."""
    out: dict[str, Barriere] = {}
    if model is None or model.standaard_barrieres:
        out = {b.id: b for b in standard_barriers()}
    if model is not None:
        for own in model.barrieres:
            base = out.get(own.id)
            changes = own.model_dump(exclude_unset=True)
            out[own.id] = base.model_copy(update=changes) if base else own
    elif doc is not None and isinstance(doc.data, dict) and isinstance(
            doc.data.get("barrieres"), list):
        for item in doc.data["barrieres"]:
            if isinstance(item, dict) and isinstance(item.get("id"), str) and _is_id(
                    item["id"]):
                out.setdefault(item["id"], Barriere(id=item["id"]))
    return out


def _is_id(value: str) -> bool:
    try:
        adapter(Id).validate_python(value)
    except ValidationError:
        return False
    return True


def _check(found: Read, loaded: Loaded, vandaag: dt.date, log: ErrorLog) -> None:
    if found.doc is not None and found.model is not None:
        _check_region_file(found.model, found.doc, loaded, log)
    for _, part, block in found.blocks:
        complete = _check_needs(part, log)
        if block is not None and complete:
            _check_block(found, part, block, vandaag, log)
    _check_signal_barriers(found, loaded, log)


def _check_region_file(model: Bestuur, doc: Document, loaded: Loaded, log: ErrorLog) -> None:
    regio = loaded.regio
    roles = role_ids(regio.model) if isinstance(regio.model, Regio) else standard_role_ids()
    routes: list[tuple[int, Route]] = list(enumerate(model.routes))
    _check_routes(routes, doc, log, roles)
    for ri, route in routes:
        for path, contact_id in _bellen(route, ("routes", ri)):
            if contact_id not in regio.contact_ids:
                log.add(doc.file, doc.line(path), list(path),
                        _unknown_contact(contact_id, regio) + " De routes na de "
                        "aandachtfunctionaris staan op één pagina voor de hele regio: "
                        "gebruik een contact uit routekaarten/regio.yml.")
    _check_rollen(model.rollen, doc, (), log)
    af = model.aandachtfunctionaris
    for si, samen in enumerate(af.samenwerking if af else ()):
        for ci, contact_id in enumerate(samen.contacten):
            path = ("aandachtfunctionaris", "samenwerking", si, "contacten", ci)
            if contact_id not in regio.contact_ids:
                log.add(doc.file, doc.line(path), list(path),
                        _unknown_contact(contact_id, regio))
    _check_barriers(model, doc, loaded, log)


def _check_barriers(model: Bestuur, doc: Document, loaded: Loaded, log: ErrorLog) -> None:
    standard = {b.id for b in standard_barriers()} if model.standaard_barrieres else set()
    route_ids = [r.id for r in model.routes]
    seen: set[str] = set()
    for bi, own in enumerate(model.barrieres):
        at: tuple[str | int, ...] = ("barrieres", bi)
        if own.id in seen:
            log.add(doc.file, doc.line((*at, "id")), [*at, "id"], f"De barrière '{own.id}' "
                    "staat al eerder in deze lijst. Voeg de twee blokken samen.")
        seen.add(own.id)
        missing = [k for k in NEW_BARRIER_NEEDS if getattr(own, k) is None]
        if own.id not in standard and missing:
            known = ", ".join(sorted(standard)) if standard else "geen: standaard_barrieres " \
                "staat op nee"
            log.add(doc.file, doc.line(at), list(at), f"De barrière '{own.id}' is nieuw (de "
                    f"barrières van meldwijzer zijn: {known}). Een nieuwe barrière heeft ook "
                    f"{_and(missing)} nodig. Vul die in, of gebruik de id van een "
                    "barrière van meldwijzer om die aan te passen.")
        for wi, werkveld in enumerate(own.werkvelden):
            if loaded.werkvelden is not None and werkveld not in loaded.werkvelden:
                path = (*at, "werkvelden", wi)
                log.add(doc.file, doc.line(path), list(path), f"Het werkveld '{werkveld}' "
                        "bestaat niet. Kies uit de werkvelden in routekaarten/regio.yml: "
                        f"{', '.join(sorted(loaded.werkvelden))}.")
        if own.route is not None and own.route not in route_ids:
            path = (*at, "route")
            choose = (f"Kies uit: {', '.join(route_ids)}." if route_ids else "Er staan nog "
                      "geen routes in dit bestand: voeg onder routes een route toe, of haal "
                      "route hier weg.")
            log.add(doc.file, doc.line(path), list(path), f"De route '{own.route}' staat niet "
                    f"onder routes in {FILE}. {choose}")


def _check_rollen(rollen: list[GemeenteRol], doc: Document, at: tuple[str | int, ...],
                  log: ErrorLog) -> None:
    seen: set[str] = set()
    for ri, rol in enumerate(rollen):
        if rol.id in seen:
            path = (*at, "rollen", ri, "id")
            log.add(doc.file, doc.line(path), list(path), f"De rol '{rol.id}' staat twee keer "
                    "in de lijst. Elke rol komt één keer voor: voeg de blokken samen.")
        seen.add(rol.id)


def _check_needs(part: Part, log: ErrorLog) -> bool:
    """Report every field a written part of the block lacks; True when none is lacking."""
    complete = True
    for at, (model, names) in BLOCK_NEEDS.items():
        written: Any = part.doc.data["bestuurlijk"]
        for key in at:
            written = written.get(key) if isinstance(written, dict) else None
        if not isinstance(written, dict) or is_empty(written):
            continue
        for name in (n for n in names if is_empty(written.get(n))):
            complete = False
            path = ("bestuurlijk", *at, name)
            hint = (model.model_fields[name].description or "").removesuffix(" Verplicht.")
            log.add(part.doc.file, part.doc.line(path), list(path), f"Het verplichte veld "
                    f"'{name}' ontbreekt. Voeg een regel '{name}: ...' toe "
                    f"({hint.rstrip('.')}).")
    return complete


def _check_block(found: Read, part: Part, block: GemeenteBestuur, vandaag: dt.date,
                 log: ErrorLog) -> None:
    doc = part.doc
    if block.beoordeeld_op > vandaag:
        when = ("bestuurlijk", "beoordeeld")
        log.add(doc.file, doc.line(when), list(when), f"{block.beoordeeld_op.isoformat()} ligt in "
                "de toekomst. Zet hier de datum waarop je dit blok echt hebt beoordeeld, "
                f"bijvoorbeeld {vandaag.isoformat()}.")
    _check_rollen(block.rollen, doc, ("bestuurlijk",), log)
    seen: set[str] = set()
    for bi, inzet in enumerate(block.barrieres):
        path = ("bestuurlijk", "barrieres", bi, "id")
        if inzet.id not in found.catalogue:
            log.add(doc.file, doc.line(path), list(path), _unknown_barrier(inzet.id, found))
        elif inzet.id in seen:
            log.add(doc.file, doc.line(path), list(path), f"De barrière '{inzet.id}' staat "
                    "twee keer in de lijst. Voeg de twee blokken samen.")
        seen.add(inzet.id)


def _signal_parts(loaded: Loaded) -> list[tuple[Part, tuple[str | int, ...]]]:
    parts: list[tuple[Part, tuple[str | int, ...]]] = (
        [(loaded.signalen, ())] if loaded.signalen else [])
    return parts + [(part, ("signalen",)) for _, part in loaded.gemeenten]


def _check_signal_barriers(found: Read, loaded: Loaded, log: ErrorLog) -> None:
    for part, at in _signal_parts(loaded):
        for si, signaal in part.signalen:
            for bi, barrier in enumerate(signaal.barrieres):
                if barrier not in found.catalogue:
                    path = (*at, si, "barrieres", bi)
                    log.add(part.doc.file, part.doc.line(path), list(path),
                            _unknown_barrier(barrier, found))


def _unknown_barrier(barrier: str, found: Read) -> str:
    known = list(found.catalogue)
    close = difflib.get_close_matches(barrier, known, n=1, cutoff=0.6)
    hint = f" Bedoel je '{close[0]}'?" if close else ""
    return (f"De barrière '{barrier}' staat niet in het barrièremodel van de regio.{hint} "
            f"Kies uit: {', '.join(known)}, of voeg hem toe onder barrieres in "
            f"routekaarten/{FILE}.")


def _and(words: list[str]) -> str:
    """"a, b en c"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} en {words[-1]}"
