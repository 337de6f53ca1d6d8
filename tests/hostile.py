"""A project where every text field of every data file carries a script payload.

The fields are found from the models (``models.Soort``), not listed by hand: a field added to
the contract gets a payload without touching this file. Each payload carries a number, so a
payload that runs tells which field it came from (``FIELDS[number]``).
"""

from __future__ import annotations

import json
import re
import types
import typing
from pathlib import Path
from typing import Any, Union, get_args, get_origin
from xml.sax.saxutils import escape

import yaml
from pydantic import BaseModel

from helpers import copy_project, keyed_as_maps
from meldwijzer.bestuurlijk import Bestuur
from meldwijzer.campagne import Campagne, VerhaalKop
from meldwijzer.errors import ErrorLog
from meldwijzer.hulp import Hulp
from meldwijzer.keten import TEKSTEN
from meldwijzer.models import Gemeente, Regio, Signaal, Soort
from meldwijzer.trainingen import Module
from meldwijzer.validate import unwrap
from meldwijzer.yamlread import parse_yaml

# Each calls window.__xss(n) when it runs; n names the field. Plain text is one line of at
# most 300 characters: raw markup, markup as character references (which a second
# interpretation as HTML would turn into markup), template syntax and a script link.
TEXT_PAYLOAD = ('<img src=x onerror=__xss({n})>"\'><svg onload=__xss({n})> '
                "&lt;img src=x onerror=__xss({n})&gt; {{{{ {n} }}}} javascript:__xss({n})")
MARKDOWN_PAYLOAD = (
    '[t{n}](https://a.example "<img src=x onerror=__xss({n})>") '
    '<abbr title="<img src=x onerror=__xss({n})>">a{n}</abbr> '
    "<img src=x onerror=__xss({n})> [j{n}](javascript:__xss({n})) "
    '<a href="javascript:__xss({n})" title="<svg onload=__xss({n})>">k{n}</a>\n\n'
    "## h{n} <img src=x onerror=__xss({n})>\n\n"
    "- &lt;img src=x onerror=__xss({n})&gt;\n"
)

FIELDS: dict[int, str] = {}
PATHS = {"foto"}  # text fields that name a file: a payload there is only a missing file


def _payload(kind: str, where: str) -> str:
    number = len(FIELDS) + 1
    FIELDS[number] = where
    if kind == "markdown":
        return MARKDOWN_PAYLOAD.format(n=number)
    return TEXT_PAYLOAD.format(n=number)


def soort(annotation: Any, metadata: list[Any] | None = None) -> str | None:
    """The ``Soort`` of a field's type (looking through Optional and Annotated)."""
    for item in metadata or ():
        if isinstance(item, Soort):
            return item.naam
    kind = annotation
    while True:
        origin = get_origin(kind)
        if origin is typing.Annotated:
            found = [m for m in kind.__metadata__ if isinstance(m, Soort)]
            if found:
                return found[0].naam
            kind = get_args(kind)[0]
        elif origin in (Union, types.UnionType):
            options = [a for a in get_args(kind) if a is not type(None)]
            if len(options) != 1:
                return None
            kind = options[0]
        else:
            return None


_CONTACT_NAME = re.compile(r"contacten(\[\d+\]|\.[^.\[]+)\.naam$")


def poison(value: Any, kind: Any, where: str, metadata: list[Any] | None = None) -> Any:
    """``value`` with every text and Markdown field below type ``kind`` replaced by a payload."""
    field_kind = soort(kind, metadata)
    if field_kind in ("tekst", "lange-tekst", "markdown") and isinstance(value, str):
        payload = _payload("markdown" if field_kind == "markdown" else "text", where)
        if _CONTACT_NAME.search(where):
            # A contact's name keeps its words before the payload: a team address named
            # after the contact (riec-aanmelden@ for "RIEC (aanmelden ...)") stays a team
            # address for the check on ids, which is not what this sweep tests.
            return f"{value} {payload}"
        return payload
    inner = unwrap(kind)
    origin = get_origin(inner)
    if isinstance(value, list) and origin is list:
        (item,) = get_args(inner)
        return [poison(v, item, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, dict) and origin is dict:
        _, item = get_args(inner)
        return {k: poison(v, item, f"{where}.{k}") for k, v in value.items()}
    if isinstance(value, dict) and isinstance(inner, type) and issubclass(inner, BaseModel):
        out = {}
        for key, v in value.items():
            info = inner.model_fields.get(key)
            out[key] = v if info is None or key in PATHS else poison(
                v, info.annotation, f"{where}.{key}", list(info.metadata))
        # Optional text fields that the example leaves out get a payload too.
        for key, info in inner.model_fields.items():
            if key not in out and soort(info.annotation, list(info.metadata)) in (
                    "tekst", "lange-tekst", "markdown") and key not in PATHS:
                out[key] = poison("x", info.annotation, f"{where}.{key}", list(info.metadata))
        return out
    return value


def _read(file: Path) -> Any:
    doc = parse_yaml(file.read_text("utf-8"), file, ErrorLog(file.parent))
    assert doc is not None, file
    return doc.data


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def _poison_yaml(file: Path, kind: Any, root: Path) -> None:
    where = file.relative_to(root).as_posix()
    data = keyed_as_maps(_read(file))  # written back in the map form: both forms are valid
    if kind is Regio:  # optional blocks the example leaves out get a payload too
        data.setdefault("teksten", dict.fromkeys(TEKSTEN, "x"))
        data.setdefault("rollen", []).append({"id": "eigen-rol", "naam": "x", "wat": "x"})
        for route in data.get("routes", []):
            route.setdefault("terugkoppeling", {"wie": "x", "wanneer": "x", "wat": "x"})
        if isinstance(data.get("cijfers"), dict):  # labels the figures show (contract 1.3)
            for key in ("bronnen", "uitkomsten", "modules"):
                data["cijfers"].setdefault(key, {f"eigen-{key}": "x"})
    file.write_text(_dump(poison(data, kind, where)), "utf-8")


def _poison_front_matter(file: Path, kind: Any, root: Path, body: str) -> None:
    text = file.read_text("utf-8")
    end = text.find("\n---\n", 3)
    head = parse_yaml(text[4:end + 1], file, ErrorLog(root))
    assert head is not None
    where = file.relative_to(root).as_posix()
    data = poison(head.data, kind, where)
    data.pop("concept", None)
    data.pop("publiceren_vanaf", None)
    file.write_text(f"---\n{_dump(data)}---\n\n{body}\n", "utf-8")


def _poison_logo(project: Path) -> None:
    """The region's SVG logo with a payload as its title and as a text: kept as text by the
    rebuild, it must never run, also when the logo is opened on its own."""
    regio = _read(project / "routekaarten/regio.yml")
    logo = (regio.get("huisstijl") or {}).get("logo") if isinstance(regio, dict) else None
    if not logo or not str(logo).endswith(".svg"):
        return
    number = len(FIELDS) + 1
    FIELDS[number] = f"routekaarten/{logo} (titel en tekst)"
    text = escape(TEXT_PAYLOAD.format(n=number))
    (project / "routekaarten" / logo).write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><title>{text}</title>'
        f'<rect width="40" height="40" fill="#0f6b66"/><text x="2" y="20">{text}</text></svg>\n',
        "utf-8")


