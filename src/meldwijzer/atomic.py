"""Publishing a build: readers see one complete site, the old one or the new one.

MkDocs empties ``site_dir`` and writes page by page, so a build that fails halfway would leave
a broken or empty site, and two builds at once would write into each other. The protocol:

1. **Lock.** A build takes an exclusive lock on ``.<name>.lock`` beside the output folder
   (``flock``: released by the kernel when the process dies, even by ``kill -9``). A second
   build of the same output waits, says so, and runs after the first: builds serialise.
2. **Stage.** The build writes into a fresh folder of its own beside the output folder
   (``.<name>.bouw-XXXX``). Leftovers of killed builds are removed under the lock.
3. **Check.** Only when MkDocs finished every page, every plugin wrote its files, strict
   mode counted no warning and the site's own checks passed, the staged site is published.
4. **Publish**, one of three ways, each leaving a complete site at every moment:

   * the output folder is a folder: both folders are exchanged in one atomic system call
     (``renameat2(RENAME_EXCHANGE)``); where the system lacks it, two renames;
   * the output folder is a symbolic link (the "releases" layout of many deployments): the
     site goes to a new version folder and the link is replaced atomically;
   * the output folder is a mount point (a Docker volume) and cannot be renamed: files are
     replaced one by one, each atomically, assets before pages, stale files last. Each file is
     always complete; for a moment old and new pages are mixed (see SECURITY.md).

5. **Profiles never mix.** Every site carries ``.meldwijzer-profiel`` (publiek or intern). A
   build refuses to replace a folder that holds the other profile's site, or a folder that
   is not a meldwijzer site at all. The internal build's output folder always ends in
   ``-intern`` (``site`` becomes ``site-intern``, ``public`` becomes ``public-intern``).

``mkdocs serve`` builds into a temporary folder of its own and is left alone.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import glob
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.utils import CountHandler

log = logging.getLogger("mkdocs.plugins.meldwijzer")

MARKER = ".meldwijzer-profiel"
INTERN_SUFFIX = "-intern"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def intern_folder(site_dir: str) -> str:
    """The internal build's output folder for a configured ``site_dir``."""
    path = Path(site_dir)
    return site_dir if path.name.endswith(INTERN_SUFFIX) else str(
        path.with_name(path.name + INTERN_SUFFIX))


@dataclass
class Staging:
    target: Path
    staging: Path
    profiel: str
    lock: IO[bytes]
    started: float = field(default_factory=time.monotonic)


_active: dict[int, Staging] = {}


def _lock(target: Path) -> IO[bytes]:
    handle = open(target.with_name(f".{target.name}.lock"), "ab")  # noqa: SIM115 - held
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        log.info(f"Er loopt al een bouw naar {target}. Deze bouw wacht tot die klaar is.")
        fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def site_profile(folder: Path) -> str | None:
    """The profile of the meldwijzer site in ``folder`` ("publiek", "intern"), "" for a
    folder that holds something else, None for a missing or empty folder."""
    if not folder.is_dir() or not any(folder.iterdir()):
        return None
    marker = folder / MARKER
    if marker.is_file():
        return marker.read_text("utf-8").strip()
    if (folder / "assets" / "meldwijzer" / "meldwijzer.css").is_file():  # built before 0.2
        robots = folder / "robots.txt"
        internal = robots.is_file() and "Disallow: /" in robots.read_text("utf-8", "replace")
        return "intern" if internal else "publiek"
    return ""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _refuse_inside_other_site(target: Path, profiel: str) -> None:
    """The internal site may not be written inside the public one (``-d site/intern``),
    nor the other way round: a folder's whole content is published."""
    for folder in target.parents:
        found = site_profile(folder)
        if found and found != profiel and (folder / MARKER).is_file():
            raise Abort(f"{target} ligt in de map {folder}, en daar staat de "
                        f"{'interne' if found == 'intern' else 'openbare'} site. Kies een map "
                        "buiten die site.")


def _refuse_other_profile(target: Path, profiel: str) -> None:
    if os.path.lexists(target) and not target.is_dir():
        raise Abort(f"{target} is een bestand, geen map. De bouw schrijft daar niet overheen; "
                    "kies een andere map voor de site (site_dir of -d).")
    found = site_profile(target)
    if found is None or found == profiel:
        return
    if found == "":
        raise Abort(f"De map {target} bestaat al en bevat geen site van meldwijzer. De bouw "
                    "schrijft daar niet overheen. Kies een andere map (site_dir of -d) of "
                    "maak deze map leeg.")
    names = {"publiek": "openbare", "intern": "interne"}
    raise Abort(f"De map {target} bevat de {names.get(found, found)} site. Een "
                f"{names.get(profiel, profiel)} bouw schrijft daar nooit overheen. Kies voor "
                "elke versie een eigen map (de interne versie gaat standaard naar een map die "
                "op -intern eindigt).")


