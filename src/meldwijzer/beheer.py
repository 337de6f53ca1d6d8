"""The browser editor at ``beheer/``: Decap CMS, self-hosted, configured from the models.

Communications staff and policy officers edit the same files as in a Git checkout, in a form
in the browser; every save is a branch and a merge request that a second person approves
(Decap's editorial workflow). The configuration is generated here, from the models of the
data contract (every field, its Dutch description as the hint, its kind as the widget and
the pattern) and from the region's data (its work fields, sectors, municipalities, contacts
and roles as the choices). A field added to the contract appears in the editor, or the test
that compares the two fails.

Decap's bundle (about 6 MB, MIT licence) is published from the site itself: no CDN, no
request to another host before the editor logs in at the Git host. It comes from
``node_modules/decap-cms`` (``npm ci``) or from ``meldwijzer beheer-ophalen``, which fetches
the same pinned tarball from the npm registry and checks its integrity.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import os
import re
import tarfile
import types
import typing
import urllib.request
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator
from pydantic.fields import FieldInfo

from .campagne import Campagne, VerhaalKop
from .keten import standard_role_ids
from .models import (
    VORM_LABELS,
    Gemeente,
    Model,
    Regio,
    Rol,
    Route,
    Signaal,
    Soort,
    Stap,
    Text,
    Url,
)
from .site import Site
from .trainingen import Module

DECAP_VERSION = "3.16.3"
DECAP_INTEGRITY = ("sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKza"
                   "v6+z0oIpwUYhUJDYtYw==")
DECAP_TARBALL = f"https://registry.npmjs.org/decap-cms/-/decap-cms-{DECAP_VERSION}.tgz"
FOLDER = "beheer"
BUNDLE = f"{FOLDER}/decap"
_BUNDLE_FILE = re.compile(
    r"^(?:\d+\.)?decap-cms\.js$|^[0-9a-f]+\.wasm$|^decap-cms\.js\.LICENSE\.txt$")
MAX_BUNDLE_BYTES = 64 * 1024 * 1024


class BeheerFout(Exception):
    """The editor's settings in mkdocs.yml (extra.beheer) are wrong; the message is Dutch."""


class Instellingen(Model):
    """Waar de editor de bestanden bewaart: de Git-server (mkdocs.yml, extra.beheer)."""

    backend: Literal["gitlab", "github"] = Field(
        "gitlab", description="gitlab (ook een eigen GitLab-server) of github.")
    repo: Text = Field(description='De repository: "groep/project", bijvoorbeeld '
                       '"regio-zeekust/meldwijzer".')
    branch: Text = Field("main", description="De tak waarop de site wordt gebouwd.")
    base_url: Url | None = Field(None, description="Adres van de eigen GitLab-server, of bij "
                                 "GitHub van de OAuth-dienst.")
    api_root: Url | None = Field(None, description="Adres van de API van een eigen "
                                 "GitLab-server, bijvoorbeeld https://git.regio.nl/api/v4.")
    app_id: Text | None = Field(None, description="De Application ID van de OAuth-applicatie "
                                "in GitLab.")
    auth_type: Literal["pkce", "implicit"] = Field(
        "pkce", description="pkce (aanbevolen voor GitLab) of implicit.")

    @field_validator("base_url", "api_root")
    @classmethod
    def _plain_address(cls, value: str | None) -> str | None:
        # The address goes into the page's security policy: only https, a host name, a port
        # number and a plain path, nothing that could end or extend the policy.
        if value is not None and not _SERVER.fullmatch(value):
            raise ValueError("gebruik een gewoon adres zoals https://git.regio.nl (alleen "
                             "https, een servernaam, eventueel een poortnummer en een pad)")
        return value

    @model_validator(mode="after")
    def _login_possible(self) -> Instellingen:
        # Without these Decap falls back to Netlify's login service, which is not ours.
        if self.backend == "gitlab" and not self.app_id:
            raise ValueError("app_id ontbreekt: maak in GitLab een OAuth-applicatie (redirect-"
                             "URI het adres van beheer/, scope api) en zet de Application ID "
                             "hier")
        if self.backend == "github" and not self.base_url:
            raise ValueError("base_url ontbreekt: GitHub vraagt een eigen OAuth-dienst voor "
                             "het inloggen (zie de README); zet het adres daarvan hier")
        return self


