"""Reading files from the project folder, and nothing outside it.

Every data file, story, training part, photo and hand-written page is read through here:

* no symbolic link anywhere between the project folder and the file (a link to
  ``/etc/passwd`` or ``/proc/self/environ`` would publish the host's files);
* only regular files (a named pipe would make the build wait forever, a device never ends);
* a size limit, checked on the open file, so a huge file is refused before it is read.

The file is opened without following a final symbolic link and checked on the open file
descriptor, so it cannot be swapped for a link between the check and the read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

SYMLINK = ("Dit bestand is een snelkoppeling (symlink), of staat in een map die dat is. De "
           "site leest alleen echte bestanden in de projectmap: zet het bestand zelf hier neer.")
OUTSIDE = "Dit bestand staat buiten de projectmap. Zet het in de projectmap."
SPECIAL = ("Dit is geen gewoon bestand (maar bijvoorbeeld een pipe of een apparaat). Verwijder "
           "het en zet er een gewoon bestand neer.")


class FileProblem(Exception):
    """A file that may not be read; the message is Dutch and says what to do."""


def path_problem(file: Path, root: Path) -> str | None:
    """Why ``file`` may not be read into the site (Dutch), or None.

    Checks the path as written: every part below ``root`` must be a real folder or file."""
    absolute = Path(os.path.abspath(file))
    base = Path(os.path.abspath(root))
    try:
        parts = absolute.relative_to(base).parts
    except ValueError:
        return OUTSIDE
    current = base
    for part in parts:
        current = current / part
        if current.is_symlink():
            return SYMLINK
    return None


def read_bytes(file: Path, root: Path, limit: int) -> bytes:
    """The content of ``file``, a regular file below ``root`` of at most ``limit`` bytes.

    Raises ``FileProblem`` (Dutch) or ``OSError`` (the file cannot be read)."""
    problem = path_problem(file, root)
    if problem:
        raise FileProblem(problem)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(file, flags)
    except OSError as exc:
        if Path(file).is_symlink():
            raise FileProblem(SYMLINK) from exc
        raise
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem(SPECIAL)
        if info.st_size > limit:
            raise FileProblem(too_big(limit))
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileProblem(too_big(limit))
    return data


def too_big(limit: int) -> str:
    size = f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit // 1000} kB"
    return f"Het bestand is groter dan {size}. Maak het kleiner of splits het op."


def exists(file: Path) -> bool:
    """True when something is at ``file`` (a broken link or a pipe counts: reading it then
    gives the right message, not "missing")."""
    return os.path.lexists(file)


def foreign_entries(folder: Path) -> list[tuple[Path, str]]:
    """Symlinks and special files below ``folder`` (not following links), with the reason.

    MkDocs follows links while listing docs/; checked before it does, a link to ``/`` cannot
    make it walk the whole disk."""
    out: list[tuple[Path, str]] = []
    if Path(folder).is_symlink():
        return [(Path(folder), SYMLINK)]
    for current, dirs, names in os.walk(folder, followlinks=False):
        for name in sorted([*dirs, *names]):
            entry = Path(current) / name
            mode = os.lstat(entry).st_mode
            if stat.S_ISLNK(mode):
                out.append((entry, SYMLINK))
            elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                out.append((entry, SPECIAL))
        dirs[:] = [d for d in dirs if not (Path(current) / d).is_symlink()]
    return sorted(out)
