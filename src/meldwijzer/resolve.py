"""Read the routekaarten folder, check every reference, merge region and municipality.

The result is a ``Site``: what the page families render. Here the profile is applied, so a
public ``Site`` holds no internal value at all: templates cannot leak what they never see.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .errors import ErrorLog
from .models import Contact, Gemeente, InternDetails, Regio, Route, Signaal
from .phones import is_emergency, tel_uri
from .validate import validate
from .yamlread import Document, read_yaml

Profiel = Literal["publiek", "intern"]
PROFIELEN: tuple[Profiel, ...] = ("publiek", "intern")
RESERVED_SLUGS = frozenset({"index", "zakkaart", "wat-nu", "assets", "search"})


@dataclass(frozen=True)
class Options:
    """How to build: which profile, which day it is, the site's public address."""

    profiel: Profiel = "publiek"
    vandaag: dt.date = field(default_factory=dt.date.today)
    site_url: str | None = None
    directory_urls: bool = False
    serve: bool = False

    @classmethod
    def from_environment(cls, site_url: str | None = None, directory_urls: bool = False,
                         serve: bool = False) -> Options:
        """Profile from ``MELDWIJZER_PROFIEL``; the date from ``SOURCE_DATE_EPOCH`` if set."""
        profiel = os.environ.get("MELDWIJZER_PROFIEL", "publiek").strip().lower() or "publiek"
        if profiel not in PROFIELEN:
            raise ValueError(f"MELDWIJZER_PROFIEL={profiel!r} is onbekend: gebruik publiek of "
                             "intern.")
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        today = (dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch
                 else dt.date.today())
        return cls(profiel="intern" if profiel == "intern" else "publiek", vandaag=today,
                   site_url=site_url, directory_urls=directory_urls, serve=serve)

    def url(self, uri: str) -> str:
        """The URL path of the page at ``uri`` (a/b.md), as MkDocs will write it."""
        stem = uri.removesuffix(".md")
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"

    def page_url(self, uri: str) -> str | None:
        """The page's absolute address when the site's address (site_url) is known."""
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + self.url(uri)


@dataclass(frozen=True)
class ResolvedContact:
    """A contact as one municipality sees it, with the profile applied."""

    id: str
    naam: str
    telefoon: str | None
    tel: str | None
    email: str | None
    website: str | None
    persoon: str | None
    organisatie: str | None
    bereikbaar: str | None
    wanneer: str | None
    intern: bool
    intern_details: InternDetails | None
    gecontroleerd: dt.date
    verouderd: bool
    bron: str | None
    bestand: str


@dataclass(frozen=True)
class ResolvedKeuze:
    als: str
    naar: str
    nummer: int
    titel: str
    anchor: str


@dataclass(frozen=True)
class ResolvedStep:
    id: str
    nummer: int
    titel: str
    wie: str
    wanneer: str | None
    wat: str | None
    contacten: tuple[ResolvedContact, ...]
    keuzes: tuple[ResolvedKeuze, ...]
    volgende: int | None
    anchor: str


@dataclass(frozen=True)
class ResolvedRoute:
    id: str
    titel: str
    stappen: tuple[ResolvedStep, ...]
    lokaal: bool

    @property
    def anchor(self) -> str:
        return f"route-{self.id}"


@dataclass(frozen=True)
class ResolvedSignaal:
    tekst: str
    vormen: tuple[str, ...]
    werkvelden: tuple[str, ...]
    toelichting: str | None
    bron: str | None
    gemeente: str | None


@dataclass(frozen=True)
class ResolvedGemeente:
    slug: str
    naam: str
    inleiding: str | None
    contacten: dict[str, ResolvedContact]
    eigen_contacten: tuple[ResolvedContact, ...]
    routes: tuple[ResolvedRoute, ...]
    signalen: tuple[ResolvedSignaal, ...]
    bestand: str


@dataclass(frozen=True)
class Site:
    """Everything the page families need, checked, merged and filtered for one profile."""

    naam: str
    inleiding: str | None
    politie_eenheid: str | None
    riec: str | None
    werkvelden: dict[str, str]
    contacten: tuple[ResolvedContact, ...]
    noodnummer: ResolvedContact | None
    kernnummers: tuple[ResolvedContact, ...]
    gemeenten: tuple[ResolvedGemeente, ...]
    signalen: tuple[ResolvedSignaal, ...]
    controle_termijn_dagen: int
    options: Options

    @property
    def intern(self) -> bool:
        return self.options.profiel == "intern"

    def page_url(self, uri: str) -> str | None:
        return self.options.page_url(uri)

    def gemeente(self, slug: str) -> ResolvedGemeente:
        return next(g for g in self.gemeenten if g.slug == slug)


