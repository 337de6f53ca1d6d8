"""The list form of keyed blocks (contract 1.2), read as the map form.

``contacten``, ``werkvelden`` and ``sectoren`` were maps keyed by id in contract 1.0. A Git
CMS edits lists, not maps, so 1.2 also accepts a list of blocks that each carry their ``id``.
Before a document is validated, the list form is turned into the map form here, and every
line of the list is also known under its map path, so that an error in
``contacten[3].telefoon`` still names the right line (as ``contacten.veilig-thuis.telefoon``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .errors import ErrorLog
from .models import keyed_items
from .yamlread import Document


def keyed_fields(kind: type[BaseModel]) -> dict[str, bool]:
    """Field name -> whether its blocks are plain names (id and naam) rather than models."""
    found = {}
    for name, info in kind.model_fields.items():
        for meta in info.metadata:
            text_items = getattr(getattr(meta, "func", None), "keyed_text", None)
            if text_items is not None:
                found[name] = bool(text_items)
    return found


def as_maps(kind: type[BaseModel], doc: Document, log: ErrorLog) -> Document:
    """``doc`` with its keyed lists as maps; problems in the lists are logged."""
    fields = keyed_fields(kind)
    data = doc.data
    if not isinstance(data, dict) or not any(isinstance(data.get(f), list) for f in fields):
        return doc
    cache_key = ("keyed", kind)
    if cache_key in doc.validated:
        cached: Document = doc.validated[cache_key]
        return cached
    new_data = dict(data)
    lines = dict(doc.lines)
    clean = True
    for name, text_items in fields.items():
        value = data.get(name)
        if not isinstance(value, list):
            continue
        result, problems = keyed_items(value, text_items)
        for index, message in problems:
            clean = False
            where = (name, index)
            log.add(doc.file, doc.line(where), list(where), message)
        new_data[name] = result
        for index, item in enumerate(value):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            key = item["id"]
            for known, line in doc.lines.items():
                if tuple(known[:2]) != (name, index):
                    continue
                rest = tuple(known[2:])
                if text_items and rest[:1] == ("naam",):
                    lines.setdefault((name, key), line)
                else:
                    lines.setdefault((name, key, *rest), line)
    normalised = Document(doc.file, new_data, lines)
    if clean:
        doc.validated[cache_key] = normalised
    return normalised


LIST_KEY = "signalen"


def as_list(doc: Document, log: ErrorLog) -> Document | None:
    """signalen.yml as its list (1.2: also ``signalen:`` with the list below it, the form a
    browser editor writes); None after logging when the block holds something else."""
    if not isinstance(doc.data, dict):
        return doc
    extra = sorted(str(k) for k in doc.data if k != LIST_KEY)
    if extra or LIST_KEY not in doc.data:
        log.add(doc.file, doc.line((extra[0],) if extra else ()), extra[:1],
                "Dit bestand is een lijst van signalen: begin met '- tekst: ...', of zet de "
                "lijst onder één regel 'signalen:'. Andere velden horen hier niet.")
        return None
    lines = {path[1:]: line for path, line in doc.lines.items() if path[:1] == (LIST_KEY,)}
    lines[()] = doc.line((LIST_KEY,))
    return Document(doc.file, doc.data[LIST_KEY], lines)


def map_value(value: Any) -> Any:
    """A keyed value as a map, whichever form it was written in (for raw reads)."""
    if isinstance(value, list):
        return {item["id"]: item for item in value
                if isinstance(item, dict) and isinstance(item.get("id"), str)}
    return value


class ConversionError(Exception):
    """A file whose keyed maps cannot be rewritten as lists without changing its meaning."""


def to_lists(text: str, kind: type[BaseModel], doc: Document) -> str:
    """``text`` with its keyed maps (contacten, werkvelden, sectoren) written as lists.

    Comments and every other line stay as they are; only the key lines change and the
    lines below them move to the list item's indentation. The caller checks that the new
    text means the same."""
    lines = text.split("\n")
    rewrites: dict[int, tuple[list[str], int]] = {}  # key line index -> (new lines, end)
    for name, text_items in keyed_fields(kind).items():
        value = doc.data.get(name) if isinstance(doc.data, dict) else None
        if not isinstance(value, dict):
            continue
        for key in value:
            start = doc.lines[(name, key)] - 1
            line = lines[start]
            indent = len(line) - len(line.lstrip(" "))
            head = line.strip()
            if not head.startswith(f"{key}:"):
                raise ConversionError(f"regel {start + 1} begint niet met '{key}:'")
            end = start + 1
            while end < len(lines) and (not lines[end].strip() or lines[end].lstrip(" ")
                                        .startswith("#") or _indent(lines[end]) > indent):
                end += 1
            # Blank lines and comments at the key's own indentation or less after the block
            # belong to what follows (a comment above the next contact).
            while end > start + 1 and (not lines[end - 1].strip() or (
                    lines[end - 1].lstrip(" ").startswith("#")
                    and _indent(lines[end - 1]) <= indent)):
                end -= 1
            rest = head[len(key) + 1:].strip()
            pad = " " * (indent + 2)
            new = [f"{' ' * indent}- id: {key}"]
            if text_items:
                if not rest or end > start + 1:
                    raise ConversionError(f"regel {start + 1}: de naam staat niet op één regel")
                new.append(f"{pad}naam: {rest}")
            else:
                if rest:
                    raise ConversionError(f"regel {start + 1}: het blok staat op één regel")
                body = lines[start + 1:end]
                inner = min((_indent(b) for b in body
                             if b.strip() and not b.lstrip(" ").startswith("#")),
                            default=indent + 2)
                new += [(pad + b[inner:]) if b.strip() and _indent(b) >= inner else b
                        for b in body]
            rewrites[start] = (new, end)
    out: list[str] = []
    index = 0
    while index < len(lines):
        if index in rewrites:
            new, end = rewrites[index]
            out += new
            index = end
        else:
            out.append(lines[index])
            index += 1
    return "\n".join(out)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def convert_folder(folder: Path, log: ErrorLog) -> list[Path]:
    """Rewrite regio.yml and every gemeente under ``folder`` (routekaarten/) in the list form.

    Nothing is written unless every file converts to the same data; returns the files that
    changed."""
    from .models import Gemeente, Regio
    from .yamlread import parse_yaml, read_text

    plans: list[tuple[Path, str]] = []
    signals = folder / "signalen.yml"
    text = read_text(signals, log) if signals.is_file() else None
    doc = parse_yaml(text, signals, log) if text is not None else None
    if text is not None and doc is not None and isinstance(doc.data, list):
        lines = text.split("\n")
        head = 0
        while head < len(lines) and (not lines[head].strip() or lines[head].startswith("#")):
            head += 1
        new_text = "\n".join([*lines[:head], f"{LIST_KEY}:", *lines[head:]])
        scratch = ErrorLog(log.root)
        new_doc = parse_yaml(new_text, signals, scratch)
        listed = as_list(new_doc, scratch) if new_doc is not None else None
        if listed is None or scratch or listed.data != doc.data:
            log.add(signals, 1, "", "Dit bestand kan niet automatisch worden omgezet. Zet "
                    "er met de hand een regel 'signalen:' boven de lijst.")
        else:
            plans.append((signals, new_text))
    targets = [(folder / "regio.yml", Regio)] + [
        (file, Gemeente) for file in sorted((folder / "gemeenten").glob("*.yml"))]
    for file, kind in targets:
        text = read_text(file, log)
        doc = parse_yaml(text, file, log) if text is not None else None
        if text is None or doc is None:
            continue
        try:
            new_text = to_lists(text, kind, doc)
        except ConversionError as exc:
            log.add(file, 1, "", f"Dit bestand kan niet automatisch worden omgezet ({exc}). "
                    "Zet de contacten met de hand in de lijstvorm (zie de handleiding).")
            continue
        if new_text == text:
            continue
        scratch = ErrorLog(log.root)
        new_doc = parse_yaml(new_text, file, scratch)
        same = new_doc is not None and not scratch and \
            as_maps(kind, new_doc, scratch).data == as_maps(kind, doc, scratch).data
        if not same:
            log.add(file, 1, "", "Dit bestand kan niet automatisch worden omgezet: de "
                    "lijstvorm zou iets anders betekenen. Zet de contacten met de hand in de "
                    "lijstvorm (zie de handleiding).")
            continue
        plans.append((file, new_text))
    if log:
        return []
    for file, new_text in plans:
        temporary = file.with_name(f".{file.name}.nieuw")
        temporary.write_text(new_text, encoding="utf-8")
        temporary.replace(file)
    return [file for file, _ in plans]
