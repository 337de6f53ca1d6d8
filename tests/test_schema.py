"""The JSON Schemas for editors: generated from the models, committed, and they accept every
example data file and refuse broken ones."""

from __future__ import annotations

import copy
import fnmatch
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from helpers import FIXTURES, ROOT
from meldwijzer.errors import ErrorLog
from meldwijzer.schema import REGISTRY, schemas
from meldwijzer.yamlread import parse_yaml, read_text, read_yaml

SCHEMAS = {name: json.loads(text) for name, text in schemas()}


def load(file: Path) -> Any:
    log = ErrorLog(file.parent)
    if file.suffix == ".md":
        text = read_text(file, log)
        assert text is not None and text.startswith("---\n")
        end = text.index("\n---\n", 3)
        doc = parse_yaml(text[4:end + 1], file, log, first_line=2)
    else:
        doc = read_yaml(file, log)
    assert doc is not None, list(log)
    return copy.deepcopy(doc.data)  # the reader keeps parsed files; tests change their copy


def data_files(root: Path) -> list[tuple[Path, str]]:
    out = []
    for file in sorted(root.rglob("*")):
        relative = file.relative_to(root).as_posix()
        if relative.split("/")[0] in {"node_modules", "site", "tests"} or relative.startswith("."):
            continue  # installed packages and build output are not project data
        for entry in REGISTRY:
            if not fnmatch.fnmatch(relative, entry.pattern):
                continue
            if file.suffix == ".md" and not file.read_text("utf-8").startswith("---\n"):
                continue  # a training part without front matter
            out.append((file, entry.schema))
    return out


def test_committed_schemas_match_the_models() -> None:
    for name, text in schemas():
        assert (ROOT / "schemas" / name).read_text("utf-8") == text, (
            f"schemas/{name} is out of date: run `meldwijzer schema`")


@pytest.mark.parametrize(("file", "schema"), [
    *data_files(ROOT), *data_files(FIXTURES / "klein"), *data_files(FIXTURES / "campagne"),
    *data_files(FIXTURES / "training")], ids=lambda v: str(v).split("/work/main/")[-1])
def test_schemas_accept_every_example_file(file: Path, schema: str) -> None:
    jsonschema.validate(load(file), SCHEMAS[schema])


def test_every_example_yaml_file_names_its_schema() -> None:
    for file, schema in data_files(ROOT):
        if file.suffix == ".yml":
            first = file.read_text("utf-8").splitlines()[0]
            assert first.startswith("# yaml-language-server: $schema=") and first.endswith(
                f"schemas/{schema}"), file
            target = (file.parent / first.split("=", 1)[1]).resolve()
            assert target == (ROOT / "schemas" / schema).resolve(), file


@pytest.mark.parametrize(("schema", "change"), [
    ("regio.schema.json", lambda d: d.update(onbekend="x")),
    ("regio.schema.json", lambda d: d.pop("naam")),
    ("regio.schema.json", lambda d: d["contacten"]["politie"].update(telefon="112")),
    ("regio.schema.json", lambda d: d["routes"][0].update(titel=["lijst"])),
    ("gemeente.schema.json", lambda d: d.pop("contacten")),
    ("signalen.schema.json", lambda d: d[0].update(vormen=["arbeid"])),
])
def test_schemas_refuse_broken_data(schema: str, change: Any) -> None:
    source = {"regio.schema.json": "routekaarten/regio.yml",
              "gemeente.schema.json": "routekaarten/gemeenten/westerdorp.yml",
              "signalen.schema.json": "routekaarten/signalen.yml"}[schema]
    data = load(FIXTURES / "klein" / source)
    change(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMAS[schema])


def test_schemas_have_dutch_descriptions() -> None:
    regio = SCHEMAS["regio.schema.json"]
    assert regio["properties"]["werkvelden"]["description"].startswith("Werkvelden")
    contact = regio["$defs"]["Contact"]["properties"]
    assert "Nummer zoals je het belt" in contact["telefoon"]["description"]
