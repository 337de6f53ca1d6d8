"""Typed models of the data contract (version 1).

The field descriptions are the data documentation for editors: they end up in error messages,
in the JSON Schema for editors and in the editors' guide, so they are Dutch.

Every value arrives as text (see ``yamlread``); the types here decide what it means. Unknown
keys are refused. Values are checked one by one here; references between values and files
are checked in ``resolve``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import kleur
from .phones import PhoneError, tel_uri
from .safety import markdown_problem, url_problem

VORMEN = (
    "algemeen",
    "seksuele-uitbuiting",
    "arbeidsuitbuiting",
    "criminele-uitbuiting",
    "orgaanverwijdering",
)
VORM_LABELS = {
    "algemeen": "Algemeen",
    "seksuele-uitbuiting": "Seksuele uitbuiting",
    "arbeidsuitbuiting": "Arbeidsuitbuiting",
    "criminele-uitbuiting": "Criminele uitbuiting",
    "orgaanverwijdering": "Gedwongen orgaanverwijdering",
}


def fail(message: str) -> PydanticCustomError:
    """A validation error whose message is shown to the editor as is."""
    return PydanticCustomError("meldwijzer", "{bericht}", {"bericht": message})


_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise fail(f'"{value}" is geen geldige id: gebruik kleine letters, cijfers en streepjes, '
                   'zonder spaties of accenten. Voorbeeld: "veilig-thuis".')
    return value


def _plain(value: str) -> str:
    """Plain text: one line, runs of white space made one space."""
    return " ".join(value.split())


def _check_https(value: str) -> str:
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = urlsplit("")
    if parts.scheme != "https" or not parts.netloc or re.search(r"[\s\"'<>\\`]", value):
        raise fail(f'"{value}" is geen geldig webadres: alleen adressen die met https:// '
                   'beginnen zijn toegestaan. Voorbeeld: "https://www.veiligthuis.nl".')
    problem = url_problem(value)
    if problem:
        raise fail(problem)
    return value


def _check_markdown(value: str) -> str:
    problem = markdown_problem(value)
    if problem:
        raise fail(problem)
    return value


_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise fail(f'"{value}" is geen geldig e-mailadres. Voorbeeld: "mensenhandel@zeedorp.nl".')
    return value


def _check_phone(value: str) -> str:
    try:
        tel_uri(value)
    except PhoneError as exc:
        raise fail(str(exc)) from exc
    return value


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_date(value: Any) -> Any:
    if isinstance(value, str):
        if not _DATE.match(value):
            raise fail(f'"{value}" is geen datum in de vorm JJJJ-MM-DD. Voorbeeld: "2026-10-18".')
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise fail(f'"{value}" is geen bestaande datum. Controleer dag en maand.') from exc
    return value


def _parse_int(value: Any) -> Any:
    if isinstance(value, str) and not re.match(r"^\d{1,6}$", value):
        raise fail(f'"{value}" is geen heel getal. Voorbeeld: 60.')
    return value


_TRUE = {"true", "ja", "yes", "waar"}
_FALSE = {"false", "nee", "no", "onwaar"}


def _parse_bool(value: Any) -> Any:
    if isinstance(value, str):
        if value.lower() in _TRUE:
            return True
        if value.lower() in _FALSE:
            return False
        raise fail(f'"{value}" is geen ja/nee-waarde. Schrijf true of false.')
    return value


@dataclass(frozen=True)
class Soort:
    """What kind of value a field holds, for every face of the contract: the browser editor
    picks its widget by it, the hostile-input tests their payloads."""

    naam: Literal["id", "tekst", "lange-tekst", "markdown", "url", "email", "telefoon",
                  "datum", "getal", "vlag", "tijd"]


PLACEHOLDER = "INVULLEN"
"""What ``meldwijzer nieuw`` writes where the editor still has to fill something in."""


def _no_placeholder(value: Any) -> Any:
    if isinstance(value, str) and PLACEHOLDER in value.upper():
        raise fail(f"Vul hier de echte gegevens in: er staat nog {PLACEHOLDER} uit het "
                   "startbestand.")
    return value


NoPlaceholder = BeforeValidator(_no_placeholder)
Id = Annotated[str, AfterValidator(_check_id), Soort("id")]
Text = Annotated[str, AfterValidator(_plain), Field(min_length=1, max_length=300),
                 NoPlaceholder, Soort("tekst")]
LongText = Annotated[str, AfterValidator(_plain), Field(min_length=1, max_length=2000),
                     NoPlaceholder, Soort("lange-tekst")]
Markdown = Annotated[str, Field(min_length=1, max_length=10_000),
                     AfterValidator(_check_markdown), NoPlaceholder, Soort("markdown")]
Url = Annotated[str, AfterValidator(_check_https), Field(max_length=2000), NoPlaceholder,
                Soort("url")]
Email = Annotated[str, AfterValidator(_check_email), Field(max_length=254), NoPlaceholder,
                  Soort("email")]
Phone = Annotated[str, AfterValidator(_plain), AfterValidator(_check_phone),
                  Field(max_length=40), NoPlaceholder, Soort("telefoon")]
Date = Annotated[dt.date, BeforeValidator(_parse_date), Soort("datum")]
Count = Annotated[int, BeforeValidator(_parse_int), Soort("getal")]
Flag = Annotated[bool, BeforeValidator(_parse_bool), Soort("vlag")]
Vorm = Literal[
    "algemeen",
    "seksuele-uitbuiting",
    "arbeidsuitbuiting",
    "criminele-uitbuiting",
    "orgaanverwijdering",
]


class Model(BaseModel):
    """Base: unknown keys refused, values frozen once checked."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class InternDetails(Model):
    """Gegevens die alleen in de interne site staan, zoals een direct nummer."""

    persoon: Text | None = Field(None, description="Naam van de persoon (alleen intern).")
    telefoon: Phone | None = Field(None, description="Direct nummer (alleen intern).")
    email: Email | None = Field(None, description="Persoonlijk e-mailadres (alleen intern).")


