"""Golden files: generated Markdown of the small region, and the error report for broken
inputs. Regenerate after an intended change with MELDWIJZER_UPDATE_GOLDEN=1 and review the
diff: that diff is what editors and readers will see change."""

from __future__ import annotations

import datetime as dt
import os
import runpy
import shutil
from pathlib import Path

import pytest
import yaml

from helpers import FIXTURES, copy_project
from meldwijzer.build import check, generate
from meldwijzer.errors import DataErrors, warnings_report
from meldwijzer.site import Options

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("MELDWIJZER_UPDATE_GOLDEN") == "1"
TODAY = dt.date(2026, 11, 1)
PAGES = ["index.md", "gemeenten/oosterdorp.md", "wie-bel-ik.md", "signalen/index.md",
         "signalen/balie.md", "zakkaart/oosterdorp.md"]


def compare(expected_file: Path, actual: str) -> None:
    if UPDATE:
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(actual, "utf-8")
    assert expected_file.is_file(), f"{expected_file} missing: run with MELDWIJZER_UPDATE_GOLDEN=1"
    assert actual == expected_file.read_text("utf-8")


@pytest.mark.parametrize("page", PAGES)
def test_generated_markdown(page: str) -> None:
    options = Options(vandaag=TODAY, site_url="https://meldwijzer.example.org/")
    generated = generate(FIXTURES / "klein", options)
    compare(GOLDEN / "markdown" / (page.replace("/", "__")), generated.pages[page])


CASES = sorted(p.name for p in (GOLDEN / "errors").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_error_report(case: str, tmp_path: Path) -> None:
    """case.yml maps a data file to its new content, to {vervang: [[old, new], ...]} or to
    null (delete); `_met: [folder]` first adds a fixture folder (e.g. campagne)."""
    folder = GOLDEN / "errors" / case
    project = copy_project(FIXTURES / "klein", tmp_path / "project")
    edits = yaml.safe_load((folder / "case.yml").read_text("utf-8"))
    for extra in edits.pop("_met", []):
        shutil.copytree(FIXTURES / extra, project, dirs_exist_ok=True)
    for name, change in edits.items():
        target = project / name
        if isinstance(change, dict):
            text = target.read_text("utf-8")
            for old, new in change["vervang"]:
                assert old in text, f"{case}: {old!r} not in {name}"
                text = text.replace(old, new, 1)
            target.write_text(text, "utf-8")
        elif change is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(change.encode("utf-8") if isinstance(change, str) else change)
    with pytest.raises(DataErrors) as caught:
        check(project, Options(vandaag=TODAY))
    compare(folder / "expected.txt", caught.value.report() + "\n")


def _edited_project(folder: Path, tmp_path: Path) -> Path:
    project = copy_project(FIXTURES / "klein", tmp_path / "project")
    edits = yaml.safe_load((folder / "case.yml").read_text("utf-8")) or {}
    for extra in edits.pop("_met", []):
        shutil.copytree(FIXTURES / extra, project, dirs_exist_ok=True)
    for name, change in edits.items():
        target = project / name
        if isinstance(change, dict):
            text = target.read_text("utf-8")
            for old, new in change["vervang"]:
                assert old in text, f"{folder.name}: {old!r} not in {name}"
                text = text.replace(old, new, 1)
            target.write_text(text, "utf-8")
        elif change is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(change, "utf-8")
    return project


WARNING_CASES = sorted(p.name for p in (GOLDEN / "warnings").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", WARNING_CASES)
def test_advice_report(case: str, tmp_path: Path) -> None:
    """Advice (see meldwijzer.advies): the site builds, and check says what to improve."""
    folder = GOLDEN / "warnings" / case
    site = check(_edited_project(folder, tmp_path), Options(vandaag=TODAY))
    compare(folder / "expected.txt", warnings_report(site.waarschuwingen) + "\n")


def test_editors_guide_lists_the_current_error_messages() -> None:
    """The guide's list of messages is generated from these golden reports."""
    root = Path(__file__).resolve().parents[1]
    script = runpy.run_path(str(root / "scripts" / "update-foutmeldingen"), run_name="golden")
    committed = (root / "src" / "meldwijzer" / "data" / "foutmeldingen.json").read_text("utf-8")
    assert script["catalogue"]() == committed, "run scripts/update-foutmeldingen"
