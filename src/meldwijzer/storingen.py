"""Faults that are not in the data end in one Dutch line, never in a traceback.

A full disk, a folder that cannot be written, or a helper process killed halfway (by the
system when memory runs out, or by hand) stop the build. The previous site stays as it was
(see ``atomic``: the build writes into a staging folder that is dropped); what the reader of
the log needs is what happened and what to do, in one line. Some of these faults surface in
our own code (``helper_died`` turns a broken helper pool into ``Abort``); others surface in
MkDocs itself, which writes the pages and lets an ``OSError`` through to the interpreter:
``install`` sets a ``sys.excepthook`` that prints the Dutch line for those and leaves every
other exception to the hook before it.
"""

from __future__ import annotations

import contextlib
import errno
import sys
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from mkdocs.exceptions import Abort

from .safety import printable

KEPT = "De vorige site blijft staan."
HELPER_DIED = ("Een hulpproces van de bouw is onverwacht gestopt (afgebroken, of het geheugen "
               f"was op). {KEPT} Bouw opnieuw; gebeurt het weer, bouw dan zonder hulpprocessen "
               "met MELDWIJZER_HULP=uit.")
_DISK = {
    errno.ENOSPC: "De schijf is vol",
    errno.EDQUOT: "De schijfruimte (quota) is op",
    errno.EROFS: "De schijf is alleen-lezen",
    errno.EACCES: "Geen toestemming om te schrijven",
    errno.EPERM: "Geen toestemming om te schrijven",
    errno.EIO: "De schijf gaf een leesfout of schrijffout",
}


def message(exc: BaseException) -> str | None:
    """The Dutch line for a fault outside the data, or None for any other exception."""
    if isinstance(exc, BrokenProcessPool):
        return HELPER_DIED
    if isinstance(exc, OSError) and exc.errno in _DISK:
        # A full disk is the disk's, not a file's (a copy names its source file, too).
        named = None if exc.errno in (errno.ENOSPC, errno.EDQUOT) else \
            exc.filename2 or exc.filename
        where = f" bij {printable(str(named))}" if named else ""
        return (f"{_DISK[exc.errno]}{where}, dus de site kon niet worden geschreven. {KEPT} "
                "Maak ruimte vrij of kies een andere map (site_dir of -d) en bouw opnieuw.")
    return None


@contextlib.contextmanager
def helper_died() -> Iterator[None]:
    """A helper pool that broke (a helper killed) becomes the Dutch ``Abort``."""
    try:
        yield
    except BrokenProcessPool:
        raise Abort(HELPER_DIED) from None


def _hook(kind: type[BaseException], exc: BaseException,
          trace: TracebackType | None) -> None:
    line = message(exc)
    if line is None:
        _previous(kind, exc, trace)
        return
    sys.stderr.write(f"Gestopt: {line}\n")


_previous = sys.excepthook


def install() -> None:
    """Print the Dutch line for faults that reach the interpreter (once per process)."""
    global _previous
    if sys.excepthook is not _hook:
        _previous = sys.excepthook
        sys.excepthook = _hook