_SERVER = re.compile(r"https://[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::[0-9]{1,5})?"
                     r"(?:/[A-Za-z0-9._~/-]*)?")


def settings(raw: Any) -> Instellingen | None:
    """The ``extra.beheer`` block of mkdocs.yml, checked; None when it is absent."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise BeheerFout("Dit hoort een blok te zijn met backend, repo en (voor GitLab) "
                         "app_id. Zie de README, 'Publiceren zonder ontwikkelaar'.")
    try:
        return Instellingen.model_validate({k: str(v) for k, v in raw.items()})
    except ValidationError as exc:
        problems = "; ".join(
            (f"{'.'.join(map(str, e['loc']))}: " if e["loc"] else "")
            + (e["ctx"]["bericht"] if e["type"] == "meldwijzer" else
               e["msg"].removeprefix("Value error, ")).rstrip(".")
            for e in exc.errors(include_url=False))
        raise BeheerFout(f"{problems}. Zie de README, 'Publiceren zonder "
                         "ontwikkelaar'.") from None


# --- the bundle -----------------------------------------------------------------------------

def bundle_folder(root: Path) -> Path | None:
    """Where Decap's files are, byte for byte the pinned package: the cache of
    ``beheer-ophalen`` or the project's npm folder. None when neither is."""
    return find_bundle(root)[0]


def find_bundle(root: Path) -> tuple[Path | None, str | None]:
    """(the bundle's folder, None) or (None, why a bundle that is there is not used)."""
    problem = None
    cached = _cache_folder(root)
    if (cached / "decap-cms.js").is_file():
        problem = bundle_problem(cached)
        if problem is None:
            return cached, None
    npm = root / "node_modules" / "decap-cms" / "dist"
    if (npm / "decap-cms.js").is_file():
        npm_problem = bundle_problem(npm)
        if npm_problem is None:
            return npm, None
        problem = problem or npm_problem
    return None, problem


def pinned_digests() -> dict[str, str]:
    """The sha256 of every file the site publishes from the pinned Decap package, shipped
    with meldwijzer (taken from the package whose npm integrity is DECAP_INTEGRITY)."""
    pinned = json.loads((resources.files("meldwijzer") / "data" / "decap-cms.sha256.json")
                        .read_text("utf-8"))
    if pinned.get("versie") != DECAP_VERSION:
        raise BeheerFout(f"decap-cms.sha256.json hoort bij {pinned.get('versie')}, niet bij "
                         f"{DECAP_VERSION}.")
    files: dict[str, str] = pinned["bestanden"]
    return files


def bundle_problem(folder: Path) -> str | None:
    """Why the files in ``folder`` are not the pinned package (None: they are)."""
    for name, digest in pinned_digests().items():
        try:
            actual = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        except OSError:
            return f"{folder}/{name} ontbreekt"
        if actual != digest:
            return f"{folder}/{name} wijkt af van het vastgezette pakket"
    return None


def _cache_folder(root: Path) -> Path:
    base = os.environ.get("MELDWIJZER_DECAP")
    return Path(base) if base else root / ".cache" / f"decap-cms-{DECAP_VERSION}"


def bundle_files(folder: Path) -> list[str]:
    """The file names of the bundle that the site publishes (no source maps)."""
    return sorted(pinned_digests())


