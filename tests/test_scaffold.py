"""`meldwijzer nieuw`: starter files that `meldwijzer check` refuses until every placeholder
is filled in (and no date is made up), and no overwrites."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from helpers import FIXTURES
from meldwijzer.build import check
from meldwijzer.site import Options
from test_schema import SCHEMAS, load


def meldwijzer(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meldwijzer.cli", "--map", str(project), *args],
                          capture_output=True, text=True, check=False)


FILLED = {"email: INVULLEN": "email: mensenhandel@nieuwdorp.nl",
          "telefoon: INVULLEN             # zoals": "telefoon: 035 123 45 67  # zoals",
          "telefoon: INVULLEN": "telefoon: 14 035",
          "website: INVULLEN": "website: https://www.nieuwdorp.nl",
          "gecontroleerd:  ": "gecontroleerd: 2026-10-30  ",
          "gecontroleerd:\n": "gecontroleerd: 2026-10-30\n"}


def fill_in(file: Path) -> None:
    text = file.read_text("utf-8")
    for old, new in FILLED.items():
        text = text.replace(old, new)
    file.write_text(text, "utf-8")


def test_new_municipality_must_be_filled_in_and_then_gets_a_page(klein_project: Path) -> None:
    result = meldwijzer(klein_project, "nieuw", "gemeente", "Nieuw-Dörp aan Zee")
    assert result.returncode == 0, result.stderr
    file = klein_project / "routekaarten" / "gemeenten" / "nieuw-dorp-aan-zee.yml"
    assert file.read_text("utf-8").startswith("# yaml-language-server: $schema=")
    refused = meldwijzer(klein_project, "check")
    assert refused.returncode == 1
    lines = refused.stderr.splitlines()[1:]
    assert len(lines) == 6 and all(
        line.startswith("routekaarten/gemeenten/nieuw-dorp-aan-zee.yml:") for line in lines)
    assert sum("er staat nog INVULLEN" in line for line in lines) == 4
    assert sum(".gecontroleerd: Dit veld is leeg" in line for line in lines) == 2
    fill_in(file)
    jsonschema.validate(load(file), SCHEMAS["gemeente.schema.json"])
    site = check(klein_project, Options())
    assert "Nieuw-Dörp aan Zee" in [g.naam for g in site.gemeenten]
    again = meldwijzer(klein_project, "nieuw", "gemeente", "Nieuw Dorp aan Zee")
    assert again.returncode == 1 and "bestaat al" in again.stderr
    assert meldwijzer(klein_project, "nieuw", "gemeente", "Index").returncode == 1


def test_a_date_in_the_future_is_refused(klein_project: Path) -> None:
    file = klein_project / "routekaarten" / "gemeenten" / "westerdorp.yml"
    file.write_text(file.read_text("utf-8").replace("2026-10-01", "2099-01-01"), "utf-8")
    result = meldwijzer(klein_project, "check")
    assert result.returncode == 1
    assert "2099-01-01 ligt in de toekomst" in result.stderr


def test_name_with_quotes_and_colons_stays_text(klein_project: Path) -> None:
    assert meldwijzer(klein_project, "nieuw", "gemeente", 'Dorp: "Zee" #1').returncode == 0
    fill_in(klein_project / "routekaarten" / "gemeenten" / "dorp-zee-1.yml")
    site = check(klein_project, Options())
    assert 'Dorp: "Zee" #1' in [g.naam for g in site.gemeenten]


def test_new_story_follows_the_contract(klein_project: Path) -> None:
    shutil.copytree(FIXTURES / "campagne" / "campaign", klein_project / "campaign")
    result = meldwijzer(klein_project, "nieuw", "verhaal", "Het verhaal van Sam")
    assert result.returncode == 0, result.stderr
    story = klein_project / "campaign" / "verhalen" / "het-verhaal-van-sam.md"
    refused = meldwijzer(klein_project, "check")
    assert refused.returncode == 1 and refused.stderr.count("INVULLEN") == 2
    story.write_text(story.read_text("utf-8").replace(
        "INVULLEN: beschrijf in een zin wat er op de foto te zien is.",
        "Een man zit op een bankje en kijkt naar zijn handen.").replace(
        "INVULLEN: schrijf", "Sam vertelt. Hier"), "utf-8")
    front = load(story)
    assert set(front) == {"titel", "foto", "alt", "vorm", "concept"}
    jsonschema.validate(front, SCHEMAS["verhaal.schema.json"])
    shutil.copy(klein_project / "campaign" / "fotos" / "test.jpg",
                klein_project / "campaign" / "fotos" / "het-verhaal-van-sam.jpg")
    site = check(klein_project, Options(serve=True))
    assert site.campagne is not None
    assert "het-verhaal-van-sam" in [v.slug for v in site.campagne.verhalen]


@pytest.mark.parametrize("title", ["Signalen in de haven", "Module: \"test\""])
def test_new_module_is_valid_once_filled_in(klein_project: Path, title: str) -> None:
    assert meldwijzer(klein_project, "nieuw", "module", title).returncode == 0
    assert meldwijzer(klein_project, "check").stderr.count("INVULLEN") == 2
    for file in (klein_project / "trainingen").rglob("*.*"):
        file.write_text(file.read_text("utf-8").replace("INVULLEN: ", ""), "utf-8")
    site = check(klein_project, Options())
    assert [m.titel for m in site.trainingen] == [title]
    assert meldwijzer(klein_project, "nieuw", "module", title).returncode == 1