class Contact(Model):
    """Een organisatie, dienst of functie die je kunt bellen of mailen."""

    naam: Text = Field(description='Naam van de dienst of functie, bijvoorbeeld "Politie".')
    persoon: Text | None = Field(
        None, description="Naam van een persoon. Liever een functie of teamadres.")
    organisatie: Text | None = Field(
        None, description='Organisatie, bijvoorbeeld "Regio Zeekust".')
    telefoon: Phone | None = Field(
        None, description='Nummer zoals je het belt: "0900-8844", "14 035", "112".')
    email: Email | None = Field(None, description="E-mailadres.")
    website: Url | None = Field(None, description="Webadres, alleen https://.")
    bereikbaar: Text | None = Field(
        None, description='Bereikbaarheid: "24/7", "ma-vr 9.00-17.00".')
    wanneer: Markdown | None = Field(
        None, description="Wanneer je dit contact gebruikt (Markdown).")
    zichtbaarheid: Literal["publiek", "intern"] = Field(
        "publiek",
        description="publiek (standaard) of intern: intern staat alleen op de interne site.")
    intern: InternDetails | None = Field(
        None, description="Extra gegevens die alleen op de interne site staan.")
    gecontroleerd: Date = Field(
        description="Datum waarop de gegevens voor het laatst zijn gecontroleerd, in de vorm "
        "jjjj-mm-dd (bijvoorbeeld 2026-10-01).")
    bron: Url | None = Field(None, description="Webadres waar de gegevens te controleren zijn.")

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.telefoon or self.email or self.website):
            raise fail("Een contact heeft minstens een telefoon, email of website nodig. "
                       'Voorbeeld: telefoon: "0800-2000".')
        return self

    @property
    def is_intern(self) -> bool:
        return self.zichtbaarheid == "intern"


def keyed_items(value: list[Any], text_items: bool) -> tuple[dict[str, Any], list[tuple[int, str]]]:
    """A list of blocks with an ``id`` as the map keyed by that id (contract 1.2).

    The browser editor can only edit lists; the map form stays valid. Returns the map and the
    problems found, as (index in the list, Dutch message)."""
    result: dict[str, Any] = {}
    problems: list[tuple[int, str]] = []
    for index, item in enumerate(value):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
            problems.append((index, "Elk blok in deze lijst begint met een id, bijvoorbeeld "
                             "'- id: veilig-thuis'."))
            continue
        key = item["id"]
        if key in result:
            problems.append((index, f"De id '{key}' staat al eerder in deze lijst. Elke id komt "
                             "één keer voor: geef dit blok een andere id of voeg de twee "
                             "samen."))
            continue
        rest = {k: v for k, v in item.items() if k != "id"}
        if text_items:
            extra = sorted(str(k) for k in rest if k != "naam")
            if extra or "naam" not in rest:
                problems.append((index, "Een blok in deze lijst heeft alleen 'id' en 'naam', "
                                 "bijvoorbeeld '- {id: wijkteam, naam: Wijkteam}'."))
                continue
            result[key] = rest["naam"]
        else:
            result[key] = rest
    return result, problems


def _keyed(text_items: bool, written_as: Any) -> BeforeValidator:
    def convert(value: Any) -> Any:
        if not isinstance(value, list):
            return value
        result, problems = keyed_items(value, text_items)
        if problems:
            index, message = problems[0]
            raise fail(f"Blok {index + 1}: {message}")
        return result
    convert.keyed_text = text_items  # type: ignore[attr-defined]
    return BeforeValidator(convert, json_schema_input_type=written_as)


