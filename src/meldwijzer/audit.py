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
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from mkdocs.exceptions import Abort

if TYPE_CHECKING:
    from .build import Generated

_TEXT = {".html", ".json", ".js", ".xml", ".txt", ".css", ".svg", ".ics", ".md", ".gz"}
# Absolute addresses start with "//" (also "https://"): finding those first is a hundred
# times faster than matching attribute patterns everywhere; the context is read backwards.
_SLASHES = re.compile(r"//([^/\"'\s>:)]+)")
_ATTRIBUTE_BEFORE = re.compile(r"(?:^|[\s\"'])(href|src|srcset|action|content|data)\s*=\s*"
                               r"[\"']?[^\"'>]*?(?:https?:)?$", re.IGNORECASE)
_CSS_URL_BEFORE = re.compile(r"url\(\s*[\"']?\s*(?:https?:)?$", re.IGNORECASE)
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")
RESOURCE_TAGS = {"script", "img", "iframe", "source", "link", "audio", "video", "embed",
                 "object"}
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


def trie_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One regex for many literal strings, shaped as a trie so a search is one pass.

    A plain alternation of thousands of literals tries each at every position; the trie
    shares prefixes, which keeps the audit of a national site (thousands of values, thousands
    of files) fast."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items())
                    if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(build(trie))


def leaks(site_dir: Path, secrets: Iterable[str]) -> list[tuple[str, str]]:
    """(file, value) for every withheld value found anywhere in the site."""
    return Audit(site_dir, secrets).run().leaks


def third_party(site_dir: Path, own_host: str | None = None) -> list[tuple[str, str]]:
    """(file, host) for every resource a page or stylesheet would load from another host."""
    return Audit(site_dir, own_host=own_host).run().third_party


def foreign_links(site_dir: Path, allowed: set[str]) -> list[tuple[str, str]]:
    """(file, host) for every address in a page pointing to a host nobody asked for."""
    return Audit(site_dir, allowed=allowed).run().foreign


def comments(site_dir: Path) -> list[str]:
    """Pages with an HTML comment: the theme writes none, so it came from the data."""
    return Audit(site_dir).run().comments


class Audit:
    """All checks in one pass over the output: each file is read (and unzipped) once."""

    def __init__(self, site_dir: Path, secrets: Iterable[str] = (),
                 own_host: str | None = None, allowed: set[str] | None = None) -> None:
        self.site_dir = site_dir
        self.patterns = {s: secret for secret in secrets for s in spellings(secret)}
        self.finder = trie_pattern(self.patterns) if self.patterns else None
        self.own_host = own_host
        self.allowed = allowed
        self.leaks: list[tuple[str, str]] = []
        self.third_party: list[tuple[str, str]] = []
        self.foreign: list[tuple[str, str]] = []
        self.comments: list[str] = []

    def run(self) -> Audit:
        leaks, third, foreign, comment = set(), set(), set(), set()
        for name, text in site_texts(self.site_dir):
            if self.finder is not None:
                for match in self.finder.finditer(text):
                    # The trie matches the longest spelling; shorter ones inside count too.
                    leaks |= {(name, secret) for spelling, secret in self.patterns.items()
                              if spelling in match.group()}
            if name.endswith((".html", ".css")):
                for loads, host in absolute_addresses(text):
                    if loads and host != self.own_host:
                        third.add((name, host))
                    elif name.endswith(".html") and self.allowed is not None \
                            and host not in self.allowed:
                        foreign.add((name, host))
            if name.endswith(".html") and _COMMENT.search(text):
                comment.add(name)
        self.leaks, self.third_party = sorted(leaks), sorted(third)
        self.foreign, self.comments = sorted(foreign), sorted(comment)
        return self


def data_hosts(root: Path) -> set[str]:
    """Hosts of every https address written in the data: links the data itself asks for."""
    hosts = set()
    for folder in DATA_FOLDERS:
        for file in sorted((root / folder).rglob("*")):
            if file.is_file() and file.suffix in {".yml", ".yaml", ".md"}:
                text = file.read_bytes().decode("utf-8", "replace")
                hosts |= {h.lower() for h in _DATA_URL.findall(text)}
    return hosts


def absolute_addresses(text: str) -> Iterator[tuple[bool, str]]:
    """(loads it, host) for each absolute address in an attribute or CSS url(): "loads" when
    a resource tag (script, img, link ...) or a stylesheet would fetch it."""
    for match in _SLASHES.finditer(text):
        before = text[max(0, match.start() - 200):match.start()]
        host = match.group(1).lower()
        if _CSS_URL_BEFORE.search(before):
            yield True, host
            continue
        attribute = _ATTRIBUTE_BEFORE.search(before)
        if attribute is None:
            continue
        element = before[before.rfind("<"):]
        tag = _TAG.match(element)
        name = tag.group(1).lower() if tag else ""
        resource = name in RESOURCE_TAGS and not (
            name == "link" and re.search(r"rel=[\"']?(canonical|alternate)", element))
        yield resource, host


def audit_site(site_dir: Path, generated: Generated) -> None:
    site_url = generated.site.options.site_url
    own_host = urlsplit(site_url).hostname if site_url else None
    allowed = data_hosts(generated.root) | ({own_host} if own_host else set())
    found = Audit(site_dir, generated.site.verborgen, own_host, allowed).run()
    problems = [f"{name}: bevat de interne waarde \"{value}\"" for name, value in found.leaks]
    problems += [f"{name}: laadt iets van een andere website ({host})"
                 for name, host in found.third_party]
    problems += [f"{name}: verwijst naar {host}, een website die niet in de gegevens staat"
                 for name, host in found.foreign]
    problems += [f"{name}: bevat een HTML-commentaar (<!-- ... -->)" for name in found.comments]
    if problems:
        raise Abort("Controle van de gebouwde site mislukt; de vorige site blijft staan:\n  "
                    + "\n  ".join(problems))
