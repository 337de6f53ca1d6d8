"""Atomic builds: a failed ``mkdocs build`` leaves the previous site exactly as it was.

MkDocs empties ``site_dir`` first and then writes page by page, so a build that fails halfway
(a data error, a template error, a broken link under ``--strict``, an exception in a hook, a
file that is not UTF-8) would leave a broken or empty site behind. Instead the build writes
into a staging folder next to the target. Only when MkDocs has finished every page, every
plugin has written its files, strict mode counted no warning and the site's own checks
passed, the staging folder replaces the target: two renames in the same parent folder, so
the target is never half written. On any failure the staging folder is removed.

``mkdocs serve`` builds into a temporary folder of its own and is left alone.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import CountHandler

log = logging.getLogger("mkdocs.plugins.meldwijzer")


@dataclass(frozen=True)
class Staging:
    target: Path
    staging: Path

    @classmethod
    def for_target(cls, target: Path) -> Staging:
        return cls(target, target.with_name(f".{target.name}.bouw"))


_active: dict[int, Staging] = {}


def begin(config: MkDocsConfig) -> None:
    """Point the build at a fresh staging folder beside the real output folder."""
    target = Path(config.site_dir).resolve()
    stage = Staging.for_target(target)
    if stage.staging.exists():
        shutil.rmtree(stage.staging)
    config.site_dir = str(stage.staging)
    _active[id(config)] = stage
    log.info(f"meldwijzer bouwt eerst in {stage.staging.name} en zet de site pas na alle "
             f"controles op zijn plaats in {target}.")


def strict_warnings() -> int:
    """Warnings counted so far by ``mkdocs build --strict`` (0 when not strict)."""
    handlers = logging.getLogger("mkdocs").handlers
    return sum(count for handler in handlers if isinstance(handler, CountHandler)
               for _, count in handler.get_counts())


def finish(config: MkDocsConfig, checks: Callable[[Path], None]) -> None:
    """Run ``checks`` on the staged site, then swap it into place (or discard it)."""
    stage = _active.get(id(config))
    if stage is None or (config.strict and strict_warnings()):
        return  # MkDocs aborts right after this event; ``fail`` then cleans up
    checks(stage.staging)
    _active.pop(id(config))
    _swap(stage)
    config.site_dir = str(stage.target)


def fail(config: MkDocsConfig) -> None:
    """The build failed: drop the staging folder; the previous site stays untouched."""
    stage = _active.pop(id(config), None)
    if stage is None:
        return
    shutil.rmtree(stage.staging, ignore_errors=True)
    log.error(f"De site is niet bijgewerkt: {stage.target} blijft zoals hij was.")


def _swap(stage: Staging) -> None:
    old = stage.target.with_name(f".{stage.target.name}.oud")
    if old.exists():
        shutil.rmtree(old)
    if stage.target.exists():
        os.rename(stage.target, old)
    os.rename(stage.staging, stage.target)
    if old.exists():
        shutil.rmtree(old)