class Benoemd(Model):
    """Een werkveld of sector in de lijstvorm: id en naam (contract 1.2)."""

    id: Id = Field(description="De id, bijvoorbeeld wijkteam.")
    naam: Text = Field(description="De naam zoals medewerkers hem lezen.")


class Keuze(Model):
    """Een antwoord bij een beslispunt, met de stap waar dat antwoord naartoe leidt."""

    als: Text = Field(description='Het antwoord, bijvoorbeeld "Ja, er is acuut gevaar".')
    naar: Id = Field(description="De id van een latere stap in dezelfde route.")


class Stap(Model):
    """Een stap in een route: een opdracht of een vraag."""

    id: Id = Field(description="Unieke id binnen de route, bijvoorbeeld acuut.")
    titel: Text = Field(description="De opdracht of vraag.")
    wie: Text = Field(description="Wie is aan zet.")
    wanneer: Text | None = Field(None, description='Wanneer of hoe snel, bijvoorbeeld "direct".')
    wat: Markdown | None = Field(None, description="Wat je doet (Markdown).")
    bellen: list[Id] = Field(default_factory=list, description="Ids van contacten.")
    keuzes: list[Keuze] = Field(
        default_factory=list,
        description="Beslispunt: antwoorden met de stap waar ze naartoe leiden.")
    gegevens_delen: Flag = Field(
        False, description="ja: in deze stap deel je gegevens met een ander; de stap wijst "
        "naar de pagina over privacy en informatiedeling. (Contract 1.1)")
    vastleggen: Flag = Field(
        False, description="ja: in deze stap schrijf je het signaal op; de stap toont de "
        "bewaarregel van de gemeente (teksten.bewaren en bewaartermijn) en wijst naar het "
        "formulier. Schrijf de bewaarregel dus niet zelf in de stap. (Contract 1.3)")


class Terugkoppeling(Model):
    """Wie laat degene die het signaal gaf weten wat ermee gebeurt, en wanneer."""

    wie: Text = Field(description='Wie koppelt terug, bijvoorbeeld "De aandachtfunctionaris".')
    wanneer: Text | None = Field(None, description='Wanneer, bijvoorbeeld "binnen 5 werkdagen".')
    wat: Markdown | None = Field(None, description="Wat je te horen krijgt (Markdown).")


class KetenTerugkoppeling(Model):
    """Terugkoppeling binnen de keten: wie laat wie weten wat er met een signaal gebeurt,
    bijvoorbeeld de politie aan de aandachtfunctionaris."""

    wie: Text = Field(description='Wie koppelt terug, bijvoorbeeld "De politie".')
    aan: Text = Field(description='Aan wie, bijvoorbeeld "de aandachtfunctionaris".')
    wanneer: Text | None = Field(None, description='Wanneer, bijvoorbeeld "binnen 2 weken".')
    wat: Markdown | None = Field(None, description="Wat er wordt teruggekoppeld (Markdown).")


class Route(Model):
    """Een meldroute: de stappen van signaal naar de juiste persoon."""

    id: Id = Field(description="Unieke id, bijvoorbeeld slachtoffer.")
    titel: Text = Field(description="Titel van de route.")
    stappen: list[Stap] = Field(min_length=1, description="De stappen, in volgorde.")
    terugkoppeling: Terugkoppeling | None = Field(
        None, description="Wie degene die het signaal gaf laat weten wat ermee gebeurt, en "
        "wanneer. (Contract 1.1)")
    terugkoppeling_keten: list[KetenTerugkoppeling] = Field(
        default_factory=list, description="Terugkoppeling binnen de keten, bijvoorbeeld van "
        "de politie, het RIEC of de Arbeidsinspectie aan de aandachtfunctionaris. "
        "(Contract 1.3)")
    voor: Id | None = Field(
        None, description="Een route voor één rol (een id uit de rollen, zoals "
        "aandachtfunctionaris of zorgcoordinator): apart getoond, niet bij de routes voor "
        "iedere medewerker. (Contract 1.1)")
    zichtbaarheid: Literal["publiek", "intern"] = Field(
        "publiek", description="publiek (standaard) of intern: de hele route staat alleen op "
        "de interne site. (Contract 1.1)")


class Signaal(Model):
    """Een signaal dat op mensenhandel kan wijzen."""

    tekst: LongText = Field(description="Het signaal in één zin.")
    vormen: list[Vorm] = Field(min_length=1, description="Vormen van uitbuiting.")
    werkvelden: list[Id] = Field(min_length=1, description="Ids van werkvelden uit regio.yml.")
    toelichting: Markdown | None = Field(None, description="Uitleg (Markdown).")
    bron: Url | None = Field(None, description="Webadres van de bron.")
    sectoren: list[Id] = Field(
        default_factory=list, description="Sectoren waar het signaal vooral speelt, zoals "
        "horeca of recreatie (ids uit de sectorenlijst). (Contract 1.1)")
    barrieres: list[Id] = Field(
        default_factory=list, description="Barrières die dit signaal in gang kan zetten, "
        "zoals bibob of brp-adresonderzoek (ids uit het barrièremodel). (Contract 1.3)")


