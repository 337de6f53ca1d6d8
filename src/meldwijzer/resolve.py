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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .errors import ErrorLog
from .files import exists

if TYPE_CHECKING:
    from .campagne import ResolvedCampagne
    from .handwritten import HandPage
    from .trainingen import ResolvedModule
from .models import Contact, Gemeente, InternDetails, Regio, Route, Signaal
from .phones import is_emergency, tel_uri
from .synoniemen import Synoniemen
from .validate import valid_items, validate
from .yamlread import Document, read_yaml

Profiel = Literal["publiek", "intern"]
PROFIELEN: tuple[Profiel, ...] = ("publiek", "intern")
RESERVED_SLUGS = frozenset({"index"})


@dataclass(frozen=True)
class Options:
    """How to build: which profile, which day it is, the site's public address."""

    profiel: Profiel = "publiek"
    vandaag: dt.date = field(default_factory=dt.date.today)
    site_url: str | None = None
    directory_urls: bool = False
    serve: bool = False
    docs_dir: str = "docs"
    """The hand-written pages: relative to the project folder, or absolute."""

    @classmethod
    def from_environment(cls, site_url: str | None = None, directory_urls: bool = False,
                         serve: bool = False, docs_dir: str = "docs") -> Options:
        """Profile from ``MELDWIJZER_PROFIEL``; the date from ``SOURCE_DATE_EPOCH`` if set."""
        profiel = os.environ.get("MELDWIJZER_PROFIEL", "publiek").strip().lower() or "publiek"
        if profiel not in PROFIELEN:
            raise ValueError(f"MELDWIJZER_PROFIEL={profiel!r} is onbekend: gebruik publiek of "
                             "intern.")
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        today = (dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch
                 else dt.date.today())
        return cls(profiel="intern" if profiel == "intern" else "publiek", vandaag=today,
                   site_url=site_url, directory_urls=directory_urls, serve=serve,
                   docs_dir=docs_dir)

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
    regel: int
    via: str | None = None
    """For a first contact reached through another number: whose number it is."""
    zoekwoorden: tuple[str, ...] = ()
    """Synonyms of the words it uses, for the search index only (see ``synoniemen``)."""


FIRST_CONTACT = "aandachtfunctionaris"
"""The contact id of a municipality's first point of contact (required in every file)."""
GENERAL_CONTACT = "gemeente"
"""The contact id of a municipality's general number (optional): the fallback to call."""


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
    id: str
    tekst: str
    vormen: tuple[str, ...]
    werkvelden: tuple[str, ...]
    toelichting: str | None
    bron: str | None
    gemeente: str | None
    gemeente_naam: str | None
    zoekwoorden: tuple[str, ...] = ()
    """Synonyms of the words it uses, for the search index only (see ``synoniemen``)."""


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

    @property
    def eerste_contact(self) -> ResolvedContact | None:
        """The first point of contact as this profile sees it, or the general number."""
        return self.contacten.get(FIRST_CONTACT) or self.contacten.get(GENERAL_CONTACT)

    @property
    def eerste_nummer(self) -> ResolvedContact | None:
        """The first contact with a number to call, for everything that is printed.

        The internal build gives the internal direct number; without a number of its own,
        the first contact is reached through the municipality's general number."""
        first = self.contacten.get(FIRST_CONTACT)
        general = self.contacten.get(GENERAL_CONTACT)
        if first is None:
            return general if general and general.telefoon else None
        direct = first.intern_details.telefoon if first.intern_details else None
        if direct:
            return replace(first, telefoon=direct, tel=tel_uri(direct))
        if first.telefoon or general is None or not general.telefoon:
            return first
        return replace(first, telefoon=general.telefoon, tel=general.tel, via=general.naam,
                       bereikbaar=general.bereikbaar or first.bereikbaar)


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
    campagne: ResolvedCampagne | None = None
    """The "Open je ogen" campaign, when the project has campaign/ (see ``campagne``)."""
    trainingen: tuple[ResolvedModule, ...] = ()
    """Training modules, when the project has trainingen/ (see ``trainingen``)."""
    verborgen: frozenset[str] = frozenset()
    """Values withheld from this profile (internal data in a public build). Never rendered:
    only the leak audit reads them, to prove that none reached the output."""
    herkomst: dict[str, str] = field(default_factory=dict)
    """Where each withheld value is written (``file:line: field``), for the messages."""
    handpaginas: tuple[HandPage, ...] = ()
    """The hand-written pages in docs/ (see ``handwritten``)."""

    @property
    def intern(self) -> bool:
        return self.options.profiel == "intern"

    def page_url(self, uri: str) -> str | None:
        return self.options.page_url(uri)

    def gemeente(self, slug: str) -> ResolvedGemeente:
        return next(g for g in self.gemeenten if g.slug == slug)

    @property
    def alle_contacten(self) -> tuple[ResolvedContact, ...]:
        """Every contact once: the region's, then each municipality's own."""
        return self.contacten + tuple(c for g in self.gemeenten for c in g.eigen_contacten)

    @property
    def verouderd(self) -> tuple[ResolvedContact, ...]:
        """Contacts not verified within the region's term, oldest first."""
        return tuple(sorted((c for c in self.alle_contacten if c.verouderd),
                            key=lambda c: (c.gecontroleerd, c.bestand, c.regel)))

    @property
    def alle_signalen(self) -> tuple[ResolvedSignaal, ...]:
        """Regional signals, then each municipality's local ones."""
        return self.signalen + tuple(s for g in self.gemeenten for s in g.signalen)


