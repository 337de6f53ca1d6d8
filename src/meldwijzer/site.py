"""The resolved site: what every page family reads.

``Options`` say how to build; the ``Resolved*`` classes and ``Site`` are the data after
reading, checking, merging region and municipality and applying the profile (see
``resolve``). A public ``Site`` holds no internal value at all: templates cannot leak what
they never see.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from .errors import DataError
from .keten import ResolvedRol
from .models import CijferInstellingen, InternDetails
from .phones import tel_uri

if TYPE_CHECKING:
    from .bestuurlijk_site import ResolvedBestuur
    from .campagne import ResolvedCampagne
    from .cijfers import ResolvedCijfers
    from .handwritten import HandPage
    from .huisstijl import Look
    from .trainingen import ResolvedModule

Profiel = Literal["publiek", "intern"]
PROFIELEN: tuple[Profiel, ...] = ("publiek", "intern")


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
    exclude_docs: tuple[str, ...] = ()
    """Patterns (as in .gitignore) of files in docs/ that MkDocs leaves out (exclude_docs)."""
    beheer: Any = field(default=None, hash=False, compare=False)
    """The browser editor's settings: mkdocs.yml, ``extra.beheer`` (see ``beheer``)."""

    @classmethod
    def from_environment(cls, site_url: str | None = None, directory_urls: bool = False,
                         serve: bool = False, docs_dir: str = "docs",
                         exclude_docs: tuple[str, ...] = (), beheer: Any = None) -> Options:
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
                   docs_dir=docs_dir, exclude_docs=exclude_docs, beheer=beheer)

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
"""The contact id of a municipality's first point of contact (required in every file; a
region may use its own word for the role instead, see ``first_contact_id``)."""


def role_slug(rolnaam: str) -> str:
    """The region's word for the role as an id: "gemeentelijk coördinator" ->
    "gemeentelijk-coordinator"."""
    plain = unicodedata.normalize("NFKD", rolnaam).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))


def first_contact_id(ids: Iterable[str], rolnaam: str) -> str:
    """The id of the first contact in a file: ``aandachtfunctionaris``, or the region's own
    word for the role (``rolnaam: sleutelfunctionaris`` with ``- id: sleutelfunctionaris``)."""
    known = set(ids)
    if FIRST_CONTACT in known:
        return FIRST_CONTACT
    own = role_slug(rolnaam)
    return own if own and own in known else FIRST_CONTACT


def reached_through(first: ResolvedContact, general: ResolvedContact | None) -> ResolvedContact:
    """The first contact with a number to call: without one of its own (or an internal
    direct number), through the municipality's general number."""
    if first.telefoon or (first.intern_details and first.intern_details.telefoon) \
            or general is None or not general.telefoon:
        return first
    return replace(first, telefoon=general.telefoon, tel=general.tel, via=general.naam,
                   bereikbaar=general.bereikbaar or first.bereikbaar)
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
    gegevens_delen: bool = False
    vastleggen: bool = False
    """The worker records the signal here: the step shows the storage rule."""


@dataclass(frozen=True)
class ResolvedTerugkoppeling:
    wie: str
    wanneer: str | None
    wat: str | None


@dataclass(frozen=True)
class ResolvedKetenTerugkoppeling:
    """Feedback inside the chain: who tells whom (the police the first contact, say)."""

    wie: str
    aan: str
    wanneer: str | None
    wat: str | None


@dataclass(frozen=True)
class ResolvedRoute:
    id: str
    titel: str
    stappen: tuple[ResolvedStep, ...]
    lokaal: bool
    terugkoppeling: ResolvedTerugkoppeling | None = None
    voor: str | None = None
    """The role this route is for (shown apart), or None for every worker."""
    voor_naam: str | None = None
    intern: bool = False
    keten_terugkoppeling: tuple[ResolvedKetenTerugkoppeling, ...] = ()

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
    sectoren: tuple[str, ...] = ()
    """Synonyms of the words it uses, for the search index only (see ``synoniemen``)."""
    barrieres: tuple[str, ...] = ()
    """Ids of the barriers this signal can trigger (see ``bestuurlijk``)."""


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
    rol_routes: tuple[ResolvedRoute, ...] = ()
    """Routes for one role (``voor``), shown apart from the routes for every worker."""
    teksten: dict[str, str] = field(default_factory=dict)
    """Texts of the chain (see ``keten``), the municipality's own over the region's."""
    buiten_kantoortijd: tuple[ResolvedContact, ...] = ()
    """Contacts to call when the first contact is unreachable and it cannot wait, without
    the emergency number: 112 is for acute danger only and always shown apart."""
    bewaartermijn: str | None = None
    """How long a recorded signal is kept (the municipality's own, else the region's)."""

    eerste_id: str = FIRST_CONTACT
    """The id of the first contact (``aandachtfunctionaris`` or the region's own word)."""

    @property
    def eerste_contact(self) -> ResolvedContact | None:
        """The first point of contact as this profile sees it, or the general number."""
        return self.contacten.get(self.eerste_id) or self.contacten.get(GENERAL_CONTACT)

    @property
    def eerste_nummer(self) -> ResolvedContact | None:
        """The first contact with a number to call, for everything that is printed.

        The internal build gives the internal direct number; without a number of its own,
        the first contact is reached through the municipality's general number."""
        first = self.contacten.get(self.eerste_id)
        general = self.contacten.get(GENERAL_CONTACT)
        if first is None:
            return general if general and general.telefoon else None
        direct = first.intern_details.telefoon if first.intern_details else None
        if direct:
            return replace(first, telefoon=direct, tel=tel_uri(direct))
        return reached_through(first, general)


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
    rol: str = "aandachtfunctionaris"
    """The region's name for the first point of contact in a municipality."""
    rollen: tuple[ResolvedRol, ...] = ()
    teksten: dict[str, str] = field(default_factory=dict)
    sectoren: dict[str, str] = field(default_factory=dict)
    """Sector id -> label, the standard list with the region's additions."""
    herkomst: dict[str, str] = field(default_factory=dict)
    """Where each withheld value is written (``file:line: field``), for the messages."""
    contact_ids: tuple[tuple[str, str | None, bool], ...] = ()
    """Every contact id of the region, then of the municipalities (internal ones too), with
    the contact's name when it is public and whether the region has it: the browser
    editor's choices."""
    handpaginas: tuple[HandPage, ...] = ()
    """The hand-written pages in docs/ (see ``handwritten``)."""
    buiten_kantoortijd: tuple[ResolvedContact, ...] = ()
    """The region's numbers to call out of hours when it cannot wait (without 112), for
    "Wie bel ik?"; each municipality has its own list (``ResolvedGemeente``)."""
    beroepsgeheim: tuple[str, ...] = ()
    """Labels of the work fields whose staff have a professional secret or another employer
    than the municipality (the privacy page says what applies to them)."""
    waarschuwingen: tuple[DataError, ...] = ()
    """Advice that is not an error: a route without feedback, a number without "when"
    (see ``advies``). ``meldwijzer check`` prints them; the build logs them."""
    huisstijl: Look | None = None
    """The region's look (see ``huisstijl``); None until read, then the stock look for a
    region without ``huisstijl:``."""
    bestuurlijk: ResolvedBestuur | None = None
    """The bestuurlijke aanpak, when the region has one (see ``bestuurlijk_site``)."""
    cijfer_instellingen: CijferInstellingen | None = None
    """regio.yml's settings for the figures (contract 1.3)."""
    cijfers: ResolvedCijfers | None = None
    """The region's figures, protected for this profile, when the project has cijfers/
    (see ``cijfers``)."""

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
