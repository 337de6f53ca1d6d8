"""People's names as a reader sees them, for the leak audit and the check on ids.

An internal person's name must not reach a public file in any spelling a reader would read
as that name: with other separators between its parts (``Fatima-el-Amrani``,
``fatima_el_amrani``, ``fatima.el.amrani@...``, ``/fatima-el-amrani``, ``FatimaElAmrani``),
with letters of another script that look the same (a Cyrillic "\\u0430" for the "a" of
``Fatima``), with or without accents, in any case. Text is compared in its *reading form*
(``leesvorm``): NFKC, case folded, and every character that a reader reads as Latin letters
replaced by them (the table ``data/leesvorm.json``, generated from Unicode's confusables.txt
by ``scripts/update-leesvorm``; combining marks are dropped).

Which spellings of a name are searched (``Namen``), and why:

* A person name is found in a ``persoon`` value as a run of capitalised words, with the
  usual particles between them (``van``, ``de``, ``el`` ...): "Voorbeeld: Fatima el Amrani
  (fictief)" holds the name "Fatima el Amrani". A value without such a run (all lower case,
  one word, or a team: "secretariaat casusoverleg") is taken as a whole.
* The local part of an internal e-mail address is a name when it has two or more parts
  (``fatima.el.amrani``, ``j.mulder``). A one-part local part (``info``, ``secretariaat``,
  ``jmulder``) is most often a function and is compared only as the whole address.
* In text, a name matches as a sequence of at least two of its parts, in order, with up to
  three separator characters (or none) between them and no letter or digit around it:
  the whole name, the name without particles ("Fatima Amrani"), the first name as an
  initial ("F. el Amrani"), the sub-runs with two capitalised parts, and the listing form
  with the surname first ("Visser, Sanne", "Amrani, Fatima el", "el Amrani, F."). Forms of fewer
  than ``MIN_LETTERS`` letters are left out: "Bo Li" or "r wit" are too likely to be other
  words; the value as a whole is still compared exactly by the audit.
* A single part is never searched in text: "Bakker", "Visser", "de Groot" and "van Dijk"
  are ordinary Dutch words and phrases. An *id* is different: an editor chose it, and a
  contact called ``amrani`` names the person. So for ids (``id_finder``) also each first
  name and each surname with its particles (``elamrani``, ``el-amrani``, ``vandijk``) of at
  least ``MIN_ID_LETTERS`` letters counts, as whole parts of the id. Shorter parts ("eva",
  "smit", "dijk") are too common to refuse.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .trie import trie_pattern

MIN_LETTERS = 6
"""A name form in text needs at least this many letters (``Eva Smit`` has 7)."""
MIN_ID_LETTERS = 6
"""A single name part in an id needs at least this many letters (``fatima``, ``amrani``)."""
MAX_SEPARATOR = 3
"""Characters between two parts of a name that still read as one name (``". "``, ``" - "``)."""

PARTICLES = frozenset({
    "van", "de", "der", "den", "het", "t", "te", "ten", "ter", "in", "op", "onder", "uit",
    "vd", "el", "al", "la", "le", "da", "di", "du", "dos", "das", "do", "von", "zu", "bin",
    "ben", "ibn", "abu", "bint", "y", "e",
})
"""Words that stand between the parts of a name in lower case (tussenvoegsels and their
equivalents in names common in the Netherlands)."""

_WORD = re.compile(r"[^\W\d_]+")
# What may stand between two words of one name: spaces, a hyphen, a dot, an apostrophe.
_NAME_GAP = re.compile(r"[\s\-.'\u2019\u2010\u2011]*")
_EMAIL = re.compile(r"([^@\s]+)@[^@\s]+\.[^@\s]+")
_LOCAL_PARTS = re.compile(r"[._+\-]+")
_PLACEHOLDER = "\ue000"
_SEPARATOR = rf"[\W_]{{0,{MAX_SEPARATOR}}}"
_BEFORE = r"(?<![^\W_])"
_AFTER = r"(?![^\W_])"
_NOT_LETTERS = re.compile(r"[\W_\d]+")


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    """Character -> the Latin letters a reader reads in it ("" for combining marks)."""
    data = json.loads((resources.files("meldwijzer") / "data" / "leesvorm.json")
                      .read_text("utf-8"))
    return {ord(char): letters for char, letters in data["tekens"].items()}


def leesvorm(text: str) -> str:
    """``text`` as a reader reads it, for comparing names: NFKC, case folded, letters that
    look Latin made Latin, accents dropped: "F\\u0430t\\u00edma" (Cyrillic "a", accented "i")
    reads as ``"fatima"``."""
    return unicodedata.normalize("NFKC", text).casefold().translate(fold_table())


@dataclass(frozen=True)
class Name:
    """One person's name: its parts in reading form, and which parts are capitalised
    (given names and surnames) rather than particles."""

    parts: tuple[str, ...]
    capital: tuple[bool, ...]
    whole: bool = False
    """A value without a recognisable name (a team, all lower case): only compared as a
    whole, in any spelling."""

    def forms(self) -> set[tuple[str, ...]]:
        """The sequences of parts that read as this person's name in text."""
        if self.whole:
            return {self.parts} if self.parts else set()
        out: set[tuple[str, ...]] = set()
        count = len(self.parts)
        for start in range(count):
            for end in range(start + 1, count + 1):
                run = range(start, end)
                if not (self.capital[start] and self.capital[end - 1]) or \
                        sum(self.capital[i] for i in run) < 2:
                    continue
                full = tuple(self.parts[i] for i in run)
                bare = tuple(self.parts[i] for i in run if self.capital[i])
                for form in (full, bare):
                    out.add(form)
                    out.add((form[0][0], *form[1:]))  # the first name as an initial
        out |= self._surname_first()
        return {form for form in out if sum(map(len, form)) >= MIN_LETTERS}

    def _surname_first(self) -> set[tuple[str, ...]]:
        """The listing form, surname first ("Visser, Sanne", "Amrani, Fatima el",
        "el Amrani, F."), as in a list of names or a report's thanks."""
        capitals = [i for i, capital in enumerate(self.capital) if capital]
        if len(capitals) < 2:
            return set()
        given, last = self.parts[capitals[0]], capitals[-1]
        start = last
        while start > 0 and not self.capital[start - 1]:
            start -= 1
        particles, surname = self.parts[start:last], self.parts[last]
        out: set[tuple[str, ...]] = set()
        for first in (given, given[0]):
            out |= {(surname, first), (surname, first, *particles),
                    (*particles, surname, first)}
        return out

    def id_parts(self) -> set[tuple[str, ...]]:
        """Single names that an id may not be: each capitalised part, and each surname with
        the particles before it, of at least ``MIN_ID_LETTERS`` letters."""
        out: set[tuple[str, ...]] = set()
        for index, part in enumerate(self.parts):
            if self.whole or not self.capital[index]:
                continue
            out.add((part,))
            start = index
            while start > 0 and not self.capital[start - 1]:
                start -= 1
            out.add(tuple(self.parts[start:index + 1]))
        return {form for form in out if sum(map(len, form)) >= MIN_ID_LETTERS}


