"""The bestuurlijke aanpak as the pages see it: resolved, merged and filtered for one profile.

``attach`` turns what ``bestuurlijk.read`` checked into a ``ResolvedBestuur`` on the site.
Texts come from the municipality, else the region, else meldwijzer's defaults; ``{rol}`` is
the region's name for the first contact. A public build holds no internal part of a meeting
(its address, names and dates) and no internal route: they are left out here, and the
distinctive ones (addresses, names) are added to the values the leak audit looks for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from .bestuurlijk import (
    STAPPEN,
    Barriere,
    Bestuur,
    KetenRoute,
    Overleg,
    Read,
    standard_texts,
)
from .errors import ErrorLog, format_path
from .keten import fill
from .models import ROL_IDS, Beleidsdocument, GemeenteBestuur, GemeenteRol, Route
from .site import (
    Options,
    ResolvedContact,
    ResolvedRoute,
    ResolvedSignaal,
    ResolvedTerugkoppeling,
    Site,
)

STAND_LABELS = {"voldaan": "Voldaan", "bezig": "Bezig", "niet-voldaan": "Niet voldaan",
                None: "Nog niet beoordeeld"}
INZET_LABELS = {"ingezet": "Ingezet", "in-voorbereiding": "In voorbereiding",
                "niet-ingezet": "Niet ingezet"}
SOORT_LABELS = {"ivp": "Integraal veiligheidsplan", "beleidsplan": "Beleidsplan mensenhandel",
                "apv": "APV, hoofdstuk prostitutie", "uitvoeringsplan": "Uitvoeringsplan",
                "anders": "Ander beleidsstuk"}

RouteResolver = Callable[[Route, dict[str, ResolvedContact], bool, dict[str, str], str],
                         ResolvedRoute]
"""``resolve._route``: a route with its contacts, as the routekaart resolves it."""


@dataclass(frozen=True)
class ResolvedGetraind:
    percentage: int
    jaar: int
    herkomst: str
    """Where the figure comes from, in words."""
    bron: str | None
    """A public https address of the figure."""
    uit_cijfers: bool = False
    """True when the figure comes from the region's training figures, not written by hand."""


@dataclass(frozen=True)
class ResolvedDocument:
    soort: str
    soort_label: str
    titel: str
    jaar: int
    url: str | None
    regionaal: bool


@dataclass(frozen=True)
class ResolvedEis:
    """One requirement of the basisniveau for one municipality (``stand`` None: the block
    does not say, shown as "nog niet beoordeeld")."""

    id: str
    naam: str
    kort: str
    uitleg: str
    stand: str | None
    toelichting: str | None = None
    functie: str | None = None
    uren: str | None = None
    getraind: ResolvedGetraind | None = None
    documenten: tuple[ResolvedDocument, ...] = ()

    @property
    def stand_label(self) -> str:
        return STAND_LABELS[self.stand]


@dataclass(frozen=True)
class ResolvedRolTekst:
    id: str
    naam: str
    verantwoordelijkheid: str
    aanpak: str | None
    verbeterpunten: tuple[str, ...]


@dataclass(frozen=True)
class ResolvedBarriere:
    id: str
    naam: str
    stap: str
    stap_label: str
    wat: str
    uitvoering: str | None
    werkvelden: tuple[str, ...]
    aanleiding: str | None
    route: str | None
    """The id of a route on the routes page (None when it has none, or it is internal)."""
    route_titel: str | None
    bron: str | None
    signalen: tuple[ResolvedSignaal, ...]
    """The signals that name this barrier: the region's, then each municipality's."""

    @property
    def anchor(self) -> str:
        return f"barriere-{self.id}"


@dataclass(frozen=True)
class ResolvedInzet:
    """A barrier as one municipality uses it."""

    barriere: ResolvedBarriere
    stand: str
    toelichting: str | None
    url: str | None

    @property
    def stand_label(self) -> str:
        return INZET_LABELS[self.stand]