def hostile_project(source: Path, dest: Path) -> Path:
    """A copy of ``source`` with a payload in every text field of every data file."""
    FIELDS.clear()
    project = copy_project(source, dest)
    _poison_yaml(project / "routekaarten/regio.yml", Regio, project)
    _poison_yaml(project / "routekaarten/signalen.yml", list[Signaal], project)
    for file in sorted((project / "routekaarten/gemeenten").glob("*.yml")):
        _poison_yaml(file, Gemeente, project)
    if (project / "routekaarten/bestuurlijk.yml").is_file():
        _poison_yaml(project / "routekaarten/bestuurlijk.yml", Bestuur, project)
    if (project / "campaign/campagne.yml").is_file():
        _poison_yaml(project / "campaign/campagne.yml", Campagne, project)
        if (project / "campaign/hulp.yml").is_file():
            _poison_yaml(project / "campaign/hulp.yml", Hulp, project)
        for file in sorted((project / "campaign/verhalen").glob("*.md")):
            _poison_front_matter(file, VerhaalKop, project,
                                 _payload("markdown", f"{file.name} (tekst)"))
    _poison_logo(project)
    number = len(FIELDS) + 1
    FIELDS[number] = "docs/nieuws.md (titel, menu, kop)"
    payload = TEXT_PAYLOAD.format(n=number)
    (project / "docs" / "nieuws.md").write_text(
        f"---\ntitle: {json.dumps(payload)}\nmenu: {json.dumps(payload)}\n---\n\n"
        f"# Nieuws {payload.replace('<', '&lt;')}\n\nTekst.\n", "utf-8")
    for module in sorted((project / "trainingen").glob("*/module.yml")):
        _poison_yaml(module, Module, project)
        for part in sorted(module.parent.glob("[0-9][0-9]-*.md")):
            number = len(FIELDS) + 1
            text = part.read_text("utf-8")
            # Headings become slide titles, section headings and table-of-contents entries.
            text = re.sub(r"(?m)^(#{1,3} .*)$",
                          rf"\1 <img src=x onerror=__xss({number})>", text, count=2)
            FIELDS[number] = f"{part.relative_to(project).as_posix()} (koppen)"
            part.write_text(text + "\n\n" + _payload("markdown", f"{part.name} (tekst)"),
                            "utf-8")
    _poison_figures(project, source)
    return project


def _poison_figures(project: Path, source: Path) -> None:
    """The figures name municipalities by file name (their names are payloads now), use the
    region's own source, outcome and module (whose labels are payloads), and every
    commentary is a payload."""
    folder = project / "cijfers"
    if not folder.is_dir():
        return
    signals = folder / "signalen.csv"
    if signals.is_file():
        text = signals.read_text("utf-8-sig")
        for file in sorted((project / "routekaarten/gemeenten").glob("*.yml")):
            original = source / "routekaarten/gemeenten" / file.name
            name = re.search(r"(?m)^naam: (.+)$", original.read_text("utf-8"))
            if name:
                text = text.replace(f";{name.group(1).strip()};", f";{file.stem};")
        text += "2025;;algemeen;;eigen-bronnen;;eigen-uitkomsten;7\r\n"
        signals.write_text(text, "utf-8")
    training = folder / "trainingen.xlsx"
    if training.is_file():
        import openpyxl

        book = openpyxl.load_workbook(training)
        sheet = book.worksheets[0]
        sheet.append([2025, "eigen-modules", "", sheet.cell(2, 4).value, 9, None])
        book.save(training)
    for file in sorted((folder / "toelichting").glob("*.md")):
        file.write_text(_payload("markdown", f"{file.relative_to(project).as_posix()}"),
                        "utf-8")
