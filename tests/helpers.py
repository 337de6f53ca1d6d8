"""Helpers shared by the tests: real projects in temp folders, built with the real mkdocs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from meldwijzer.atomic import intern_folder

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
HOOK = ROOT / "hooks" / "meldwijzer.py"
# 2026-11-01 00:00 UTC: fixes "today" for stale-contact and campaign tests.
EPOCH = "1793491200"
# Subprocesses (mkdocs, the CLI) use this checkout's package, even next to another install.
PYTHONPATH = os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]).rstrip(
    os.pathsep)


@dataclass
class Build:
    """The outcome of one ``mkdocs build``."""

    project: Path
    site: Path
    returncode: int
    log: str

    def html(self, path: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / path).read_text("utf-8"), "html.parser")

    def article(self, path: str) -> BeautifulSoup:
        article = self.html(path).find("article")
        assert article is not None, f"{path} has no <article>"
        return article

    def files(self) -> Iterator[Path]:
        return (p for p in sorted(self.site.rglob("*")) if p.is_file())

    def pages(self) -> Iterator[Path]:
        return (p for p in self.files() if p.suffix == ".html")


def site_url(project: Path = ROOT) -> str | None:
    found = re.search(r"(?m)^site_url:\s*(\S+)", (project / "mkdocs.yml").read_text("utf-8"))
    return found.group(1) if found else None


def soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text("utf-8"), "html.parser")


def copy_project(source: Path, dest: Path) -> Path:
    """Copy a project's data to ``dest``, with the repository's mkdocs.yml if it has none,
    and the hook path made absolute."""
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns(
        "site", "site-intern", "node_modules", ".git", "tests", "src", "benchmarks"))
    config = dest / "mkdocs.yml"
    if not config.exists():
        # The repository's config, without the example region's public address.
        example = (ROOT / "mkdocs.yml").read_text("utf-8")
        config.write_text(re.sub(r"(?m)^site_url:.*\n", "", example), "utf-8")
    text = config.read_text("utf-8")
    text = re.sub(r"(?m)^([ \t]*-[ \t]*)\S*hooks/meldwijzer\.py[ \t]*$",
                  rf"\g<1>{HOOK.as_posix()}", text)
    config.write_text(text, "utf-8")
    (dest / "docs").mkdir(exist_ok=True)
    return dest


def run_mkdocs(project: Path, site: Path | None, profiel: str = "publiek",
               strict: bool = True, env: dict[str, str] | None = None) -> Build:
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml")]
    if strict:
        command.append("--strict")
    if site is not None:
        command += ["-d", str(site)]
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MELDWIJZER_PROFIEL": profiel,
                "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": PYTHONPATH, **(env or {})}
    result = subprocess.run(command, capture_output=True, text=True, env=full_env, check=False,
                            timeout=600)
    written = site or project / "site"
    if profiel == "intern":  # the internal build always writes to a folder ending in -intern
        written = Path(intern_folder(str(written)))
    return Build(project, written, result.returncode, result.stdout + result.stderr)


def keyed_as_maps(data: object) -> object:
    """Test-side reading of contract 1.2's list form (``- id: ...``) as the 1.0 map form,
    independent of the generator, so that tests can look contacts up by id."""
    if not isinstance(data, dict):
        return data
    if set(data) == {"signalen"} and isinstance(data["signalen"], list):
        return data["signalen"]  # signalen.yml with its list under one key (1.2)
    result = dict(data)
    for key in ("contacten", "werkvelden", "sectoren"):
        value = data.get(key)
        if isinstance(value, list):
            result[key] = {item["id"]: (item["naam"] if key != "contacten" else
                                        {k: v for k, v in item.items() if k != "id"})
                           for item in value}
    return result


def append_to(folder: Path, relative: str, text: str) -> None:
    """Add ``text`` at the end of ``folder / relative`` (made when missing): a planted
    problem in a built site."""
    target = folder / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    before = target.read_text("utf-8") if target.exists() else ""
    target.write_text(before + text, "utf-8")
def wat_nu_data(build: Build, slug: str) -> Any:
    """The "Wat nu?" helper's data of a routekaart page: the script the page loads when the
    helper starts."""
    page = build.html(f"gemeenten/{slug}.html")
    start = page.select_one("[data-mw-wat-nu-scripts]")
    assert start is not None, slug
    script = next(src for src in start["data-mw-wat-nu-scripts"].split() if "/wat-nu/" in src)
    text = (build.site / "gemeenten" / script).resolve().read_text("utf-8")
    return json.loads(text.removeprefix("window.meldwijzerWatNu=").rstrip().rstrip(";"))


NLDS_PACKAGE = "@nl-design-system-unstable/voorbeeld-design-tokens"
"""The NL Design System tokens package of the test region tests/fixtures/nlds (installed by
scripts/install-test-tools at the version in package-lock.json)."""


def nlds_project(dest: Path) -> Path:
    """The test region with a tokens look, with the tokens package in its own node_modules
    (as ``npm ci`` next to its mkdocs.yml would put it)."""
    project = copy_project(FIXTURES / "nlds", dest)
    installed = ROOT / "node_modules" / NLDS_PACKAGE
    assert (installed / "package.json").is_file(), \
        "Het tokenpakket ontbreekt: draai scripts/install-test-tools (npm ci)."
    target = project / "node_modules" / NLDS_PACKAGE
    (target / "dist").mkdir(parents=True)
    shutil.copy(installed / "package.json", target / "package.json")
    shutil.copy(installed / "dist" / "tokens.json", target / "dist" / "tokens.json")
    return project
