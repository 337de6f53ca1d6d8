"""Search finds the worker's word, not only the editor's.

Editors write "identiteitspapieren", a counter clerk types "paspoort". A Dutch synonym list
ships with the package (``data/synoniemen.yml``, general, for every region); a region adds its
own groups in ``regio.yml`` (``synoniemen``). For every text that is searched (a signal, a
contact), the words of each group that the text uses bring the other words of that group
into the search index: in an element that is hidden on the page and from screen readers,
but indexed by the site's search.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

Groep = tuple[str, ...]


@lru_cache(maxsize=1)
def standard() -> tuple[Groep, ...]:
    """The groups shipped with meldwijzer (read once per process)."""
    text = (resources.files("meldwijzer") / "data" / "synoniemen.yml").read_text("utf-8")
    return tuple(tuple(str(word) for word in group) for group in yaml.safe_load(text))


@dataclass(frozen=True)
class Synoniemen:
    """Finds, for a text, the words of the groups it uses that it does not use itself."""

    groepen: tuple[Groep, ...]

    @classmethod
    def for_region(cls, extra: Iterable[Sequence[str]] = ()) -> Synoniemen:
        return cls((*standard(), *(tuple(group) for group in extra)))

    def erbij(self, *texts: str | None) -> tuple[str, ...]:
        """The words to add to the search index for these texts, in group order."""
        haystack = " ".join(t for t in texts if t).casefold()
        if not haystack:
            return ()
        out: list[str] = []
        for group, pattern in _patterns(self.groepen):
            found = set(pattern.findall(haystack))
            if found:
                seen = found | {w.casefold() for w in out}
                for word in group:
                    if word.casefold() not in seen:
                        out.append(word)
                        seen.add(word.casefold())
        return tuple(out)


@lru_cache(maxsize=8)
def _patterns(groepen: tuple[Groep, ...]) -> tuple[tuple[Groep, re.Pattern[str]], ...]:
    """One regex per group: any of its words as a whole word (case folded)."""
    out = []
    for group in groepen:
        words = sorted({w.casefold() for w in group}, key=len, reverse=True)
        body = "|".join(re.escape(w) for w in words)
        out.append((group, re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")))
    return tuple(out)
