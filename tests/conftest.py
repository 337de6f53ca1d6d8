"""Shared fixtures. A built site is shared across the session per (project, profile)
because a build takes seconds; tests only read it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from helpers import FIXTURES, PYTHONPATH, ROOT, Build, copy_project, nlds_project, run_mkdocs
from meldwijzer.beheer_bundel import PAKKETTEN
from meldwijzer.build import Generated, generate
from meldwijzer.site import Options

# Every subprocess (mkdocs, the CLI) imports this checkout's package.
os.environ["PYTHONPATH"] = PYTHONPATH
# Copies of a project have no node_modules: every build publishes the checkout's copy of
# the editor's packages (scripts/install-test-tools installs them). Without them a strict
# build fails.
for _pakket in PAKKETTEN:
    _folder = _pakket.find(ROOT)[0]
    if _folder is not None and _pakket.omgeving:
        os.environ.setdefault(_pakket.omgeving, str(_folder))


def _built(factory: pytest.TempPathFactory, source: Path, profiel: str) -> Build:
    base = factory.mktemp(f"{source.name}-{profiel}")
    project = copy_project(source, base / "project")
    build = run_mkdocs(project, base / "out", profiel)
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The example region in this repository, public profile."""
    return _built(tmp_path_factory, ROOT, "publiek")


@pytest.fixture(scope="session")
def example_intern(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return _built(tmp_path_factory, ROOT, "intern")


@pytest.fixture(scope="session")
def klein_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The small test region in tests/fixtures/klein, public profile."""
    return _built(tmp_path_factory, FIXTURES / "klein", "publiek")


@pytest.fixture(scope="session")
def nlds_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The test region with an NL Design System tokens look (tests/fixtures/nlds): tokens
    from npm, a PNG logo, an SVG favicon and a self-hosted font."""
    base = tmp_path_factory.mktemp("nlds-publiek")
    build = run_mkdocs(nlds_project(base / "project"), base / "out")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture
def klein_project(tmp_path: Path) -> Path:
    """A writable copy of the small test region, to break in a test."""
    return copy_project(FIXTURES / "klein", tmp_path / "project")


@pytest.fixture
def site_copy(klein_site: Build, tmp_path: Path) -> Path:
    """A writable copy of the small region's built site, to plant problems in."""
    return Path(shutil.copytree(klein_site.site, tmp_path / "site"))


@pytest.fixture
def generated(klein_site: Build) -> Generated:
    """The small region as the build generated it (what the audit compares with)."""
    return generate(klein_site.project, Options())


# A skipped browser test must never count as a pass: record skips of browser tests and fail
# the session when there are any.
_skipped_browser_tests: list[str] = []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(pytest.mark.browser)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and "browser" in report.keywords:
        _skipped_browser_tests.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _skipped_browser_tests and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _skipped_browser_tests:
        terminalreporter.write_line(
            f"FOUT: {len(_skipped_browser_tests)} browsertest(s) overgeslagen; dat telt als "
            "mislukt. Installeer Chromium en axe-core met scripts/install-test-tools.", red=True)
