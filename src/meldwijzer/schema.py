"""JSON Schemas for every data file, generated from the models (never written by hand).

Editors get completion and checks while typing (the YAML extension of VS Code reads the
``# yaml-language-server: $schema=...`` line at the top of a data file). The schemas are
committed under ``schemas/`` and published with the site; ``meldwijzer schema --check``
and a test fail when they differ from the models.

The generator reads every YAML value as text, but an editor's YAML extension reads
``112`` as a number and ``true`` as a boolean. So each text field also accepts a number,
each whole number also its digits as text, and each yes/no field also ja/nee.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter

from .bestuurlijk import Bestuur
from .campagne import Campagne, VerhaalKop
from .models import Gemeente, Regio, Signaal, SignalenLijst
from .trainingen import DeelKop, Module

VERSION = "1"


@dataclass(frozen=True)
class DataFile:
    """One kind of data file: where it lives, its model and its schema's file name."""

    pattern: str
    kind: Any
    schema: str
    title: str


REGISTRY: tuple[DataFile, ...] = (
    DataFile("routekaarten/regio.yml", Regio, "regio.schema.json", "Regio"),
    DataFile("routekaarten/signalen.yml", list[Signaal] | SignalenLijst,
             "signalen.schema.json", "Signalen"),
    DataFile("routekaarten/gemeenten/*.yml", Gemeente, "gemeente.schema.json", "Gemeente"),
    DataFile("routekaarten/bestuurlijk.yml", Bestuur, "bestuurlijk.schema.json",
             "Bestuurlijke aanpak van de regio"),
    DataFile("campaign/campagne.yml", Campagne, "campagne.schema.json", "Campagne"),
    DataFile("campaign/verhalen/*.md", VerhaalKop, "verhaal.schema.json",
             "Kop van een verhaal"),
    DataFile("trainingen/*/module.yml", Module, "module.schema.json", "Trainingsmodule"),
    DataFile("trainingen/*/[0-9][0-9]-*.md", DeelKop, "deel.schema.json",
             "Kop van een deel van een training (mag ontbreken)"),
)


def schema_for(entry: DataFile) -> dict[str, Any]:
    generated = TypeAdapter(entry.kind).json_schema(mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": f"meldwijzer/v{VERSION}/{entry.schema}", "title": entry.title,
              **{k: v for k, v in generated.items() if k != "title"}}
    result: dict[str, Any] = _as_editors_write_it(schema)
    return result


def _as_editors_write_it(node: Any) -> Any:
    if isinstance(node, list):
        return [_as_editors_write_it(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _as_editors_write_it(value) for key, value in node.items()}
    kind = node.get("type")
    if kind == "string" and "enum" not in node and "format" not in node:
        number = {"type": "number"}
        text = {k: v for k, v in node.items() if k not in ("title", "description", "default")}
        rest = {k: v for k, v in node.items() if k in ("title", "description", "default")}
        return {**rest, "anyOf": [text, number]}
    if kind == "integer":
        digits = {"type": "string", "pattern": r"^\d+$"}
        return {**{k: v for k, v in node.items() if k != "type"},
                "anyOf": [{"type": "integer"}, digits]}
    if kind == "boolean":
        words = {"type": "string", "enum": ["true", "false", "ja", "nee", "yes", "no"]}
        return {**{k: v for k, v in node.items() if k != "type"},
                "anyOf": [{"type": "boolean"}, words]}
    return node


def schemas() -> Iterator[tuple[str, str]]:
    """(file name, JSON text) for every data file kind; deterministic."""
    for entry in REGISTRY:
        yield entry.schema, json.dumps(schema_for(entry), indent=2, ensure_ascii=False,
                                       sort_keys=True) + "\n"
