"""A content-addressed cache for derived files: the resized photos.

They are pure functions of their input, and the costliest work per build. Like Material's
own caches, the files live beside the project (``.cache/meldwijzer/``, never in the site), are
named by a hash of everything they depend on (the input, the settings, the version of the
code that makes them), and are written atomically, so parallel builds share them safely.
A file from the cache is byte for byte the file the build would make (tested); deleting
the folder only makes the next build slower.

**A cache may only make a build faster.** Whoever can write the cache folder (in CI: any
pipeline that shares the cache key, such as a merge request's) must not be able to change
what a build publishes. So every entry is checked when it is read (``get``'s ``verify``):
one that fails is deleted and made again. What cannot be checked for less than it costs to
make is not cached at all: QR codes (checking that a code points to the right address means
encoding it again) and the audit's findings (a memo of clean files would let a planted
leak through; see ``audit``).

``MELDWIJZER_CACHE`` chooses another folder; ``MELDWIJZER_CACHE=uit`` turns it off.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.meldwijzer")

VERSION = b"meldwijzer-cache-1"
FOLDER = Path(".cache") / "meldwijzer"
OFF = {"uit", "0", "nee", "off"}


class Cache:
    """Derived files by content hash; ``folder=None`` computes everything anew."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0
        self.rejected = 0

    @classmethod
    def for_project(cls, root: Path) -> Cache:
        setting = os.environ.get("MELDWIJZER_CACHE", "")
        if setting.strip().lower() in OFF:
            return cls(None)
        return cls(Path(setting) if setting else root / FOLDER)

    def path(self, kind: str, key: bytes) -> Path | None:
        """Where the entry for ``key`` is kept (None without a cache)."""
        if self.folder is None:
            return None
        digest = hashlib.sha256(VERSION + b"\0" + kind.encode() + b"\0" + key).hexdigest()
        return self.folder / kind / digest[:2] / digest

    def get(self, kind: str, key: bytes, make: Callable[[], bytes],
            verify: Callable[[bytes], bool]) -> bytes:
        """The bytes for ``key`` from the cache when ``verify`` accepts them, else
        ``make()`` (then stored; an entry that ``verify`` refuses is replaced)."""
        path = self.path(kind, key)
        if path is None:
            return make()
        try:
            data = path.read_bytes()
        except OSError:
            pass
        else:
            if verify(data):
                self.hits += 1
                return data
            self.rejected += 1
            log.info(f"meldwijzer: een bestand in de cache ({path}) klopt niet en is "
                        "opnieuw gemaakt. Heeft iemand anders dan de bouw in de cache "
                        "geschreven?")
        data = make()
        self.misses += 1
        self.store(path, data)
        return data

    @staticmethod
    def store(path: Path, data: bytes) -> None:
        """Write ``data`` to ``path`` atomically; a failure only costs speed."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except OSError:
            return  # a read-only or full disk only costs speed, never the build


_current = Cache(None)


def use(cache: Cache) -> None:
    """Set the cache for this build (``build.check`` does, per project)."""
    global _current
    _current = cache


def current() -> Cache:
    return _current
