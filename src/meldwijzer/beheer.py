"""The browser editor at ``beheer/``: its configuration, generated from the models.

Communications staff and policy officers edit the same files as in a Git checkout, in a form
in the browser (Decap CMS, self-hosted); every save is a branch and a merge request that a
second person approves (Decap's editorial workflow). This module writes Decap's
``config.yml`` from the models of the data contract (every field, its Dutch description as
the hint, its kind as the widget and the rule the form checks) and from the region's data
(its work fields, sectors, municipalities, contacts and roles as the choices). A field added
to the contract appears in the editor, or the test that compares the two fails.

The editor's other parts live beside it, one concern each:

* ``beheer_instellingen``: the settings in mkdocs.yml (``extra.beheer``), checked;
* ``beheer_bundel``: Decap's pinned bundle, fetched and checked byte for byte;
* ``beheer_pagina``: the page ``beheer/index.html`` and the scripts it loads;
* ``pages/beheer``: the page family that publishes ``config.yml`` (public build only).

Adding a collection for a new model
-----------------------------------

A collection is one entry in ``COLLECTIONS``: a function ``(fields, site) -> [collection]``.
For data in one YAML file (a ``Model`` for the whole file), use ``one_file``; for a folder
with one YAML file per item, ``one_per_file``::

    def _cijfers(fields: Fields, site: Site) -> list[Collection]:
        return [one_file("cijfers", "Cijfers", "cijfers/cijfers.yml", fields.of(Cijfers))]

    COLLECTIONS = (..., _cijfers)

``fields.of(Model)`` gives every field of the model with its widget, hint and rule; an id
field that names one of the region's own things (a contact, a work field) becomes a choice
through an entry in ``CHOICES``; a field type without a widget stops the build (``Fields``
raises). Then add the model and its fields to ``test_every_field_of_the_contract_is_in_the_
editor`` in tests/test_beheer.py, which fails until every field of the model is in the form.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, Literal, Union, get_args, get_origin

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .beheer_instellingen import Instellingen, backend, local_port
from .bestuurlijk import Bestuur
from .campagne import Campagne, VerhaalKop
from .keten import standard_role_ids
from .models import VORM_LABELS, Contact, Gemeente, Regio, Rol, Route, Signaal, Soort, Stap
from .site import Site
from .trainingen import Module

Collection = dict[str, Any]
"""One of Decap's collections (a file collection or a folder collection), as a mapping."""
YAML_FORMAT = "mw-yaml"
FRONT_MATTER = "mw-frontmatter"
"""The editor's own formats (assets/beheer/opmaak.js): a saved change changes only its own
lines of the file."""

CHECKED = ("id", "tekst", "lange-tekst", "markdown", "url", "email", "telefoon", "datum")
"""Kinds of value (``models.Soort``) that the form checks as ``meldwijzer check`` does: their
fields use the editor's own widgets (``mw-<kind>``, assets/beheer/editor.js), which run the
same rules (``beheer_regels``) and show the same Dutch message."""
NOT_IN_FUTURE = {(Contact, "gecontroleerd")}
"""Dates that may not lie in the future (``resolve`` refuses them)."""
_DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD-MM-YYYY",
         "time_format": False, "picker_utc": True}
_MARKDOWN_BUTTONS = ["bold", "italic", "link", "heading-two", "heading-three",
                     "bulleted-list", "numbered-list", "quote"]

