"""Checks on a finished site, run before it replaces the previous one.

A public build must not contain any value that the data marks internal, in any spelling
of a phone number, and must not load anything from another host. A failed check stops the
build (the previous site stays, see ``atomic``).
"""

from __future__ import annotations

import concurrent.futures
import gzip
import hashlib
import html
import multiprocessing
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.exceptions import Abort

from . import files, fotometa, namen
from .safety import INVISIBLE, printable
from .trie import trie_pattern
from .yamlread import MAX_FILE_BYTES

if TYPE_CHECKING:
    from .build import Generated

# Binary files cannot show a number to a reader; they are still searched for names and
# addresses as bytes (metadata). Everything else is text, whatever its name.
_BINARY = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".ico", ".wasm", ".woff", ".woff2",
           ".ttf", ".pdf", ".zip"}
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
DATA_FOLDERS = ("routekaarten", "campaign", "trainingen", "cijfers")

_JSON_ESCAPE = re.compile(r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})"
                          r"|\\u([0-9a-fA-F]{4})")


def _json_char(match: re.Match[str]) -> str:
    """The character of a JSON escape; a surrogate pair is one character, a lone surrogate
    (which no text holds) the replacement character."""
    if match.group(1):
        high, low = int(match.group(1), 16), int(match.group(2), 16)
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    code = int(match.group(3), 16)
    return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)


_MARKUP = re.compile(r"<[^<>]*>")
_ATTRIBUTE_VALUE = re.compile(r"=\s*\"([^\"<>]*)\"|=\s*'([^'<>]*)'")
_PERCENT = re.compile(r"%[0-9a-fA-F]{2}")
_INVISIBLE = INVISIBLE
_SPACE = re.compile(r"\s+")
# A phone number as people write it: digits with up to three other characters between them
# (spaces, any dash, dots, slashes, brackets, commas, underscores).
_PHONE_RUN = re.compile(r"\+?\(?\d(?:[^\w\n]{0,3}_?[^\w\n]{0,2}\d)+")
_NON_DIGIT = re.compile(r"\D")
_NON_DIGIT_BYTES = re.compile(rb"[^0-9]+")
# Every decimal digit of any script (Arabic-Indic, fullwidth ...) as its ASCII digit.
_DIGITS = {c: str(unicodedata.digit(chr(c))) for c in range(0x80, 0x20000)
           if unicodedata.category(chr(c)) == "Nd"}
# The same in UTF-8 bytes, for the quick first look: only the two-byte and three-byte forms.
_OTHER_DIGIT_BYTES = re.compile(rb"\xef\xbc[\x90-\x99]|\xd9[\xa0-\xa9]|\xdb[\xb0-\xb9]"
                                rb"|\xe0\xa5[\xa6-\xaf]")
# Numeric character references of ASCII letters and digits only: our own output has none, so
# this finds nothing in a normal page at C speed; one planted by hand is decoded.
_ALNUM_ENTITY = re.compile(
    rb"&#(?:0*(?:4[89]|5[0-7]|6[5-9]|[78][0-9]|9[7-9]|1[01][0-9]|12[0-2])"
    rb"|[xX]0*(?:3[0-9]|4[1-9a-fA-F]|5[0-9aA]|6[1-9a-fA-F]|7[0-9aA]));")
_MARKUP_BYTES = re.compile(rb"<[^<>]*>")
_ATTRIBUTE_VALUE_BYTES = re.compile(rb"=\s*[\"']([^\"'<>]*)")
_INVISIBLE_BYTES = re.compile(b"|".join(re.escape(chr(c).encode("utf-8"))
                                        for c in range(0x80, 0x10000)
                                        if INVISIBLE.match(chr(c))))
_WORD = re.compile(r"[^\W_]{3,}")
MIN_PHONE_DIGITS = 6