class SignalenLijst(Model):
    """signalen.yml met de lijst onder één sleutel, zoals de browsereditor hem schrijft
    (contract 1.2)."""

    signalen: list[Signaal] = Field(description="De signalen.")


class Rol(Model):
    """Een rol in de keten rond een melding, voor de pagina "Wie doet wat?"."""

    id: Id = Field(description="De id: een standaardrol (aandachtfunctionaris, zorgcoordinator, "
                   "ketenregisseur, riec, politie, veilig-thuis, comensha, arbeidsinspectie, "
                   "casusoverleg) of een eigen rol.")
    naam: Text | None = Field(None, description="De naam van de rol (standaard de bekende naam).")
    wat: Markdown | None = Field(None, description="Wat deze rol doet (Markdown).")
    wanneer: Markdown | None = Field(
        None, description="Wanneer je als medewerker met deze rol te maken hebt (Markdown).")
    contacten: list[Id] = Field(
        default_factory=list, description="Ids van contacten van de regio voor deze rol "
        "(standaard het contact met dezelfde id).")
    zichtbaarheid: Literal["publiek", "intern"] = Field(
        "publiek", description="publiek of intern: alleen op de interne site.")


class Teksten(Model):
    """Teksten die de regio (of een gemeente) zelf schrijft; zonder deze velden staat er een
    standaardtekst. Schrijf {rol} waar de naam van het eerste aanspreekpunt moet staan."""

    vastleggen: Markdown | None = Field(
        None, description="Signaal vastleggen: wat je opschrijft en wat je niet doet.")
    bewaren: Markdown | None = Field(
        None, description="Signaal vastleggen: aan wie je het geeft en waar het bewaard wordt.")
    buiten_kantoortijd: Markdown | None = Field(
        None, description="Wat je doet als het eerste aanspreekpunt niet bereikbaar is.")
    privacy: Markdown | None = Field(
        None, description="De pagina over privacy en informatiedeling voor medewerkers.")
    afspraken: Markdown | None = Field(
        None, description="De afspraken over informatiedeling in de regio (convenanten).")
    beroepsgeheim: Markdown | None = Field(
        None, description="Wat geldt voor medewerkers met een beroepsgeheim of een andere "
        "werkgever dan de gemeente (zoals een wijkteam): toestemming, de meldcode, het "
        "meldrecht en een conflict van plichten. (Contract 1.3)")


# Contract 1.3: the bestuurlijke aanpak of a municipality (the ``bestuurlijk:`` block of a
# municipality's file). The region's part (routekaarten/bestuurlijk.yml) is in
# ``bestuurlijk``; the types below are shared by both.


def _check_percentage(value: int) -> int:
    if value > 100:
        raise fail(f"{value} is geen percentage: kies een heel getal van 0 tot en met 100. "
                   "Voorbeeld: 40.")
    return value


def _check_year(value: int) -> int:
    if not 1990 <= value <= 2100:
        raise fail(f"{value} is geen jaartal: schrijf het jaar met vier cijfers. "
                   "Voorbeeld: 2026.")
    return value


def is_empty(value: Any) -> bool:
    """Nothing written: no value, an empty text or list, or a block of such values."""
    if isinstance(value, dict):
        return all(is_empty(v) for v in value.values())
    return value is None or value == "" or value == []


def _empty_as_none(value: Any) -> Any:
    """A block the browser editor leaves empty counts as not written."""
    return None if is_empty(value) else value


Percentage = Annotated[Count, AfterValidator(_check_percentage)]
Year = Annotated[Count, AfterValidator(_check_year)]
Stand = Literal["voldaan", "bezig", "niet-voldaan"]
ROL_IDS = ("signaleerder", "beleidsmaker", "integrale-aanpak", "zorgcoordinator")
RolId = Literal["signaleerder", "beleidsmaker", "integrale-aanpak", "zorgcoordinator"]
DocumentSoort = Literal["ivp", "beleidsplan", "apv", "uitvoeringsplan", "anders"]


class Beleidsdocument(Model):
    """Een vastgesteld beleidsstuk dat de aanpak van mensenhandel ondersteunt."""

    soort: DocumentSoort = Field(
        description="ivp (integraal veiligheidsplan), beleidsplan (over mensenhandel), apv "
        "(het hoofdstuk over prostitutie in de APV), uitvoeringsplan of anders.")
    titel: Text = Field(description='De titel, bijvoorbeeld "Integraal Veiligheidsplan '
                        '2023-2026".')
    jaar: Year = Field(description="Het jaar waarin het is vastgesteld, bijvoorbeeld 2023.")
    url: Url | None = Field(None, description="Waar iedereen het kan lezen (https://).")


