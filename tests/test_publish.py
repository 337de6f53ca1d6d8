"""Publishing: readers always find a complete site; builds at the same time serialise; the
internal build never lands in the public folder; mounted and linked output folders work.

Real builds in subprocesses, killed with SIGKILL at random moments while a reader polls the
output folder the way a web server would (path by path)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import EPOCH, PYTHONPATH, run_mkdocs
from test_atomic import leftovers, snapshot


def _command(project: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
            str(project / "mkdocs.yml"), "-d", str(site)]


ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH,
       "PYTHONPATH": PYTHONPATH, "MELDWIJZER_PROFIEL": "publiek"}


def _files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


class Reader(threading.Thread):
    """Polls every file of the site by path, as a web server would; records what is missing."""

    def __init__(self, site: Path, paths: list[str]) -> None:
        super().__init__(daemon=True)
        self.site, self.paths = site, paths
        self.missing: list[str] = []
        self.polls = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            gone = [p for p in self.paths if not (self.site / p).is_file()]
            if gone:
                self.missing.append(f"poll {self.polls}: {len(gone)} missing, e.g. {gone[:3]}")
            self.polls += 1


@pytest.fixture
def built(klein_project: Path) -> Iterator[tuple[Path, Path, list[str]]]:
    site = klein_project / "site"
    first = run_mkdocs(klein_project, site)
    assert first.returncode == 0, first.log
    yield klein_project, site, _files(site)


def test_parallel_builds_serialise_and_publish_a_complete_site(
        built: tuple[Path, Path, list[str]]) -> None:
    project, site, expected = built
    reader = Reader(site, expected)
    reader.start()
    runs = [subprocess.Popen(_command(project, site), env=ENV, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True) for _ in range(3)]
    logs = [run.communicate(timeout=300)[0] for run in runs]
    reader.stop.set()
    reader.join()
    assert [run.returncode for run in runs] == [0, 0, 0], logs
    assert any("wacht" in log for log in logs), "a second build should wait for the first"
    assert _files(site) == expected
    assert not reader.missing, reader.missing[:3]
    assert reader.polls > 50
    assert leftovers(project) == []


def test_killed_builds_never_leave_an_incomplete_site(
        built: tuple[Path, Path, list[str]]) -> None:
    project, site, expected = built
    reader = Reader(site, expected)
    reader.start()
    chance = random.Random(20261127)
    for _ in range(8):
        run = subprocess.Popen(_command(project, site), env=ENV, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        time.sleep(chance.uniform(0.3, 3.0))
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
    reader.stop.set()
    reader.join()
    assert not reader.missing, reader.missing[:3]
    assert _files(site) == expected
    final = run_mkdocs(project, site)
    assert final.returncode == 0, final.log
    assert _files(site) == expected
    assert leftovers(project) == []


def test_internal_build_never_writes_to_the_public_folder(
        built: tuple[Path, Path, list[str]]) -> None:
    project, _, _ = built
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nsite_dir: public\n", "utf-8")
    public = run_mkdocs(project, None)
    assert public.returncode == 0, public.log
    public_site = project / "public"
    before = snapshot(public_site)
    intern = run_mkdocs(project, None, profiel="intern")
    assert intern.returncode == 0, intern.log
    assert "public-intern" in intern.log
    assert (project / "public-intern" / ".meldwijzer-profiel").read_text("utf-8") == "intern\n"
    assert snapshot(public_site) == before
    www = run_mkdocs(project, project / "www", profiel="intern")
    assert www.returncode == 0 and www.site == project / "www-intern"
    assert not (project / "www").exists()


def test_a_folder_holding_the_other_profile_is_never_overwritten(
        built: tuple[Path, Path, list[str]]) -> None:
    project, site, _ = built
    intern = run_mkdocs(project, project / "x", profiel="intern")
    assert intern.returncode == 0
    before = snapshot(project / "x-intern")
    # A public build pointed at the internal folder (a typo in a deploy script).
    wrong = run_mkdocs(project, project / "x-intern")
    assert wrong.returncode != 0
    assert "bevat de interne site" in wrong.log and "Traceback" not in wrong.log
    assert snapshot(project / "x-intern") == before
    # And the other way round: the public site renamed to end in -intern.
    os.rename(site, project / "y-intern")
    other = run_mkdocs(project, project / "y-intern", profiel="intern")
    assert other.returncode != 0 and "bevat de openbare site" in other.log


def test_a_folder_that_is_not_a_site_is_never_overwritten(klein_project: Path) -> None:
    home = klein_project / "belangrijk"
    home.mkdir()
    (home / "notities.txt").write_text("niet weggooien", "utf-8")
    build = run_mkdocs(klein_project, home)
    assert build.returncode != 0 and "geen site van meldwijzer" in build.log
    assert (home / "notities.txt").read_text("utf-8") == "niet weggooien"


def test_a_linked_output_folder_is_switched_atomically(klein_project: Path) -> None:
    releases = klein_project / "releases" / "eerste"
    releases.mkdir(parents=True)
    link = klein_project / "live"
    link.symlink_to(releases, target_is_directory=True)
    for _ in range(2):
        build = run_mkdocs(klein_project, link)
        assert build.returncode == 0, build.log
        assert link.is_symlink() and (link / "index.html").is_file()
    versions = sorted(p.name for p in klein_project.glob(".live.versie-*"))
    assert len(versions) == 1 and os.readlink(link) == versions[0]


def test_dirty_build_publishes_the_whole_site(built: tuple[Path, Path, list[str]]) -> None:
    project, site, expected = built
    # MkDocs itself warns about --dirty, so not --strict here.
    command = [c for c in _command(project, site) if c != "--strict"] + ["--dirty"]
    result = subprocess.run(command, env=ENV, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _files(site) == expected


def _mount(folder: Path, options: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    extra = ["-o", options] if options else []
    result = subprocess.run(["mount", "-t", "tmpfs", *extra, "tmpfs", str(folder)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()}): the mount-point "
                    "tests need root or CAP_SYS_ADMIN")


@pytest.fixture
def mounted(klein_project: Path) -> Iterator[Path]:
    site = klein_project / "volume"
    _mount(site)
    yield site
    subprocess.run(["umount", "-l", str(site)], check=False)


def test_a_mount_point_output_folder_is_updated_in_place(klein_project: Path,
                                                         mounted: Path) -> None:
    first = run_mkdocs(klein_project, mounted)
    assert first.returncode == 0, first.log
    assert os.path.ismount(mounted)
    (mounted / "verouderd.html").write_text("oud", "utf-8")
    file = klein_project / "routekaarten" / "gemeenten" / "westerdorp.yml"
    file.write_text(file.read_text("utf-8").replace("14 035", "14 036"), "utf-8")
    second = run_mkdocs(klein_project, mounted)
    assert second.returncode == 0, second.log
    assert os.path.ismount(mounted)
    assert "14 036" in (mounted / "gemeenten" / "westerdorp.html").read_text("utf-8")
    assert not (mounted / "verouderd.html").exists()
    assert leftovers(klein_project) == []


def test_a_read_only_output_folder_fails_clearly_and_recovers(klein_project: Path,
                                                              mounted: Path) -> None:
    assert run_mkdocs(klein_project, mounted).returncode == 0
    before = snapshot(mounted)
    file = klein_project / "routekaarten" / "gemeenten" / "westerdorp.yml"
    file.write_text(file.read_text("utf-8").replace("14 035", "14 036"), "utf-8")
    subprocess.run(["mount", "-o", "remount,ro", str(mounted)], check=True)
    try:
        failed = run_mkdocs(klein_project, mounted)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(mounted)], check=True)
    assert failed.returncode != 0
    assert "kon niet worden neergezet" in failed.log and "Traceback" not in failed.log
    assert snapshot(mounted) == before
    again = run_mkdocs(klein_project, mounted)
    assert again.returncode == 0, again.log
    assert "14 036" in (mounted / "gemeenten" / "westerdorp.html").read_text("utf-8")
    assert leftovers(klein_project) == []


def test_the_published_folder_is_readable_by_a_web_server(built: tuple[Path, Path, list[str]],
                                                          ) -> None:
    _, site, _ = built
    assert site.stat().st_mode & 0o005 == 0o005  # others may read and enter it
    assert all(p.stat().st_mode & 0o004 for p in site.rglob("*"))


def test_the_internal_site_is_never_written_inside_the_public_one(
        built: tuple[Path, Path, list[str]]) -> None:
    project, site, _ = built
    before = snapshot(site)
    inside = run_mkdocs(project, site / "intern", profiel="intern")
    assert inside.returncode != 0 and "ligt in de map" in inside.log
    assert snapshot(site) == before


def test_the_internal_site_is_never_pushed_with_gh_deploy(klein_project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "gh-deploy", "--force", "-f",
         str(klein_project / "mkdocs.yml")], capture_output=True, text=True, check=False,
        env={**ENV, "MELDWIJZER_PROFIEL": "intern"}, cwd=klein_project)
    assert result.returncode != 0
    assert "nooit met gh-deploy" in result.stdout + result.stderr


def test_a_file_as_output_folder_is_refused(klein_project: Path) -> None:
    file = klein_project / "belangrijk.txt"
    file.write_text("bewaren", "utf-8")
    build = run_mkdocs(klein_project, file)
    assert build.returncode != 0 and "is een bestand" in build.log
    assert file.read_text("utf-8") == "bewaren"
