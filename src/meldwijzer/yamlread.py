"""Read YAML as plain text values, keeping the line of every node.

Editors write YAML by hand and YAML 1.1 is full of traps: ``0351111111`` would become an
octal number, ``no`` a boolean and ``12:30`` the integer 750. So this reader never lets
PyYAML construct values. It walks the parser's event stream and builds dicts, lists and
strings, with a map from each field path to its line. The models decide the types.

Refused, each with a located Dutch error: anchors and aliases (an alias bomb of a few hundred
bytes can otherwise exhaust memory), explicit tags, duplicate keys, non-text keys, nesting
deeper than ``MAX_DEPTH``, invisible or direction-changing characters, files that are not
UTF-8, empty files and files with more than one document.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import files
from .errors import ErrorLog
from .safety import INVISIBLE

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml is part of the PyYAML wheels we pin
    _Loader = yaml.SafeLoader

MAX_DEPTH = 12
MAX_FILE_BYTES = 2_000_000
MAX_SCALAR_CHARS = 20_000

Path_ = tuple[str | int, ...]

# Zero-width, filler and bidirectional control characters: invisible in an editor, they can
# make a name or number look like something else ("Trojan Source"); see ``safety``.
_INVISIBLE = INVISIBLE
# Control characters that YAML escapes can produce ("\e", "\x1b", "\v", "\x85"): they would
# reach pages, calendars and terminals.
_CONTROL_IN_VALUE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass
class Document:
    """One parsed file: the value tree and the line of every field path.

    ``validated`` keeps the models made from this document (by type), so that an unchanged
    file is neither parsed nor validated again on the next rebuild of ``mkdocs serve``.
    """

    file: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    validated: dict[Any, Any] = field(default_factory=dict)

    def line(self, path: tuple[Any, ...]) -> int:
        """Line of ``path``, or of its nearest ancestor that exists (for missing fields)."""
        probe = tuple(path)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return self.lines.get((), 1)


def read_text(file: Path, log: ErrorLog, limit: int = MAX_FILE_BYTES) -> str | None:
    """Read a data file as UTF-8 text (a UTF-8 byte-order mark is allowed and dropped).

    Only regular files inside the project folder (``log.root``), no symlinks, at most
    ``limit`` bytes (see ``files``)."""
    try:
        raw = files.read_bytes(file, log.root, limit)
    except files.FileProblem as problem:
        log.add(file, 1, "", str(problem))
        return None
    except OSError as exc:
        log.add(file, 1, "", f"Het bestand kan niet worden gelezen ({exc.strerror}).")
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        log.add(file, 1, "", "Het bestand is opgeslagen als UTF-16. Sla het op als UTF-8 "
                "(in Kladblok: Opslaan als, Codering: UTF-8).")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        log.add(file, line, "", "Het bestand is niet opgeslagen als UTF-8 (het bevat een teken "
                "dat in UTF-8 niet bestaat, vaak een letter met accent of een 'slim' "
                "aanhalingsteken uit Word). Sla het op als UTF-8 (in Kladblok: Opslaan als, "
                "Codering: UTF-8).")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


_PARSED: dict[tuple[Path, str], Document] = {}


def read_yaml(file: Path, log: ErrorLog) -> Document | None:
    """Read and parse one YAML file; report problems to ``log`` and return None on error.

    Files that parsed cleanly are kept per (path, content), so a rebuild re-parses only the
    files that changed. The documents are never changed after parsing."""
    text = read_text(file, log)
    if text is None:
        return None
    key = (file, text)
    if key in _PARSED:
        return _PARSED[key]
    errors_before = len(log.errors)
    doc = parse_yaml(text, file, log)
    if doc is not None and len(log.errors) == errors_before:
        if len(_PARSED) > 20_000:
            _PARSED.clear()
        _PARSED[key] = doc
    return doc


def parse_yaml(text: str, file: Path, log: ErrorLog, first_line: int = 1) -> Document | None:
    """Parse YAML ``text`` that starts at ``first_line`` of ``file``."""
    builder = _Builder(file, log, first_line - 1)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else first_line
        log.add(file, line, "", _yaml_problem(exc, text, mark.line if mark else 0))
        return None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + first_line
        char = exc.character
        code = ord(char) if isinstance(char, str) else int(char)
        log.add(file, line, "", f"Deze regel bevat een onzichtbaar stuurteken "
                f"(U+{code:04X}), vaak meegekomen bij kopiëren en plakken. Typ de "
                "regel opnieuw zonder dat teken.")
        return None
    except _Stop:
        return None
    if builder.documents == 0:
        log.add(file, first_line, "", "Het bestand is leeg. Vul het in volgens het voorbeeld "
                "in de handleiding voor redacteuren, of verwijder het.")
        return None
    return Document(file, builder.root, builder.lines)


class _Stop(Exception):
    """A problem that makes the rest of the file meaningless (already logged)."""


_INDENTATION = ("De inspringing of opbouw klopt niet. Controleer dat elke regel even ver "
                "inspringt als de regels van hetzelfde niveau, en dat elke sleutel een dubbele "
                "punt heeft, bijvoorbeeld: naam: Zeedorp.")
# PyYAML's problems (English) and what they mean for an editor, in the order to try them.
_PROBLEMS = (
    ("mapping values are not allowed", "Er staat een dubbele punt op een plek waar YAML die "
     "niet verwacht. Zet tekst met een dubbele punt tussen aanhalingstekens, bijvoorbeeld: "
     "wat: \"Let op: bel eerst\"."),
    ("could not find expected ':'", _INDENTATION),
    ("expected <block end>", _INDENTATION),
    ("did not find expected key", _INDENTATION),
    ("did not find expected '-' indicator", "Een lijst springt niet goed in. Zet elk item op "
     "een eigen regel die met - begint, even ver ingesprongen als de andere items."),
    ("found unexpected end of stream", "Een aanhalingsteken wordt niet gesloten. Zet aan het "
     "eind van de tekst ook een \"."),
    ("expected ',' or ']'", "Een lijst tussen [ ] of een blok tussen { } wordt niet goed "
     "gesloten. Controleer de haakjes, of zet tekst met [ of { tussen aanhalingstekens."),
    ("expected ',' or '}'", "Een lijst tussen [ ] of een blok tussen { } wordt niet goed "
     "gesloten. Controleer de haakjes, of zet tekst met [ of { tussen aanhalingstekens."),
    ("found unknown escape character", "In een tekst tussen dubbele aanhalingstekens staat een "
     "\\ die YAML niet kent. Gebruik enkele aanhalingstekens ('...') of schrijf \\\\."),
    ("expected a comment or a line break", "Na een tekst tussen aanhalingstekens staat nog "
     "meer op de regel. Zet de hele tekst tussen de aanhalingstekens."),
    ("cannot start any token", "Deze regel begint met een teken dat YAML niet toestaat (zoals "
     "@, ` of %). Zet de tekst tussen aanhalingstekens."),
    ("expected alphabetic or numeric character", "Een & of * aan het begin van een waarde "
     "betekent in YAML iets bijzonders. Zet de tekst tussen aanhalingstekens."),
    ("did not find expected <document start>", "Hier staat tekst die niet bij een sleutel "
     "hoort. Controleer de inspringing en of elke regel de vorm sleutel: waarde heeft."),
    ("while scanning a simple key", _INDENTATION),
    ("while scanning a quoted scalar", "Een aanhalingsteken wordt niet gesloten. Zet aan het "
     "eind van de tekst ook een \"."),
)


def _yaml_problem(exc: yaml.MarkedYAMLError, text: str, line_index: int) -> str:
    """A Dutch explanation of a YAML syntax error (never PyYAML's English)."""
    problem = f"{exc.problem or ''} {exc.context or ''}".lower()
    lines = text.split("\n")
    bad_line = lines[line_index] if 0 <= line_index < len(lines) else ""
    if "\t" in bad_line or "'\\t'" in problem or "tab" in problem:
        return "Er staat een tab in de inspringing. Gebruik alleen spaties om in te springen."
    for phrase, message in _PROBLEMS:
        if phrase in problem:
            return message
    return ("Dit is geen geldige YAML. Controleer de inspringing, de dubbele punten en de "
            "aanhalingstekens op deze regel en de regel ervoor.")


@dataclass
class _Open:
    """An open mapping or sequence while its events are read."""

    container: dict[str, Any] | list[Any]
    path: Path_
    key: str | None = None
    discard: bool = False


class _Builder:
    """Turns parser events into dicts, lists and strings with a line map."""

    def __init__(self, file: Path, log: ErrorLog, offset: int) -> None:
        self.file = file
        self.log = log
        self.offset = offset
        self.documents = 0
        self.root: Any = None
        self.lines: dict[Path_, int] = {}
        self.stack: list[_Open] = []

    def line_of(self, event: yaml.Event) -> int:
        mark = event.start_mark
        return (int(mark.line) if mark else 0) + 1 + self.offset

    def error(self, event: yaml.Event, path: Path_, message: str) -> None:
        self.log.add(self.file, self.line_of(event), list(path), message)

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.error(event, (), "Het bestand bevat meer dan één YAML-document (een regel "
                           "met ---). Zet alles in één document.")
                raise _Stop
        elif isinstance(event, yaml.AliasEvent):
            self.error(event, self._next_path(), f"Verwijzingen met * (hier *{event.anchor}) "
                       "worden niet ondersteund. Schrijf de waarde voluit.")
            raise _Stop
        elif isinstance(event, yaml.ScalarEvent):
            self._check_node(event)
            self._add_scalar(event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._check_node(event)
            self._open(event, {} if isinstance(event, yaml.MappingStartEvent) else [])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self._attach(self.stack.pop().container)

    def _check_node(self, event: Any) -> None:
        path = self._next_path()
        if event.anchor is not None:
            self.error(event, path, f"Ankers met & (hier &{event.anchor}) worden niet "
                       "ondersteund. Schrijf elke waarde voluit.")
            raise _Stop
        if event.tag is not None and event.tag != "!":
            self.error(event, path, f"YAML-tags (hier {event.tag}) worden niet ondersteund. "
                       "Haal de tag weg en schrijf alleen de waarde.")
            raise _Stop
        if len(self.stack) >= MAX_DEPTH and not isinstance(event, yaml.ScalarEvent):
            self.error(event, path, f"De gegevens zijn dieper dan {MAX_DEPTH} niveaus genest. "
                       "Controleer de inspringing.")
            raise _Stop

    def _next_path(self) -> Path_:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.container, list):
            return (*top.path, len(top.container))
        return (*top.path, top.key) if top.key is not None else top.path

    def _expecting_key(self) -> bool:
        return bool(self.stack) and isinstance(self.stack[-1].container, dict) and (
            self.stack[-1].key is None
        )

    def _open(self, event: Any, container: dict[str, Any] | list[Any]) -> None:
        path = self._next_path()
        if self._expecting_key():
            self.error(event, path, "Een sleutel moet een woord zijn, geen lijst of blok.")
            raise _Stop
        self.lines.setdefault(path, self.line_of(event))
        self.stack.append(_Open(container, path))

    def _add_scalar(self, event: yaml.ScalarEvent) -> None:
        value = self._scalar(event)
        if self._expecting_key():
            self._set_key(event, value)
            return
        self.lines.setdefault(self._next_path(), self.line_of(event))
        self._attach(value)

    def _scalar(self, event: yaml.ScalarEvent) -> str | None:
        value = str(event.value)
        if value == "" and not event.style:
            return None
        path = self._next_path()
        if len(value) > MAX_SCALAR_CHARS:
            self.error(event, path, f"Deze tekst is langer dan {MAX_SCALAR_CHARS} tekens. "
                       "Maak hem korter.")
        control = _CONTROL_IN_VALUE.search(value)
        if control:
            code = ord(control.group())
            self.error(event, path, f"Deze tekst bevat een stuurteken (U+{code:04X}), "
                       "bijvoorbeeld uit een \\e of \\x in aanhalingstekens. Haal het weg.")
        found = _INVISIBLE.search(value)
        if found:
            char = found.group()
            name = unicodedata.name(char, "onzichtbaar teken")
            self.error(event, path, f"Deze tekst bevat een onzichtbaar teken (U+{ord(char):04X} "
                       f"{name}). Typ de tekst opnieuw zonder dat teken.")
        return value

    def _set_key(self, event: yaml.ScalarEvent, key: str | None) -> None:
        top = self.stack[-1]
        if key is None:
            self.error(event, top.path, "Hier staat een lege sleutel (een regel die met : "
                       "begint). Zet de naam van het veld voor de dubbele punt.")
            raise _Stop
        top.key = key
        top.discard = key in top.container
        if top.discard:
            first = self.lines.get((*top.path, key), 0)
            self.error(event, (*top.path, key), f"De sleutel '{key}' staat hier twee keer (ook "
                       f"op regel {first}). Haal een van de twee weg.")
            return
        self.lines[(*top.path, key)] = self.line_of(event)

    def _attach(self, value: Any) -> None:
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top.container, list):
            top.container.append(value)
            return
        if not top.discard and top.key is not None:
            top.container[top.key] = value
        top.key = None
        top.discard = False


@dataclass(frozen=True)
class FrontMatter:
    """A Markdown file split in its front matter (None when it has none) and its body."""

    doc: Document | None
    body: str
    body_line: int
    """The line where the body starts."""


UNCLOSED = ("De kop (front matter) begint met --- maar wordt niet afgesloten. Zet na de "
            "laatste regel van de kop een regel met alleen ---.")


def read_front_matter(text: str, file: Path, log: ErrorLog) -> FrontMatter | None:
    """Split ``text`` at its front matter (between two lines ``---``) and parse it strictly.

    None (with the problem in ``log``) when the front matter is not closed or not YAML."""
    if not text.startswith("---\n"):
        return FrontMatter(None, text, 1)
    end = text.find("\n---\n", 3)
    if end < 0:
        log.add(file, 1, "", UNCLOSED)
        return None
    doc = parse_yaml(text[4:end + 1], file, log, first_line=2)
    if doc is None:
        return None
    return FrontMatter(doc, text[end + 5:], text[: end + 5].count("\n") + 1)