class Getraind(Model):
    """Hoeveel medewerkers met klantcontact een training over signalen hebben gehad."""

    percentage: Percentage | None = Field(
        None, description="Het deel van de medewerkers met klantcontact dat getraind is, in "
        "procenten (0 tot en met 100). Verplicht.")
    jaar: Year | None = Field(None, description="Het jaar waarover het getal gaat, "
                              "bijvoorbeeld 2026. Verplicht.")
    herkomst: Text | None = Field(
        None, description='Waar het getal vandaan komt, bijvoorbeeld "Registratie e-learning, '
        'afdeling HR". Verplicht.')
    bron: Url | None = Field(None, description="Een openbare bron van het getal (https://).")


class EisFunctionaris(Model):
    """Eis 1 van het basisniveau: een functionaris die aanspreekpunt is."""

    stand: Stand | None = Field(None, description="voldaan, bezig of niet-voldaan. Verplicht.")
    functie: Text | None = Field(
        None, description='De functie, nooit een naam: "Beleidsadviseur openbare orde en '
        'veiligheid".')
    uren: Text | None = Field(None, description='De tijd voor deze taak: "4 uur per week".')
    toelichting: Markdown | None = Field(None, description="Uitleg (Markdown).")


class EisSignalering(Model):
    """Eis 2 van het basisniveau: er wordt gewerkt aan actieve signalering."""

    stand: Stand | None = Field(None, description="voldaan, bezig of niet-voldaan. Verplicht.")
    getraind: Annotated[Getraind | None, BeforeValidator(_empty_as_none)] = Field(
        None, description="Het deel van de medewerkers met klantcontact dat getraind is.")
    toelichting: Markdown | None = Field(None, description="Uitleg (Markdown).")


class EisBeleid(Model):
    """Eis 3 van het basisniveau: beleid dat de aanpak van mensenhandel ondersteunt."""

    stand: Stand | None = Field(None, description="voldaan, bezig of niet-voldaan. Verplicht.")
    documenten: list[Beleidsdocument] = Field(
        default_factory=list, description="De beleidsstukken van de gemeente: IVP, "
        "beleidsplan, APV-hoofdstuk prostitutie.")
    toelichting: Markdown | None = Field(None, description="Uitleg (Markdown).")


class GemeenteRol(Model):
    """Een van de vier rollen van de gemeente: signaleerder, beleidsmaker, deel van de
    integrale aanpak, zorgcoördinator."""

    id: RolId = Field(description="signaleerder, beleidsmaker, integrale-aanpak of "
                      "zorgcoordinator.")
    verantwoordelijkheid: Markdown | None = Field(
        None, description="Wat deze rol van de gemeente vraagt (standaard een tekst van "
        "meldwijzer).")
    aanpak: Markdown | None = Field(None, description="Hoe de gemeente het nu doet (Markdown).")
    verbeterpunten: list[LongText] = Field(
        default_factory=list, description="Wat beter kan, elk punt in één zin.")


BarriereStand = Literal["ingezet", "in-voorbereiding", "niet-ingezet"]


class BarriereInzet(Model):
    """Een barrière uit het barrièremodel, zoals deze gemeente hem inzet."""

    id: Id = Field(description="De id van de barrière, bijvoorbeeld bibob.")
    stand: BarriereStand = Field(description="ingezet, in-voorbereiding of niet-ingezet.")
    toelichting: Markdown | None = Field(None, description="Hoe de gemeente hem inzet.")
    url: Url | None = Field(None, description="Een openbaar stuk, zoals de Bibob-beleidslijn.")


class GemeenteBestuur(Model):
    """De bestuurlijke aanpak van de gemeente: basisniveau, rollen en barrières (contract
    1.3). Alles hierin komt op de openbare site: schrijf functies, geen namen."""

    beoordeeld: Date | None = Field(
        None, description="Datum waarop dit blok voor het laatst is beoordeeld, in de vorm "
        "jjjj-mm-dd (bijvoorbeeld 2026-10-01). Verplicht.")
    inleiding: Markdown | None = Field(None, description="Lokale tekst (Markdown).")
    functionaris: Annotated[EisFunctionaris | None, BeforeValidator(_empty_as_none)] = Field(
        None, description="Eis 1: een functionaris die aanspreekpunt is.")
    signalering: Annotated[EisSignalering | None, BeforeValidator(_empty_as_none)] = Field(
        None, description="Eis 2: er wordt gewerkt aan actieve signalering.")
    beleid: Annotated[EisBeleid | None, BeforeValidator(_empty_as_none)] = Field(
        None, description="Eis 3: beleid dat de aanpak ondersteunt.")
    rollen: list[GemeenteRol] = Field(
        default_factory=list, description="De vier rollen van de gemeente, elk met "
        "verantwoordelijkheid, aanpak en verbeterpunten.")
    barrieres: list[BarriereInzet] = Field(
        default_factory=list, description="De barrières die de gemeente inzet.")

    @property
    def beoordeeld_op(self) -> dt.date:
        """The review date: ``meldwijzer check`` refuses a written block without one (the
        fields a written block needs are checked in ``bestuurlijk``: to the browser editor
        they are optional, or it would not save a municipality without the block)."""
        assert self.beoordeeld is not None
        return self.beoordeeld


