"""Open data of the bestuurlijke aanpak: ``api/v1/bestuurlijk.json`` and its schema.

Built from the public ``ResolvedBestuur`` only (a public site has no internal part of a
meeting), in the same versioned folder and style as the rest of the open data (see
``opendata``).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .bestuurlijk_site import (
    ResolvedBestuur,
    ResolvedDocument,
    ResolvedEis,
    ResolvedKetenRoute,
)
from .opendata import VERSION, Api, ApiRoute, ApiTerugkoppeling, dump, route_data
from .site import ResolvedTerugkoppeling, Site

NAME = "bestuurlijk"


class ApiDocument(Api):
    soort: str = Field(description="ivp, beleidsplan, apv, uitvoeringsplan of anders.")
    titel: str
    jaar: int
    url: str | None
    regionaal: bool = Field(description="true: beleid van de regio dat voor elke gemeente "
                            "geldt.")


class ApiGetraind(Api):
    percentage: int = Field(description="Deel van de medewerkers met klantcontact dat "
                            "getraind is (0-100).")
    jaar: int
    herkomst: str = Field(description="Waar het getal vandaan komt.")
    bron: str | None = Field(description="Openbare bron (https).")
    uit_cijfers: bool = Field(description="true: uit de trainingscijfers van de regio.")


class ApiEis(Api):
    id: str = Field(description="functionaris, signalering of beleid.")
    stand: str | None = Field(description="voldaan, bezig, niet-voldaan; null: nog niet "
                              "beoordeeld.")
    toelichting: str | None = Field(description="Uitleg (Markdown).")
    functie: str | None = None
    uren: str | None = None
    getraind: ApiGetraind | None = None
    documenten: list[ApiDocument] = Field(default_factory=list)


class ApiRolTekst(Api):
    id: str = Field(description="signaleerder, beleidsmaker, integrale-aanpak of "
                    "zorgcoordinator.")
    naam: str
    verantwoordelijkheid: str = Field(description="Markdown.")
    aanpak: str | None = Field(description="Markdown.")
    verbeterpunten: list[str]


class ApiInzet(Api):
    barriere: str = Field(description="Id van een barrière uit 'barrieres'.")
    stand: str = Field(description="ingezet, in-voorbereiding of niet-ingezet.")
    toelichting: str | None = Field(description="Markdown.")
    url: str | None


class ApiBestuurGemeente(Api):
    slug: str
    naam: str
    url: str | None = Field(description="De pagina op de site, als het adres bekend is.")
    beoordeeld: dt.date = Field(description="Wanneer dit voor het laatst is beoordeeld.")
    eisen: list[ApiEis]
    rollen: list[ApiRolTekst]
    barrieres: list[ApiInzet]


class ApiBarriere(Api):
    id: str
    naam: str
    stap: str = Field(description="entree, identiteit, huisvesting, werk of financien.")
    wat: str = Field(description="Markdown.")
    uitvoering: str | None
    werkvelden: list[str] = Field(description="Ids van werkvelden.")
    aanleiding: str | None = Field(description="Markdown.")
    route: str | None = Field(description="Id van een route in 'routes'.")
    bron: str | None


class ApiOverleg(Api):
    naam: str
    voorzitter: str | None
    leden: list[str]
    frequentie: str | None
    inbrengen: str | None = Field(description="Markdown.")
    criteria: list[str]


class ApiKetenRoute(ApiRoute):
    overleg: ApiOverleg | None = None
    terugkoppeling_melder: ApiTerugkoppeling | None = Field(
        None, description="Hoe de medewerker die het signaal gaf, hoort wat ermee gebeurde.")


class ApiBestuur(Api):
    """De bestuurlijke aanpak van de regio: basisniveau per gemeente, barrièremodel en de
    routes na de aandachtfunctionaris."""

    versie: str
    rolnaam: str
    gemeenten: list[ApiBestuurGemeente] = Field(
        description="De gemeenten met een beoordeling; de andere zijn nog niet beoordeeld.")
    nog_niet_beoordeeld: list[str] = Field(description="Slugs van gemeenten zonder "
                                           "beoordeling.")
    documenten: list[ApiDocument] = Field(description="Beleid van de regio.")
    barrieres: list[ApiBarriere]
    routes: list[ApiKetenRoute]


def _document(d: ResolvedDocument) -> ApiDocument:
    return ApiDocument(soort=d.soort, titel=d.titel, jaar=d.jaar, url=d.url,
                       regionaal=d.regionaal)


def _eis(e: ResolvedEis) -> ApiEis:
    g = e.getraind
    return ApiEis(id=e.id, stand=e.stand, toelichting=e.toelichting, functie=e.functie,
                  uren=e.uren, documenten=[_document(d) for d in e.documenten],
                  getraind=ApiGetraind(percentage=g.percentage, jaar=g.jaar, herkomst=g.herkomst,
                                       bron=g.bron, uit_cijfers=g.uit_cijfers) if g else None)


def _feedback(t: ResolvedTerugkoppeling | None) -> ApiTerugkoppeling | None:
    return ApiTerugkoppeling(wie=t.wie, wanneer=t.wanneer, wat=t.wat) if t else None


def _route(route: ResolvedKetenRoute) -> ApiKetenRoute:
    o = route.overleg
    return ApiKetenRoute(
        **route_data(route),
        overleg=ApiOverleg(naam=o.naam, voorzitter=o.voorzitter, leden=list(o.leden),
                           frequentie=o.frequentie, inbrengen=o.inbrengen,
                           criteria=list(o.criteria)) if o else None,
        terugkoppeling_melder=_feedback(route.terugkoppeling_melder))


def export_files(site: Site, bestuur: ResolvedBestuur) -> dict[str, bytes]:
    """``api/v1/bestuurlijk.json`` and its schema; deterministic."""
    data = ApiBestuur(
        versie=VERSION, rolnaam=site.rol,
        gemeenten=[ApiBestuurGemeente(
            slug=g.slug, naam=g.naam, url=site.page_url(f"bestuurlijk/gemeenten/{g.slug}.md"),
            beoordeeld=g.beoordeeld, eisen=[_eis(e) for e in g.eisen],
            rollen=[ApiRolTekst(id=r.id, naam=r.naam,
                                verantwoordelijkheid=r.verantwoordelijkheid, aanpak=r.aanpak,
                                verbeterpunten=list(r.verbeterpunten)) for r in g.rollen],
            barrieres=[ApiInzet(barriere=i.barriere.id, stand=i.stand,
                                toelichting=i.toelichting, url=i.url) for i in g.inzet])
            for g in bestuur.gemeenten],
        nog_niet_beoordeeld=[r.slug for r in bestuur.regels if r.bestuur is None],
        documenten=[_document(d) for d in bestuur.documenten],
        barrieres=[ApiBarriere(id=b.id, naam=b.naam, stap=b.stap, wat=b.wat,
                               uitvoering=b.uitvoering, werkvelden=list(b.werkvelden),
                               aanleiding=b.aanleiding, route=b.route, bron=b.bron)
                   for b in bestuur.barrieres],
        routes=[_route(r) for r in bestuur.routes])
    base = f"api/{VERSION}"
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": f"meldwijzer/api/{VERSION}/{NAME}.schema.json",
              **ApiBestuur.model_json_schema()}
    return {f"{base}/{NAME}.json": dump(data),
            f"{base}/schema/{NAME}.schema.json": dump(schema, indent=2)}