def person_names(value: str) -> list[Name]:
    """The person names in a ``persoon`` value (see the module docstring)."""
    text = unicodedata.normalize("NFKC", value)
    words = list(_WORD.finditer(text))
    if not words:
        return []
    if not any(c.isupper() for c in text):
        return [_name([(m.group(), True) for m in words], whole=True)]
    runs: list[list[tuple[str, bool]]] = [[]]
    previous_end = None
    for match in words:
        word = match.group()
        gap = text[previous_end:match.start()] if previous_end is not None else ""
        if previous_end is not None and not _NAME_GAP.fullmatch(gap):
            runs.append([])
        lower = word.casefold()
        capital = word[0].isupper()
        if capital or lower in PARTICLES:
            runs[-1].append((word, capital))
        else:
            runs.append([])
        previous_end = match.end()
    names = []
    for run in runs:
        while run and not run[-1][1]:
            run.pop()
        while run and not run[0][1]:
            run.pop(0)
        if sum(capital for _, capital in run) >= 2:
            names.append(_name(run))
    return names or [_name([(m.group(), True) for m in words], whole=True)]


def _name(words: list[tuple[str, bool]], whole: bool = False) -> Name:
    parts, capital = [], []
    for word, is_capital in words:
        folded = _NOT_LETTERS.sub("", leesvorm(word))
        if folded:
            parts.append(folded)
            capital.append(is_capital)
    return Name(tuple(parts), tuple(capital), whole)