@dataclass(frozen=True)
class ResolvedBestuurGemeente:
    slug: str
    naam: str
    beoordeeld: dt.date
    verouderd: bool
    bestand: str
    regel: int
    inleiding: str | None
    eisen: tuple[ResolvedEis, ...]
    rollen: tuple[ResolvedRolTekst, ...]
    inzet: tuple[ResolvedInzet, ...]

    @property
    def voldaan(self) -> bool:
        """Meets the basisniveau: every requirement met."""
        return all(e.stand == "voldaan" for e in self.eisen)

    def inzet_van(self, barrier: str) -> ResolvedInzet | None:
        return next((i for i in self.inzet if i.barriere.id == barrier), None)


@dataclass(frozen=True)
class ResolvedOverlegIntern:
    adres: str | None
    namen: tuple[str, ...]
    data: tuple[dt.date, ...]
    """The coming meeting dates (from the build date on), earliest first."""
    toelichting: str | None
    gepland: bool = False
    """The data names meeting dates (all of them may have passed)."""


@dataclass(frozen=True)
class ResolvedOverleg:
    naam: str
    voorzitter: str | None
    leden: tuple[str, ...]
    frequentie: str | None
    inbrengen: str | None
    criteria: tuple[str, ...]
    intern: ResolvedOverlegIntern | None
    """Only in the internal build."""


@dataclass(frozen=True)
class ResolvedKetenRoute(ResolvedRoute):
    """A route after the aandachtfunctionaris, drawn with the routekaart's template."""

    overleg: ResolvedOverleg | None = None
    terugkoppeling_melder: ResolvedTerugkoppeling | None = None


@dataclass(frozen=True)
class ResolvedSamenwerking:
    wie: str
    waarvoor: str
    contacten: tuple[ResolvedContact, ...]


@dataclass(frozen=True)
class ResolvedAandachtfunctionaris:
    inleiding: str
    taken: tuple[str, ...]
    uren: str
    samenwerking: tuple[ResolvedSamenwerking, ...]


@dataclass(frozen=True)
class ResolvedBestuurRegel:
    """A municipality in the overview: its block, or None (not reviewed yet)."""

    slug: str
    naam: str
    bestuur: ResolvedBestuurGemeente | None


@dataclass(frozen=True)
class ResolvedBestuur:
    inleiding: str | None
    eisen: tuple[ResolvedEis, ...]
    """The three requirements with their standard text (no state): the table's columns."""
    documenten: tuple[ResolvedDocument, ...]
    aandachtfunctionaris: ResolvedAandachtfunctionaris
    barrieres: tuple[ResolvedBarriere, ...]
    routes: tuple[ResolvedKetenRoute, ...]
    regels: tuple[ResolvedBestuurRegel, ...]
    stappen: dict[str, str]

    @property
    def gemeenten(self) -> tuple[ResolvedBestuurGemeente, ...]:
        """Every municipality with a block, in the order of the overview."""
        return tuple(r.bestuur for r in self.regels if r.bestuur is not None)

    def pagina(self, slug: str) -> ResolvedBestuurGemeente | None:
        return next((g for g in self.gemeenten if g.slug == slug), None)

    def barriere(self, barrier: str) -> ResolvedBarriere:
        return next(b for b in self.barrieres if b.id == barrier)

    @property
    def per_stap(self) -> tuple[tuple[str, str, tuple[ResolvedBarriere, ...]], ...]:
        """(step, its label, its barriers) in the order of the trafficker's steps."""
        groups = ((s, self.stappen[s], tuple(b for b in self.barrieres if b.stap == s))
                  for s in STAPPEN)
        return tuple(g for g in groups if g[2])

    def eigen_pagina(self, signaal: ResolvedSignaal, barrier: str) -> str | None:
        """For a municipality's own signal: that municipality's slug when its page describes
        the barrier (the signal links there); None: the signal links to the barrièremodel."""
        page = self.pagina(signaal.gemeente) if signaal.gemeente else None
        return page.slug if page is not None and page.inzet_van(barrier) else None

    @property
    def verouderd(self) -> tuple[ResolvedBestuurGemeente, ...]:
        """Municipalities whose block was not reviewed within the region's term, oldest
        first."""
        return tuple(sorted((g for g in self.gemeenten if g.verouderd),
                            key=lambda g: (g.beoordeeld, g.bestand)))

    def gebruik(self, barrier: str) -> tuple[tuple[ResolvedBestuurGemeente, ResolvedInzet],
                                              ...]:
        """The municipalities that say how they use this barrier."""
        return tuple((g, i) for g in self.gemeenten for i in g.inzet
                     if i.barriere.id == barrier)


