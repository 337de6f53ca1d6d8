"""Check a parsed document against a model and translate every problem into Dutch.

Pydantic reports where a value is wrong (``loc``) and why (``type``); this module turns that
into the editor's language, with the line from the document's line map and, for an unknown
key, the nearest known key ("bedoel je ...?").
"""

from __future__ import annotations

import difflib
import functools
import re
import types
import typing
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from .errors import ErrorLog
from .yamlread import Document

T = TypeVar("T")

_KIND = {dict: "een blok met velden (sleutel: waarde)", list: "een lijst (regels die met - "
         "beginnen)", str: "een tekst"}


@functools.cache
def adapter(kind: Any) -> TypeAdapter[Any]:
    """One compiled validator per type for the whole process."""
    return TypeAdapter(kind)


def validate(kind: type[T], doc: Document, log: ErrorLog) -> T | None:
    """Validate ``doc.data`` as ``kind``; log every error in Dutch and return None.

    A valid result is kept on the document, which is reused while its file is unchanged."""
    if kind in doc.validated:
        return doc.validated[kind]  # type: ignore[no-any-return]
    try:
        model = adapter(kind).validate_python(doc.data)  # type: ignore[arg-type]
        doc.validated[kind] = model
        return model  # type: ignore[no-any-return]
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            log.add(doc.file, doc.line(loc), list(loc), dutch_message(kind, error, doc.data))
        return None


def valid_items(kind: type[T], items: Any) -> list[tuple[int, T]]:
    """The items of a list that are valid ``kind`` on their own, with their index.

    Used after a file failed as a whole (its errors are already logged), so that checks
    across files can still run on the parts that are fine.
    """
    if not isinstance(items, list):
        return []
    valid = []
    for index, item in enumerate(items):
        try:
            valid.append((index, adapter(kind).validate_python(item)))  # type: ignore[arg-type]
        except ValidationError:
            continue
    return valid


def dutch_message(kind: Any, error: ErrorDetails, data: Any) -> str:
    """The Dutch text for one pydantic error."""
    loc = error["loc"]
    kind_name = error["type"]
    value = error.get("input")
    if kind_name == "meldwijzer":
        return str(error["ctx"]["bericht"])
    if kind_name == "missing":
        field = loc[-1]
        return (f"Het verplichte veld '{field}' ontbreekt. Voeg een regel '{field}: ...' toe"
                f"{_field_hint(kind, loc)}.")
    if kind_name == "extra_forbidden":
        return _unknown_key(kind, loc)
    if value is None and kind_name.endswith("_type"):
        return f"Dit veld is leeg. Vul een waarde in{_field_hint(kind, loc)}."
    if kind_name in ("string_type", "dict_type", "list_type", "model_type",
                     "model_attributes_type"):
        expected = {"string_type": str, "dict_type": dict, "list_type": list}.get(kind_name, dict)
        got = _describe(value)
        return f"Hier hoort {_KIND[expected]}, maar er staat {got}. Controleer de inspringing."
    if kind_name == "literal_error":
        options = re.findall(r"'([^']*)'", str(error["ctx"]["expected"]))
        return f"{_quote(value)} is geen toegestane waarde. Kies uit: {', '.join(options)}."
    if kind_name in ("string_too_short", "too_short"):
        return "Dit veld mag niet leeg zijn. Vul een waarde in."
    if kind_name == "string_too_long" or (kind_name == "too_long" and isinstance(value, str)):
        return (f"Deze tekst is te lang (meer dan {error['ctx']['max_length']} tekens). "
                "Maak hem korter.")
    if kind_name == "too_long":
        return f"Deze lijst is te lang: er mogen hoogstens {error['ctx']['max_length']} in."
    if kind_name in ("greater_than_equal", "greater_than"):
        return f"{_quote(value)} is te klein. Het moet minstens {error['ctx'].get('ge', 1)} zijn."
    if kind_name in ("bool_type", "bool_parsing"):
        return f"{_quote(value)} is geen ja/nee-waarde. Schrijf true of false."
    if kind_name in ("int_type", "int_parsing"):
        return f"{_quote(value)} is geen heel getal. Voorbeeld: 60."
    if kind_name.startswith("date"):
        return f"{_quote(value)} is geen datum in de vorm JJJJ-MM-DD. Voorbeeld: \"2026-10-18\"."
    return f"Deze waarde klopt niet ({error['msg']})."


def _quote(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    return _describe(value)


def _describe(value: Any) -> str:
    if value is None:
        return "niets"
    if isinstance(value, dict):
        return "een blok met velden"
    if isinstance(value, list):
        return "een lijst"
    return f'de tekst "{value}"'


def _unknown_key(kind: Any, loc: tuple[int | str, ...]) -> str:
    key = str(loc[-1])
    model = model_at(kind, loc[:-1])
    known = sorted(model.model_fields) if model else []
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f" Bedoel je '{close[0]}'?" if close else ""
    allowed = f" Toegestaan zijn: {', '.join(known)}." if known else ""
    return f"Het veld '{key}' is onbekend.{hint}{allowed}"


def _field_hint(kind: Any, loc: tuple[int | str, ...]) -> str:
    model = model_at(kind, loc[:-1])
    if model is None:
        return ""
    info = model.model_fields.get(str(loc[-1]))
    if info is None or not info.description:
        return ""
    return f" ({info.description.rstrip('.')})"


def model_at(kind: Any, loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class that holds the field at ``loc`` below type ``kind``."""
    current = kind
    for part in loc:
        current = unwrap(current)
        origin = get_origin(current)
        if origin is list:
            current = get_args(current)[0]
        elif origin is dict:
            current = get_args(current)[1]
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(str(part))
            if info is None:
                return None
            current = info.annotation
        else:
            return None
    current = unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def unwrap(kind: Any) -> Any:
    """Strip Optional[...] and Annotated[...] from a type."""
    while True:
        origin = get_origin(kind)
        if origin is typing.Annotated:
            kind = get_args(kind)[0]
        elif origin in (Union, types.UnionType):
            options = [a for a in get_args(kind) if a is not type(None)]
            if len(options) != 1:
                return kind
            kind = options[0]
        else:
            return kind
