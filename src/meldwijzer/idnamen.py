"""No id spells an internal person's name.

Ids are public: contact, route, step, role, work-field and sector ids, municipality file
names, story and training file names appear in web addresses, anchors (``route-stap``), CSS
classes, the open data and the browser editor's configuration. An editor chooses them, and
naming a contact after the person is natural (``fatima-el-amrani``). ``check_ids`` refuses
every id that spells the name of a person whose name is internal (a ``persoon`` of an
internal contact, or under ``intern``), or the name in an internal e-mail address, in any
spelling a reader reads as that name (see ``namen``: separators, case, look-alike letters;
a long first name or surname alone counts in an id). Run by ``meldwijzer check`` and by
every build, in both profiles: the data is the same.

``spelled_name`` answers the same question for one id, for other parts of meldwijzer (the
browser editor's configuration) that publish ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ErrorLog
from .namen import Namen

if TYPE_CHECKING:
    from .checks import Loaded, Part

NAME_FIELDS = ("persoon", "email")


@dataclass(frozen=True)
class Internal:
    """An internal name and where it is written."""

    value: str
    where: str
    """``file:line: field``."""


@dataclass(frozen=True)
class Identifier:
    """An id chosen by an editor, and where it is written."""

    value: str
    kind: str
    """How the editor calls it, with its article: "de contact-id", "het anker" ..."""
    file: Path
    line: int
    path: tuple[str | int, ...]
    made_of: tuple[str, ...] = ()
    """The ids an anchor is made of: reported only when neither spells a name itself."""


def internal_names(parts: list[Part], log: ErrorLog) -> list[Internal]:
    """The internal ``persoon`` values and e-mail addresses of all contacts, read from the
    data as written (also from a file with other errors, so that all errors show at once)."""
    out = []
    for part in parts:
        data = part.doc.data if isinstance(part.doc.data, dict) else {}
        contacts = data.get("contacten")
        for cid, contact in (contacts.items() if isinstance(contacts, dict) else ()):
            if not isinstance(contact, dict):
                continue
            fields: list[tuple[tuple[str, ...], Any]] = []
            if contact.get("zichtbaarheid") == "intern":
                fields += [(("contacten", str(cid), key), contact.get(key))
                           for key in NAME_FIELDS]
            details = contact.get("intern")
            if isinstance(details, dict):
                fields += [(("contacten", str(cid), "intern", key), details.get(key))
                           for key in NAME_FIELDS]
            for path, value in fields:
                if path[-1] == "email" and _function_address(value, contact.get("naam")):
                    continue
                if isinstance(value, str) and value.strip():
                    where = f"{log.relative(part.doc.file)}:{part.doc.line(path)}: " \
                            f"{'.'.join(path)}"
                    out.append(Internal(value.strip(), where))
    return out


def _function_address(value: Any, naam: Any) -> bool:
    """An address named after the function, not a person: every word of its local part is a
    word of the contact's own name (``riec-aanmelden@`` for "RIEC ... (aanmelden via de
    gemeente)"). Its id may then repeat it."""
    if not isinstance(value, str) or "@" not in value:
        return False
    words = {w for w in re.split(r"[^a-z0-9]+", str(naam).casefold()) if w}
    local = [w for w in re.split(r"[^a-z0-9]+", value.split("@", 1)[0].casefold()) if w]
    return bool(local) and all(w in words for w in local)


def finder(names: list[Internal]) -> Namen:
    return Namen(persons=[n.value for n in names if n.where.endswith(".persoon")],
                 emails=[n.value for n in names if n.where.endswith(".email")])


def site_names(herkomst: dict[str, str]) -> Namen:
    """The internal names of a public build, from where each withheld value is written
    (``Site.herkomst``): for code that publishes ids from the resolved site, such as the
    browser editor's configuration (``spelled_name(id, site_names(site.herkomst))``)."""
    return Namen(persons=[v for v, where in herkomst.items() if where.endswith(".persoon")],
                 emails=[v for v, where in herkomst.items() if where.endswith(".email")])