@dataclass
class _Loaded:
    regio: Regio
    regio_doc: Document
    signalen: list[Signaal]
    signalen_doc: Document | None
    gemeenten: list[tuple[str, Gemeente, Document]]


def load_routekaarten(root: Path, options: Options, log: ErrorLog) -> Site | None:
    """Read and check ``routekaarten/``; return the resolved site, or None after logging."""
    loaded = _read_all(root / "routekaarten", log)
    if loaded is None:
        return None
    _check_references(loaded, log)
    if log:
        return None
    return _resolve(loaded, options, log)


def _read_all(folder: Path, log: ErrorLog) -> _Loaded | None:
    regio_file = folder / "regio.yml"
    if not regio_file.is_file():
        log.add(regio_file, 1, "", "Dit bestand ontbreekt. Elke regio heeft een "
                "routekaarten/regio.yml met naam, werkvelden, contacten en routes.")
        return None
    regio_doc = read_yaml(regio_file, log)
    regio = validate(Regio, regio_doc, log) if regio_doc else None

    signalen_file = folder / "signalen.yml"
    signalen_doc = read_yaml(signalen_file, log) if signalen_file.is_file() else None
    signalen = validate(list[Signaal], signalen_doc, log) if signalen_doc else []

    gemeenten: list[tuple[str, Gemeente, Document]] = []
    files = sorted((folder / "gemeenten").glob("*.yml")) + sorted(
        (folder / "gemeenten").glob("*.yaml"))
    if not files:
        log.add(folder / "gemeenten", 1, "", "Er staat geen enkele gemeente in "
                "routekaarten/gemeenten/. Maak per gemeente een bestand <naam>.yml.")
    for file in files:
        slug = file.stem
        if not _valid_slug(slug, file, log):
            continue
        doc = read_yaml(file, log)
        gemeente = validate(Gemeente, doc, log) if doc else None
        if gemeente and doc:
            gemeenten.append((slug, gemeente, doc))
    if regio is None or regio_doc is None or signalen is None:
        return None
    return _Loaded(regio, regio_doc, signalen, signalen_doc, gemeenten)


def _valid_slug(slug: str, file: Path, log: ErrorLog) -> bool:
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        log.add(file, 1, "", f'De bestandsnaam "{file.name}" is ook het webadres van de pagina. '
                "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld "
                "gooise-meren.yml.")
        return False
    if slug in RESERVED_SLUGS:
        log.add(file, 1, "", f'De bestandsnaam "{file.name}" is gereserveerd voor de site zelf. '
                "Kies een andere naam, bijvoorbeeld de naam van de gemeente.")
        return False
    if file.is_symlink():
        log.add(file, 1, "", "Dit bestand is een snelkoppeling (symlink). Zet het echte bestand "
                "in de map.")
        return False
    return True


def _check_references(loaded: _Loaded, log: ErrorLog) -> None:
    regio, doc = loaded.regio, loaded.regio_doc
    _check_routes(regio.routes, doc, ("routes",), log)
    for index, contact_id in enumerate(regio.kernnummers):
        if contact_id not in regio.contacten:
            log.add(doc.file, doc.line(("kernnummers", index)), ["kernnummers", index],
                    f"Het contact '{contact_id}' bestaat niet in de contacten van de regio. "
                    f"Kies uit: {', '.join(sorted(regio.contacten))}.")
    werkvelden = set(regio.werkvelden)
    if loaded.signalen_doc:
        _check_signalen(loaded.signalen, loaded.signalen_doc, (), werkvelden, log)
    for _, gemeente, gdoc in loaded.gemeenten:
        if "aandachtfunctionaris" not in gemeente.contacten:
            log.add(gdoc.file, gdoc.line(("contacten",)), ["contacten"],
                    "De gemeente heeft geen contact 'aandachtfunctionaris'. Voeg onder "
                    "contacten een blok 'aandachtfunctionaris:' toe met naam, email of "
                    "telefoon en gecontroleerd.")
        _check_routes(gemeente.routes, gdoc, ("routes",), log)
        _check_signalen(gemeente.signalen, gdoc, ("signalen",), werkvelden, log)
    _check_bellen(loaded, log)


def _check_signalen(signalen: list[Signaal], doc: Document, at: tuple[str, ...],
                    werkvelden: set[str], log: ErrorLog) -> None:
    for index, signaal in enumerate(signalen):
        for wi, werkveld in enumerate(signaal.werkvelden):
            if werkveld not in werkvelden:
                path = (*at, index, "werkvelden", wi)
                log.add(doc.file, doc.line(path), list(path),
                        f"Het werkveld '{werkveld}' bestaat niet. Kies uit de werkvelden in "
                        f"routekaarten/regio.yml: {', '.join(sorted(werkvelden))}.")