def normalise(text: str) -> str:
    """Text as a reader sees it, for comparing: JSON and HTML character references decoded,
    markup and invisible characters removed, percent-escapes decoded, case folded, white
    space collapsed. ``"J&#101;roen <b>Mulder</b>"`` and ``"jeroen  mulder"`` compare equal.
    The values of attributes (link targets, titles) follow the text, separated by NUL."""
    text = _JSON_ESCAPE.sub(_json_char, text)
    values = [a or b for a, b in _ATTRIBUTE_VALUE.findall(text)] if "=" in text else []
    # Markup between words is a space; inside a word ("A<em>mrani</em>") it is nothing:
    # both readings are compared.
    views = (_MARKUP.sub(" ", text), _MARKUP.sub("", text), *values)
    return "\x00".join(_plain(part) for part in views)


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", html.unescape(text)).translate(_DIGITS)
    if "%" in text:
        text = _PERCENT.sub(lambda m: chr(int(m.group()[1:], 16)), text)
    return _SPACE.sub(" ", _INVISIBLE.sub("", text).casefold())


def phone_digits(value: str) -> str | None:
    """The national number of a phone number in any notation (06-12345678, 06 1234 5678,
    +31 6 12345678, 0031 6 ...): the digits after the country code or the leading 0.
    None when ``value`` is not written as a phone number of at least six digits."""
    if not re.fullmatch(r"[\d\s()+\-./]+", value):
        return None
    digits = _NON_DIGIT.sub("", value.replace("(0)", ""))
    if value.lstrip().startswith("+") and digits.startswith("31"):
        digits = digits[2:]
    elif digits.startswith("0031"):
        digits = digits[4:]
    elif digits.startswith("0"):
        digits = digits[1:]
    return digits if len(digits) >= MIN_PHONE_DIGITS else None


def spellings(value: str) -> set[str]:
    """The normalised forms of a value that are searched for (see ``normalise``)."""
    return {_plain(value).strip()}


EDITOR = "beheer/index.html"
"""The browser editor's page names the Git host in its security policy, not as a link."""


def vendored(root: Path) -> dict[str, str]:
    """The editor's pinned packages (Decap CMS, yaml) as the build publishes them (site
    path: sha256 of the pinned package, shipped with meldwijzer). Their files are skipped by
    the audit only while their bytes are exactly those: a file put in their place, from
    docs/ or a changed cache, is audited like any other."""
    from . import beheer_bundel

    return beheer_bundel.vendored(root)


def site_files(site_dir: Path) -> list[str]:
    """The names (relative, with slashes) of every file in the site, sorted."""
    return sorted(file.relative_to(site_dir).as_posix() for file in site_dir.rglob("*")
                  if file.is_file())


def site_texts(site_dir: Path, names: Iterable[str] | None = None
               ) -> Iterator[tuple[str, str, bool, bytes]]:
    """(name, content, is text, bytes) of every file in the site (or of ``names``); gzip
    files unpacked."""
    for name in site_files(site_dir) if names is None else names:
        yield name, *decode(name, (site_dir / name).read_bytes())


