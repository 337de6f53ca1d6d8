"""Right advice, for every region's data: the rules behind what a worker reads.

Each test builds pages from a small region (not the example) and reads the Markdown that
MkDocs would get, so the rule is proved on data it was not written for.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bs4 import BeautifulSoup

from helpers import FIXTURES, copy_project
from meldwijzer.build import generate
from meldwijzer.site import Options

TODAY = dt.date(2026, 11, 1)


def _project(tmp_path: Path, **replace: tuple[str, str]) -> Path:
    project = copy_project(FIXTURES / "klein", tmp_path / "p")
    for name, (old, new) in replace.items():
        file = project / "routekaarten" / name.replace("__", "/")
        text = file.read_text("utf-8")
        assert old in text
        file.write_text(text.replace(old, new, 1), "utf-8")
    return project


def _step(page: str, anchor: str) -> BeautifulSoup:
    soup = BeautifulSoup(page, "html.parser")
    step = soup.find(id=anchor)
    assert step is not None, anchor
    return step


def test_a_consult_step_falls_back_to_the_general_number(tmp_path: Path) -> None:
    """The first contact has only an e-mail address: the step that says "overleg" offers the
    municipality's general number, marked as such."""
    project = _project(tmp_path, **{"gemeenten__oosterdorp.yml": (
        "contacten:\n", "contacten:\n  gemeente:\n    naam: Gemeente Oosterdorp\n"
        "    telefoon: 0511 123 456\n    gecontroleerd: 2026-10-01\n")})
    page = generate(project, Options(vandaag=TODAY)).pages["gemeenten/oosterdorp.md"]
    step = _step(page, "slachtoffer-overleg")
    tel = step.select_one("a.mw-tel")
    assert tel is not None and tel["href"] == "tel:+31511123456"
    assert "via Gemeente Oosterdorp" in step.get_text()


def test_every_step_that_offers_the_anonymous_line_says_it_is_for_citizens(
        tmp_path: Path) -> None:
    project = _project(tmp_path, **{"regio.yml": (
        "  politie:\n", "  mma:\n    naam: Anonieme lijn\n    telefoon: 0800 7000\n"
        "    gecontroleerd: 2026-10-01\n  politie:\n")})
    text = (project / "routekaarten/regio.yml").read_text("utf-8")
    (project / "routekaarten/regio.yml").write_text(
        text.replace("[aandachtfunctionaris, geheim]", "[aandachtfunctionaris, mma]"), "utf-8")
    generated = generate(project, Options(vandaag=TODAY))
    step = _step(generated.pages["gemeenten/westerdorp.md"], "slachtoffer-overleg")
    note = step.select_one(".mw-stap__anoniem")
    assert note is not None and "voor burgers" in note.get_text()
    assert "aandachtfunctionaris" in note.get_text()
    other = _step(generated.pages["gemeenten/westerdorp.md"], "slachtoffer-gevaar")
    assert other.select_one(".mw-stap__anoniem") is None


def test_a_recording_step_shows_the_one_storage_rule_with_its_term(tmp_path: Path) -> None:
    project = _project(tmp_path, **{"regio.yml": (
        "        wat: Vertel wat je *zag*.\n",
        "        wat: Vertel wat je *zag*.\n        vastleggen: ja\n")})
    text = (project / "routekaarten/regio.yml").read_text("utf-8")
    (project / "routekaarten/regio.yml").write_text(
        text.replace("naam: Testregio\n", "naam: Testregio\nbewaartermijn: 1 jaar\n"), "utf-8")
    generated = generate(project, Options(vandaag=TODAY))
    rule = _step(generated.pages["gemeenten/westerdorp.md"], "slachtoffer-overleg").select_one(
        ".mw-stap__bewaren")
    form = BeautifulSoup(generated.pages["vastleggen/westerdorp.md"], "html.parser").select_one(
        ".mw-vastleggen__aan")
    assert rule is not None and form is not None
    shown = rule.get_text(" ", strip=True)
    assert "registratiesysteem" in shown and "Bewaartermijn: 1 jaar" in shown
    # The step and the form say the same.
    assert form.select_one(".mw-md").get_text(" ", strip=True) in shown
    assert "Bewaartermijn: 1 jaar" in form.get_text(" ", strip=True)


def test_the_regions_own_word_for_the_role_is_an_id_of_the_first_contact(
        tmp_path: Path) -> None:
    project = _project(tmp_path, **{"regio.yml": (
        "naam: Testregio\n", "naam: Testregio\nrolnaam: sleutelfunctionaris\n"),
        "gemeenten__westerdorp.yml": ("  aandachtfunctionaris:\n", "  sleutelfunctionaris:\n")})
    generated = generate(project, Options(vandaag=TODAY))
    westerdorp = generated.site.gemeente("westerdorp")
    assert westerdorp.eerste_id == "sleutelfunctionaris"
    assert westerdorp.eerste_nummer is not None and westerdorp.eerste_nummer.telefoon == "14 035"
    # The region's routes name aandachtfunctionaris; the step still offers the number.
    step = _step(generated.pages["gemeenten/westerdorp.md"], "slachtoffer-overleg")
    assert step.select_one("a.mw-tel[href='tel:14035']") is not None