@dataclass
class _Part:
    """A data file as far as it could be checked.

    When the whole file is valid, ``model`` holds it. When not, the routes, signals and
    contact ids that are valid on their own are still kept, so that references between
    files are checked too and every error is reported in one run.
    """

    doc: Document
    model: Regio | Gemeente | None
    contact_ids: set[str]
    routes: list[tuple[int, Route]]
    signalen: list[tuple[int, Signaal]]


@dataclass
class _Loaded:
    regio: _Part
    werkvelden: set[str] | None
    signalen: _Part | None
    gemeenten: list[tuple[str, _Part]]


def load_routekaarten(root: Path, options: Options, log: ErrorLog) -> Site | None:
    """Read and check ``routekaarten/``; return the resolved site, or None after logging."""
    loaded = _read_all(root / "routekaarten", log)
    if loaded is None:
        return None
    _check_references(loaded, log)
    if log:
        return None
    return _resolve(loaded, options, log)


def _read_part(kind: type[Regio] | type[Gemeente], doc: Document, log: ErrorLog) -> _Part:
    model = validate(kind, doc, log)
    data = doc.data if isinstance(doc.data, dict) else {}
    contacts = data.get("contacten")
    return _Part(
        doc=doc, model=model,
        contact_ids=set(contacts) if isinstance(contacts, dict) else set(),
        routes=list(enumerate(model.routes)) if model else valid_items(Route, data.get("routes")),
        signalen=(list(enumerate(model.signalen)) if isinstance(model, Gemeente)
                  else valid_items(Signaal, data.get("signalen"))),
    )


def _read_all(folder: Path, log: ErrorLog) -> _Loaded | None:
    regio_file = folder / "regio.yml"
    if not exists(regio_file):
        log.add(regio_file, 1, "", "Dit bestand ontbreekt. Elke regio heeft een "
                "routekaarten/regio.yml met naam, werkvelden, contacten en routes.")
        return None
    regio_doc = read_yaml(regio_file, log)
    if regio_doc is None:
        return None
    regio = _read_part(Regio, regio_doc, log)
    raw_werkvelden = regio_doc.data.get("werkvelden") if isinstance(regio_doc.data, dict) else None
    werkvelden = set(raw_werkvelden) if isinstance(raw_werkvelden, dict) else None

    signalen = None
    signalen_file = folder / "signalen.yml"
    signalen_doc = read_yaml(signalen_file, log) if exists(signalen_file) else None
    if signalen_doc is not None:
        items = validate(list[Signaal], signalen_doc, log)
        signalen = _Part(signalen_doc, None, set(), [], list(enumerate(items)) if items
                         else valid_items(Signaal, signalen_doc.data))

    gemeenten: list[tuple[str, _Part]] = []
    files = sorted([*(folder / "gemeenten").glob("*.yml"), *(folder / "gemeenten").glob("*.yaml")])
    if not files:
        log.add(folder / "gemeenten", 1, "", "Er staat geen enkele gemeente in "
                "routekaarten/gemeenten/. Maak per gemeente een bestand <naam>.yml.")
    seen: dict[str, Path] = {}
    for file in files:
        if file.stem in seen:
            log.add(file, 1, "", f"Er is al een bestand voor deze gemeente: "
                    f"{log.relative(seen[file.stem])}. Twee bestanden geven hetzelfde webadres; "
                    "voeg ze samen of hernoem er een.")
            continue
        seen[file.stem] = file
        if _valid_slug(file.stem, file, log):
            doc = read_yaml(file, log)
            if doc is not None:
                gemeenten.append((file.stem, _read_part(Gemeente, doc, log)))
    _check_unique_names(gemeenten, log)
    return _Loaded(regio, werkvelden, signalen, gemeenten)