def decode(name: str, data: bytes) -> tuple[str, bool, bytes]:
    """(content, is text, bytes) of a file published as ``name``; gzip unpacked."""
    suffix = Path(name).suffix
    if suffix == ".gz":
        data = gzip.decompress(data)
        suffix = Path(Path(name).stem).suffix
    if suffix.lower() in _BINARY:
        return data.decode("latin-1"), False, data
    return data.decode("utf-8", "replace"), True, data


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
                 own_host: str | None = None, allowed: set[str] | None = None,
                 skip: dict[str, str] | None = None, names: Iterable[str] = ()) -> None:
        self.site_dir = site_dir
        secrets = sorted(set(secrets))
        self.skip = skip or {}
        persons = sorted(set(names))
        self.arguments: Arguments = (site_dir, secrets, own_host, allowed, self.skip, persons)
        # People's names in any spelling a reader reads as the name (see ``namen``).
        self.namen = namen.Namen(persons)
        self.patterns = {s: secret for secret in secrets for s in spellings(secret) if s}
        self.finder = trie_pattern(self.patterns) if self.patterns else None
        self.phones = {d: secret for secret in secrets if (d := phone_digits(secret))}
        self.phone_finder = trie_pattern(self.phones) if self.phones else None
        # The quick first look (see ``candidates``): the words of each value, and the
        # national digits of each phone number.
        self.sequence_finder = _sequence_finder(secrets, self.namen.sequences())
        self.digit_finder = _bytes_trie(set(self.phones)) if self.phones else None
        self.own_host = own_host
        self.allowed = allowed
        self.leaks: list[tuple[str, str]] = []
        self.third_party: list[tuple[str, str]] = []
        self.foreign: list[tuple[str, str]] = []
        self.comments: list[str] = []
        self.metadata: list[tuple[str, str]] = []
        self.digests: dict[str, str] = {}
        self.results: dict[str, Findings] = {}

    def run(self, processes: int | None = None,
            known: dict[str, tuple[str, Findings]] | None = None) -> Audit:
        """Check every file. ``known`` holds findings of files checked before (name:
        (sha256, findings)), from a stream during the build or the memo of earlier builds:
        they count only for a file whose bytes have exactly that digest now. The rest is
        split over ``processes`` worker processes on a large site (default: this process
        and the build's helpers, see ``worker``, from PARALLEL_FROM files on); each file is
        checked exactly as in one process."""
        names = site_files(self.site_dir)
        known = known or {}
        results: dict[str, Findings] = {}
        todo = []
        for name in names:
            digest = hashlib.sha256((self.site_dir / name).read_bytes()).hexdigest()
            self.digests[name] = digest
            if name in known and known[name][0] == digest:
                results[name] = known[name][1]
            else:
                todo.append(name)
        if processes is None:
            from .worker import processes as helpers

            processes = 1 + helpers() if len(todo) >= PARALLEL_FROM else 1
        if processes <= 1:
            results |= self.scan(todo)
        else:
            # "spawn": a build under `mkdocs serve` has threads, which fork does not copy.
            context = multiprocessing.get_context("spawn")
            shares = [todo[i::processes] for i in range(processes)]
            with concurrent.futures.ProcessPoolExecutor(processes, mp_context=context) as pool:
                for part in pool.map(_scan_share, [self.arguments] * processes, shares):
                    results |= part
        self.results = results
        self.leaks = sorted((n, v) for n, found in results.items() for v in found[0])
        self.third_party = sorted((n, h) for n, found in results.items() for h in found[1])
        self.foreign = sorted((n, h) for n, found in results.items() for h in found[2])
        self.comments = sorted(n for n, found in results.items() if found[3])
        self.metadata = sorted((n, m) for n, found in results.items() for m in found[4])
        return self

    def scan(self, names: list[str]) -> dict[str, Findings]:
        """The findings in the files ``names``, read from the site folder."""
        return {name: self.check(name, data) for name, data in
                ((name, (self.site_dir / name).read_bytes()) for name in names)}

    def check(self, name: str, raw: bytes) -> Findings:
        """(withheld values, hosts it loads from, foreign hosts it links to, has a comment)
        for one file's bytes as they are published under ``name``."""
        if name in self.skip and hashlib.sha256(raw).hexdigest() == self.skip[name]:
            return CLEAN  # Decap's bundle, byte for byte the pinned package (see vendored)
        text, is_text, data = decode(name, raw)
        screen = self.finder is not None or self.phone_finder is not None or bool(self.namen)
        leaked = set(self.secrets_in(text, is_text)) if screen and self.candidates(data) \
            else set()
        if screen:  # the file's name is published too
            leaked |= self.secrets_in(_NAME_SEPARATORS.sub(" ", name), True)
        third, foreign = set(), set()
        if name.endswith((".html", ".css")):
            for loads, host in absolute_addresses(text):
                if loads and host != self.own_host:
                    third.add(host)
                elif name.endswith(".html") and self.allowed is not None \
                        and host not in self.allowed and name != EDITOR:
                    foreign.add(host)
        comment = name.endswith(".html") and _COMMENT.search(text) is not None
        return (tuple(sorted(leaked)), tuple(sorted(third)), tuple(sorted(foreign)), comment,
                photo_metadata(name, raw))

    def candidates(self, data: bytes) -> bool:
        """A quick first look at a file's bytes: could any withheld value be in it?

        Every value is looked for as its sequence of words with anything in between that is
        not a letter or digit (spaces, punctuation, character references, markup), in any
        case; a phone number as its national digits inside a run of digits with at most
        three other characters between them. Our templates and the sanitiser never write
        letters or digits as character references, so a value in any spelling a reader sees
        passes this look; the full comparison (``secrets_in``) then runs on the few files
        that pass. A few passes in C over the bytes."""
        if b"\\u" in data:  # JSON escapes (the search index): compare the characters
            data = _JSON_ESCAPE.sub(_json_char, data.decode(
                "utf-8", "replace")).encode("utf-8")
        if b"&#" in data:  # letters and digits written as character references
            data = _ALNUM_ENTITY.sub(_entity, data)
        # Markup inside a word ("A<em>mrani</em>") joins the parts again; the values of
        # attributes (a tel: link) follow.
        data = _INVISIBLE_BYTES.sub(b"", data)
        values = b"\n".join(_ATTRIBUTE_VALUE_BYTES.findall(data)) if b"=" in data else b""
        view = (_MARKUP_BYTES.sub(b"", data) + b"\n" + values).lower()
        if self.sequence_finder is not None:
            if self.sequence_finder.search(view):
                return True
            # Letters a reader reads as Latin ones (Cyrillic a, accents), as those letters.
            if _FOLDABLE_BYTES.search(view) and self.sequence_finder.search(
                    _FOLDABLE_BYTES.sub(_fold_bytes, view)):
                return True
        if self.digit_finder is not None:
            if _OTHER_DIGIT_BYTES.search(view):
                view = view.decode("utf-8", "replace").translate(_DIGITS).encode("utf-8")
            # Between the digits, count characters, not bytes: any character reference
            # (&#8209;, &ndash;) and any other non-ASCII character is one separator.
            if b"&" in view:
                view = _ANY_ENTITY.sub(b"-", view)
            view = _NON_ASCII_CHAR.sub(b"-", view)
            digits = _KEEP_DIGITS.sub(b"", _PHONE_GAP.sub(b"\n", view))
            return self.digit_finder.search(digits) is not None
        return False

    def secrets_in(self, text: str, is_text: bool) -> set[str]:
        """The withheld values in one file's content, in any spelling a reader would see."""
        if not is_text:
            plain = _SPACE.sub(" ", text.casefold())
            return _found(self.finder, self.patterns, plain) | set(self.namen.in_text(plain))
        plain = normalise(text)
        found = _found(self.finder, self.patterns, plain) | set(self.namen.in_text(plain))
        if self.phone_finder is not None:
            digits = "\n".join(_NON_DIGIT.sub("", run) for run in _PHONE_RUN.findall(plain))
            found |= _found(self.phone_finder, self.phones, digits)
        return found


