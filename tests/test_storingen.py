"""Faults outside the data end in one Dutch line, never in a traceback, and the previous
site stays as it was: a helper process killed halfway through a build, and a full disk
while the site is written (a real, small tmpfs where the machine lets us mount one)."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import EPOCH, FIXTURES, PYTHONPATH, ROOT, copy_project, run_mkdocs
from meldwijzer.storingen import HELPER_DIED

sys.path.insert(0, str(ROOT / "benchmarks"))
from synth import make_project

from meldwijzer.worker import LARGE_FROM

DISK_FULL = "Gestopt: De schijf is vol"


def _snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH,
            "PYTHONPATH": PYTHONPATH, "MELDWIJZER_CACHE": "uit", **extra}


def _helpers_of(pid: int) -> list[int]:
    found = []
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in command:
            found.append(int(child))
    return found


def _wait(condition: object, limit: float = 300) -> None:
    start = time.monotonic()
    while not condition():  # type: ignore[operator]
        assert time.monotonic() - start < limit, "timed out"
        time.sleep(0.05)


@pytest.mark.parametrize("moment", ["bij-het-lezen", "bij-het-schrijven"])
def test_a_helper_killed_mid_build_ends_in_one_dutch_line(tmp_path: Path, moment: str) -> None:
    project = make_project(tmp_path / "regio", LARGE_FROM)
    site = tmp_path / "site"
    first = run_mkdocs(project, site, env={"MELDWIJZER_HULP": "uit"})
    assert first.returncode == 0, first.log
    before = _snapshot(site)
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(site)], env=_env(MELDWIJZER_HULP="1", MELDWIJZER_PROFIEL="publiek"),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait(lambda: _helpers_of(process.pid) or process.poll() is not None)
        if moment == "bij-het-schrijven":  # the pages are being written into the staging folder
            _wait(lambda: any(True for s in tmp_path.glob(".site.bouw-*")
                              for _ in s.glob("gemeenten/*.html")) or process.poll() is not None)
        helpers = _helpers_of(process.pid)
        assert helpers and process.poll() is None, "the build ended before a helper was killed"
        for helper in helpers:
            os.kill(helper, signal.SIGKILL)
        output, _ = process.communicate(timeout=600)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode != 0, output
    assert "Traceback" not in output, output
    assert HELPER_DIED in output and "KeyError" not in output, output
    assert _snapshot(site) == before
    assert not list(tmp_path.glob(".site.bouw-*"))


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[tuple[Path, bool]]:
    """A folder on a real tmpfs that holds the small region's site once and a half (mounted
    when we may), else a plain folder where the build's writes are made to fail with ENOSPC
    (``_FULL_AFTER``): (folder, real)."""
    project = copy_project(FIXTURES / "klein", tmp_path / "proef")
    trial = run_mkdocs(project, tmp_path / "proef-site")
    assert trial.returncode == 0, trial.log
    size = sum(p.stat().st_size + 4096 for p in trial.site.rglob("*"))
    folder = tmp_path / "schijf"
    folder.mkdir()
    # MW_PROBEER_ZONDER_TMPFS=1 tries the other path on a machine that can mount.
    mounted = not os.environ.get("MW_PROBEER_ZONDER_TMPFS") and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size * 3 // 2}", "tmpfs", str(folder)],
        capture_output=True, check=False).returncode == 0
    try:
        yield folder, mounted
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=True)


# Without a tmpfs: every file MkDocs writes after the first 400 fails as a full disk does.
_FULL_AFTER = """
import errno, os, mkdocs.utils
_write, _count = mkdocs.utils.write_file, [0]
def write_file(content, output_path):
    _count[0] += 1
    if _count[0] > int(os.environ["MW_VOL_NA"]):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), output_path)
    return _write(content, output_path)
mkdocs.utils.write_file = write_file
"""


def test_a_full_disk_ends_in_one_dutch_line_and_keeps_the_site(
        tmp_path: Path, small_disk: tuple[Path, bool]) -> None:
    disk, real = small_disk
    project = copy_project(FIXTURES / "klein", tmp_path / "project")
    site = disk / "site"
    first = run_mkdocs(project, site)
    assert first.returncode == 0, first.log
    before = _snapshot(site)
    if real:
        env: dict[str, str] = {}
    else:
        hook = tmp_path / "vol"
        hook.mkdir()
        (hook / "sitecustomize.py").write_text(_FULL_AFTER, "utf-8")
        env = {"PYTHONPATH": f"{hook}{os.pathsep}{PYTHONPATH}", "MW_VOL_NA": "5"}
    (project / "routekaarten" / "gemeenten" / "westerdorp.yml").write_text(
        (project / "routekaarten" / "gemeenten" / "westerdorp.yml").read_text("utf-8")
        .replace("naam: Westerdorp", "naam: Westerdorp\ninleiding: Nieuw."), "utf-8")
    second = run_mkdocs(project, site, env=env)
    assert second.returncode != 0, second.log
    assert "Traceback" not in second.log, second.log
    assert DISK_FULL in second.log and "De vorige site blijft staan" in second.log, second.log
    assert _snapshot(site) == before
    assert not [p for p in disk.iterdir() if p.name.startswith(".site.bouw")]