class ContactMetId(Contact):
    """Een contact in de lijstvorm, met zijn id erbij (contract 1.2)."""

    id: Id = Field(description="De id waarmee routes en rollen naar dit contact verwijzen, "
                   "bijvoorbeeld veilig-thuis.")


Names = Annotated[dict[Id, Text], _keyed(True, dict[Id, Text] | list[Benoemd])]
Contacts = Annotated[dict[Id, Contact], _keyed(False, dict[Id, Contact] | list[ContactMetId])]


def _check_kleur(value: str) -> str:
    try:
        colour = kleur.parse(value)
    except kleur.KleurFout as exc:
        raise fail(str(exc)) from exc
    if colour.a < 1:
        raise fail(f'"{value}" is (deels) doorzichtig. Kies een kleur zonder doorzichtigheid, '
                   'bijvoorbeeld "#1a5e9a".')
    return colour.hex


_PAD = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.\-]*)*")


def _check_pad(value: str) -> str:
    if not _PAD.fullmatch(value) or ".." in value.split("/"):
        raise fail(f'"{value}" is geen geldig pad. Schrijf het pad vanaf de map routekaarten/, '
                   'met gewone letters, cijfers, streepjes en /, bijvoorbeeld '
                   '"huisstijl/logo.svg".')
    return value


def _check_lettertype(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 \-]{0,59}", value):
        raise fail(f'"{value}" is geen bruikbare naam voor een lettertype: gebruik letters, '
                   'cijfers, spaties en streepjes, bijvoorbeeld "Open Sans".')
    return value


def _check_pakket(value: str) -> str:
    if not re.fullmatch(r"(?:@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*", value) or \
            ".." in value:
        raise fail(f'"{value}" is geen naam van een npm-pakket. Voorbeeld: '
                   '"@nl-design-system-unstable/voorbeeld-design-tokens".')
    return value


Kleur = Annotated[str, Field(max_length=80), AfterValidator(_check_kleur)]
Pad = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_check_pad)]


class Kleuren(Model):
    """De kleuren van de huisstijl. Elke kleur als "#1a5e9a" (of rgb(...), hsl(...))."""

    primair: Kleur | None = Field(None, description="De hoofdkleur: knoppen, de lijn van de "
                                  "route, stapnummers, de kopbalk (als kopbalk leeg is).")
    secundair: Kleur | None = Field(None, description="De tweede kleur: knoppen en links als je "
                                    "ze aanwijst, accenten van de campagne en de dia's.")
    kopbalk: Kleur | None = Field(None, description="Achtergrond van de kopbalk bovenaan elke "
                                  'pagina (standaard de hoofdkleur; "#ffffff" voor een witte '
                                  "kopbalk met het logo, zoals veel gemeentesites).")
    link: Kleur | None = Field(None, description="Kleur van links in de tekst (standaard de "
                               "hoofdkleur).")
    tekst: Kleur | None = Field(None, description="Kleur van de gewone tekst (standaard bijna "
                                "zwart).")
    vlak: Kleur | None = Field(None, description="Lichte achtergrond van kaders en kaarten "
                               "(standaard een lichte tint van de hoofdkleur).")
    primair_tekst: Kleur | None = Field(None, description="Tekst op de hoofdkleur (standaard "
                                        "wit of zwart, wat het best leesbaar is).")
    secundair_tekst: Kleur | None = Field(None, description="Tekst op de tweede kleur.")
    kopbalk_tekst: Kleur | None = Field(None, description="Tekst in de kopbalk.")
    link_hover: Kleur | None = Field(None, description="Links die je aanwijst.")
    kop: Kleur | None = Field(None, description="Koppen (standaard de kleur van de tekst).")
    rand: Kleur | None = Field(None, description="Randen van invoervelden en keuzeknoppen.")
    focus: Kleur | None = Field(None, description="De rand om wat je met het toetsenbord "
                                "kiest.")
    focus_vlak: Kleur | None = Field(None, description="Achtergrond van een link met de focus "
                                     "(NL Design System: vaak geel).")
    focus_tekst: Kleur | None = Field(None, description="Tekst van een link met de focus.")
    spoed: Kleur | None = Field(None, description="Het rood van het spoedkader (112).")
    spoed_vlak: Kleur | None = Field(None, description="Achtergrond van het spoedkader.")


