"""`meldwijzer export` writes pages that plain mkdocs (no hook) builds into the same site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import EPOCH, Build, run_mkdocs


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