def _check_routes(routes: list[Route], doc: Document, at: tuple[str, ...],
                  log: ErrorLog) -> None:
    seen: dict[str, int] = {}
    for ri, route in enumerate(routes):
        path = (*at, ri, "id")
        if route.id in seen:
            log.add(doc.file, doc.line(path), list(path), f"De route-id '{route.id}' komt twee "
                    f"keer voor (ook bij {at[-1]}[{seen[route.id]}]). Geef elke route een eigen id.")
        seen.setdefault(route.id, ri)
        _check_steps(route, doc, (*at, ri), log)


def _check_steps(route: Route, doc: Document, at: tuple[str | int, ...], log: ErrorLog) -> None:
    position: dict[str, int] = {}
    for si, step in enumerate(route.stappen):
        path = (*at, "stappen", si, "id")
        if step.id in position:
            log.add(doc.file, doc.line(path), list(path), f"De stap-id '{step.id}' komt twee keer "
                    f"voor in route '{route.id}'. Geef elke stap een eigen id.")
        position.setdefault(step.id, si)
    reachable = {0}
    for si, step in enumerate(route.stappen):
        targets = []
        for ki, keuze in enumerate(step.keuzes):
            path = (*at, "stappen", si, "keuzes", ki, "naar")
            target = position.get(keuze.naar)
            if target is None:
                log.add(doc.file, doc.line(path), list(path), f"De stap '{keuze.naar}' bestaat "
                        f"niet in route '{route.id}'. Kies uit: {', '.join(position)}.")
            elif target <= si:
                log.add(doc.file, doc.line(path), list(path), f"De keuze gaat terug naar stap "
                        f"'{keuze.naar}'. Een keuze mag alleen naar een latere stap gaan; zet "
                        "de stappen in een andere volgorde.")
            else:
                targets.append(target)
        if si in reachable:
            reachable.update(targets if step.keuzes else [si + 1])
    for si, step in enumerate(route.stappen):
        if si not in reachable:
            path = (*at, "stappen", si)
            log.add(doc.file, doc.line(path), list(path), f"De stap '{step.id}' is niet te "
                    "bereiken: geen vorige stap gaat er via een keuze of als volgende stap "
                    "naartoe. Voeg een keuze toe met naar: " + step.id + ", of haal de stap weg.")


def _check_bellen(loaded: _Loaded, log: ErrorLog) -> None:
    regio_doc, regio = loaded.regio_doc, loaded.regio
    gemeente_routes = {slug: {r.id for r in g.routes} for slug, g, _ in loaded.gemeenten}
    for ri, route in enumerate(regio.routes):
        users = [(slug, g, d) for slug, g, d in loaded.gemeenten
                 if route.id not in gemeente_routes[slug]]
        for path, contact_id in _bellen(route, ("routes", ri)):
            missing = [d for _, g, d in users
                       if contact_id not in g.contacten and contact_id not in regio.contacten]
            if not missing:
                continue
            where = regio_doc.line(path)
            if len(missing) == len(users) or not users:
                log.add(regio_doc.file, where, list(path), _unknown_contact(contact_id, regio))
            else:
                files = ", ".join(log.relative(d.file) for d in missing)
                log.add(regio_doc.file, where, list(path), f"Het contact '{contact_id}' bestaat "
                        f"niet voor {files}. Voeg het daar toe onder contacten, of zet het in "
                        "routekaarten/regio.yml.")
    for _, gemeente, doc in loaded.gemeenten:
        for ri, route in enumerate(gemeente.routes):
            for path, contact_id in _bellen(route, ("routes", ri)):
                if contact_id not in gemeente.contacten and contact_id not in regio.contacten:
                    log.add(doc.file, doc.line(path), list(path),
                            _unknown_contact(contact_id, regio, gemeente))


def _bellen(route: Route, at: tuple[str | int, ...]) -> Iterable[tuple[tuple[str | int, ...], str]]:
    for si, step in enumerate(route.stappen):
        for bi, contact_id in enumerate(step.bellen):
            yield (*at, "stappen", si, "bellen", bi), contact_id


def _unknown_contact(contact_id: str, regio: Regio, gemeente: Gemeente | None = None) -> str:
    known = sorted(set(regio.contacten) | set(gemeente.contacten if gemeente else ()))
    close = difflib.get_close_matches(contact_id, known, n=1, cutoff=0.6)
    hint = f" Bedoel je '{close[0]}'?" if close else ""
    return (f"Het contact '{contact_id}' bestaat niet.{hint} Gebruik een id uit contacten: "
            f"{', '.join(known)}.")


