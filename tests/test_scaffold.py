"""`meldwijzer nieuw`: starter files that pass `meldwijzer check`, and no overwrites."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from helpers import FIXTURES
from meldwijzer.build import check
from meldwijzer.resolve import Options
from test_schema import SCHEMAS, load


def meldwijzer(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meldwijzer.cli", "--map", str(project), *args],
                          capture_output=True, text=True, check=False)


def test_new_municipality_is_valid_and_gets_a_page(klein_project: Path) -> None:
    result = meldwijzer(klein_project, "nieuw", "gemeente", "Nieuw-Dörp aan Zee")
    assert result.returncode == 0, result.stderr
    file = klein_project / "routekaarten" / "gemeenten" / "nieuw-dorp-aan-zee.yml"
    assert file.read_text("utf-8").startswith("# yaml-language-server: $schema=")
    jsonschema.validate(load(file), SCHEMAS["gemeente.schema.json"])
    site = check(klein_project, Options())
    assert "Nieuw-Dörp aan Zee" in [g.naam for g in site.gemeenten]
    again = meldwijzer(klein_project, "nieuw", "gemeente", "Nieuw Dorp aan Zee")
    assert again.returncode == 1 and "bestaat al" in again.stderr
    assert meldwijzer(klein_project, "nieuw", "gemeente", "Index").returncode == 1


def test_name_with_quotes_and_colons_stays_text(klein_project: Path) -> None:
    assert meldwijzer(klein_project, "nieuw", "gemeente", 'Dorp: "Zee" #1').returncode == 0
    site = check(klein_project, Options())
    assert 'Dorp: "Zee" #1' in [g.naam for g in site.gemeenten]


def test_new_story_follows_the_contract(klein_project: Path) -> None:
    shutil.copytree(FIXTURES / "campagne" / "campaign", klein_project / "campaign")
    result = meldwijzer(klein_project, "nieuw", "verhaal", "Het verhaal van Sam")
    assert result.returncode == 0, result.stderr
    story = klein_project / "campaign" / "verhalen" / "het-verhaal-van-sam.md"
    front = load(story)
    assert set(front) == {"titel", "foto", "alt", "vorm", "concept"}
    jsonschema.validate(front, SCHEMAS["verhaal.schema.json"])
    shutil.copy(klein_project / "campaign" / "fotos" / "test.jpg",
                klein_project / "campaign" / "fotos" / "het-verhaal-van-sam.jpg")
    site = check(klein_project, Options(serve=True))
    assert site.campagne is not None
    assert "het-verhaal-van-sam" in [v.slug for v in site.campagne.verhalen]


@pytest.mark.parametrize("title", ["Signalen in de haven", "Module: \"test\""])
def test_new_module_is_valid(klein_project: Path, title: str) -> None:
    assert meldwijzer(klein_project, "nieuw", "module", title).returncode == 0
    site = check(klein_project, Options())
    assert [m.titel for m in site.trainingen] == [title]
    assert meldwijzer(klein_project, "nieuw", "module", title).returncode == 1