def attach(site: Site, found: Read | None, options: Options, log: ErrorLog,
           resolve_route: RouteResolver) -> Site:
    """``site`` with its bestuurlijke aanpak. A region without one keeps its site as it was:
    barriers its signals name are not shown anywhere (nor in open data)."""
    if found is None:
        return _without_barriers(site)
    model = found.model or Bestuur()
    rol = site.rol
    texts = standard_texts()
    routes = _routes(model.routes, site, resolve_route)
    barrieres = _barriers(found, site, routes, texts)
    by_id = {b.id: b for b in barrieres}
    blocks = {slug: block for slug, _, block in found.blocks}
    lines = {slug: part for slug, part, _ in found.blocks}
    cutoff = options.vandaag - dt.timedelta(days=site.controle_termijn_dagen)
    regionale = tuple(_document(d, True) for d in model.documenten)
    regels = []
    for gemeente in site.gemeenten:
        block = blocks.get(gemeente.slug)
        resolved = None
        if block is not None:
            part = lines[gemeente.slug]
            resolved = ResolvedBestuurGemeente(
                slug=gemeente.slug, naam=gemeente.naam, beoordeeld=block.beoordeeld_op,
                verouderd=block.beoordeeld_op < cutoff, bestand=log.relative(part.doc.file),
                regel=part.doc.line(("bestuurlijk", "beoordeeld")),
                inleiding=block.inleiding, eisen=_eisen(block, regionale, rol),
                rollen=_rollen(block.rollen, model.rollen, rol),
                inzet=tuple(ResolvedInzet(by_id[i.id], i.stand, i.toelichting, i.url)
                            for i in block.barrieres if i.id in by_id))
        regels.append(ResolvedBestuurRegel(gemeente.slug, gemeente.naam, resolved))
    bestuur = ResolvedBestuur(
        inleiding=model.inleiding, eisen=_eisen(None, (), rol), documenten=regionale,
        aandachtfunctionaris=_aandachtfunctionaris(model, site),
        barrieres=barrieres, routes=routes, regels=tuple(regels),
        stappen={k: str(v) for k, v in texts["stappen"].items()})
    hidden = {} if site.intern else _internal_values(found, log)
    return replace(site, bestuurlijk=bestuur, verborgen=site.verborgen | set(hidden),
                   herkomst={**hidden, **site.herkomst})


def _without_barriers(site: Site) -> Site:
    def strip(signals: tuple[ResolvedSignaal, ...]) -> tuple[ResolvedSignaal, ...]:
        return tuple(replace(s, barrieres=()) if s.barrieres else s for s in signals)

    return replace(site, signalen=strip(site.signalen), gemeenten=tuple(
        replace(g, signalen=strip(g.signalen)) for g in site.gemeenten))


def with_training_figures(bestuur: ResolvedBestuur,
                          figures: Mapping[str, ResolvedGetraind]) -> ResolvedBestuur:
    """The overview with the share of staff trained from the region's training figures.

    ``figures`` maps a municipality's slug to its figure (participants with client contact
    divided by the staff with client contact, for one year, ``uit_cijfers=True``). The newer
    year wins; for the same year the counted figure wins over one written by hand. Only
    municipalities with a ``bestuurlijk:`` block are in the overview's requirements."""
    regels = []
    for regel in bestuur.regels:
        figure = figures.get(regel.slug)
        if regel.bestuur is None or figure is None:
            regels.append(regel)
            continue
        eisen = tuple(_with_figure(e, figure) if e.id == "signalering" else e
                      for e in regel.bestuur.eisen)
        regels.append(replace(regel, bestuur=replace(regel.bestuur, eisen=eisen)))
    return replace(bestuur, regels=tuple(regels))