def spelled_name(identifier: str, names: Namen) -> str | None:
    """The internal value that ``identifier`` spells, or None."""
    found = names.in_id(identifier)
    return min(found) if found else None


def check_ids(loaded: Loaded, log: ErrorLog) -> None:
    """Refuse every id (see the module docstring) that spells an internal name."""
    parts = [loaded.regio, *(part for _, part in loaded.gemeenten)]
    names = internal_names(parts, log)
    if not names:
        return
    namen = finder(names)
    where = {n.value: n.where for n in names}
    for identifier in _identifiers(loaded, log.root):
        value = spelled_name(identifier.value, namen)
        if value is None or any(spelled_name(i, namen) for i in identifier.made_of):
            continue
        log.add(identifier.file, identifier.line, list(identifier.path),
                f"{identifier.kind.capitalize()} '{identifier.value}' spelt de naam van een "
                f"persoon die intern is: \"{value}\" ({where[value]}). Ids zijn openbaar: ze "
                "staan in "
                "webadressen, ankers en de instellingen van de browsereditor. Noem de id naar "
                "de functie, bijvoorbeeld aandachtfunctionaris, en pas de verwijzingen ernaar "
                "mee aan.")


def _identifiers(loaded: Loaded, root: Path) -> Iterator[Identifier]:
    yield from _part_ids(loaded.regio, regio=True)
    for slug, part in loaded.gemeenten:
        yield Identifier(slug, "de bestandsnaam", part.doc.file, 1, ())
        yield from _part_ids(part, regio=False)
    for story in sorted((root / "campaign" / "verhalen").glob("*.md")):
        yield Identifier(story.stem, "de bestandsnaam van het verhaal", story, 1, ())
    for folder in sorted(p for p in (root / "trainingen").glob("*") if p.is_dir()):
        yield Identifier(folder.name, "de mapnaam van de module", folder, 1, ())
        for deel in sorted(folder.glob("*.md")):
            yield Identifier(deel.stem, "de bestandsnaam van het deel", deel, 1, ())


def _part_ids(part: Part, regio: bool) -> Iterator[Identifier]:
    doc = part.doc
    data = doc.data if isinstance(doc.data, dict) else {}
    keyed = ("contacten", "werkvelden", "sectoren") if regio else ("contacten",)
    kinds = {"contacten": "de contact-id", "werkvelden": "de werkveld-id",
             "sectoren": "de sector-id"}
    for key in keyed:
        block = data.get(key)
        for item in (block if isinstance(block, dict) else ()):
            keyed_path: tuple[str | int, ...] = (key, str(item))
            yield Identifier(str(item), kinds[key], doc.file, doc.line(keyed_path),
                             keyed_path)
    if regio:
        yield from _listed(data.get("rollen"), ("rollen",), "de rol-id", doc)
    for ri, route in _items(data.get("routes")):
        at: tuple[str | int, ...] = ("routes", ri)
        route_id = route.get("id")
        if isinstance(route_id, str):
            yield Identifier(route_id, "de route-id", doc.file, doc.line((*at, "id")),
                             (*at, "id"))
        for si, step in _items(route.get("stappen")):
            step_id = step.get("id")
            if not isinstance(step_id, str):
                continue
            path = (*at, "stappen", si, "id")
            yield Identifier(step_id, "de stap-id", doc.file, doc.line(path), path)
            if isinstance(route_id, str):  # the step's anchor on the page: route-stap
                yield Identifier(f"{route_id}-{step_id}", "het anker (route-id en stap-id)",
                                 doc.file, doc.line(path), path, (route_id, step_id))


def _listed(value: object, at: tuple[str | int, ...], kind: str, doc: Any
            ) -> Iterator[Identifier]:
    for index, item in _items(value):
        if isinstance(item.get("id"), str):
            path = (*at, index, "id")
            yield Identifier(item["id"], kind, doc.file, doc.line(path), path)


def _items(value: object) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item