PARALLEL_FROM = 2000
"""From this many files on the audit uses several processes: below it, starting them costs
more than it saves."""


Findings = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], bool, tuple[str, ...]]
Arguments = tuple[Path, list[str], str | None, set[str] | None, dict[str, str], list[str]]
"""What an ``Audit`` is made of: site folder, withheld values, own host, allowed hosts,
skipped files (name: sha256), people's names among the withheld values."""
CLEAN: Findings = ((), (), (), False, ())


def photo_metadata(name: str, data: bytes) -> tuple[str, ...]:
    """What a published image carries besides its pixels (see ``fotometa``): nothing, for
    every image the build makes; a file that is not a photo at all is named too."""
    if Path(name).suffix.lower() not in fotometa.SUFFIXES:
        return ()
    try:
        return fotometa.metadata(data).kinds
    except fotometa.NotAPhoto:
        return ("geen leesbare foto",)


def _scan_share(arguments: Arguments,
                names: list[str]) -> dict[str, Findings]:
    """One worker process's part of ``Audit.run``."""
    return Audit(*arguments).scan(names)


_audits: dict[str, Audit] = {}


def _check_batch(key: str, arguments: Arguments,
                 batch: list[tuple[str, bytes]]) -> dict[str, Findings]:
    """A helper process's part of a ``Stream`` (the Audit is made once per process)."""
    audit = _audits.get(key)
    if audit is None:
        audit = _audits[key] = Audit(*arguments)
    return {name: audit.check(name, data) for name, data in batch}


