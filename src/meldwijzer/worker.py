"""Helper processes for a large build: the processors MkDocs leaves idle.

MkDocs renders pages in one process. On a machine with more processors (every CI runner),
a national build hands three kinds of independent work to helper processes: the pocket
cards' QR codes while the main process reads and checks the data, page families that are
pure functions of the checked site (the training slides and handouts) while the main process
renders the other families, and the leak audit of each page while MkDocs writes the next
ones (``audit.Stream``). The output is the same
bytes as without helpers (tested); a small site or a single processor uses none.
"""

from __future__ import annotations

import concurrent.futures
import importlib
import logging
import multiprocessing
import os
from pathlib import Path

from . import cache
from .site import Site

log = logging.getLogger("mkdocs.plugins.meldwijzer")

LARGE_FROM = 40
"""From this many municipality files on, a build uses helpers: below it, starting one costs
more than it saves."""


def processes() -> int:
    """Helper processes this machine can run beside MkDocs (0: none); ``MELDWIJZER_HULP``
    sets the number (``uit`` or 0: none)."""
    setting = os.environ.get("MELDWIJZER_HULP", "").strip().lower()
    if setting in cache.OFF:
        return 0
    if setting.isdigit():
        return min(int(setting), 8)
    return max(0, min((os.cpu_count() or 1) - 1, 2))


def wanted(root: Path) -> bool:
    folder = root / "routekaarten" / "gemeenten"
    count = sum(1 for _ in folder.glob("*.y*ml")) if folder.is_dir() else 0
    return processes() > 0 and count >= LARGE_FROM


def start() -> concurrent.futures.ProcessPoolExecutor:
    """Helpers started now, so that they import while the data is read and checked.
    "spawn": a build under `mkdocs serve` has threads, which fork does not copy."""
    log.debug(f"meldwijzer: {processes()} hulpproces(sen) voor deze bouw")
    pool = concurrent.futures.ProcessPoolExecutor(
        processes(), mp_context=multiprocessing.get_context("spawn"))
    for _ in range(processes()):
        pool.submit(_ready)
    return pool


def _ready() -> None:
    """Import and compile now what the shared families need (while the main process reads
    the data): modules, segno, the templates of the slides."""
    from .templating import environment

    for name in environment().list_templates(filter_func=lambda n: n.startswith(
            "trainingen/")):
        environment().get_template(name)


def family_output(module: str, site: Site, root: Path
                  ) -> tuple[dict[str, str], dict[str, bytes]]:
    """``pages(site)`` and ``files(site)`` of the page family ``module``, in a helper (with
    the project's cache, like the main process)."""
    cache.use(cache.Cache.for_project(root))
    family = importlib.import_module(module)
    pages: dict[str, str] = family.pages(site)
    files: dict[str, bytes] = family.files(site)
    return pages, files


def qr_codes(urls: list[str]) -> dict[str, bytes]:
    """Pocket-card QR codes for ``urls``."""
    from .pages import zakkaart

    return {url: zakkaart.qr_svg(url) for url in urls}