def _with_figure(eis: ResolvedEis, figure: ResolvedGetraind) -> ResolvedEis:
    if eis.getraind is not None and eis.getraind.jaar > figure.jaar:
        return eis
    return replace(eis, getraind=figure)


def _eisen(block: GemeenteBestuur | None, regionale: tuple[ResolvedDocument, ...],
           rol: str) -> tuple[ResolvedEis, ...]:
    out = []
    for text in standard_texts()["eisen"]:
        base = ResolvedEis(id=text["id"], naam=text["naam"], kort=text["kort"],
                           uitleg=fill(text["uitleg"], rol) or "", stand=None)
        given = getattr(block, text["id"]) if block is not None else None
        if given is None:
            out.append(base)
            continue
        extra: dict[str, Any] = {}
        if text["id"] == "functionaris":
            extra = {"functie": given.functie, "uren": given.uren}
        elif text["id"] == "signalering" and given.getraind is not None:
            g = given.getraind
            extra = {"getraind": ResolvedGetraind(g.percentage, g.jaar, g.herkomst, g.bron)}
        elif text["id"] == "beleid":
            extra = {"documenten": (*(_document(d, False) for d in given.documenten),
                                    *regionale)}
        out.append(replace(base, stand=given.stand, toelichting=given.toelichting, **extra))
    return tuple(out)


def _document(d: Beleidsdocument, regionaal: bool) -> ResolvedDocument:
    return ResolvedDocument(d.soort, SOORT_LABELS[d.soort], d.titel, d.jaar, d.url, regionaal)


def _rollen(own: list[GemeenteRol], regional: list[GemeenteRol],
            rol: str) -> tuple[ResolvedRolTekst, ...]:
    """The four roles: each field from the municipality, else the region, else meldwijzer."""
    texts = {t["id"]: t for t in standard_texts()["rollen"]}
    mine: dict[str, GemeenteRol] = {r.id: r for r in own}
    region: dict[str, GemeenteRol] = {r.id: r for r in regional}
    out = []
    for rid in ROL_IDS:
        layers = [layer for layer in (mine.get(rid), region.get(rid)) if layer is not None]

        def first(key: str, layers: list[GemeenteRol] = layers) -> Any:
            return next((getattr(x, key) for x in layers if getattr(x, key)), None)

        out.append(ResolvedRolTekst(
            id=rid, naam=texts[rid]["naam"],
            verantwoordelijkheid=fill(first("verantwoordelijkheid")
                                      or texts[rid]["verantwoordelijkheid"], rol) or "",
            aanpak=fill(first("aanpak"), rol),
            verbeterpunten=tuple(first("verbeterpunten") or ())))
    return tuple(out)


def _routes(routes: list[KetenRoute], site: Site,
            resolve_route: RouteResolver) -> tuple[ResolvedKetenRoute, ...]:
    contacts = {c.id: c for c in site.contacten}
    roles = {r.id: r.naam for r in site.rollen}
    out = []
    for route in routes:
        base = resolve_route(route, contacts, False, roles, site.rol)
        if base.intern and not site.intern:
            continue
        melder = route.terugkoppeling_melder
        out.append(ResolvedKetenRoute(
            **vars(base), overleg=_overleg(route.overleg, site) if route.overleg else None,
            terugkoppeling_melder=ResolvedTerugkoppeling(
                wie=fill(melder.wie, site.rol) or melder.wie, wanneer=melder.wanneer,
                wat=fill(melder.wat, site.rol)) if melder else None))
    return tuple(out)


