"""`meldwijzer export` writes pages that plain mkdocs (no hook) builds into the same site."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import EPOCH, FIXTURES, Build, copy_project, run_mkdocs


def test_export_builds_with_plain_mkdocs(klein_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = subprocess.run(
        [sys.executable, "-m", "meldwijzer.cli", "--map", str(klein_project), "export", str(out)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr
    config = (out / "mkdocs.yml").read_text("utf-8")
    assert "hooks" not in config and "meldwijzer.py" not in config
    assert (out / "docs" / "gemeenten" / "oosterdorp.md").is_file()

    plain = Build(out, tmp_path / "plain", 0, "")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(out / "mkdocs.yml"),
         "-d", str(plain.site)], capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH})
    assert build.returncode == 0, build.stderr

    hooked = run_mkdocs(klein_project, tmp_path / "hooked")
    assert hooked.returncode == 0, hooked.log
    pages = {p.relative_to(hooked.site) for p in hooked.pages()}
    assert pages == {p.relative_to(plain.site) for p in plain.pages()}
    for page in ("gemeenten/oosterdorp.html", "signalen/index.html", "wie-bel-ik.html"):
        assert plain.article(page).get_text() == hooked.article(page).get_text(), page


def test_export_refuses_a_folder_that_is_not_empty(klein_project: Path, tmp_path: Path) -> None:
    (tmp_path / "bestaand.txt").write_text("x", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "meldwijzer.cli", "--map", str(klein_project), "export",
         str(tmp_path)], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "niet leeg" in result.stderr


def _zensical() -> str:
    found = shutil.which("zensical", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("LET OP: Zensical is niet geinstalleerd (pip install -e '.[dev]' installeert "
                    "de nieuwste versie die hier te krijgen is); de uitweg is NIET getest.")
    return found


def _region_with_everything(tmp_path: Path) -> Path:
    """The small region with a campaign, training modules and a hand-written page."""
    project = copy_project(FIXTURES / "klein", tmp_path / "project")
    for extra in ("campagne", "training"):
        shutil.copytree(FIXTURES / extra, project, dirs_exist_ok=True)
    (project / "docs" / "afspraken.md").write_text(
        "---\ntitle: Lokale afspraken\nmenu: Over deze site\n---\n\n# Lokale afspraken\n\n"
        "Zie ook [Wie bel ik?](wie-bel-ik.md).\n", "utf-8")
    return project


def _target(page: str, href: str) -> str:
    """A link as the page it leads to (relative links resolved from the page's folder)."""
    if re.match(r"^[a-z]+:|^#", href):
        return href
    path, _, anchor = href.partition("#")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path \
        else page
    return resolved + (f"#{anchor}" if anchor else "")


def _article(site: Path, page: str) -> tuple[str, list[str]]:
    soup = BeautifulSoup((site / page).read_text("utf-8"), "html.parser")
    article = soup.find("article") or soup.body
    assert article is not None, page
    for skip in article.select("a.headerlink, .md-source-file, .md-content__button"):
        skip.decompose()
    links = sorted(_target(page, a["href"]) for a in article.select("a[href]"))
    return re.sub(r"\s+", " ", article.get_text()).strip(), links


def test_export_builds_with_zensical_without_issues_and_the_same_pages(tmp_path: Path) -> None:
    """The exit path, proven: Zensical builds the export of a region with campaign and
    training with --strict and reports no issues, and its pages are MkDocs' pages: the same
    pages, the same links in them, the same text."""
    zensical = _zensical()
    project = _region_with_everything(tmp_path)
    out = tmp_path / "export"
    subprocess.run(
        [sys.executable, "-m", "meldwijzer.cli", "--map", str(project), "export", str(out)],
        capture_output=True, text=True, check=True, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})
    build = subprocess.run([zensical, "build", "--strict", "-f", str(out / "mkdocs.yml")],
                           capture_output=True, text=True, check=False, timeout=600)
    log = re.sub(r"\x1b\[[0-9;]*m", "", build.stdout + build.stderr)  # always coloured
    assert build.returncode == 0, log
    assert "No issues found" in log, log

    mkdocs = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(out / "mkdocs.yml"),
         "-d", str(tmp_path / "mkdocs-site")], capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH})
    assert mkdocs.returncode == 0, mkdocs.stderr
    zensical_site, mkdocs_site = out / "site", tmp_path / "mkdocs-site"

    def pages(site: Path) -> set[str]:
        return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
                if not p.relative_to(site).as_posix().startswith("assets/")}

    assert pages(zensical_site) == pages(mkdocs_site)
    for page in sorted(pages(mkdocs_site)):
        assert _article(zensical_site, page) == _article(mkdocs_site, page), page
    html = (zensical_site / "gemeenten" / "oosterdorp.html").read_text("utf-8")
    assert 'class="md-search__button"' in html and "md-search__input" not in html


def test_the_export_keeps_the_protections_of_the_hook(klein_project: Path,
                                                      tmp_path: Path) -> None:
    """Navigation titles escaped, tooltips off, an internal export to a folder ending in
    -intern, and no export at all when it would publish an internal value."""
    config = klein_project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "    - search.highlight\n", "    - search.highlight\n    - content.tooltips\n"), "utf-8")
    shutil.copytree(FIXTURES / "campagne" / "campaign", klein_project / "campaign")
    campagne = klein_project / "campaign" / "campagne.yml"
    campagne.write_text(campagne.read_text("utf-8").replace(
        "naam: Kijk goed", "naam: '<img src=x onerror=alert(1)>'"), "utf-8")

    def export(dest: Path, profiel: str = "publiek") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "meldwijzer.cli", "--map", str(klein_project), "export",
             str(dest)], capture_output=True, text=True, check=False,
            env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "MELDWIJZER_PROFIEL": profiel})

    assert export(tmp_path / "uit").returncode == 0
    exported = (tmp_path / "uit" / "mkdocs.yml").read_text("utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in exported and "<img" not in exported
    assert "content.tooltips" not in exported
    assert export(tmp_path / "intern", "intern").returncode == 0
    assert "site_dir: site-intern" in (tmp_path / "intern" / "mkdocs.yml").read_text("utf-8")
    regio = klein_project / "routekaarten" / "regio.yml"
    regio.write_text(regio.read_text("utf-8").replace(
        "inleiding: Een *kleine* regio voor de tests.",
        "inleiding: Bel Interne Persoon op 06 11223344."), "utf-8")
    leak = export(tmp_path / "lek")
    assert leak.returncode == 1 and "is intern" in leak.stderr
