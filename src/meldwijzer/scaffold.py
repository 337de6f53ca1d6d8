"""``meldwijzer nieuw``: valid, commented starter files for editors.

The name is written into the files as a YAML (JSON) string, so any name is safe; the slug
(the file name and web address) is derived from it and must not exist already.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from .resolve import RESERVED_SLUGS
from .safety import INVISIBLE, printable

KINDS = ("gemeente", "verhaal", "module")


class ScaffoldError(Exception):
    """The files cannot be written (the message is Dutch)."""


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("meldwijzer", "templates/nieuw"),
                      undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env


def _first_werkveld(root: Path) -> str:
    regio = root / "routekaarten" / "regio.yml"
    try:
        werkvelden = (yaml.safe_load(regio.read_text("utf-8")) or {}).get("werkvelden") or {}
    except (OSError, yaml.YAMLError):
        werkvelden = {}
    return next(iter(werkvelden), "burgerzaken") if isinstance(werkvelden, dict) else \
        "burgerzaken"


def create(kind: str, name: str, root: Path, today: dt.date) -> list[Path]:
    """Write the starter files for ``kind``; return their paths."""
    if printable(name) != name or INVISIBLE.search(name):
        raise ScaffoldError(f'"{printable(name)}" bevat een onzichtbaar teken of een stuurteken. '
                            "Typ de naam opnieuw.")
    slug = slugify(name)
    if not slug:
        raise ScaffoldError(f'"{name}" geeft geen bruikbare bestandsnaam. Gebruik letters of '
                            "cijfers in de naam.")
    if slug in RESERVED_SLUGS:
        raise ScaffoldError(f'"{slug}" is gereserveerd voor de site zelf. Kies een andere naam.')
    context = {"naam": " ".join(name.split()), "slug": slug, "vandaag": today.isoformat(),
               "werkveld": _first_werkveld(root)}
    targets = {
        "gemeente": {root / "routekaarten" / "gemeenten" / f"{slug}.yml": "gemeente.yml.j2"},
        "verhaal": {root / "campaign" / "verhalen" / f"{slug}.md": "verhaal.md.j2"},
        "module": {root / "trainingen" / slug / "module.yml": "module/module.yml.j2",
                   root / "trainingen" / slug / "01-inleiding.md": "module/01-inleiding.md.j2"},
    }[kind]
    existing = [p for p in targets if p.exists() or (p.parent.name == slug and p.parent.exists())]
    if existing:
        raise ScaffoldError(f"{existing[0].relative_to(root)} bestaat al. Kies een andere naam "
                            "of pas het bestaande bestand aan.")
    for path, template in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_environment().get_template(template).render(**context), "utf-8")
    return list(targets)