def fetch_bundle(root: Path, opener: Any = urllib.request.urlopen) -> Path:
    """Download the pinned Decap tarball from the npm registry, check its integrity and keep
    the files the site publishes in the project's cache."""
    with opener(DECAP_TARBALL, timeout=120) as response:
        data = response.read(MAX_BUNDLE_BYTES + 1)
    if len(data) > MAX_BUNDLE_BYTES:
        raise BeheerFout("Het pakket van Decap CMS is groter dan verwacht; niets opgeslagen.")
    algorithm, _, expected = DECAP_INTEGRITY.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        raise BeheerFout("Het gedownloade pakket van Decap CMS klopt niet met de vastgelegde "
                         "controlesom; niets opgeslagen. Probeer het later opnieuw.")
    target = _cache_folder(root)
    staging = target.with_name(target.name + ".nieuw")
    staging.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive.getmembers():
            name = member.name.removeprefix("package/dist/")
            if member.name.startswith("package/dist/") and "/" not in name and \
                    member.isfile() and _BUNDLE_FILE.match(name):
                source = archive.extractfile(member)
                assert source is not None
                (staging / name).write_bytes(source.read())
    if bundle_problem(staging) is not None:
        raise BeheerFout("Het pakket van Decap CMS bevat niet precies de vastgelegde "
                         "bestanden; niets opgeslagen.")
    if target.exists():
        for old in target.iterdir():
            old.unlink()
        target.rmdir()
    staging.rename(target)
    return target


# --- the configuration ------------------------------------------------------------------------

_PATTERNS: dict[str, tuple[str, str]] = {
    # Decap shows "<label> komt niet overeen met het patroon: <message>." (its own full stop).
    "id": (r"^[a-z0-9]+(-[a-z0-9]+)*$",
           "alleen kleine letters, cijfers en streepjes, bijvoorbeeld veilig-thuis"),
    "telefoon": (r"^(\+[0-9]{1,3}[ -]?)?(\(0\)[ -]?)?[0-9(][0-9 ()-]{1,18}[0-9]$",
                 "dit is geen telefoonnummer. Schrijf het zoals je het belt, bijvoorbeeld "
                 "035 751 32 00, 0800-2000, 14 035 of 112"),
    "email": (r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$",
              "dit is geen e-mailadres, bijvoorbeeld mensenhandel@gemeente.nl"),
    "url": (r"^https://[^\s\"'<>\\`]+$",
            "alleen webadressen die met https:// beginnen, bijvoorbeeld https://veiligthuis.nl"),
}
_DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD-MM-YYYY",
         "time_format": False, "picker_utc": True}
_MARKDOWN_BUTTONS = ["bold", "italic", "link", "heading-two", "heading-three",
                     "bulleted-list", "numbered-list", "quote"]

ChoiceSource = Literal["werkvelden", "sectoren", "contacten", "regiocontacten", "gemeenten",
                       "rollen"]
CHOICES: dict[tuple[type[BaseModel], str], ChoiceSource] = {
    (Signaal, "werkvelden"): "werkvelden",
    (Signaal, "sectoren"): "sectoren",
    (Module, "doelgroep"): "werkvelden",
    (Stap, "bellen"): "contacten",
    (Regio, "kernnummers"): "regiocontacten",
    (Regio, "buiten_kantoortijd"): "regiocontacten",
    (Rol, "contacten"): "regiocontacten",
    (Route, "voor"): "rollen",
}
"""Id fields whose value is one of the region's own things: a choice, not free text."""

LABELS = {"id": "Id", "naam": "Naam", "inleiding": "Inleiding", "wanneer": "Wanneer",
          "wat": "Wat", "wie": "Wie", "titel": "Titel", "bellen": "Bellen",
          "keuzes": "Keuzes (beslispunt)", "als": "Als het antwoord is", "naar": "Ga naar stap",
          "telefoon": "Telefoon", "email": "E-mail", "website": "Website",
          "gecontroleerd": "Gecontroleerd op", "bron": "Bron (webadres)",
          "publiceren_vanaf": "Publiceren vanaf", "concept": "Concept (nog niet publiceren)",
          "alt": "Beschrijving van de foto (alt-tekst)", "foto": "Foto",
          "duur_minuten": "Duur (minuten)", "gegevens_delen": "Gegevens delen",
          "politie_eenheid": "Politie-eenheid", "riec": "RIEC",
          "controle_termijn_dagen": "Controletermijn (dagen)"}


