"""A failed build leaves the previous site exactly as it was, whatever made it fail."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import run_mkdocs


def snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def leftovers(project: Path) -> list[str]:
    """Staging or parked folders beside the site (the lock file stays: see ``atomic``)."""
    return sorted(p.name for p in project.iterdir()
                  if p.name.startswith(".site") and not p.name.endswith(".lock"))


def _data_error(project: Path) -> None:
    file = project / "routekaarten" / "gemeenten" / "westerdorp.yml"
    file.write_text(file.read_text("utf-8").replace("14 035", "035-12"), "utf-8")


def _template_error(project: Path) -> None:
    overrides = project / "overrides" / "partials"
    overrides.mkdir(parents=True)
    (overrides / "footer.html").write_text("{% if %}kapot", "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "theme:\n  name: material\n", "theme:\n  name: material\n  custom_dir: overrides\n"),
        "utf-8")


def _broken_link(project: Path) -> None:
    (project / "docs" / "extra.md").write_text("# Extra\n\n[weg](bestaat-niet.md)\n", "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nnot_in_nav: |\n  /extra.md\n", "utf-8")


def _hook_exception(project: Path) -> None:
    (project / "kapot.py").write_text(
        "def on_page_markdown(markdown, page, config, files):\n"
        "    if page.file.src_uri == 'wie-bel-ik.md':\n"
        "        raise RuntimeError('kapot')\n", "utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("hooks:\n", "hooks:\n  - kapot.py\n"), "utf-8")


def _not_utf8(project: Path) -> None:
    (project / "docs" / "latin.md").write_bytes("# Caf\xe9 \x93quote\x94\n".encode("latin-1"))


def _data_not_utf8(project: Path) -> None:
    file = project / "routekaarten" / "gemeenten" / "oosterdorp.yml"
    file.write_bytes(file.read_text("utf-8").replace("Oosterdorp", "Oosterd\xf6rp")
                     .encode("latin-1"))


FAILURES: dict[str, Callable[[Path], None]] = {
    "data-error": _data_error,
    "template-error": _template_error,
    "broken-link-strict": _broken_link,
    "hook-exception": _hook_exception,
    "docs-not-utf8": _not_utf8,
    "data-not-utf8": _data_not_utf8,
}


@pytest.mark.parametrize("break_it", FAILURES.values(), ids=FAILURES.keys())
def test_failed_build_keeps_the_previous_site(klein_project: Path,
                                              break_it: Callable[[Path], None]) -> None:
    site = klein_project / "site"
    first = run_mkdocs(klein_project, site)
    assert first.returncode == 0, first.log
    before = snapshot(site)
    assert "index.html" in before

    break_it(klein_project)
    second = run_mkdocs(klein_project, site)

    assert second.returncode != 0, second.log
    assert snapshot(site) == before
    assert leftovers(klein_project) == []


def test_successful_build_replaces_the_site_and_removes_stale_files(klein_project: Path) -> None:
    site = klein_project / "site"
    assert run_mkdocs(klein_project, site).returncode == 0
    (site / "verouderd.html").write_text("oud", "utf-8")
    file = klein_project / "routekaarten" / "gemeenten" / "westerdorp.yml"
    file.write_text(file.read_text("utf-8").replace("14 035", "14 036"), "utf-8")
    build = run_mkdocs(klein_project, site)
    assert build.returncode == 0, build.log
    assert not (site / "verouderd.html").exists()
    assert "14 036" in (site / "gemeenten" / "westerdorp.html").read_text("utf-8")
    assert leftovers(klein_project) == []