class Stream:
    """The audit of a build that starts while MkDocs still writes pages.

    Each page (and each generated file) is handed over as the bytes MkDocs writes, and
    checked in a helper process (see ``worker``) while the build goes on. After the build
    ``Audit.run`` uses these findings only for files whose bytes on disk have the same
    digest (a plugin that changes a file later gets it checked again), and checks the rest
    itself. The findings are those of ``Audit.run`` alone (tested)."""

    BATCH_BYTES = 2_000_000

    def __init__(self, arguments: Arguments,
                 pool: concurrent.futures.Executor) -> None:
        self.arguments = arguments
        self.key = hashlib.sha256(repr(arguments).encode()).hexdigest()
        self.pool = pool
        self.digests: dict[str, str] = {}
        self.futures: list[concurrent.futures.Future[dict[str, Findings]]] = []
        self.batch: list[tuple[str, bytes]] = []
        self.size = 0

    def add(self, name: str, data: bytes) -> None:
        self.digests[name] = hashlib.sha256(data).hexdigest()
        self.batch.append((name, data))
        self.size += len(data)
        if self.size >= self.BATCH_BYTES:
            self._submit()

    def _submit(self) -> None:
        if self.batch:
            self.futures.append(self.pool.submit(_check_batch, self.key, self.arguments,
                                                 self.batch))
        self.batch, self.size = [], 0

    def results(self) -> dict[str, tuple[str, Findings]]:
        """(digest, findings) per file handed over."""
        self._submit()
        out: dict[str, tuple[str, Findings]] = {}
        for future in self.futures:
            for name, found in future.result().items():
                out[name] = (self.digests[name], found)
        return out


def _entity(match: re.Match[bytes]) -> bytes:
    code = match.group()[2:-1]
    return bytes([int(code[1:], 16) if code[:1] in b"xX" else int(code)])


_WORD_CHARS = re.compile(r"[^\W_]+")
_PLACEHOLDER = "\ue000"
# Between two words of a value: anything that is not a letter or digit of ASCII or UTF-8.
_SEPARATOR = rb"(?:[^a-z0-9\x80-\xff]|&#[0-9]+;|&[a-z]+;|%[0-9a-f]{2})*"
_PHONE_GAP = re.compile(rb"[^0-9]{4,}|[a-z]")
_KEEP_DIGITS = re.compile(rb"[^0-9\n]+")
_NAME_SEPARATORS = re.compile(r"[/._-]+")
_ANY_ENTITY = re.compile(rb"&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);")
_NON_ASCII_CHAR = re.compile(rb"[\xc0-\xff][\x80-\xbf]*")


def _sequence_finder(secrets: Iterable[str], names: Iterable[list[str]] = ()
                     ) -> re.Pattern[bytes] | None:
    """One regex for the word sequences of all values and of the forms of people's names
    (a trie over the words, the separators between them free), matched on lower-cased
    bytes, and on those bytes in reading form (see ``namen``)."""
    sequences = {_PLACEHOLDER.join(words) for words in names if words}
    for secret in secrets:
        for form in (secret.casefold(), _ascii_lower(secret), namen.leesvorm(secret)):
            words = _WORD_CHARS.findall(form)
            if words:
                sequences.add(_PLACEHOLDER.join(words))
    if not sequences:
        return None
    pattern = trie_pattern(sorted(sequences)).pattern.encode("utf-8")
    return re.compile(pattern.replace(_PLACEHOLDER.encode("utf-8"), _SEPARATOR))


def _fold_table_bytes() -> dict[bytes, bytes]:
    return {chr(code).encode("utf-8"): letters.encode("ascii")
            for code, letters in namen.fold_table().items()}


