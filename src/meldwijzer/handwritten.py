"""Hand-written pages in docs/: read and checked like the data, before MkDocs sees them.

* Symlinks and special files anywhere in docs/ are refused (see ``files``): MkDocs follows
  links while listing the folder and would publish whatever they point at.
* Front matter is read with our strict reader (no tags or aliases). MkDocs would show a page
  whose front matter it cannot read with that front matter as text, notes and all.

``meldwijzer check`` and the build both call ``read_docs``, so they agree on every problem.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pathspec

from .errors import ErrorLog
from .files import foreign_entries
from .yamlread import read_front_matter, read_text

MAX_PAGE_BYTES = 500_000


@dataclass(frozen=True)
class HandPage:
    """A Markdown page written by hand under docs/."""

    uri: str
    """Path below docs/, such as nieuws/2026-11.md."""
    meta: dict[str, Any] = field(default_factory=dict)
    """The front matter (strings, lists and mappings of strings)."""
    titel: str | None = None
    """From the front matter (title or titel), else the first # heading."""


_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def read_docs(docs: Path, log: ErrorLog, exclude: Sequence[str] = ()) -> tuple[HandPage, ...]:
    """Every hand-written Markdown page below ``docs`` that MkDocs builds (``exclude`` are
    .gitignore-style patterns, as in mkdocs.yml's exclude_docs); problems go to ``log``."""
    excluded = pathspec.GitIgnoreSpec.from_lines(["templates/", *exclude])
    if not docs.exists() and not docs.is_symlink():
        return ()
    foreign = foreign_entries(docs)
    for entry, problem in foreign:
        log.add(entry, 1, "", problem)
    if foreign:
        return ()
    pages = []
    for file in sorted(docs.rglob("*.md")):
        relative = file.relative_to(docs)
        if any(part.startswith(".") for part in relative.parts) or \
                excluded.match_file(relative.as_posix()):
            continue
        page = _read_page(file, docs, log)
        if page is not None:
            pages.append(page)
    return tuple(pages)


def _read_page(file: Path, docs: Path, log: ErrorLog) -> HandPage | None:
    text = read_text(file, log, MAX_PAGE_BYTES)
    if text is None:
        return None
    uri = file.relative_to(docs).as_posix()
    front = read_front_matter(text, file, log)
    if front is None:
        return None
    meta: dict[str, Any] = {}
    if front.doc is not None:
        if not isinstance(front.doc.data, dict):
            log.add(file, 2, "", "De kop (front matter) moet bestaan uit regels als "
                    "title: Mijn pagina.")
            return None
        meta = front.doc.data
        if not _valid_meta(meta, file, front.doc, log):
            return None
    body = front.body
    title = meta.get("title") or meta.get("titel")
    heading = _HEADING.search(body)
    return HandPage(uri=uri, meta=meta, titel=title if isinstance(title, str) else (
        heading.group(1) if heading else None))


HIDDEN = {"false", "nee", "no", "verborgen"}


def nav_entries(pages: Sequence[HandPage]) -> tuple[list[dict[str, Any]], list[str]]:
    """Where hand-written pages go in the navigation: front matter ``menu: <section>`` puts a
    page in that section (an existing one, or a new one); ``menu: nee`` keeps it out; without
    ``menu`` a page gets its own entry. Returns (entries, pages kept out of the navigation).
    """
    entries: list[dict[str, Any]] = []
    hidden: list[str] = []
    for page in sorted(pages, key=lambda p: (str(p.meta.get("volgorde", "")), p.uri)):
        menu = page.meta.get("menu")
        title = page.titel or Path(page.uri).stem.replace("-", " ").capitalize()
        if isinstance(menu, str) and menu.strip().lower() in HIDDEN:
            hidden.append(page.uri)
        elif isinstance(menu, str) and menu.strip():
            entries.append({menu.strip(): [{title: page.uri}]})
        else:
            entries.append({title: page.uri})
    return entries, hidden


KEYS = {
    "title": "de titel van de pagina",
    "titel": "de titel van de pagina",
    "description": "een korte beschrijving (voor zoekmachines)",
    "menu": "de plek in het menu: de naam van een onderdeel, of nee",
    "volgorde": "de volgorde in het menu",
    "hide": "wat verborgen is: een lijst met navigation, toc of footer",
    "search": "zoeken: exclude: true, of boost: een getal",
}


def _valid_meta(meta: dict[str, Any], file: Path, doc: Any, log: ErrorLog) -> bool:
    """Only keys the site understands (MkDocs and Material would stop with a traceback on
    some others, such as a template that does not exist)."""
    ok = True
    for key, value in meta.items():
        line = doc.line((key,))
        if key not in KEYS:
            allowed = "; ".join(f"{k}: {v}" for k, v in KEYS.items())
            log.add(file, line, [key], f"Het veld '{key}' wordt niet ondersteund in de kop van "
                    f"een pagina. Toegestaan zijn: {allowed}.")
            ok = False
        elif key in ("title", "titel", "description", "menu", "volgorde") and \
                not isinstance(value, str):
            log.add(file, line, [key], f"Bij '{key}' hoort een tekst op één regel.")
            ok = False
        elif key == "hide" and not (isinstance(value, list) and all(
                v in ("navigation", "toc", "footer") for v in value)):
            log.add(file, line, [key], "Bij 'hide' hoort een lijst met navigation, toc of "
                    "footer, bijvoorbeeld: hide: [toc].")
            ok = False
        elif key == "search" and not _valid_search(value):
            log.add(file, line, [key], "Bij 'search' hoort 'exclude: true' of 'boost: 2' "
                    "(een getal), elk op een eigen regel eronder.")
            ok = False
    return ok


def _valid_search(value: Any) -> bool:
    if not isinstance(value, dict) or not value or set(value) - {"exclude", "boost"}:
        return False
    if "exclude" in value and value["exclude"] not in ("true", "false"):
        return False
    return "boost" not in value or re.fullmatch(r"\d+(\.\d+)?", str(value["boost"])) is not None
