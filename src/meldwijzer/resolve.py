"""Read the routekaarten folder, check it (see ``checks``), merge region and municipality.

The result is a ``Site`` (see ``site``): what the page families render. Here the profile is
applied, so a public ``Site`` holds no internal value at all.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from . import bestuurlijk, bestuurlijk_site
from .advies import advise
from .checks import Loaded, Part, check_references
from .errors import ErrorLog
from .files import exists
from .keten import (
    ResolvedRol,
    all_hours,
    capital,
    fill,
    sector_labels,
    standard_roles,
    texts,
)
from .keyed import as_list, as_maps
from .models import Contact, Gemeente, Regio, Route, Signaal
from .phones import is_emergency, tel_uri
from .site import (
    FIRST_CONTACT,
    GENERAL_CONTACT,
    Options,
    ResolvedContact,
    ResolvedGemeente,
    ResolvedKetenTerugkoppeling,
    ResolvedKeuze,
    ResolvedRoute,
    ResolvedSignaal,
    ResolvedStep,
    ResolvedTerugkoppeling,
    Site,
    first_contact_id,
    reached_through,
    role_slug,
)
from .synoniemen import Synoniemen
from .validate import valid_items, validate
from .yamlread import Document, read_yaml

RESERVED_SLUGS = frozenset({"index"})


def load_routekaarten(root: Path, options: Options, log: ErrorLog) -> Site | None:
    """Read and check ``routekaarten/``; return the resolved site, or None after logging."""
    loaded = _read_all(root / "routekaarten", log)
    if loaded is None:
        return None
    check_references(loaded, log)
    bestuur = bestuurlijk.read(root / "routekaarten", loaded, options.vandaag, log)
    if log:
        return None
    site = bestuurlijk_site.attach(_resolve(loaded, options, log), bestuur, options, log,
                                  _route)
    advise(loaded, site, log)
    return site


def _read_part(kind: type[Regio] | type[Gemeente], doc: Document, log: ErrorLog) -> Part:
    doc = as_maps(kind, doc, log)
    model = validate(kind, doc, log)
    data = doc.data if isinstance(doc.data, dict) else {}
    contacts = data.get("contacten")
    return Part(
        doc=doc, model=model,
        contact_ids=set(contacts) if isinstance(contacts, dict) else set(),
        routes=list(enumerate(model.routes)) if model else valid_items(Route, data.get("routes")),
        signalen=(list(enumerate(model.signalen)) if isinstance(model, Gemeente)
                  else valid_items(Signaal, data.get("signalen"))),
    )


def _read_all(folder: Path, log: ErrorLog) -> Loaded | None:
    regio_file = folder / "regio.yml"
    if not exists(regio_file):
        log.add(regio_file, 1, "", "Dit bestand ontbreekt. Elke regio heeft een "
                "routekaarten/regio.yml met naam, werkvelden, contacten en routes.")
        return None
    regio_doc = read_yaml(regio_file, log)
    if regio_doc is None:
        return None
    regio = _read_part(Regio, regio_doc, log)
    raw_werkvelden = regio.doc.data.get("werkvelden") if isinstance(regio.doc.data, dict) else None
    werkvelden = set(raw_werkvelden) if isinstance(raw_werkvelden, dict) else None

    signalen = None
    signalen_file = folder / "signalen.yml"
    signalen_doc = read_yaml(signalen_file, log) if exists(signalen_file) else None
    if signalen_doc is not None:
        signalen_doc = as_list(signalen_doc, log)
    if signalen_doc is not None:
        items = validate(list[Signaal], signalen_doc, log)
        signalen = Part(signalen_doc, None, set(), [], list(enumerate(items)) if items
                         else valid_items(Signaal, signalen_doc.data))

    gemeenten: list[tuple[str, Part]] = []
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
    return Loaded(regio, werkvelden, signalen, gemeenten)


def _check_unique_names(gemeenten: list[tuple[str, Part]], log: ErrorLog) -> None:
    first: dict[str, Part] = {}
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


def _resolve(loaded: Loaded, options: Options, log: ErrorLog) -> Site:
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
    nood = next((c for c in regionaal.values() if c.telefoon and is_emergency(c.telefoon)), None)
    rollen = _roles(regio, intern, regionaal)
    signalen = tuple(_signaal(s, f"s{i + 1}", synoniemen) for i, s in
                     loaded.signalen.signalen) if loaded.signalen else ()
    gemeenten = []
    for slug, part in loaded.gemeenten:
        assert isinstance(part.model, Gemeente)
        eigen = visible(part.model.contacten, part.doc)
        gemeenten.append(_gemeente(slug, part, regio, regionaal, eigen, nood, rollen,
                                   synoniemen, intern, log))
    gemeenten.sort(key=lambda g: (g.naam.casefold(), g.slug))

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
        controle_termijn_dagen=regio.controle_termijn_dagen, options=options,
        rol=regio.rolnaam, rollen=rollen, teksten=texts(regio.rolnaam, regio.teksten),
        sectoren=sector_labels(regio), contact_ids=_contact_ids(loaded),
        buiten_kantoortijd=_out_of_hours(regionaal, nood, regio.buiten_kantoortijd),
        beroepsgeheim=tuple(regio.werkvelden[w] for w in regio.beroepsgeheim
                            if w in regio.werkvelden),
        cijfer_instellingen=regio.cijfers)


def _contact_ids(loaded: Loaded) -> tuple[tuple[str, str | None, bool], ...]:
    ids: dict[str, tuple[str, str | None, bool]] = {}
    for part in [loaded.regio, *(p for _, p in loaded.gemeenten)]:
        if isinstance(part.model, (Regio, Gemeente)):
            for cid, contact in part.model.contacten.items():
                ids.setdefault(cid, (cid, None if contact.is_intern else contact.naam,
                                     part is loaded.regio))
    return tuple(ids.values())


def _gemeente(slug: str, part: Part, regio: Regio, regionaal: dict[str, ResolvedContact],
              eigen: dict[str, ResolvedContact], nood: ResolvedContact | None,
              rollen: tuple[ResolvedRol, ...], synoniemen: Synoniemen, intern: bool,
              log: ErrorLog) -> ResolvedGemeente:
    """One municipality: its contacts over the region's, its routes (its own replace the
    region's of the same id; role routes apart; internal routes only in the internal
    build), its texts and who to call out of hours."""
    assert isinstance(part.model, Gemeente)
    gemeente, doc = part.model, part.doc
    merged = {**regionaal, **eigen}
    eerste = first_contact_id(gemeente.contacten, regio.rolnaam)
    callable_contacts = _callable(merged, eerste, regio.rolnaam)
    roles = {r.id: r.naam for r in rollen}
    eigen_ids = {r.id for r in gemeente.routes}
    routes = [_route(r, callable_contacts, False, roles, regio.rolnaam) for r in regio.routes
              if r.id not in eigen_ids]
    routes += [_route(r, callable_contacts, True, roles, regio.rolnaam)
               for r in gemeente.routes]
    order = {r.id: i for i, r in enumerate(regio.routes)}
    routes = sorted((r for r in routes if intern or not r.intern),
                    key=lambda r: (order.get(r.id, len(order)), r.id))
    resolved = ResolvedGemeente(
        slug=slug, naam=gemeente.naam, inleiding=gemeente.inleiding, contacten=merged,
        eigen_contacten=tuple(eigen.values()),
        routes=tuple(r for r in routes if not r.voor),
        rol_routes=tuple(r for r in routes if r.voor),
        signalen=tuple(_signaal(s, f"{slug}-s{i + 1}", synoniemen, slug, gemeente.naam)
                       for i, s in enumerate(gemeente.signalen)),
        bestand=log.relative(doc.file),
        teksten=texts(regio.rolnaam, gemeente.teksten, regio.teksten),
        buiten_kantoortijd=_out_of_hours(merged, nood, regio.buiten_kantoortijd),
        bewaartermijn=gemeente.bewaartermijn or regio.bewaartermijn, eerste_id=eerste)
    if resolved.eerste_contact is None:
        path = ("contacten", eerste, "zichtbaarheid")
        log.add(doc.file, doc.line(path), list(path), "Op de openbare site heeft deze "
                "gemeente geen eerste aanspreekpunt: de aandachtfunctionaris is intern en er "
                f"is geen openbaar contact '{GENERAL_CONTACT}' met het algemene nummer. Voeg "
                f"onder contacten een blok '- id: {GENERAL_CONTACT}' toe (naam, telefoon, "
                "gecontroleerd), of maak de aandachtfunctionaris openbaar en zet alleen de "
                "persoon en het directe nummer onder intern.")
    return resolved


def _callable(contacts: dict[str, ResolvedContact], eerste: str,
              rolnaam: str) -> dict[str, ResolvedContact]:
    """The contacts as a step offers them: a first contact without a number of its own is
    reached through the municipality's general number, so every step that says "bel" or
    "overleg" has a number to tap. A step may name the first contact by either id
    (``aandachtfunctionaris`` or the region's own word for the role)."""
    first = contacts.get(eerste)
    if first is None:
        return contacts
    reached = reached_through(first, contacts.get(GENERAL_CONTACT))
    aliases = {FIRST_CONTACT, role_slug(rolnaam), eerste} - {""}
    return {**contacts, **{alias: reached for alias in aliases}}


def _out_of_hours(contacts: dict[str, ResolvedContact], nood: ResolvedContact | None,
                  fallback: str | None) -> tuple[ResolvedContact, ...]:
    """The region's fallback contact, then every contact that says it is reachable day and
    night, in the order of the data. Never the emergency number: 112 is for acute danger
    only, and every page shows it apart, above this list."""
    chosen = [contacts.get(fallback) if fallback else None,
              *(c for c in contacts.values() if c.telefoon and all_hours(c.bereikbaar))]
    unique = {c.id: c for c in chosen if c is not None and c.telefoon and c is not nood
              and not is_emergency(c.telefoon)}
    return tuple(unique.values())


def _roles(regio: Regio, intern: bool,
           contacts: dict[str, ResolvedContact]) -> tuple[ResolvedRol, ...]:
    """The standard roles with the region's texts over them, and the region's own roles."""
    own = {r.id: r for r in regio.rollen}
    out = []
    for base in [*standard_roles(), *({"id": r.id} for r in regio.rollen
                                      if r.id not in {b["id"] for b in standard_roles()})]:
        rol = own.get(base["id"])
        naam = (rol.naam if rol and rol.naam else base.get("naam")) or base["id"]
        hidden = rol.zichtbaarheid == "intern" if rol else bool(base.get("intern"))
        if hidden and not intern:
            continue
        ids = tuple(rol.contacten) if rol and rol.contacten else (
            (base["id"],) if base["id"] in contacts else ())
        out.append(ResolvedRol(
            id=base["id"], naam=capital(fill(naam, regio.rolnaam) or ""),
            wat=fill(rol.wat if rol and rol.wat else base.get("wat"), regio.rolnaam),
            wanneer=fill(rol.wanneer if rol and rol.wanneer else base.get("wanneer"),
                         regio.rolnaam),
            contacten=tuple(c for c in ids if c in contacts), intern=hidden))
    return tuple(out)


def _internal_values(parts: list[Part], log: ErrorLog) -> dict[str, str]:
    """Every internal value, with where it is written (``file:line: field``)."""
    values: dict[str, str] = {}

    def add(value: str | None, part: Part, path: tuple[str, ...]) -> None:
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
                           zoekwoorden=synoniemen.erbij(s.tekst, s.toelichting),
                           sectoren=tuple(s.sectoren), barrieres=tuple(dict.fromkeys(s.barrieres)))


def _route(route: Route, contacts: dict[str, ResolvedContact], lokaal: bool,
           roles: dict[str, str], rol: str) -> ResolvedRoute:
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
            anchor=f"{route.id}-{step.id}", gegevens_delen=step.gegevens_delen,
            vastleggen=step.vastleggen))
    terug = route.terugkoppeling
    return ResolvedRoute(
        id=route.id, titel=route.titel, stappen=tuple(steps), lokaal=lokaal,
        terugkoppeling=ResolvedTerugkoppeling(
            wie=fill(terug.wie, rol) or terug.wie, wanneer=terug.wanneer,
            wat=fill(terug.wat, rol)) if terug else None,
        voor=route.voor, voor_naam=roles.get(route.voor) if route.voor else None,
        intern=route.zichtbaarheid == "intern",
        keten_terugkoppeling=tuple(
            ResolvedKetenTerugkoppeling(wie=fill(k.wie, rol) or k.wie,
                                        aan=fill(k.aan, rol) or k.aan,
                                        wanneer=k.wanneer, wat=fill(k.wat, rol))
            for k in route.terugkoppeling_keten))
