"""Checks that keep data from deceiving or overloading its readers.

Shared by the models (field values), the story and training readers (Markdown bodies), the
sanitiser (links that survive Markdown) and the error reports (text printed in a terminal):

* ``url_problem``: web addresses with a user name or password before the host
  (``https://www.politie.nl:x@evil.example/`` goes to evil.example) and hosts that mix
  look-alike letters from other scripts (a Cyrillic "\\u0430" in place of a Latin "a") are refused.
* ``markdown_problem``: Markdown that nests lists or quotes deeper than a person writes
  them; Python-Markdown recurses per level and would crash or slow down.
* ``markdown_source``: raw HTML is not allowed in data, so ``<`` becomes text before
  Markdown sees it (autolinks excepted). Python-Markdown's raw-HTML parsing is quadratic on
  input such as ``<a <a <a``; it never runs on data.
* ``printable``: control characters (terminal escape codes, carriage returns, direction
  overrides) are shown as ``\\x1b``-style codes in every message, so a data value can never
  recolour, hide or overwrite an error line.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

MAX_NESTING = 8
"""Deepest nesting of lists and quotes in a Markdown text (people use two or three)."""
MAX_BRACKETS = 300
"""Python-Markdown's link parsing is quadratic in unmatched brackets: 10,000 take 14 s."""

_MARKERS = re.compile(r"(?:[-*+]|\d{1,9}[.)]|>)(?=\s|$)\s*")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_AUTOLINK = re.compile(r"<(?=(?:https|mailto):[^\s<>\\]*>)", re.IGNORECASE)
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+)", re.MULTILINE)
_URL_IN_TEXT = re.compile(r"(?:https?|ftp)://[^\s<>\"'()\[\]]+", re.IGNORECASE)
# C0 and C1 controls, DEL, and the invisible direction and zero-width characters.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069"
                      "\ufeff\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u3164\ufe00-\ufe0f"
                      "\uffa0]")
INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f"
                       "\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufe00-\ufe0d\ufeff"
                       "\uffa0]")
"""Characters that show nothing (or turn text around) and can hide or split a value. The
emoji and text presentation selectors (U+FE0E, U+FE0F) are allowed: "❤️" holds one."""
_TRUSTED_SCRIPTS = {"LATIN"}


def printable(text: str) -> str:
    """``text`` with every control or invisible character shown as an escape code.

    Line breaks and tabs become a visible ``\\n`` and ``\\t`` too: one message, one line."""
    return _CONTROL.sub(_code, text.replace("\t", "\\t").replace("\n", "\\n"))


def _code(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def url_problem(url: str) -> str | None:
    """Why ``url`` could deceive a reader (in Dutch), or None when it is fine.

    Browsers read a backslash as a slash (``https:\\\\host``, ``/\\host``) and ``//host``
    as another website; Python's URL parser does not, so such addresses are refused before
    anything else is looked at."""
    if "\\" in url or "%5c" in url.lower() or re.match(r"^\s*[/\\]{2}", url):
        return (f'"{url}" is geen gewoon webadres (een \\ of // aan het begin gaat naar een '
                'andere website dan het lijkt). Schrijf het volledige adres, bijvoorbeeld '
                '"https://www.politie.nl".')
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        has_credentials = parts.username is not None or parts.password is not None
    except ValueError:
        return f'"{url}" is geen geldig webadres. Voorbeeld: "https://www.veiligthuis.nl".'
    if has_credentials or "@" in parts.netloc:
        return (f'"{url}" bevat een naam of wachtwoord voor het @-teken. Zo\'n adres gaat naar '
                "een andere website dan het lijkt. Schrijf alleen het adres van de website, "
                'bijvoorbeeld "https://www.politie.nl".')
    decoded = _decoded_host(host)
    scripts = _scripts(decoded)
    if scripts - _TRUSTED_SCRIPTS:
        names = ", ".join(sorted(scripts - _TRUSTED_SCRIPTS)).lower()
        return (f'"{url}" bevat in de naam van de website letters uit een ander schrift '
                f"({names}) die op gewone letters kunnen lijken. Controleer het adres en typ "
                "het opnieuw met gewone letters.")
    if not decoded.isascii():
        return (f'"{url}" bevat in de naam van de website een letter met een teken of een '
                "bijzondere letter (zoals een i zonder punt), die op een gewone letter kan "
                "lijken. Schrijf de naam van de website met gewone letters a-z.")
    return None


def _decoded_host(host: str) -> str:
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except UnicodeError:
                label = "\ufffd"
        labels.append(label)
    return ".".join(labels)


def _scripts(text: str) -> set[str]:
    """The scripts of the letters in ``text`` (LATIN, CYRILLIC, GREEK ...)."""
    out = set()
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "UNKNOWN")
            out.add(name.split(" ")[0])
        elif not (char.isdigit() or char in "-._"):
            out.add("ONBEKEND")
    return out


def urls_in(text: str) -> list[str]:
    """Every web address written in a (Markdown) text, and every link target."""
    targets = [a or b for a, b in _LINK_TARGET.findall(text)]
    return [*_URL_IN_TEXT.findall(text), *(t.strip() for t in targets if t.strip())]


def markdown_problem(text: str) -> str | None:
    """Why a Markdown text cannot be shown (in Dutch), or None when it is fine."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        depth = (len(line) - len(stripped)) // 4
        rest = stripped
        while (marker := _MARKERS.match(rest)) is not None and marker.end() > 0:
            depth += 1
            rest = rest[marker.end():]
        if depth > MAX_NESTING:
            where = f" (regel {number} van de tekst)" if "\n" in text else ""
            return (f"De tekst is te diep genest{where}: lijsten of citaten staan meer dan "
                    f"{MAX_NESTING} niveaus in elkaar. Gebruik hoogstens drie niveaus.")
    for url in urls_in(text):
        problem = url_problem(url.rstrip(".,;:!?"))
        if problem:
            return problem
    if text.count("[") > MAX_BRACKETS:
        return (f"De tekst heeft meer dan {MAX_BRACKETS} vierkante haken ([). Zoveel links of "
                "haken kan de site niet snel verwerken. Maak de tekst korter of gebruik andere "
                "tekens.")
    return None


def markdown_source(text: str) -> str:
    """Markdown from data with every ``<`` made text (autolinks such as <https://...> stay).

    Raw HTML is never allowed in data; the sanitiser would remove it, but Python-Markdown
    parses it first, which costs quadratic time on hostile input. HTML comments are notes
    of the editor and are removed, also an unclosed one (to the end of the text)."""
    text = _COMMENT.sub("", text)
    return _AUTOLINK.sub("\x00", text.replace("\x00", "")).replace("<", "&lt;").replace(
        "\x00", "<")


def body_problem(text: str, limit: int) -> str | None:
    """Why a Markdown file's body (a story, a training part) cannot be shown, or None."""
    if len(text) > limit:
        return (f"De tekst is te lang ({len(text)} tekens; hoogstens {limit}). Maak hem korter "
                "of verdeel hem over meer bestanden.")
    return markdown_problem(text)
