"""Design tokens: an NL Design System tokens package or file, read as ``{name: value}``.

Two shapes are read, the ones the NL Design System packages publish:

* JSON in the Design Tokens format (``dist/tokens.json``): nested groups whose leaves hold
  ``$value`` (or ``value``), with references written ``{basis.color.accent-1.color-default}``;
* CSS custom properties (``dist/root.css``, ``dist/index.css``): ``--utrecht-link-color:
  var(--utrecht-color-blue-35);``.

Names come out as CSS writes them without the dashes in front
(``basis-color-accent-1-color-default``), references resolved. Values are text; what a value
means (a colour, a length) is decided by the one who asks (see ``huisstijl``), and nothing is
ever passed on as written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_BYTES = 8_000_000
PACKAGE_FILES = ("dist/tokens.json", "dist/index.tokens.json", "dist/root.css",
                 "dist/index.css", "dist/variables.css")
"""Where an NL Design System tokens package keeps its tokens, in the order they are tried."""

_PACKAGE_NAME = re.compile(r"(?:@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*")
_JSON_REFERENCE = re.compile(r"\{([A-Za-z0-9_.\-]+)\}")
_CSS_REFERENCE = re.compile(r"var\(\s*--([A-Za-z0-9_\-]+)\s*(?:,\s*([^()]*))?\)")
_DECLARATION = re.compile(r"--([A-Za-z0-9_\-]+)\s*:\s*([^;{}]*)")
MAX_DEPTH = 24
MAX_VALUE = 4_000
"""The longest value a token may have once its references are filled in. Depth alone does
not bound it: tokens that each refer twice to the one before double at every level (a file
under 1 KB would fill the memory). A real token (a colour, a font stack, a size) is short."""


class TokenFout(ValueError):
    """A tokens file or package that cannot be read (the message is Dutch)."""


@dataclass(frozen=True)
class Pakket:
    """An npm package found in the project's node_modules."""

    naam: str
    versie: str
    map: Path

    def __str__(self) -> str:
        return f"{self.naam} {self.versie}"


def valid_package_name(name: str) -> bool:
    return bool(_PACKAGE_NAME.fullmatch(name)) and ".." not in name


def find_package(root: Path, name: str) -> Pakket:
    """The package ``name`` installed in the project's own ``node_modules`` (``npm ci`` next
    to mkdocs.yml). Folders above the project are not searched: nothing outside the project
    folder reaches the site."""
    folder = root / "node_modules" / name
    manifest = folder / "package.json"
    if not manifest.is_file():
        raise TokenFout(f'Het pakket "{name}" is niet geïnstalleerd in node_modules/ van dit '
                        f'project. Zet het met een vaste versie in package.json (bijvoorbeeld '
                        f'"{name}": "1.2.3" onder devDependencies) en draai npm ci.')
    try:
        version = str(json.loads(manifest.read_text("utf-8")).get("version", "?"))
    except (ValueError, OSError, AttributeError) as exc:
        raise TokenFout(f"node_modules/{name}/package.json is niet leesbaar. Installeer het "
                        "pakket opnieuw met npm ci.") from exc
    return Pakket(name, version, folder)


def package_file(package: Pakket) -> Path:
    for candidate in PACKAGE_FILES:
        if (package.map / candidate).is_file():
            return package.map / candidate
    raise TokenFout(f"In {package} staat geen tokenbestand ({', '.join(PACKAGE_FILES)}). "
                    "Is het een pakket met design tokens van NL Design System?")


def parse(data: bytes, name: str) -> dict[str, str]:
    """The tokens in ``data`` (from a file called ``name``), references resolved."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TokenFout("Het tokenbestand is geen UTF-8-tekst.") from exc
    if name.endswith(".json"):
        try:
            tree = json.loads(text)
        except ValueError as exc:
            raise TokenFout(f"Het tokenbestand is geen geldige JSON ({exc}).") from exc
        raw = dict(_leaves(tree, ()))
        reference = _JSON_REFERENCE
    elif name.endswith(".css"):
        raw = {}
        for found in _DECLARATION.finditer(re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)):
            raw.setdefault(found.group(1), found.group(2).strip())
        reference = _CSS_REFERENCE
    else:
        raise TokenFout("Een tokenbestand eindigt op .json of .css.")
    if not raw:
        raise TokenFout("In het tokenbestand staan geen tokens (geen $value-velden of "
                        "--naam: waarde; regels).")
    memo: dict[str, str | None] = {}
    return {key: value for key in raw
            if (value := _resolve(key, raw, reference, 0, memo)) is not None}


def _leaves(node: Any, path: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    if not isinstance(node, dict):
        return
    value = node.get("$value", node.get("value"))
    if path and value is not None and not isinstance(value, (dict, list)):
        yield "-".join(path), str(value)
        return
    for key, child in node.items():
        if isinstance(key, str) and not key.startswith("$") and isinstance(child, dict):
            yield from _leaves(child, (*path, *key.split(".")))


def _resolve(key: str, raw: dict[str, str], reference: re.Pattern[str], depth: int,
             memo: dict[str, str | None]) -> str | None:
    """The value of ``key`` with its references filled in; None for a reference that leads
    nowhere or in a circle."""
    if key in memo:
        return memo[key]
    if depth > MAX_DEPTH or key not in raw:
        return None
    value = raw[key]
    missing = False
    size = len(value)

    def fill(found: re.Match[str]) -> str:
        nonlocal missing, size
        name = found.group(1).replace(".", "-")
        resolved = _resolve(name, raw, reference, depth + 1, memo)
        if resolved is None:
            fallback = found.group(2) if found.re is _CSS_REFERENCE else None
            if fallback:
                return fallback.strip()
            missing = True
            return ""
        size += len(resolved)
        if size > MAX_VALUE:
            raise TokenFout(
                f"Het token {key} wordt met zijn verwijzingen langer dan {MAX_VALUE} tekens "
                "(verwijzingen naar verwijzingen die zich steeds verdubbelen). Een token is "
                "een kleur, lettertype of maat: gebruik een tokenbestand van een NL Design "
                "System-pakket, of schrijf de waarde zelf.")
        return resolved

    result = reference.sub(fill, value)
    memo[key] = None if missing else result
    return memo[key]