def _resolve(loaded: _Loaded, options: Options, log: ErrorLog) -> Site:
    regio = loaded.regio
    intern = options.profiel == "intern"
    cutoff = options.vandaag - dt.timedelta(days=regio.controle_termijn_dagen)
    regio_file = log.relative(loaded.regio_doc.file)

    def contact(cid: str, c: Contact, file: str) -> ResolvedContact:
        return ResolvedContact(
            id=cid, naam=c.naam, telefoon=c.telefoon,
            tel=tel_uri(c.telefoon) if c.telefoon else None, email=c.email, website=c.website,
            persoon=c.persoon, organisatie=c.organisatie, bereikbaar=c.bereikbaar,
            wanneer=c.wanneer, intern=c.is_intern, intern_details=c.intern if intern else None,
            gecontroleerd=c.gecontroleerd, verouderd=c.gecontroleerd < cutoff, bron=c.bron,
            bestand=file)

    def visible(contacts: dict[str, Contact], file: str) -> dict[str, ResolvedContact]:
        return {cid: contact(cid, c, file) for cid, c in contacts.items()
                if intern or not c.is_intern}

    regionaal = visible(regio.contacten, regio_file)
    signalen = tuple(_signaal(s, None) for s in loaded.signalen)
    gemeenten = []
    for slug, gemeente, doc in loaded.gemeenten:
        eigen = visible(gemeente.contacten, log.relative(doc.file))
        merged = {**regionaal, **eigen}
        eigen_ids = {r.id for r in gemeente.routes}
        routes = [_route(r, merged, lokaal=False) for r in regio.routes if r.id not in eigen_ids]
        routes += [_route(r, merged, lokaal=True) for r in gemeente.routes]
        order = {r.id: i for i, r in enumerate(regio.routes)}
        routes.sort(key=lambda r: (order.get(r.id, len(order)), r.id))
        gemeenten.append(ResolvedGemeente(
            slug=slug, naam=gemeente.naam, inleiding=gemeente.inleiding, contacten=merged,
            eigen_contacten=tuple(eigen.values()), routes=tuple(routes),
            signalen=tuple(_signaal(s, slug) for s in gemeente.signalen),
            bestand=log.relative(doc.file)))
    gemeenten.sort(key=lambda g: (g.naam.casefold(), g.slug))

    nood = next((c for c in regionaal.values() if c.telefoon and is_emergency(c.telefoon)), None)
    kern_ids = regio.kernnummers or [
        cid for cid, c in regionaal.items() if c.telefoon and c is not nood and not c.intern
    ][:3]
    return Site(
        naam=regio.naam, inleiding=regio.inleiding, politie_eenheid=regio.politie_eenheid,
        riec=regio.riec, werkvelden=dict(regio.werkvelden),
        contacten=tuple(regionaal.values()), noodnummer=nood,
        kernnummers=tuple(regionaal[c] for c in kern_ids if c in regionaal),
        gemeenten=tuple(gemeenten), signalen=signalen,
        controle_termijn_dagen=regio.controle_termijn_dagen, options=options)


def _signaal(s: Signaal, gemeente: str | None) -> ResolvedSignaal:
    return ResolvedSignaal(tekst=s.tekst, vormen=tuple(s.vormen), werkvelden=tuple(s.werkvelden),
                           toelichting=s.toelichting, bron=s.bron, gemeente=gemeente)


def _route(route: Route, contacts: dict[str, ResolvedContact], lokaal: bool) -> ResolvedRoute:
    numbers = {step.id: i + 1 for i, step in enumerate(route.stappen)}
    titles = {step.id: step.titel for step in route.stappen}
    steps = []
    last = len(route.stappen)
    for i, step in enumerate(route.stappen, start=1):
        keuzes = tuple(
            ResolvedKeuze(als=k.als, naar=k.naar, nummer=numbers[k.naar], titel=titles[k.naar],
                          anchor=f"{route.id}-{k.naar}")
            for k in step.keuzes)
        steps.append(ResolvedStep(
            id=step.id, nummer=i, titel=step.titel, wie=step.wie, wanneer=step.wanneer,
            wat=step.wat,
            contacten=tuple(contacts[c] for c in step.bellen if c in contacts),
            keuzes=keuzes, volgende=None if keuzes or i == last else i + 1,
            anchor=f"{route.id}-{step.id}"))
    return ResolvedRoute(id=route.id, titel=route.titel, stappen=tuple(steps), lokaal=lokaal)