class Lettertype(Model):
    """Een eigen lettertype, als WOFF2-bestanden in de gegevens (nooit van een andere site)."""

    naam: Annotated[str, AfterValidator(_check_lettertype)] = Field(
        description='Naam van het lettertype, bijvoorbeeld "Open Sans".')
    normaal: Pad = Field(description="Het WOFF2-bestand voor gewone tekst, bijvoorbeeld "
                         '"huisstijl/open-sans.woff2".')
    vet: Pad | None = Field(None, description="Het WOFF2-bestand voor vette tekst (zonder: de "
                            "browser maakt de letters zelf vet).")


class Tokens(Model):
    """Design tokens van NL Design System: een npm-pakket of een bestand in de gegevens."""

    pakket: Annotated[str, AfterValidator(_check_pakket)] | None = Field(
        None, description="Naam van een npm-pakket met design tokens, geïnstalleerd met npm "
        'ci, bijvoorbeeld "@nl-design-system-unstable/voorbeeld-design-tokens".')
    bestand: Pad | None = Field(None, description="Of: een tokenbestand (.json of .css) vanaf "
                                'routekaarten/, bijvoorbeeld "huisstijl/tokens.json".')

    @model_validator(mode="after")
    def _one_source(self) -> Tokens:
        if (self.pakket is None) == (self.bestand is None):
            raise fail("Geef bij tokens een pakket of een bestand, niet allebei en niet geen "
                       "van beide.")
        return self


class Huisstijl(Model):
    """De eigen huisstijl van de regio: logo, kleuren, lettertype of design tokens."""

    logo: Pad | None = Field(None, description="Het logo, een SVG of PNG vanaf routekaarten/, "
                             'bijvoorbeeld "huisstijl/logo.svg".')
    favicon: Pad | None = Field(None, description="Het pictogram in het tabblad van de browser "
                                "(SVG of PNG, vierkant; standaard het logo).")
    kleuren: Kleuren | None = Field(None, description="De kleuren; met tokens vullen ze aan of "
                                    "vervangen ze die van de tokens.")
    lettertype: Lettertype | None = Field(None, description="Een eigen lettertype (WOFF2).")
    tokens: Tokens | None = Field(None, description="Design tokens van NL Design System, "
                                  "waaruit kleuren, letters en ruimte komen.")

    @model_validator(mode="after")
    def _has_colours(self) -> Huisstijl:
        if self.tokens is None and (self.kleuren is None or self.kleuren.primair is None):
            raise fail("Een huisstijl heeft een hoofdkleur (kleuren: primair: \"#1a5e9a\") of "
                       "design tokens (tokens: pakket: ...).")
        return self
DREMPEL = 5
"""The smallest count a public build publishes (see ``disclosure``); a region may raise it."""


class CijferInstellingen(Model):
    """Instellingen voor de cijfers in cijfers/ (contract 1.3)."""

    drempel: Count = Field(
        DREMPEL, ge=DREMPEL, le=100,
        description="Aantallen van 1 tot deze drempel staan niet op de openbare site (daar "
        "staat 'minder dan 5'), en ook niets waaruit ze te berekenen zijn. Standaard 5; "
        "hoger mag, lager niet.")
    voorbeeld: Flag = Field(
        False, description="ja: de cijfers zijn een fictief voorbeeld; elke pagina met cijfers "
        "zegt dat.")
    bijgewerkt: Date | None = Field(
        None, description="Datum waarop de cijfers voor het laatst zijn bijgewerkt, in de vorm "
        "jjjj-mm-dd. Zonder deze datum: de datum van de laatste wijziging in cijfers/ (Git).")
    bronnen: Names = Field(
        default_factory=dict, description="Extra bronnen (wie het signaal inbracht): id en "
        "naam, naast de lijst die meldwijzer meelevert.")
    uitkomsten: Names = Field(
        default_factory=dict, description="Extra uitkomsten (wat er met het signaal gebeurde): "
        "id en naam, naast de lijst die meldwijzer meelevert.")
    modules: Names = Field(
        default_factory=dict, description="Trainingen die niet als module op de site staan "
        "(zoals een landelijke e-learning): id en naam, voor cijfers/trainingen.")