_FOLD_BYTES = _fold_table_bytes()
# Any character of the table: its UTF-8 lead bytes, then one continuation byte.
_FOLDABLE_BYTES = re.compile(b"|".join(sorted(
    {re.escape(key[:-1]) for key in _FOLD_BYTES})).join((b"(?:", b")[\x80-\xbf]")))


def _fold_bytes(match: re.Match[bytes]) -> bytes:
    return _FOLD_BYTES.get(match.group(), match.group())


def _ascii_lower(value: str) -> str:
    """Lower case as bytes.lower() does it: ASCII letters only."""
    return "".join(c.lower() if c.isascii() else c for c in value)


def _bytes_trie(words: set[bytes] | set[str]) -> re.Pattern[bytes]:
    text = trie_pattern(sorted(w.decode("utf-8") if isinstance(w, bytes) else w
                               for w in words)).pattern
    return re.compile(text.encode("utf-8"))


def _found(finder: re.Pattern[str] | None, patterns: dict[str, str], text: str) -> set[str]:
    if finder is None:
        return set()
    # The trie matches the longest form; shorter ones inside the match count too.
    return {secret for match in finder.finditer(text) for form, secret in patterns.items()
            if form in match.group()}


def data_hosts(root: Path) -> set[str]:
    """Hosts of every https address written in the data: links the data itself asks for."""
    hosts = set()
    for folder in DATA_FOLDERS:
        for file in sorted((root / folder).rglob("*")):
            if file.suffix not in {".yml", ".yaml", ".md"}:
                continue
            try:  # the checks before the build reported every file that cannot be read
                text = files.read_bytes(file, root, MAX_FILE_BYTES).decode("utf-8", "replace")
            except (files.FileProblem, OSError):
                continue
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


def audit_arguments(generated: Generated, site_dir: Path) -> Arguments:
    """What the audit of a build of ``generated`` compares with (see ``Audit``)."""
    site_url = generated.site.options.site_url
    own_host = urlsplit(site_url).hostname if site_url else None
    allowed = data_hosts(generated.root) | ({own_host} if own_host else set())
    campagne = generated.site.campagne
    if campagne is not None:  # "Snel weg" leads to a neutral site (a default, or the data's)
        allowed.add(str(urlsplit(campagne.snel_weg).hostname).lower())
    return (site_dir, sorted(generated.site.verborgen), own_host, allowed,
            vendored(generated.root), person_values(generated.site.herkomst))


def person_values(herkomst: dict[str, str]) -> list[str]:
    """The withheld values that name a person (written in a ``persoon`` field), from
    where each withheld value is written (``Site.herkomst``)."""
    return sorted(value for value, where in herkomst.items() if where.endswith(".persoon"))


def audit_site(site_dir: Path, generated: Generated, stream: Stream | None = None) -> None:
    """The audit after a build: every file of the site in ``site_dir``. Files the
    ``stream`` checked during this build (in this build's helpers, from the bytes MkDocs
    wrote) count when their bytes on disk are the same. Nothing is taken from an earlier
    build: a memo in the cache could be written by anyone who can write the cache (a
    merge-request pipeline), so it would let a leak through (tested)."""
    arguments = audit_arguments(generated, site_dir)
    found = Audit(*arguments).run(known=stream.results() if stream is not None else None)
    problems = [f"{name}: bevat de interne waarde \"{printable(value)}\""
                for name, value in found.leaks]
    problems += [f"{name}: laadt iets van een andere website ({host})"
                 for name, host in found.third_party]
    problems += [f"{name}: verwijst naar {host}, een website die niet in de gegevens staat"
                 for name, host in found.foreign]
    problems += [f"{name}: bevat een HTML-commentaar (<!-- ... -->)" for name in found.comments]
    problems += [f"{name}: bevat gegevens over de foto ({kind})" for name, kind in found.metadata]
    if problems:
        raise Abort("Controle van de gebouwde site mislukt; de vorige site blijft staan:\n  "
                    + "\n  ".join(problems))