def begin(config: MkDocsConfig, profiel: str, dirty: bool = False) -> None:
    """Lock the output folder and point the build at a fresh staging folder beside it."""
    target = Path(os.path.abspath(config.site_dir))
    _refuse_inside_other_site(target, profiel)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = _lock(target)
    except OSError as exc:
        raise Abort(f"Kan niet schrijven in {target.parent} ({exc.strerror}). Controleer de "
                    "rechten op die map, of kies een andere map voor de site.") from None
    try:
        _refuse_other_profile(target, profiel)
        _remove_leftovers(target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.bouw-", dir=target.parent))
        # mkdtemp makes a folder only its owner can read; a web server reads as another user.
        staging.chmod(0o777 & ~_umask())
        if dirty and target.is_dir():
            # --dirty writes only changed pages: start from the published site.
            shutil.copytree(target, staging, symlinks=True, dirs_exist_ok=True)
    except OSError as exc:
        lock.close()
        raise Abort(f"Kan geen tijdelijke map maken naast {target} ({exc.strerror}). "
                    "Controleer de rechten en de vrije ruimte.") from None
    except Abort:
        lock.close()
        raise
    config.site_dir = str(staging)
    _active[id(config)] = Staging(target, staging, profiel, lock)
    log.info(f"meldwijzer bouwt eerst in {staging.name} en zet de site pas na alle "
             f"controles op zijn plaats in {target}.")


def _remove_leftovers(target: Path) -> None:
    """Staging and version folders of builds that were killed (we hold the lock)."""
    name = glob.escape(target.name)
    patterns = (f".{name}.bouw-*", f".{name}.bouw", f".{name}.oud", f".{name}.link-*")
    current = os.path.realpath(target) if target.is_symlink() else None
    for pattern in patterns:
        for leftover in target.parent.glob(pattern):
            if leftover.is_symlink() or leftover.is_file():
                leftover.unlink(missing_ok=True)
            elif os.path.realpath(leftover) != current:
                shutil.rmtree(leftover, ignore_errors=True)
    for version in target.parent.glob(f".{name}.versie-*"):
        if os.path.realpath(version) != current:
            shutil.rmtree(version, ignore_errors=True)


def strict_warnings() -> int:
    """Warnings counted so far by ``mkdocs build --strict`` (0 when not strict)."""
    handlers = logging.getLogger("mkdocs").handlers
    return sum(count for handler in handlers if isinstance(handler, CountHandler)
               for _, count in handler.get_counts())


def finish(config: MkDocsConfig, checks: Callable[[Path], None]) -> None:
    """Run ``checks`` on the staged site, then publish it (or leave everything as it was)."""
    stage = _active.get(id(config))
    if stage is None or (config.strict and strict_warnings()):
        return  # MkDocs aborts right after this event; ``fail`` then cleans up
    (stage.staging / MARKER).write_text(stage.profiel + "\n", "utf-8")
    checks(stage.staging)
    try:
        publish(stage.staging, stage.target)
    except OSError as exc:
        raise Abort(f"De nieuwe site kon niet worden neergezet in {stage.target} "
                    f"({exc.strerror}). De vorige site blijft staan. Controleer of de map "
                    "beschrijfbaar is.") from None
    _active.pop(id(config))
    stage.lock.close()
    config.site_dir = str(stage.target)


def fail(config: MkDocsConfig) -> None:
    """The build failed: drop the staging folder; the previous site stays untouched."""
    stage = _active.pop(id(config), None)
    if stage is None:
        return
    shutil.rmtree(stage.staging, ignore_errors=True)
    stage.lock.close()
    log.error(f"De site is niet bijgewerkt: {stage.target} blijft zoals hij was.")


def publish(staging: Path, target: Path) -> None:
    """Put the finished site in ``staging`` in place of ``target`` (see the module doc)."""
    if target.is_symlink():
        _flip_link(staging, target)
        return
    if not os.path.lexists(target):
        os.rename(staging, target)
    elif os.path.ismount(target):
        _replace_files(staging, target)
    else:
        try:
            _exchange(staging, target)
        except OSError as exc:
            if exc.errno in (errno.EBUSY, errno.EXDEV, errno.EPERM, errno.EACCES):
                _replace_files(staging, target)  # a mount point or a folder we may not move
                return
            raise
    shutil.rmtree(staging, ignore_errors=True)  # now the previous site


def _exchange(new: Path, old: Path) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        result = renameat2(_AT_FDCWD, bytes(new), _AT_FDCWD, bytes(old), _RENAME_EXCHANGE)
        if result == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            raise OSError(code, os.strerror(code), str(old))
    # No atomic exchange on this system: two renames (the site is missing for a moment).
    parked = old.with_name(f".{old.name}.oud")
    os.rename(old, parked)
    os.rename(new, old)
    os.rename(parked, new)


def _flip_link(staging: Path, link: Path) -> None:
    version = link.with_name(f".{link.name}.versie-{time.time_ns()}")
    os.rename(staging, version)
    previous = os.path.realpath(link)
    temporary = link.with_name(f".{link.name}.link-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(version.name, target_is_directory=True)
    os.replace(temporary, link)
    if Path(previous).name.startswith(f".{link.name}.versie-"):
        shutil.rmtree(previous, ignore_errors=True)


def _replace_files(staging: Path, target: Path) -> None:
    """Update a folder that cannot be moved: each file replaced atomically, assets first,
    pages next, files the new site no longer has last."""
    new = sorted(_files(staging), key=lambda p: (p.suffix == ".html", p.name == "index.html",
                                                 p.as_posix()))
    for relative in new:
        source, dest = staging / relative, target / relative
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.is_file() and not dest.is_symlink() and _same(source, dest):
            continue
        handle, temporary = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
        os.close(handle)
        shutil.copyfile(source, temporary)
        os.chmod(temporary, 0o644)
        os.replace(temporary, dest)
    keep = set(new)
    for relative in sorted(_files(target), reverse=True):
        if relative not in keep:
            (target / relative).unlink(missing_ok=True)
    for folder in sorted((p for p in target.rglob("*") if p.is_dir()), reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only empty folders


def _files(root: Path) -> Iterator[Path]:
    for current, _, names in os.walk(root):
        for name in names:
            yield (Path(current) / name).relative_to(root)


def _same(a: Path, b: Path) -> bool:
    return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