def email_name(value: str) -> Name | None:
    """The name spelled by an e-mail address's local part, when it has two or more parts
    (``fatima.el.amrani@...``); None for a one-part local part or no address."""
    found = _EMAIL.fullmatch(value.strip())
    if found is None:
        return None
    words = [w for w in _LOCAL_PARTS.split(found.group(1)) if _WORD.search(w)]
    if len(words) < 2:
        return None
    return _name([(w, True) for w in words], whole=True)


class Namen:
    """Finds the internal person names in text, and in ids also the names spelled by
    internal e-mail addresses, in any spelling a reader reads as the name.

    ``persons`` are the ``persoon`` values, ``emails`` the internal addresses; each hit is
    reported as the internal value it comes from."""

    def __init__(self, persons: Iterable[str] = (), emails: Iterable[str] = ()) -> None:
        text_forms: dict[str, set[str]] = {}
        id_forms: dict[str, set[str]] = {}
        for value in sorted(set(persons)):
            for name in person_names(value):
                for form in name.forms():
                    text_forms.setdefault(_PLACEHOLDER.join(form), set()).add(value)
                for form in name.forms() | name.id_parts():
                    id_forms.setdefault(_PLACEHOLDER.join(form), set()).add(value)
        for value in sorted(set(emails)):
            spelled = email_name(value)
            for form in spelled.forms() if spelled else ():
                id_forms.setdefault(_PLACEHOLDER.join(form), set()).add(value)
        self.text = _Finder(text_forms)
        self.ids = _Finder(id_forms)

    def __bool__(self) -> bool:
        return bool(self.text.forms)

    def sequences(self) -> list[list[str]]:
        """The parts of every form searched in text (for the audit's quick first look)."""
        return [form.split(_PLACEHOLDER) for form in self.text.forms]

    def in_text(self, text: str, folded: bool = False) -> dict[str, str]:
        """internal value -> the spelling found, for each name in ``text`` (``folded``:
        ``text`` is in reading form already)."""
        return self.text.search(text if folded else leesvorm(text))

    def in_id(self, identifier: str) -> dict[str, str]:
        """internal value -> the spelling found, when the id spells a name or a long name
        part (see the module docstring)."""
        return self.ids.search(leesvorm(identifier))


class _Finder:
    """One regex for many name forms, with free separators and a boundary around."""

    def __init__(self, forms: dict[str, set[str]]) -> None:
        self.forms = forms
        self.by_letters: dict[str, set[str]] = {}
        for form, values in forms.items():
            self.by_letters.setdefault(form.replace(_PLACEHOLDER, ""), set()).update(values)
        self.pattern = re.compile(_BEFORE + trie_pattern(sorted(forms)).pattern.replace(
            re.escape(_PLACEHOLDER), _SEPARATOR) + _AFTER) if forms else None

    def search(self, text: str) -> dict[str, str]:
        found: dict[str, str] = {}
        if self.pattern is None:
            return found
        for match in self.pattern.finditer(text):
            for value in sorted(self.by_letters.get(_NOT_LETTERS.sub("", match.group()), ())):
                found.setdefault(value, match.group())
        return found
