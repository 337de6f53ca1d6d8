"""Checks on a finished site, run before it replaces the previous one.

A public build must not contain any value that the data marks internal, in any spelling
of a phone number, and must not load anything from another host. A failed check stops the
build (the previous site stays, see ``atomic``).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.exceptions import Abort

if TYPE_CHECKING:
    from .build import Generated

_TEXT = {".html", ".json", ".js", ".xml", ".txt", ".css", ".svg", ".ics", ".md", ".gz"}
_RESOURCE = re.compile(
    r"<(?:script|img|iframe|source|link|audio|video|embed|object)\b[^>]*?"
    r"\b(?:src|href|srcset|data)\s*=\s*[\"']?\s*(?:https?:)?//([^/\"'\s>]+)", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*[\"']?\s*(?:https?:)?//([^/\"')\s]+)", re.IGNORECASE)
_ANY_URL = re.compile(r"\b(?:href|src|srcset|action|content)\s*=\s*[\"']?\s*(?:https?:)?//"
                      r"([^/\"'\s>:]+)", re.IGNORECASE)
_DATA_URL = re.compile(r"https://([^/\s\"'<>)\]:]+)", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
DATA_FOLDERS = ("routekaarten", "campaign", "trainingen")


def spellings(value: str) -> set[str]:
    """The ways a value can appear in output; phone numbers also as digits and +31."""
    out = {value}
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 6 and "@" not in value and re.fullmatch(r"[\d\s()+\-./]+", value):
        out.add(digits)
        if digits.startswith("0"):
            out |= {"+31" + digits[1:], "31" + digits[1:]}
        if digits.startswith("31"):
            out.add("0" + digits[2:])
    return out


def site_texts(site_dir: Path) -> Iterator[tuple[str, str]]:
    for file in sorted(site_dir.rglob("*")):
        if not file.is_file() or file.suffix not in _TEXT:
            continue
        data = file.read_bytes()
        if file.suffix == ".gz":
            data = gzip.decompress(data)
        yield file.relative_to(site_dir).as_posix(), data.decode("utf-8", "replace")


def leaks(site_dir: Path, secrets: Iterable[str]) -> list[tuple[str, str]]:
    """(file, value) for every withheld value found anywhere in the site."""
    patterns = {s: secret for secret in secrets for s in spellings(secret)}
    found = []
    for name, text in site_texts(site_dir):
        found += [(name, secret) for spelling, secret in patterns.items() if spelling in text]
    return sorted(set(found))


def third_party(site_dir: Path, own_host: str | None = None) -> list[tuple[str, str]]:
    """(file, host) for every resource a page or stylesheet would load from another host."""
    found = []
    for name, text in site_texts(site_dir):
        if name.endswith((".html", ".css")):
            hosts = _RESOURCE.findall(text) + _CSS_URL.findall(text)
            found += [(name, host) for host in hosts if host.lower() != own_host]
    return sorted(set(found))


def data_hosts(root: Path) -> set[str]:
    """Hosts of every https address written in the data: links the data itself asks for."""
    hosts = set()
    for folder in DATA_FOLDERS:
        for file in sorted((root / folder).rglob("*")):
            if file.is_file() and file.suffix in {".yml", ".yaml", ".md"}:
                text = file.read_bytes().decode("utf-8", "replace")
                hosts |= {h.lower() for h in _DATA_URL.findall(text)}
    return hosts


def foreign_links(site_dir: Path, allowed: set[str]) -> list[tuple[str, str]]:
    """(file, host) for every address in a page pointing to a host nobody asked for."""
    found = []
    for name, text in site_texts(site_dir):
        if name.endswith(".html"):
            found += [(name, h) for h in _ANY_URL.findall(text) if h.lower() not in allowed]
    return sorted(set(found))


def comments(site_dir: Path) -> list[str]:
    """Pages with an HTML comment: the theme writes none, so it came from the data."""
    return sorted(name for name, text in site_texts(site_dir)
                  if name.endswith(".html") and _COMMENT.search(text))


def audit_site(site_dir: Path, generated: Generated) -> None:
    problems = [f"{name}: bevat de interne waarde \"{value}\""
                for name, value in leaks(site_dir, generated.site.verborgen)]
    site_url = generated.site.options.site_url
    own_host = urlsplit(site_url).hostname if site_url else None
    problems += [f"{name}: laadt iets van een andere website ({host})"
                 for name, host in third_party(site_dir, own_host)]
    allowed = data_hosts(generated.root) | ({own_host} if own_host else set())
    problems += [f"{name}: verwijst naar {host}, een website die niet in de gegevens staat"
                 for name, host in foreign_links(site_dir, allowed)]
    problems += [f"{name}: bevat een HTML-commentaar (<!-- ... -->)" for name in comments(site_dir)]
    if problems:
        raise Abort("Controle van de gebouwde site mislukt; de vorige site blijft staan:\n  "
                    + "\n  ".join(problems))
