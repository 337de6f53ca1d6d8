"""A content-addressed cache for derived files: QR codes and resized photos.

They are pure functions of their input, and the costliest work per build. Like Material's
own caches, the files live beside the project (``.cache/meldwijzer/``, never in the site), are
named by a hash of everything they depend on (the input, the settings, the version of the
code that makes them), and are written atomically, so parallel builds share them safely.
A file from the cache is byte for byte the file the build would make (tested); deleting
the folder only makes the next build slower.

``MELDWIJZER_CACHE`` chooses another folder; ``MELDWIJZER_CACHE=uit`` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

VERSION = b"meldwijzer-cache-1"
FOLDER = Path(".cache") / "meldwijzer"
OFF = {"uit", "0", "nee", "off"}


class Cache:
    """Derived files by content hash; ``folder=None`` computes everything anew."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    @classmethod
    def for_project(cls, root: Path) -> Cache:
        setting = os.environ.get("MELDWIJZER_CACHE", "")
        if setting.strip().lower() in OFF:
            return cls(None)
        return cls(Path(setting) if setting else root / FOLDER)

    def get(self, kind: str, key: bytes, make: Callable[[], bytes]) -> bytes:
        """The bytes for ``key`` from the cache, else ``make()`` (then stored)."""
        if self.folder is None:
            return make()
        digest = hashlib.sha256(VERSION + b"\0" + kind.encode() + b"\0" + key).hexdigest()
        path = self.folder / kind / digest[:2] / digest
        try:
            data = path.read_bytes()
            self.hits += 1
            return data
        except OSError:
            pass
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