ChoiceSource = Literal["werkvelden", "sectoren", "contacten", "gemeenten", "rollen"]
CHOICES: dict[tuple[type[BaseModel], str], ChoiceSource] = {
    (Signaal, "werkvelden"): "werkvelden",
    (Signaal, "sectoren"): "sectoren",
    (Module, "doelgroep"): "werkvelden",
    (Stap, "bellen"): "contacten",
    (Regio, "kernnummers"): "contacten",
    (Regio, "buiten_kantoortijd"): "contacten",
    (Rol, "contacten"): "contacten",
    (Route, "voor"): "rollen",
}
"""Id fields whose value is one of the region's own things: a choice, not free text. The
choice keeps a value it does not offer (``mw-keuze``). Contacts are not listed in the
configuration at all: the editor offers them from the repository after login (the entry's
own and those of regio.yml), so that no id of an internal contact reaches the public
``config.yml``."""

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
            spec: dict[str, Any] = {"widget": "mw-keuze", "options": self.choices[source]}
            if source == "contacten":
                spec["mw_bron"] = "contacten"
            if multiple:
                spec["multiple"] = True
                spec["default"] = []
                if _min_items(metadata):
                    spec["min"] = _min_items(metadata)
            return {**out, **spec}
        widget = self._widget(bare, metadata, name)
        if (model, name) in NOT_IN_FUTURE:
            widget["mw_niet_in_toekomst"] = True
        return {**out, **widget}

    def _keyed_list(self, model: type[BaseModel], name: str, text_items: bool,
                    bare: Any) -> dict[str, Any]:
        value_type = get_args(bare)[1]
        id_field = {"name": "id", "label": "Id", "widget": "mw-id",
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
        if soort is None and bare is str:
            return {"widget": "string"}
        if soort == "markdown":
            return {"widget": "mw-markdown", "modes": ["raw", "rich_text"], "minimal": True,
                    "buttons": _MARKDOWN_BUTTONS, "editor_components": [],
                    "sanitize_preview": True}
        if soort == "datum":
            return {**_DATE, "widget": "mw-datum"}
        if soort == "getal":
            return {"widget": "number", "value_type": "int", "min": 0}
        if soort == "vlag":
            return {"widget": "boolean"}
        if soort in CHECKED:
            return {"widget": f"mw-{soort}"}
        if soort == "tijd":
            return {"widget": "string", "pattern": [
                r"^([01]?\d|2[0-3])[:.][0-5]\d$",
                'Schrijf uur en minuten, bijvoorbeeld "13.30" of "13:30".']}
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

    roles = {r.id: r.naam for r in site.rollen}
    for role in sorted(standard_role_ids()):
        roles.setdefault(role, role)
    return {
        "werkvelden": [option(k, v) for k, v in site.werkvelden.items()],
        "sectoren": [option(k, v) for k, v in site.sectoren.items()],
        "contacten": [],
        "gemeenten": [option(g.slug, g.naam) for g in site.gemeenten],
        "rollen": [option(k, v) for k, v in roles.items()],
    }


def one_file(name: str, label: str, path: str, fields: list[dict[str, Any]], *,
             description: str | None = None) -> Collection:
    """A collection of one YAML file whose whole content is one model (``fields``)."""
    out: Collection = {"name": name, "label": label, "delete": False, "format": YAML_FORMAT,
                       "editor": {"preview": True},
                       "files": [{"name": name, "label": label, "file": path,
                                  "fields": fields}]}
    if description:
        out["description"] = description
    return out


def one_per_file(name: str, label: str, singular: str, folder: str, identifier: str,
                 fields: list[dict[str, Any]], *, description: str | None = None
                 ) -> Collection:
    """A folder with one YAML file per item, named after its ``identifier`` field."""
    out: Collection = {"name": name, "label": label, "label_singular": singular,
                       "folder": folder, "extension": "yml", "format": YAML_FORMAT,
                       "create": True,
                       "slug": f"{{{{{identifier}}}}}", "identifier_field": identifier,
                       "fields": fields}
    if description:
        out["description"] = description
    return out


def _regio(fields: Fields, site: Site) -> list[Collection]:
    files = [{"name": "regio", "label": "Regio: contacten, routes en werkvelden",
              "file": "routekaarten/regio.yml", "fields": fields.of(Regio)}]
    # signalen.yml is optional; the editor creates it on the first save.
    files.append({"name": "signalen", "label": "Signalen van de regio",
                  "file": "routekaarten/signalen.yml", "fields": [{
                      "name": "signalen", "label": "Signalen", "label_singular": "Signaal",
                      "widget": "list", "collapsed": True, "summary": "{{fields.tekst}}",
                      "fields": fields.of(Signaal)}]})
    # bestuurlijk.yml (contract 1.3) is optional too: the region's part of the bestuurlijke
    # aanpak (barrières, casusoverleg, routes after the aandachtfunctionaris, the role).
    files.append({"name": "bestuurlijk", "label": "Bestuurlijke aanpak van de regio",
                  "file": "routekaarten/bestuurlijk.yml", "fields": fields.of(Bestuur)})
    return [{"name": "regio", "label": "Regio", "delete": False, "format": YAML_FORMAT,
             "editor": {"preview": True}, "files": files}]


def _gemeenten(fields: Fields, site: Site) -> list[Collection]:
    return [one_per_file(
        "gemeenten", "Gemeenten", "Gemeente", "routekaarten/gemeenten", "naam",
        fields.of(Gemeente), description="Per gemeente: de contacten (met de "
        "aandachtfunctionaris), eigen routes en lokale signalen.")]


def _campagne(fields: Fields, site: Site) -> list[Collection]:
    if site.campagne is None:
        return []
    campagne = fields.of(Campagne)
    for field in campagne:
        if field["name"] == "tentoonstelling":
            for stop in field["fields"]:
                if stop["name"] == "gemeente":
                    stop.update(widget="mw-keuze", options=fields.choices["gemeenten"])
    collection = one_file("campagne", "Campagne", "campaign/campagne.yml", campagne)
    collection["files"][0]["label"] = "Campagne: tentoonstelling en evenementen"
    return [collection]


def _verhalen(fields: Fields, site: Site) -> list[Collection]:
    if site.campagne is None:
        return []
    kop = fields.of(VerhaalKop)
    for field in kop:
        if field["name"] == "foto":
            field.update(widget="image", choose_url=False,
                         hint="Een foto (JPEG, PNG of WebP). Gebruik nooit een foto van een "
                         "echt slachtoffer.")
    body = {"name": "body", "label": "Het verhaal", "widget": "markdown",
            "modes": ["rich_text", "raw"], "buttons": _MARKDOWN_BUTTONS,
            "editor_components": [], "sanitize_preview": True}
    return [{"name": "verhalen", "label": "Verhalen", "label_singular": "Verhaal",
             "description": "De verhalen van de tentoonstelling Open je ogen. Een nieuw "
             "verhaal staat pas op de site als het is goedgekeurd en gepubliceerd.",
             "folder": "campaign/verhalen", "extension": "md", "format": FRONT_MATTER,
             "create": True, "slug": "{{titel}}", "identifier_field": "titel",
             "media_folder": "../fotos", "public_folder": "fotos",
             "fields": [*kop, body]}]


def _trainingen(fields: Fields, site: Site) -> list[Collection]:
    modules = one_per_file("trainingen", "Trainingen", "Module", "trainingen", "titel",
                           fields.of(Module))
    modules["path"] = "{{slug}}/module"
    out = [modules]
    for module in site.trainingen:
        out.append({
            "name": f"delen-{module.slug}", "label": f"Delen van {module.titel}",
            "label_singular": "Deel", "folder": f"trainingen/{module.slug}",
            "extension": "md", "format": FRONT_MATTER, "create": True,
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


COLLECTIONS: tuple[Callable[[Fields, Site], list[Collection]], ...] = (
    _regio, _gemeenten, _campagne, _verhalen, _trainingen)
"""The editor's collections in the order of its menu; add a new data family here."""


def config(site: Site, instellingen: Instellingen | None) -> dict[str, Any]:
    """The Decap configuration for this region, as a mapping (see ``config_yaml``)."""
    fields = Fields(_choices(site))
    out: dict[str, Any] = {
        "locale": "nl",
        "local_backend": {"url": f"http://127.0.0.1:{local_port()}/api/v1",
                          "allowed_hosts": ["127.0.0.1", "localhost"]},
        "backend": backend(instellingen),
        "publish_mode": "editorial_workflow",
        "media_folder": "campaign/fotos",
        "public_folder": "fotos",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
    }
    if site.options.site_url:
        out["site_url"] = site.options.site_url
        out["display_url"] = site.options.site_url
    out["collections"] = [c for make in COLLECTIONS for c in make(fields, site)]
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



