"""The rules the browser editor checks, taken from the same sources as ``meldwijzer check``.

A form that accepts what ``check`` refuses lets an editor publish a merge request that CI
then stops (``035-12`` was saved, set to Klaar and merged). Patterns cannot say what the
phonenumbers library says, so the editor runs the same rules in the browser
(``assets/beheer/regels.js``, a line-by-line port of ``phones.py``, the validators in
``models.py`` and ``safety.py``, and of the parts of phonenumbers, ``urllib.parse`` and the
IDNA codec that they use). What the port cannot compute itself comes from here, as data:

* ``telefoon``: the numbering plans of every country (patterns, lengths, prefixes) and the
  Dutch short numbers, from the installed phonenumbers;
* ``unicode``: which characters Python calls white space, digits and letters, and the first
  word of every letter's name (``safety._scripts`` names scripts by it), from the installed
  Python's ``unicodedata``; and the nameprep tables of the IDNA codec (``stringprep``);
* ``soorten``: the length limits of every kind of field, from ``models``;
* constants of the rules (the placeholder, the phone example, the Markdown limits).

The table is shipped with meldwijzer (``data/beheer-regels.json``) because computing the
Unicode part takes seconds. ``table()`` takes the numbering plans afresh from the installed
phonenumbers whenever the shipped ones come from another version (a fraction of a second),
so a number is judged in the browser as ``check`` beside it judges it. The Unicode part
only names the script of a letter in a message (every letter outside the Latin script is
refused either way); it is the one of the Python that wrote the file. ``python -m
meldwijzer.beheer_regels`` writes the file anew; a test fails when it is out of date, and a
test runs the port in Node.js against Python on thousands of values, hostile ones included.
"""

from __future__ import annotations

import json
import stringprep
import sys
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, get_args

import phonenumbers
from phonenumbers import PhoneMetadata
from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE

from . import models, phones, safety

FILE = "beheer-regels.json"
"""The shipped table, in ``meldwijzer/data``; the site publishes it as ``beheer/regels.json``."""

_TYPES = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager",
          "uan", "voicemail", "fixed_line", "mobile")
_LAST = sys.maxunicode + 1


def table() -> bytes:
    """The rules' data as the site publishes it (UTF-8 JSON)."""
    return _table(phonenumbers.__version__)


@cache
def _table(version: str) -> bytes:
    shipped = json.loads((resources.files("meldwijzer") / "data" / FILE).read_bytes())
    if shipped["versies"]["phonenumbers"] != version:
        shipped["versies"]["phonenumbers"] = version
        shipped["telefoon"] = _phone_plans()
    return encode(shipped)


def versions() -> dict[str, str]:
    """The libraries the table comes from."""
    return {"phonenumbers": phonenumbers.__version__, "unicode": unicodedata.unidata_version}


def encode(data: dict[str, Any]) -> bytes:
    """The table as a file: sorted, compact, ASCII (the same bytes for the same rules)."""
    return (json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
            + "\n").encode("ascii")


def compute() -> dict[str, Any]:
    """The table, computed from the installed libraries (takes a few seconds)."""
    return {"versies": versions(), "telefoon": _phone_plans(), "unicode": _unicode(),
            "soorten": _kinds(),
            "constanten": {"invullen": models.PLACEHOLDER, "voorbeeld": phones.EXAMPLE,
                           "max_nesting": safety.MAX_NESTING,
                           "max_haken": safety.MAX_BRACKETS,
                           "vertrouwd": sorted(safety._TRUSTED_SCRIPTS)}}


def _desc(desc: Any) -> list[Any] | None:
    if desc is None or not desc.national_number_pattern:
        return None
    return [desc.national_number_pattern, list(desc.possible_length or ())]


def _plan(metadata: Any) -> dict[str, Any]:
    general = metadata.general_desc
    rule = metadata.national_prefix_transform_rule
    if rule:
        # The port turns \1 into $1; Python would fail on a rule without a group.
        assert all(part[:1].isdigit() and not part[1:2].isdigit()
                   for part in rule.split("\\")[1:]), rule
    if not general.possible_length:
        raise ValueError(f"phonenumbers: {metadata.id} has no possible lengths")
    return {"regio": metadata.id, "leidend": metadata.leading_digits,
            "algemeen": [general.national_number_pattern, list(general.possible_length),
                         list(general.possible_length_local_only or ())],
            "soorten": [d for d in (_desc(getattr(metadata, t)) for t in _TYPES) if d],
            "prefix": metadata.national_prefix_for_parsing or None,
            "omzetting": rule or None}