def _check_unique_names(gemeenten: list[tuple[str, _Part]], log: ErrorLog) -> None:
    first: dict[str, _Part] = {}
    for _, part in gemeenten:
        if not isinstance(part.model, Gemeente):
            continue
        key = part.model.naam.casefold()
        if key in first:
            log.add(part.doc.file, part.doc.line(("naam",)), ["naam"],
                    f'De naam "{part.model.naam}" staat ook in '
                    f"{log.relative(first[key].doc.file)}. Elke gemeente heeft een eigen naam; "
                    "verwijder het dubbele bestand of verbeter de naam.")
        first.setdefault(key, part)


def _valid_slug(slug: str, file: Path, log: ErrorLog) -> bool:
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        log.add(file, 1, "", f'De bestandsnaam "{file.name}" is ook het webadres van de pagina. '
                "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld "
                "nieuw-dorp.yml.")
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
    regio = loaded.regio
    _check_routes(regio.routes, regio.doc, log)
    if isinstance(regio.model, Regio):
        callable_ids = sorted(c for c, v in regio.model.contacten.items() if v.telefoon)
        for index, contact_id in enumerate(regio.model.kernnummers):
            path = ("kernnummers", index)
            if contact_id not in regio.contact_ids:
                log.add(regio.doc.file, regio.doc.line(path), list(path),
                        f"Het contact '{contact_id}' bestaat niet in de contacten van de regio. "
                        f"Kies uit: {', '.join(sorted(regio.contact_ids))}.")
            elif contact_id not in callable_ids:
                log.add(regio.doc.file, regio.doc.line(path), list(path),
                        f"Het contact '{contact_id}' heeft geen telefoonnummer. Een kernnummer "
                        "moet je kunnen bellen: geef het contact een telefoon, of kies uit: "
                        f"{', '.join(callable_ids)}.")
    if loaded.signalen and loaded.werkvelden is not None:
        _check_signalen(loaded.signalen, (), loaded.werkvelden, log)
    for _, gemeente in loaded.gemeenten:
        contacts = gemeente.doc.data.get("contacten") if isinstance(gemeente.doc.data, dict) \
            else None
        if isinstance(contacts, dict) and "aandachtfunctionaris" not in contacts:
            log.add(gemeente.doc.file, gemeente.doc.line(("contacten",)), ["contacten"],
                    "De gemeente heeft geen contact 'aandachtfunctionaris'. Voeg onder "
                    "contacten een blok 'aandachtfunctionaris:' toe met naam, email of "
                    "telefoon en gecontroleerd.")
        _check_routes(gemeente.routes, gemeente.doc, log)
        if loaded.werkvelden is not None:
            _check_signalen(gemeente, ("signalen",), loaded.werkvelden, log)
    _check_bellen(loaded, log)


def _check_signalen(part: _Part, at: tuple[str | int, ...], werkvelden: set[str],
                    log: ErrorLog) -> None:
    doc = part.doc
    for index, signaal in part.signalen:
        for wi, werkveld in enumerate(signaal.werkvelden):
            if werkveld not in werkvelden:
                path: tuple[str | int, ...] = (*at, index, "werkvelden", wi)
                log.add(doc.file, doc.line(path), list(path),
                        f"Het werkveld '{werkveld}' bestaat niet. Kies uit de werkvelden in "
                        f"routekaarten/regio.yml: {', '.join(sorted(werkvelden))}.")


