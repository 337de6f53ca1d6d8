"""The published figures as open data: ``api/v1/cijfers/<soort>.json`` and ``.csv``.

Made from the public ``Site`` only: a suppressed cell has no count there (``aantal`` null,
``status`` says why), so the files hold exactly what the pages show. One row per published
cell: the year, the municipality (null: the region), the breakdown and category (null: the
total), the count, its status and, for training reach, the share of the target group.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Literal

from pydantic import Field

from .cijfers import Reeks, ResolvedCijfers
from .opendata import VERSION, Api, dump

FOLDER = f"api/{VERSION}/cijfers"
CSV_COLUMNS = ("jaar", "gemeente", "indeling", "categorie", "aantal", "status", "aandeel")


class ApiCategorie(Api):
    id: str
    naam: str


class ApiIndeling(Api):
    id: str = Field(description="vorm, sector, bron, uitkomst, minderjarig, kwartaal, werkveld "
                    "of module.")
    naam: str
    categorieen: list[ApiCategorie] = Field(description="'onbekend': niet vastgelegd.")


class ApiCijferGemeente(Api):
    slug: str = Field(description="De gemeente; 'onbekend': niet vastgelegd.")
    naam: str


class ApiCel(Api):
    jaar: int
    gemeente: str | None = Field(description="Slug van de gemeente; null: de hele regio.")
    indeling: str | None = Field(description="Id van de indeling; null: het totaal.")
    categorie: str | None = Field(description="Id van de categorie; null: het totaal.")
    aantal: int | None = Field(description="Het aantal; null als het niet gepubliceerd is.")
    status: Literal["gepubliceerd", "minder-dan-drempel", "afgeschermd", "niet-gepubliceerd"] = \
        Field(description="minder-dan-drempel: 1 tot de drempel (of 0 in een kleine groep); "
              "afgeschermd: minstens de drempel, niet getoond omdat anders een klein aantal "
              "uit te rekenen is; niet-gepubliceerd: het hele jaar is niet te beschermen.")
    aandeel: float | None = Field(None, description="Trainingen: deelnemers gedeeld door de "
                                  "medewerkers in de doelgroep, als dat bekend is.")


class ApiCijfers(Api):
    """Cijfers van de regio: signalen van mensenhandel of het bereik van trainingen."""

    versie: str
    regio: str
    soort: Literal["signalen", "trainingen"]
    voorbeeld: bool = Field(description="true: fictieve voorbeeldcijfers.")
    drempel: int = Field(description="Aantallen van 1 tot de drempel zijn niet gepubliceerd.")
    bijgewerkt: dt.date | None = Field(description="Wanneer de cijfers zijn bijgewerkt.")
    jaren: list[int]
    gemeenten: list[ApiCijferGemeente]
    indelingen: list[ApiIndeling]
    cellen: list[ApiCel]


def _cells(reeks: Reeks) -> list[ApiCel]:
    out = []
    for year in reeks.jaren:
        for (gemeente, indeling, categorie), waarde in year.cellen.items():
            share = round(waarde.aandeel, 4) if waarde.aandeel is not None else None
            out.append(ApiCel(jaar=year.jaar, gemeente=gemeente, indeling=indeling,
                              categorie=categorie, aantal=waarde.aantal,
                              status=waarde.status.value, aandeel=share))
    return out


def model(naam: str, cijfers: ResolvedCijfers, reeks: Reeks) -> ApiCijfers:
    return ApiCijfers(
        versie=VERSION, regio=naam, soort=reeks.soort, voorbeeld=cijfers.voorbeeld,
        drempel=cijfers.drempel, bijgewerkt=cijfers.bijgewerkt,
        jaren=[j.jaar for j in reeks.jaren],
        gemeenten=[ApiCijferGemeente(slug=s, naam=n) for s, n in reeks.gemeenten],
        indelingen=[ApiIndeling(id=i.id, naam=i.naam, categorieen=[
            ApiCategorie(id=c, naam=n) for c, n in i.categorieen]) for i in reeks.indelingen],
        cellen=_cells(reeks))


def as_csv(data: ApiCijfers) -> bytes:
    """The cells as CSV (comma separated, UTF-8, a header row; empty where JSON has null)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for cel in data.cellen:
        writer.writerow(["" if v is None else v for v in (
            cel.jaar, cel.gemeente, cel.indeling, cel.categorie, cel.aantal, cel.status,
            cel.aandeel)])
    return text.getvalue().encode("utf-8")


def files(naam: str, cijfers: ResolvedCijfers) -> dict[str, bytes]:
    """Every open-data file of the figures, and the schema."""
    out: dict[str, bytes] = {}
    for reeks in cijfers.reeksen:
        data = model(naam, cijfers, reeks)
        out[f"{FOLDER}/{reeks.soort}.json"] = dump(data)
        out[f"{FOLDER}/{reeks.soort}.csv"] = as_csv(data)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": f"meldwijzer/api/{VERSION}/cijfers.schema.json",
              **ApiCijfers.model_json_schema()}
    out[f"api/{VERSION}/schema/cijfers.schema.json"] = dump(schema, indent=2)
    return out


def index(cijfers: ResolvedCijfers | None) -> dict[str, str]:
    """soort -> path from index.json, for the index of the open data."""
    if cijfers is None:
        return {}
    return {r.soort: f"cijfers/{r.soort}.json" for r in cijfers.reeksen}