def _phone_plans() -> dict[str, Any]:
    countries: dict[str, list[dict[str, Any] | None]] = {}
    for code, regions in sorted(COUNTRY_CODE_TO_REGION_CODE.items()):
        plans = []
        for region in regions:
            metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, region)
            plans.append(None if metadata is None else _plan(metadata))
        countries[str(code)] = plans
    home = PhoneMetadata.metadata_for_region(phones.REGION)
    short = PhoneMetadata.short_metadata_for_region(phones.REGION)
    assert home is not None and short is not None
    return {"landen": countries, "regio": phones.REGION,
            "buitenland": home.international_prefix,
            "kort": {"algemeen": _desc(short.general_desc), "kort": _desc(short.short_code)}}


def _ranges(test: Callable[[str], bool]) -> list[list[int]]:
    """[first, last] code point runs for which ``test`` holds."""
    out: list[list[int]] = []
    for code in range(_LAST):
        if test(chr(code)):
            if out and out[-1][1] == code - 1:
                out[-1][1] = code
            else:
                out.append([code, code])
    return out


def _name_runs() -> list[list[Any]]:
    """[first code point, first word of the letter's name or None] at every change."""
    runs: list[list[Any]] = []
    for code in range(_LAST):
        char = chr(code)
        word = unicodedata.name(char, "UNKNOWN").split(" ")[0] if char.isalpha() else None
        if not runs or runs[-1][1] != word:
            runs.append([code, word])
    return runs


def _case_fold() -> dict[str, str]:
    """Table B.2 of stringprep (the case folding of nameprep), where it changes a letter."""
    return {str(code): stringprep.map_table_b2(chr(code)) for code in range(_LAST)
            if stringprep.map_table_b2(chr(code)) != chr(code)}


_PROHIBITED = (stringprep.in_table_c12, stringprep.in_table_c22, stringprep.in_table_c3,
               stringprep.in_table_c4, stringprep.in_table_c5, stringprep.in_table_c6,
               stringprep.in_table_c7, stringprep.in_table_c8, stringprep.in_table_c9)


def _unicode() -> dict[str, Any]:
    return {"spatie": [ord(c) for c in map(chr, range(_LAST)) if c.isspace()],
            "cijfer": _ranges(str.isdigit),
            "decimaal": _ranges(str.isdecimal),
            "namen": _name_runs(),
            "nameprep": {"weg": _ranges(stringprep.in_table_b1),
                         "klein": _case_fold(),
                         "verboden": _ranges(lambda c: any(t(c) for t in _PROHIBITED)),
                         "rtl": _ranges(stringprep.in_table_d1),
                         "ltr": _ranges(stringprep.in_table_d2)}}


def _limits(kind: Any) -> dict[str, int]:
    out = {}
    for meta in get_args(kind)[1:]:
        for inner in [meta, *getattr(meta, "metadata", [])]:
            for key in ("min_length", "max_length"):
                value = getattr(inner, key, None)
                if value is not None:
                    out[key] = value
    return out


def kinds() -> Iterator[tuple[str, Any]]:
    """Every kind of value of the contract (``models.Soort``) with its annotated type."""
    for value in vars(models).values():
        soort = next((m for m in get_args(value)[1:] if isinstance(m, models.Soort)), None)
        if soort is not None:
            yield soort.naam, value


def _kinds() -> dict[str, dict[str, int]]:
    # Several annotated types may share a kind (a year and a percentage are both a "getal",
    # narrowed by a validator the editor's form does not repeat): the first one counts.
    out: dict[str, dict[str, int]] = {}
    for name, kind in sorted(kinds(), key=lambda pair: pair[0]):
        out.setdefault(name, _limits(kind))
    return out


def main() -> None:
    """Write the shipped table anew (after an update of phonenumbers or Python)."""
    target = Path(__file__).parent / "data" / FILE
    target.write_bytes(encode(compute()))
    print(f"{target} geschreven ({len(target.read_bytes()) // 1024} kB).")


if __name__ == "__main__":
    main()