SINGULAR = {"contacten": "Contact", "werkvelden": "Werkveld", "sectoren": "Sector",
            "routes": "Route", "stappen": "Stap", "keuzes": "Keuze", "signalen": "Signaal",
            "rollen": "Rol", "tentoonstelling": "Plek", "evenementen": "Evenement",
            "quiz": "Vraag", "leerdoelen": "Leerdoel", "opties": "Antwoord",
            "synoniemen": "Groep", "kernnummers": "Contact", "bellen": "Contact"}
HINTS = {"concept": "Aan: het verhaal komt nog niet op de site; je ziet het alleen in het "
         "voorbeeld.",
         "publiceren_vanaf": "Het verhaal komt vanaf deze dag op de site (de site wordt elke "
         "nacht opnieuw gebouwd)."}
_CONTRACT_NOTE = re.compile(r"\s*\((?:Contract 1\.\d|of een lijst[^()]*contract 1\.\d)\)")


def _hint(name: str, description: str | None) -> str | None:
    """The field's description for the editor, without notes for developers."""
    if name in HINTS:
        return HINTS[name]
    if not description:
        return None
    return _CONTRACT_NOTE.sub("", description).strip() or None


def _label(name: str) -> str:
    return LABELS.get(name) or name.replace("_", " ").capitalize()


def _unwrap(annotation: Any) -> tuple[Any, list[Any], bool]:
    """(bare type, metadata, optional) of an annotation."""
    metadata: list[Any] = []
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            args = get_args(annotation)
            annotation, metadata = args[0], [*metadata, *args[1:]]
        elif origin in (Union, types.UnionType):
            options = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(options) < len(get_args(annotation))
            if len(options) != 1:
                return annotation, metadata, optional
            annotation = options[0]
        else:
            return annotation, metadata, optional


def _soort(metadata: list[Any]) -> str | None:
    return next((m.naam for m in metadata if isinstance(m, Soort)), None)


def _keyed(info: FieldInfo) -> bool | None:
    for meta in info.metadata:
        text_items = getattr(getattr(meta, "func", None), "keyed_text", None)
        if text_items is not None:
            return bool(text_items)
    return None