def _check_routes(routes: list[tuple[int, Route]], doc: Document, log: ErrorLog) -> None:
    seen: dict[str, int] = {}
    for ri, route in routes:
        path = ("routes", ri, "id")
        if route.id in seen:
            log.add(doc.file, doc.line(path), list(path), f"De route-id '{route.id}' komt twee "
                    f"keer voor (ook bij routes[{seen[route.id]}]). Geef elke route een eigen id.")
        seen.setdefault(route.id, ri)
        _check_steps(route, doc, ("routes", ri), log)


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
                    "bereiken: geen eerdere stap leidt ernaartoe. Voeg bij een eerdere stap een "
                    f"keuze toe met naar: {step.id}, of haal de stap weg.")


def _check_bellen(loaded: _Loaded, log: ErrorLog) -> None:
    regio = loaded.regio
    for ri, route in regio.routes:
        users = [g for _, g in loaded.gemeenten
                 if route.id not in {r.id for _, r in g.routes}]
        for path, contact_id in _bellen(route, ("routes", ri)):
            if contact_id in regio.contact_ids:
                continue
            missing = [g for g in users if contact_id not in g.contact_ids]
            if not missing:
                continue
            where = regio.doc.line(path)
            if len(missing) == len(users):
                log.add(regio.doc.file, where, list(path), _unknown_contact(contact_id, regio))
            else:
                files = ", ".join(log.relative(g.doc.file) for g in missing)
                log.add(regio.doc.file, where, list(path), f"Het contact '{contact_id}' bestaat "
                        f"niet voor {files}. Voeg het daar toe onder contacten, of zet het in "
                        "routekaarten/regio.yml.")
    for _, gemeente in loaded.gemeenten:
        for ri, route in gemeente.routes:
            for path, contact_id in _bellen(route, ("routes", ri)):
                if contact_id not in gemeente.contact_ids | regio.contact_ids:
                    log.add(gemeente.doc.file, gemeente.doc.line(path), list(path),
                            _unknown_contact(contact_id, regio, gemeente))


def _bellen(route: Route, at: tuple[str | int, ...]) -> Iterable[tuple[tuple[str | int, ...], str]]:
    for si, step in enumerate(route.stappen):
        for bi, contact_id in enumerate(step.bellen):
            yield (*at, "stappen", si, "bellen", bi), contact_id


def _unknown_contact(contact_id: str, regio: _Part, gemeente: _Part | None = None) -> str:
    known = sorted(regio.contact_ids | (gemeente.contact_ids if gemeente else set()))
    close = difflib.get_close_matches(contact_id, known, n=1, cutoff=0.6)
    hint = f" Bedoel je '{close[0]}'?" if close else ""
    return (f"Het contact '{contact_id}' bestaat niet.{hint} Gebruik een id uit contacten: "
            f"{', '.join(known)}.")