class Regio(Model):
    """De regio: gedeelde contacten, routes en werkvelden (routekaarten/regio.yml)."""

    naam: Text = Field(description='Naam van de regio, bijvoorbeeld "Zeekust".')
    inleiding: Markdown | None = Field(None, description="Tekst voor de startpagina (Markdown).")
    politie_eenheid: Text | None = Field(None, description="Naam van de politie-eenheid.")
    riec: Text | None = Field(None, description="Naam van het RIEC.")
    controle_termijn_dagen: Count = Field(
        180, ge=1,
        description="Contacten die langer geleden zijn gecontroleerd, gelden als verouderd.")
    kernnummers: list[Id] = Field(
        default_factory=list, max_length=4,
        description="Ids van de contacten die iedereen moet kennen (naast 112), "
        "voor de startpagina en de zakkaart. Standaard de eerste drie met een telefoonnummer.")
    werkvelden: Names = Field(min_length=1, description="Werkvelden: id en naam (of een lijst "
                              "van blokken met id en naam, contract 1.2).")
    contacten: Contacts = Field(min_length=1, description="Contacten van de regio (of een lijst "
                                "van contacten met elk een id, contract 1.2).")
    routes: list[Route] = Field(min_length=1, description="De standaardroutes voor elke gemeente.")
    rolnaam: Text = Field(
        "aandachtfunctionaris", description="Hoe de regio het eerste aanspreekpunt in de "
        "gemeente noemt, met kleine letter, bijvoorbeeld sleutelfunctionaris of gemeentelijk "
        "coördinator. (Contract 1.1)")
    rollen: list[Rol] = Field(
        default_factory=list, description="Rollen voor de pagina Wie doet wat?: een eigen tekst "
        "voor een standaardrol, of een extra rol. (Contract 1.1)")
    buiten_kantoortijd: Id | None = Field(
        None, description="Id van een contact van de regio dat je buiten kantoortijd belt als "
        "het eerste aanspreekpunt niet bereikbaar is. (Contract 1.1)")
    teksten: Teksten | None = Field(
        None, description="Eigen teksten van de regio (standaard: teksten van meldwijzer). "
        "(Contract 1.1)")
    sectoren: Names = Field(
        default_factory=dict, description="Extra sectoren voor signalen: id en naam, naast de "
        "lijst die meldwijzer meelevert. (Contract 1.1)")
    bewaartermijn: Text | None = Field(
        None, description="Hoe lang een vastgelegd signaal bewaard blijft, bijvoorbeeld "
        "'2 jaar na het afsluiten van het signaal'. Staat bij de bewaarregel op het formulier "
        "en bij elke stap met vastleggen: ja. Een gemeente kan een eigen termijn geven. "
        "(Contract 1.3)")
    beroepsgeheim: list[Id] = Field(
        default_factory=list, description="Ids van werkvelden waarvan medewerkers een "
        "beroepsgeheim hebben of bij een andere organisatie werken dan de gemeente (zoals een "
        "wijkteam in een stichting): de pagina over privacy zegt wat voor hen geldt. "
        "(Contract 1.3)")
    synoniemen: list[Annotated[list[Text], Field(min_length=2)]] = Field(
        default_factory=list,
        description="Eigen groepen woorden die hetzelfde betekenen, voor het zoeken: "
        "[paspoort, identiteitsbewijs]. Ze komen bij de lijst die meldwijzer meelevert.")
    huisstijl: Huisstijl | None = Field(
        None, description="De eigen huisstijl: logo, kleuren, lettertype of design tokens "
        "van NL Design System. Zonder: de standaardkleuren. (Contract 1.3)")
    cijfers: CijferInstellingen | None = Field(
        None, description="Instellingen voor de cijfers in de map cijfers/: drempel, eigen "
        "bronnen en uitkomsten. (Contract 1.3)")


class Gemeente(Model):
    """Een gemeente (routekaarten/gemeenten/<slug>.yml)."""

    naam: Text = Field(description='Naam van de gemeente, bijvoorbeeld "Zeedorp".')
    inleiding: Markdown | None = Field(None, description="Lokale tekst (Markdown).")
    contacten: Contacts = Field(
        description="Contacten van de gemeente; aandachtfunctionaris is verplicht (of een lijst "
        "van contacten met elk een id, contract 1.2).")
    routes: list[Route] = Field(
        default_factory=list, description="Eigen routes; dezelfde id vervangt de regionale route.")
    signalen: list[Signaal] = Field(default_factory=list, description="Lokale signalen.")
    teksten: Teksten | None = Field(
        None, description="Eigen teksten van de gemeente, bijvoorbeeld waar een vastgelegd "
        "signaal wordt bewaard (standaard die van de regio). (Contract 1.1)")
    bewaartermijn: Text | None = Field(
        None, description="Hoe lang een vastgelegd signaal in deze gemeente bewaard blijft "
        "(standaard die van de regio). (Contract 1.3)")
    bestuurlijk: Annotated[GemeenteBestuur | None, BeforeValidator(_empty_as_none)] = Field(
        None, description="De bestuurlijke aanpak van de gemeente: basisniveau, de vier "
        "rollen en de barrières. (Contract 1.3)")