def _overleg(overleg: Overleg, site: Site) -> ResolvedOverleg:
    intern = overleg.intern
    return ResolvedOverleg(
        naam=overleg.naam, voorzitter=overleg.voorzitter, leden=tuple(overleg.leden),
        frequentie=overleg.frequentie, inbrengen=fill(overleg.inbrengen, site.rol),
        criteria=tuple(overleg.criteria),
        intern=ResolvedOverlegIntern(
            adres=intern.adres, namen=tuple(intern.namen),
            data=tuple(sorted(d for d in intern.data if d >= site.options.vandaag)),
            toelichting=intern.toelichting, gepland=bool(intern.data))
        if intern and site.intern else None)


def _barriers(found: Read, site: Site, routes: tuple[ResolvedKetenRoute, ...],
              texts: dict[str, Any]) -> tuple[ResolvedBarriere, ...]:
    titles = {r.id: r.titel for r in routes}
    order = {stap: i for i, stap in enumerate(STAPPEN)}
    out = []
    for barrier in found.catalogue.values():
        out.append(_barrier(barrier, site, titles, texts))
    return tuple(sorted(out, key=lambda b: order[b.stap]))


def _barrier(barrier: Barriere, site: Site, titles: dict[str, str],
             texts: dict[str, Any]) -> ResolvedBarriere:
    # Checked: every barrier has a name, a step and a text (a new one must give them).
    stap = barrier.stap or "werk"
    route = barrier.route if barrier.route in titles else None
    return ResolvedBarriere(
        id=barrier.id, naam=barrier.naam or barrier.id, stap=stap,
        stap_label=str(texts["stappen"][stap]), wat=fill(barrier.wat, site.rol) or "",
        uitvoering=barrier.uitvoering, werkvelden=tuple(barrier.werkvelden),
        aanleiding=fill(barrier.aanleiding, site.rol), route=route,
        route_titel=titles.get(route) if route else None, bron=barrier.bron,
        signalen=tuple(s for s in site.alle_signalen if barrier.id in s.barrieres))


def _aandachtfunctionaris(model: Bestuur, site: Site) -> ResolvedAandachtfunctionaris:
    default = standard_texts()["aandachtfunctionaris"]
    own = model.aandachtfunctionaris
    contacts = {c.id: c for c in site.contacten}
    if own is not None and own.samenwerking:
        samen = tuple(ResolvedSamenwerking(
            fill(s.wie, site.rol) or s.wie, fill(s.waarvoor, site.rol) or s.waarvoor,
            tuple(contacts[c] for c in s.contacten if c in contacts))
            for s in own.samenwerking)
    else:
        samen = tuple(ResolvedSamenwerking(fill(s["wie"], site.rol) or "",
                                           fill(s["waarvoor"], site.rol) or "", ())
                      for s in default["samenwerking"])
    return ResolvedAandachtfunctionaris(
        inleiding=fill((own.inleiding if own else None) or default["inleiding"], site.rol)
        or "",
        taken=tuple(fill(t, site.rol) or t for t in (own.taken if own and own.taken
                                                     else default["taken"])),
        uren=fill((own.uren if own else None) or default["uren"], site.rol) or "",
        samenwerking=samen)


def _internal_values(found: Read, log: ErrorLog) -> dict[str, str]:
    """The distinctive internal values of the meetings (addresses, names), with where they
    are written, for the leak audit. Meeting dates are left out here: a date also appears
    on public pages for other reasons (a contact verified that day); they never reach a
    public site because a public ``ResolvedOverleg`` has no internal part."""
    if found.model is None or found.doc is None:
        return {}
    doc = found.doc
    values: dict[str, str] = {}
    for ri, route in enumerate(found.model.routes):
        intern = route.overleg.intern if route.overleg else None
        if intern is None:
            continue
        named = [(("adres",), intern.adres), *((("namen", i), n)
                                                for i, n in enumerate(intern.namen))]
        for rest, value in named:
            if value:
                path = ("routes", ri, "overleg", "intern", *rest)
                values.setdefault(value, f"{log.relative(doc.file)}:{doc.line(path)}: "
                                         f"{format_path(path)}")
    return values
