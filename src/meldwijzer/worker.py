"""Helper processes for a large build: the processors MkDocs leaves idle.

MkDocs renders pages in one process. On a machine with more processors (every CI runner),
a national build hands three kinds of independent work to helper processes: the pocket
cards' QR codes while the main process reads and checks the data, page families that are
pure functions of the checked site (the training slides and handouts) while the main process
renders the other families, and the leak audit of each page while MkDocs writes the next
ones (``audit.Stream``). The output is the same
bytes as without helpers (tested); a single processor uses none.

**When helpers pay** (``pays``). Starting a helper costs about a second of processor time
(a fresh interpreter that imports MkDocs' dependencies, Jinja, segno and our templates) and
every page is copied to it for the audit; on a machine with two processors the helper
shares them with MkDocs. What a helper takes off the main process is the
leak audit of every page, the QR codes, and the training family (the slides and handouts of
every module for every municipality), so the work grows with municipalities x (1 + modules).
Measured with ``benchmarks/run.py --hulp`` on a quiet 2-processor machine (December 2026,
best of 2 warm builds, seconds without / with helpers):

=====================  ===  =======  ===========
shape                    N  modules  off / on
=====================  ===  =======  ===========
routekaarten only       20        0  2.55 / 3.04
routekaarten only       50        0  4.09 / 3.83
routekaarten only      342        0  23.2 / 19.5
with campaign+modules   10        3  3.60 / 3.94
with campaign+modules   20        3  6.26 / 5.89
with campaign+modules  342        3  80.6 / 73.1
=====================  ===  =======  ===========

(Issue 21 measured a routekaart-only region of 342 slower with helpers, 8.6 s against 9.1 s;
since then a municipality has more pages, the bestuurlijke aanpak and the form among them,
and the audit reads them all.) So the rule, decided from the input's size before anything is
read: helpers start when municipalities x (1 + training modules) is at least ``PAYS_FROM``,
which lies between the last size where they cost (40) and the first where they pay (50).
``MELDWIJZER_HULP=uit`` (or 0) never starts them, ``MELDWIJZER_HULP=N`` always starts N (at
most 8), whatever the size.
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

PAYS_FROM = 45
"""Municipalities x (1 + training modules) from which helpers save more than they cost
(measured: see the module docstring)."""
LARGE_FROM = 40
"""The number of municipalities from which the tests' forced helper builds are large enough
to spread work over processes (the threshold before ``pays``)."""


def _setting() -> str:
    return os.environ.get("MELDWIJZER_HULP", "").strip().lower()


def processes() -> int:
    """Helper processes this machine can run beside MkDocs (0: none); ``MELDWIJZER_HULP``
    sets the number (``uit`` or 0: none)."""
    setting = _setting()
    if setting in cache.OFF:
        return 0
    if setting.isdigit():
        return min(int(setting), 8)
    return max(0, min((os.cpu_count() or 1) - 1, 2))


def work(root: Path) -> tuple[int, int]:
    """(municipality files, training modules) of the project: the size that decides."""
    municipalities = root / "routekaarten" / "gemeenten"
    modules = root / "trainingen"
    return (sum(1 for _ in municipalities.glob("*.y*ml")) if municipalities.is_dir() else 0,
            sum(1 for p in modules.glob("*/module.yml")) if modules.is_dir() else 0)


def pays(municipalities: int, modules: int) -> bool:
    """Whether helpers save more than they cost for a project of this size."""
    return municipalities * (1 + modules) >= PAYS_FROM


def wanted(root: Path) -> bool:
    """Whether this build starts helpers (see the module docstring)."""
    if processes() == 0:
        return False
    return _setting().isdigit() or pays(*work(root))


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
