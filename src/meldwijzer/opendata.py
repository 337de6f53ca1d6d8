"""The open-data format (api/v1): public routes, contacts and signals per municipality.

Versioned: a change that breaks readers gets a new version folder. Built from the public
``Site`` only, so it can contain nothing internal (and the leak audit checks it anyway).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .site import ResolvedContact, ResolvedRoute, ResolvedSignaal, Site

VERSION = "v1"


class Api(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ApiContact(Api):
    """Een contact zoals het voor deze gemeente geldt."""

    id: str
    naam: str
    organisatie: str | None
    telefoon: str | None = Field(description="Zoals je het belt, bijvoorbeeld 0800-2000.")
    tel: str | None = Field(description="De tel:-link, bijvoorbeeld tel:+318002000.")
    email: str | None
    website: str | None
    bereikbaar: str | None
    wanneer: str | None = Field(description="Wanneer je dit contact gebruikt (Markdown).")
    gecontroleerd: dt.date


class ApiKeuze(Api):
    als: str
    naar: str = Field(description="Id van de stap waar dit antwoord naartoe leidt.")


class ApiStap(Api):
    id: str
    nummer: int
    titel: str
    wie: str
    wanneer: str | None
    wat: str | None = Field(description="Wat je doet (Markdown).")
    bellen: list[str] = Field(description="Ids van contacten uit 'contacten'.")
    keuzes: list[ApiKeuze]
    volgende: str | None = Field(description="Id van de volgende stap als er geen keuze is.")


class ApiTerugkoppeling(Api):
    wie: str = Field(description="Wie laat degene die het signaal gaf weten wat ermee gebeurt.")
    wanneer: str | None
    wat: str | None = Field(description="Wat je te horen krijgt (Markdown).")


class ApiRoute(Api):
    id: str
    titel: str
    lokaal: bool = Field(description="true: een eigen route van deze gemeente.")
    stappen: list[ApiStap]
    terugkoppeling: ApiTerugkoppeling | None = None
    voor: str | None = Field(None, description="Een route voor één rol (een id uit rollen.json)"
                             "; null: voor iedere medewerker.")


class ApiSignaal(Api):
    tekst: str
    vormen: list[str]
    werkvelden: list[str]
    sectoren: list[str] = Field(default_factory=list, description="Ids van sectoren.")
    barrieres: list[str] = Field(default_factory=list, description="Ids van barrières uit "
                                 "bestuurlijk.json die dit signaal in gang kan zetten.")
    toelichting: str | None
    bron: str | None
    gemeente: str | None = Field(description="Alleen bij een lokaal signaal: de gemeente.")


class ApiGemeente(Api):
    """De routekaart van een gemeente als gegevens."""

    versie: str
    slug: str
    naam: str
    url: str | None = Field(description="De routekaart op de site, als het adres bekend is.")
    routes: list[ApiRoute]
    contacten: dict[str, ApiContact]
    signalen: list[ApiSignaal] = Field(description="Lokale signalen van deze gemeente.")
    buiten_kantoortijd: list[str] = Field(
        default_factory=list, description="Ids van contacten die je belt als het eerste "
        "aanspreekpunt niet bereikbaar is, 112 eerst.")


class ApiGemeenteVerwijzing(Api):
    slug: str
    naam: str
    gegevens: str = Field(description="Pad van het bestand met de routekaart, vanaf index.json.")


class ApiIndex(Api):
    """Het startpunt: welke bestanden er zijn."""

    versie: str
    regio: str
    datum: dt.date = Field(description="De dag waarop de gegevens zijn gebouwd.")
    gemeenten: list[ApiGemeenteVerwijzing]
    signalen: str
    contacten: str
    rollen: str | None = None
    bestuurlijk: str | None = Field(None, description="Het bestand met de bestuurlijke "
                                    "aanpak, als de regio die heeft.")
    cijfers: dict[str, str] = Field(
        default_factory=dict, description="De cijfers (contract 1.3): per soort (signalen, "
        "trainingen) het pad van het JSON-bestand; hetzelfde als .csv ernaast.")


class ApiRol(Api):
    id: str
    naam: str
    wat: str | None = Field(description="Wat deze rol doet (Markdown).")
    wanneer: str | None = Field(description="Wanneer je als medewerker ermee te maken hebt.")
    contacten: list[str] = Field(description="Ids van contacten uit contacten.json.")


class ApiRollen(Api):
    """Wie doet wat in de keten rond een melding."""

    versie: str
    rolnaam: str = Field(description="Hoe de regio het eerste aanspreekpunt noemt.")
    politie_eenheid: str | None
    riec: str | None
    rollen: list[ApiRol]


class ApiSignalen(Api):
    versie: str
    signalen: list[ApiSignaal]


class ApiContacten(Api):
    versie: str
    contacten: dict[str, ApiContact] = Field(description="De contacten van de regio.")


SCHEMAS: dict[str, type[Api]] = {"index": ApiIndex, "gemeente": ApiGemeente,
                                 "signalen": ApiSignalen, "contacten": ApiContacten,
                                 "rollen": ApiRollen}


def _contact(c: ResolvedContact) -> ApiContact:
    return ApiContact(id=c.id, naam=c.naam, organisatie=c.organisatie, telefoon=c.telefoon,
                      tel=c.tel, email=c.email, website=c.website, bereikbaar=c.bereikbaar,
                      wanneer=c.wanneer, gecontroleerd=c.gecontroleerd)


def _signaal(s: ResolvedSignaal) -> ApiSignaal:
    return ApiSignaal(tekst=s.tekst, vormen=list(s.vormen), werkvelden=list(s.werkvelden),
                      sectoren=list(s.sectoren), barrieres=list(s.barrieres),
                      toelichting=s.toelichting, bron=s.bron,
                      gemeente=s.gemeente)


def route_data(route: ResolvedRoute) -> dict[str, Any]:
    """The fields of an ``ApiRoute`` (also the base of the bestuurlijke aanpak's routes)."""
    ids = [s.id for s in route.stappen]
    return {"id": route.id, "titel": route.titel, "lokaal": route.lokaal, "stappen": [
        ApiStap(id=s.id, nummer=s.nummer, titel=s.titel, wie=s.wie, wanneer=s.wanneer,
                wat=s.wat, bellen=[c.id for c in s.contacten],
                keuzes=[ApiKeuze(als=k.als, naar=k.naar) for k in s.keuzes],
                volgende=ids[s.volgende - 1] if s.volgende else None)
        for s in route.stappen],
        "terugkoppeling": ApiTerugkoppeling(wie=route.terugkoppeling.wie,
                                            wanneer=route.terugkoppeling.wanneer,
                                            wat=route.terugkoppeling.wat)
        if route.terugkoppeling else None, "voor": route.voor}


def _route(route: ResolvedRoute) -> ApiRoute:
    return ApiRoute(**route_data(route))


def dump(model: BaseModel | dict[str, Any], indent: int | None = None) -> bytes:
    """Compact, sorted JSON (the C encoder; indenting is several times slower)."""
    data = model.model_dump(mode="json") if isinstance(model, BaseModel) else model
    text = json.dumps(data, indent=indent, ensure_ascii=False, sort_keys=True,
                      separators=None if indent else (",", ":"))
    return (text + "\n").encode()


def export_files(site: Site) -> dict[str, bytes]:
    """Every file under api/v1/, deterministic."""
    from .cijferdata import index as cijfers_index  # the figures' own module imports this one

    base = f"api/{VERSION}"
    out = {
        f"{base}/signalen.json": dump(ApiSignalen(
            versie=VERSION, signalen=[_signaal(s) for s in site.alle_signalen])),
        f"{base}/contacten.json": dump(ApiContacten(
            versie=VERSION, contacten={c.id: _contact(c) for c in site.contacten})),
        f"{base}/rollen.json": dump(ApiRollen(
            versie=VERSION, rolnaam=site.rol, politie_eenheid=site.politie_eenheid,
            riec=site.riec, rollen=[ApiRol(id=r.id, naam=r.naam, wat=r.wat, wanneer=r.wanneer,
                                           contacten=list(r.contacten)) for r in site.rollen])),
        f"{base}/index.json": dump(ApiIndex(
            versie=VERSION, regio=site.naam, datum=site.options.vandaag,
            signalen="signalen.json", contacten="contacten.json", rollen="rollen.json",
            bestuurlijk="bestuurlijk.json" if site.bestuurlijk else None,
            cijfers=cijfers_index(site.cijfers),
            gemeenten=[ApiGemeenteVerwijzing(slug=g.slug, naam=g.naam,
                                             gegevens=f"gemeenten/{g.slug}.json")
                       for g in site.gemeenten])),
    }
    for g in site.gemeenten:
        out[f"{base}/gemeenten/{g.slug}.json"] = dump(ApiGemeente(
            versie=VERSION, slug=g.slug, naam=g.naam,
            url=site.page_url(f"gemeenten/{g.slug}.md"),
            routes=[_route(r) for r in (*g.routes, *g.rol_routes)],
            contacten={cid: _contact(c) for cid, c in sorted(g.contacten.items())},
            signalen=[_signaal(s) for s in g.signalen],
            buiten_kantoortijd=[c.id for c in g.buiten_kantoortijd]))
    for name, model in SCHEMAS.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": f"meldwijzer/api/{VERSION}/{name}.schema.json",
                  **model.model_json_schema()}
        out[f"{base}/schema/{name}.schema.json"] = dump(schema, indent=2)
    return out