class Fields:
    """Decap fields for the models, with the region's choices."""

    def __init__(self, choices: dict[str, list[dict[str, str]]]) -> None:
        self.choices = choices

    def of(self, model: type[BaseModel], skip: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        return [self.field(model, name, info) for name, info in model.model_fields.items()
                if name not in skip]

    def field(self, model: type[BaseModel], name: str, info: FieldInfo) -> dict[str, Any]:
        out: dict[str, Any] = {"name": name, "label": _label(name)}
        hint = _hint(name, info.description)
        if hint:
            out["hint"] = hint
        if name in SINGULAR:
            out["label_singular"] = SINGULAR[name]
        bare, metadata, optional = _unwrap(info.annotation)
        metadata = [*metadata, *info.metadata]
        required = info.is_required() and not optional
        if not required:
            out["required"] = False
        default = info.get_default(call_default_factory=False) if not info.is_required() \
            else None
        if isinstance(default, (str, bool, int)) and not isinstance(default, type):
            out["default"] = default
        keyed = _keyed(info)
        if keyed is not None:
            return {**out, **self._keyed_list(model, name, keyed, bare)}
        source = CHOICES.get((model, name))
        if source is not None:
            multiple = get_origin(bare) is list
            options = self.choices[source]
            spec: dict[str, Any] = {"widget": "select", "options": options}
            if multiple:
                spec["multiple"] = True
                spec["default"] = []
                if _min_items(metadata):
                    spec["min"] = _min_items(metadata)
            return {**out, **spec}
        return {**out, **self._widget(bare, metadata, name)}

    def _keyed_list(self, model: type[BaseModel], name: str, text_items: bool,
                    bare: Any) -> dict[str, Any]:
        value_type = get_args(bare)[1]
        id_field = {"name": "id", "label": "Id", "widget": "string",
                    "pattern": list(_PATTERNS["id"]),
                    "hint": "Korte naam zonder spaties, waarmee routes ernaar verwijzen."}
        if text_items:
            fields = [id_field, {"name": "naam", "label": "Naam", "widget": "string"}]
            summary = "{{fields.naam}} ({{fields.id}})"
        else:
            inner, _, _ = _unwrap(value_type)
            fields = [id_field, *self.of(inner)]
            summary = "{{fields.naam}} ({{fields.id}})"
        return {"widget": "list", "summary": summary,
                "collapsed": True, "fields": fields}

    def _widget(self, bare: Any, metadata: list[Any], name: str) -> dict[str, Any]:
        origin = get_origin(bare)
        if isinstance(bare, type) and issubclass(bare, BaseModel):
            return {"widget": "object", "collapsed": True, "fields": self.of(bare)}
        if origin is Literal:
            values = get_args(bare)
            return {"widget": "select", "options": [
                {"label": VORM_LABELS.get(str(v), str(v)), "value": str(v)} for v in values]}
        if origin is list:
            item, item_meta, _ = _unwrap(get_args(bare)[0])
            spec: dict[str, Any] = {"widget": "list"}
            if _min_items(metadata):
                spec["min"] = _min_items(metadata)
            if _max_items(metadata):
                spec["max"] = _max_items(metadata)
            if isinstance(item, type) and issubclass(item, BaseModel):
                return {**spec, "collapsed": True, "summary": _summary(item),
                        "fields": self.of(item)}
            if get_origin(item) is Literal:
                return {"widget": "select", "multiple": True, "default": [], **(
                    {"min": spec["min"]} if "min" in spec else {}), "options": [
                    {"label": VORM_LABELS.get(str(v), str(v)), "value": str(v)}
                    for v in get_args(item)]}
            if get_origin(item) is list:  # groups of words (synoniemen)
                return {**spec, "field": {"name": "woorden", "label": "Woorden (met komma's)",
                                          "widget": "list"}}
            return {**spec, "field": {"name": name, "label": _label(name),
                                      **self._widget(item, item_meta, name)}}
        soort = _soort(metadata)
        if soort in ("tekst", None) and bare is str:
            return {"widget": "string"}
        if soort == "lange-tekst":
            return {"widget": "text"}
        if soort == "markdown":
            return {"widget": "markdown", "modes": ["raw", "rich_text"], "minimal": True,
                    "buttons": _MARKDOWN_BUTTONS, "editor_components": [],
                    "sanitize_preview": True}
        if soort == "datum":
            return dict(_DATE)
        if soort == "getal":
            return {"widget": "number", "value_type": "int", "min": 0}
        if soort == "vlag":
            return {"widget": "boolean"}
        if soort == "tijd":
            return {"widget": "string", "pattern": [
                r"^([01]?\d|2[0-3])[:.][0-5]\d$",
                'Schrijf uur en minuten, bijvoorbeeld "13.30" of "13:30".']}
        if soort in _PATTERNS:
            return {"widget": "string", "pattern": list(_PATTERNS[soort])}
        raise TypeError(f"no editor widget for {bare!r} ({soort})")


def _min_items(metadata: list[Any]) -> int | None:
    return next((m.min_length for m in metadata if getattr(m, "min_length", None)), None)


def _max_items(metadata: list[Any]) -> int | None:
    return next((m.max_length for m in metadata if getattr(m, "max_length", None)), None)


def _summary(model: type[BaseModel]) -> str:
    for name in ("titel", "tekst", "vraag", "als", "locatie", "naam", "id"):
        if name in model.model_fields:
            return f"{{{{fields.{name}}}}}"
    return ""


def _choices(site: Site) -> dict[str, list[dict[str, str]]]:
    def option(key: str, label: str) -> dict[str, str]:
        return {"label": f"{label} ({key})" if label != key else key, "value": key}

    # Internal contacts by their id only: the editor's page is public.
    everywhere = {cid: name or cid for cid, name, _ in site.contact_ids}
    regio = [option(cid, name or cid) for cid, name, regional in site.contact_ids if regional]
    roles = {r.id: r.naam for r in site.rollen}
    for role in sorted(standard_role_ids()):
        roles.setdefault(role, role)
    return {
        "werkvelden": [option(k, v) for k, v in site.werkvelden.items()],
        "sectoren": [option(k, v) for k, v in site.sectoren.items()],
        "regiocontacten": regio,
        "contacten": [option(k, v) for k, v in everywhere.items()],
        "gemeenten": [option(g.slug, g.naam) for g in site.gemeenten],
        "rollen": [option(k, v) for k, v in roles.items()],
    }


def local_port() -> int:
    """The port of the local backend (decap-server); MELDWIJZER_BEHEER_POORT, 8081 by
    default. Only a page opened from this computer (127.0.0.1, localhost) uses it."""
    value = os.environ.get("MELDWIJZER_BEHEER_POORT", "8081")
    return int(value) if value.isdigit() and 0 < int(value) < 65536 else 8081


def config(site: Site, instellingen: Instellingen | None) -> dict[str, Any]:
    """The Decap configuration for this region, as a mapping (see ``config_yaml``)."""
    fields = Fields(_choices(site))
    backend: dict[str, Any] = {"name": "gitlab", "repo": "nog-niet-ingesteld/meldwijzer",
                               "branch": "main"}
    if instellingen is not None:
        backend = {"name": instellingen.backend, "repo": instellingen.repo,
                   "branch": instellingen.branch}
        for key in ("base_url", "api_root", "app_id"):
            value = getattr(instellingen, key)
            if value:
                backend[key] = value
        if instellingen.backend == "gitlab":
            backend["auth_type"] = instellingen.auth_type
    backend["squash_merges"] = True
    backend["commit_messages"] = {
        "create": "Nieuw in {{collection}}: {{slug}}",
        "update": "Bijgewerkt in {{collection}}: {{slug}}",
        "delete": "Verwijderd uit {{collection}}: {{slug}}",
        "uploadMedia": "Bestand toegevoegd: {{path}}",
        "deleteMedia": "Bestand verwijderd: {{path}}",
    }
    out: dict[str, Any] = {
        "locale": "nl",
        "local_backend": {"url": f"http://127.0.0.1:{local_port()}/api/v1",
                          "allowed_hosts": ["127.0.0.1", "localhost"]},
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "media_folder": "campaign/fotos",
        "public_folder": "fotos",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
    }
    if site.options.site_url:
        out["site_url"] = site.options.site_url
        out["display_url"] = site.options.site_url
    collections = [_regio_collection(fields), _gemeenten_collection(fields)]
    if site.campagne is not None:
        collections += [_campagne_collection(fields), _verhalen_collection(fields)]
    collections += _training_collections(fields, site)
    out["collections"] = collections
    return out


def _regio_collection(fields: Fields) -> dict[str, Any]:
    files = [{"name": "regio", "label": "Regio: contacten, routes en werkvelden",
              "file": "routekaarten/regio.yml", "fields": fields.of(Regio)}]
    # signalen.yml is optional; the editor creates it on the first save.
    files.append({"name": "signalen", "label": "Signalen van de regio",
                  "file": "routekaarten/signalen.yml", "fields": [{
                      "name": "signalen", "label": "Signalen", "label_singular": "Signaal",
                      "widget": "list", "collapsed": True, "summary": "{{fields.tekst}}",
                      "fields": fields.of(Signaal)}]})
    return {"name": "regio", "label": "Regio", "delete": False, "editor": {"preview": True},
            "files": files}


def _gemeenten_collection(fields: Fields) -> dict[str, Any]:
    return {"name": "gemeenten", "label": "Gemeenten", "label_singular": "Gemeente",
            "description": "Per gemeente: de contacten (met de aandachtfunctionaris), eigen "
            "routes en lokale signalen.",
            "folder": "routekaarten/gemeenten", "extension": "yml", "format": "yml",
            "create": True, "slug": "{{naam}}", "identifier_field": "naam",
            "fields": fields.of(Gemeente)}


def _campagne_collection(fields: Fields) -> dict[str, Any]:
    campagne = fields.of(Campagne)
    for field in campagne:
        if field["name"] == "tentoonstelling":
            for stop in field["fields"]:
                if stop["name"] == "gemeente":
                    stop.update(widget="select", options=fields.choices["gemeenten"])
                    stop.pop("pattern", None)
    return {"name": "campagne", "label": "Campagne", "delete": False,
            "editor": {"preview": True},
            "files": [{"name": "campagne", "label": "Campagne: tentoonstelling en evenementen",
                       "file": "campaign/campagne.yml", "fields": campagne}]}


def _verhalen_collection(fields: Fields) -> dict[str, Any]:
    kop = fields.of(VerhaalKop)
    for field in kop:
        if field["name"] == "foto":
            field.update(widget="image", choose_url=False,
                         hint="Een foto (JPEG, PNG of WebP). Gebruik nooit een foto van een "
                         "echt slachtoffer.")
    body = {"name": "body", "label": "Het verhaal", "widget": "markdown",
            "modes": ["rich_text", "raw"], "buttons": _MARKDOWN_BUTTONS,
            "editor_components": [], "sanitize_preview": True}
    return {"name": "verhalen", "label": "Verhalen", "label_singular": "Verhaal",
            "description": "De verhalen van de tentoonstelling Open je ogen. Een nieuw verhaal "
            "staat pas op de site als het is goedgekeurd en gepubliceerd.",
            "folder": "campaign/verhalen", "extension": "md", "format": "frontmatter",
            "create": True, "slug": "{{titel}}", "identifier_field": "titel",
            "media_folder": "../fotos", "public_folder": "fotos",
            "fields": [*kop, body]}


def _training_collections(fields: Fields, site: Site) -> list[dict[str, Any]]:
    out = [{"name": "trainingen", "label": "Trainingen", "label_singular": "Module",
            "folder": "trainingen", "path": "{{slug}}/module", "extension": "yml",
            "format": "yml", "create": True, "slug": "{{titel}}", "identifier_field": "titel",
            "fields": fields.of(Module)}]
    for module in site.trainingen:
        out.append({
            "name": f"delen-{module.slug}", "label": f"Delen van {module.titel}",
            "label_singular": "Deel", "folder": f"trainingen/{module.slug}",
            "extension": "md", "format": "frontmatter", "create": True,
            "slug": "{{fields.nummer}}-{{slug}}", "identifier_field": "titel",
            "summary": "{{fields.nummer}}. {{fields.titel}}",
            "fields": [
                {"name": "nummer", "label": "Volgnummer", "widget": "string",
                 "pattern": [r"^[0-9]{2}$", "twee cijfers, bijvoorbeeld 03"],
                 "hint": "Twee cijfers: dezelfde als vooraan de bestandsnaam. Ze bepalen de "
                 "volgorde van de delen."},
                {"name": "titel", "label": "Titel", "widget": "string"},
                {"name": "body", "label": "Inhoud", "widget": "markdown", "modes": ["raw"],
                 "editor_components": [], "sanitize_preview": True,
                 "hint": "Elke kop met # of ## begint een nieuwe dia. Een blok '!!! trainer' "
                 "is een notitie voor de trainer."}]})
    return out


def config_yaml(site: Site, instellingen: Instellingen | None) -> str:
    header = ("# Gemaakt door meldwijzer uit het datacontract en de gegevens van de regio.\n"
              "# Niet met de hand bewerken: de volgende bouw schrijft hem opnieuw.\n")
    return header + yaml.dump(config(site, instellingen), Dumper=_Dumper, allow_unicode=True,
                              sort_keys=False, width=100)


class _Dumper(yaml.SafeDumper):
    """Plain YAML: a repeated list is written out again, never as an anchor and alias."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def walk(config_fields: list[dict[str, Any]], prefix: str = "") -> Iterator[str]:
    """Every field path in a Decap field list (for the test against the models)."""
    for field in config_fields:
        path = f"{prefix}{field['name']}"
        yield path
        yield from walk(field.get("fields", []), path + ".")



# --- the page ---------------------------------------------------------------------------------

PAGE_ASSETS = ("beheer.css", "laden.js", "voorbeeld.js")


def git_hosts(instellingen: Instellingen | None) -> list[str]:
    """The origins the editor talks to after login (for the page's security policy)."""
    if instellingen is None:
        return []
    if instellingen.backend == "github":
        hosts = ["https://api.github.com", "https://github.com"]
    else:
        hosts = ["https://gitlab.com"]
    for value in (instellingen.base_url, instellingen.api_root):
        if value:
            parts = urlsplit(value)
            hosts.append(f"{parts.scheme}://{parts.netloc}")
    if not all(_ORIGIN.fullmatch(host) for host in hosts):
        raise BeheerFout("base_url of api_root is geen gewoon adres.")
    return sorted(set(hosts))


_ORIGIN = re.compile(r"https://[a-z0-9.-]+(?::[0-9]{1,5})?")


def page(site_name: str, instellingen: Instellingen | None, styles: list[str],
         bundle: bool) -> str:
    """beheer/index.html: Decap's bundle, the preview script and a notice when the editor
    is not complete."""
    template = (resources.files("meldwijzer") / "assets" / "beheer" / "index.html").read_text(
        "utf-8")
    notices = []
    if not bundle:
        notices.append("De editor is niet compleet: Decap CMS ontbreekt in deze bouw. Draai "
                       "eerst <code>meldwijzer beheer-ophalen</code> (of <code>npm ci</code>) "
                       "en bouw de site opnieuw.")
    if instellingen is None:
        notices.append("De editor is nog niet gekoppeld aan de Git-server van de regio, dus "
                       "inloggen kan hier nog niet. Vraag de beheerder van de site om hem te "
                       "koppelen (README, 'Instellen'). Wil je hem op je eigen computer "
                       "proberen? Start dan <code>sh scripts/beheer</code>.")
    notice = "".join(f'<p class="mw-beheer-melding" role="status">{n}</p>' for n in notices)
    values = {"HOSTS": html.escape(" ".join(git_hosts(instellingen))),
              "LOCAL": f"http://127.0.0.1:{local_port()}",
              "STYLES": html.escape(" ".join(styles)),
              "SITE": html.escape(site_name),
              "GEKOPPELD": "ja" if instellingen is not None else "nee",
              "NOTICE": notice}
    # One pass: a value never passes through another substitution.
    return re.sub(r"\{\{([A-Z]+)\}\}", lambda m: values[m.group(1)], template)


def asset(name: str) -> bytes:
    return (resources.files("meldwijzer") / "assets" / "beheer" / name).read_bytes()


def editor_files(root: Path, site_name: str, raw_settings: Any, styles: list[str]
                 ) -> tuple[dict[str, bytes], dict[str, Path]]:
    """The editor's page and scripts (path: content) and Decap's bundle (path: the file to
    copy; empty when it is missing). The configuration comes from the ``beheer`` page
    family. Used by the MkDocs adapter and by ``meldwijzer export``."""
    bundle = bundle_folder(root)
    copied = {} if bundle is None else {f"{BUNDLE}/{name}": bundle / name
                                        for name in bundle_files(bundle)}
    written = {f"{FOLDER}/index.html": page(site_name, settings(raw_settings), styles,
                                            bundle is not None).encode("utf-8")}
    written |= {f"{FOLDER}/{name}": asset(name) for name in PAGE_ASSETS}
    return written, copied