def _resolve(loaded: _Loaded, options: Options, log: ErrorLog) -> Site:
    assert isinstance(loaded.regio.model, Regio)
    regio = loaded.regio.model
    intern = options.profiel == "intern"
    cutoff = options.vandaag - dt.timedelta(days=regio.controle_termijn_dagen)

    synoniemen = Synoniemen.for_region(regio.synoniemen)

    def contact(cid: str, c: Contact, doc: Document) -> ResolvedContact:
        if c.gecontroleerd > options.vandaag:
            path = ("contacten", cid, "gecontroleerd")
            log.add(doc.file, doc.line(path), list(path), f"{c.gecontroleerd.isoformat()} ligt "
                    "in de toekomst. Zet hier de datum waarop je de gegevens echt hebt "
                    f"gecontroleerd, bijvoorbeeld {options.vandaag.isoformat()}.")
        return ResolvedContact(
            id=cid, naam=c.naam, telefoon=c.telefoon,
            tel=tel_uri(c.telefoon) if c.telefoon else None, email=c.email, website=c.website,
            persoon=c.persoon, organisatie=c.organisatie, bereikbaar=c.bereikbaar,
            wanneer=c.wanneer, intern=c.is_intern, intern_details=c.intern if intern else None,
            gecontroleerd=c.gecontroleerd, verouderd=c.gecontroleerd < cutoff, bron=c.bron,
            bestand=log.relative(doc.file), regel=doc.line(("contacten", cid, "gecontroleerd")),
            zoekwoorden=synoniemen.erbij(c.naam, c.organisatie, c.wanneer))

    def visible(contacts: dict[str, Contact], doc: Document) -> dict[str, ResolvedContact]:
        return {cid: contact(cid, c, doc) for cid, c in contacts.items()
                if intern or not c.is_intern}

    regionaal = visible(regio.contacten, loaded.regio.doc)
    signalen = tuple(_signaal(s, f"s{i + 1}", synoniemen) for i, s in
                     loaded.signalen.signalen) if loaded.signalen else ()
    gemeenten = []
    for slug, part in loaded.gemeenten:
        assert isinstance(part.model, Gemeente)
        gemeente, doc = part.model, part.doc
        eigen = visible(gemeente.contacten, doc)
        merged = {**regionaal, **eigen}
        eigen_ids = {r.id for r in gemeente.routes}
        routes = [_route(r, merged, lokaal=False) for r in regio.routes if r.id not in eigen_ids]
        routes += [_route(r, merged, lokaal=True) for r in gemeente.routes]
        order = {r.id: i for i, r in enumerate(regio.routes)}
        routes.sort(key=lambda r: (order.get(r.id, len(order)), r.id))
        gemeenten.append(ResolvedGemeente(
            slug=slug, naam=gemeente.naam, inleiding=gemeente.inleiding, contacten=merged,
            eigen_contacten=tuple(eigen.values()), routes=tuple(routes),
            signalen=tuple(_signaal(s, f"{slug}-s{i + 1}", synoniemen, slug, gemeente.naam)
                           for i, s in enumerate(gemeente.signalen)),
            bestand=log.relative(doc.file)))
        if gemeenten[-1].eerste_contact is None:
            path = ("contacten", FIRST_CONTACT, "zichtbaarheid")
            log.add(doc.file, doc.line(path), list(path), "Op de openbare site heeft deze "
                    "gemeente geen eerste aanspreekpunt: de aandachtfunctionaris is intern en er "
                    f"is geen openbaar contact '{GENERAL_CONTACT}' met het algemene nummer. Voeg "
                    f"onder contacten een blok '{GENERAL_CONTACT}:' toe (naam, telefoon, "
                    "gecontroleerd), of maak de aandachtfunctionaris openbaar en zet alleen de "
                    "persoon en het directe nummer onder intern.")
    gemeenten.sort(key=lambda g: (g.naam.casefold(), g.slug))

    nood = next((c for c in regionaal.values() if c.telefoon and is_emergency(c.telefoon)), None)
    kern_ids = regio.kernnummers or [
        cid for cid, c in regionaal.items() if c.telefoon and c is not nood and not c.intern
    ][:3]
    origins = {} if intern else _internal_values(
        [loaded.regio, *(p for _, p in loaded.gemeenten)], log)
    return Site(
        verborgen=frozenset(origins), herkomst=origins,
        naam=regio.naam, inleiding=regio.inleiding, politie_eenheid=regio.politie_eenheid,
        riec=regio.riec, werkvelden=dict(regio.werkvelden),
        contacten=tuple(regionaal.values()), noodnummer=nood,
        kernnummers=tuple(regionaal[c] for c in kern_ids if c in regionaal),
        gemeenten=tuple(gemeenten), signalen=signalen,
        controle_termijn_dagen=regio.controle_termijn_dagen, options=options)


def _internal_values(parts: list[_Part], log: ErrorLog) -> dict[str, str]:
    """Every internal value, with where it is written (``file:line: field``)."""
    values: dict[str, str] = {}

    def add(value: str | None, part: _Part, path: tuple[str, ...]) -> None:
        if value:
            where = f"{log.relative(part.doc.file)}:{part.doc.line(path)}: {'.'.join(path)}"
            values.setdefault(value, where)

    for part in parts:
        if not isinstance(part.model, (Regio, Gemeente)):
            continue
        for cid, contact in part.model.contacten.items():
            if contact.is_intern:
                for key in ("persoon", "telefoon", "email"):
                    add(getattr(contact, key), part, ("contacten", cid, key))
            if contact.intern:
                for key, value in contact.intern.model_dump().items():
                    add(value, part, ("contacten", cid, "intern", key))
    return values


def _signaal(s: Signaal, sid: str, synoniemen: Synoniemen, gemeente: str | None = None,
             naam: str | None = None) -> ResolvedSignaal:
    return ResolvedSignaal(id=sid, tekst=s.tekst, vormen=tuple(s.vormen),
                           werkvelden=tuple(s.werkvelden), toelichting=s.toelichting, bron=s.bron,
                           gemeente=gemeente, gemeente_naam=naam,
                           zoekwoorden=synoniemen.erbij(s.tekst, s.toelichting))


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
