"""Training modules: module page, quiz without JavaScript, handout, slides with the route."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import FIXTURES, Build, copy_project, run_mkdocs


@pytest.fixture(scope="module")
def training_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = copy_project(FIXTURES / "klein", tmp_path_factory.mktemp("training") / "p")
    shutil.copytree(FIXTURES / "training" / "trainingen", project / "trainingen")
    build = run_mkdocs(project, project / "out")
    assert build.returncode == 0, build.log
    return build


def test_module_page_has_goals_parts_quiz_and_material(training_site: Build) -> None:
    article = training_site.article("trainingen/test-module/index.html")
    assert article.h1.get_text() == "Testmodule"
    assert "30 minuten" in article.select_one(".mw-module-meta").get_text()
    assert [li.get_text() for li in article.select(".mw-leerdoelen li")] == ["Je kent de route."]
    assert [h.get_text() for h in article.select(".mw-deel__kop")] == [
        "Deel 1: Start", "Deel 2: De route"]
    links = {a["href"] for a in article.select(".mw-materiaal a")}
    assert {"presentatie/oosterdorp.html", "notities/westerdorp.html",
            "handout/oosterdorp.html"} <= links


def test_quiz_is_readable_without_javascript(training_site: Build) -> None:
    questions = training_site.article("trainingen/test-module/index.html").select(".mw-vraag")
    assert len(questions) == 2
    first = questions[0]
    assert first.legend.get_text() == "Vraag 1: Welk nummer bij acuut gevaar?"
    assert [label.get_text() for label in first.select("label")] == ["112", "0900-8844"]
    answer = first.select_one("details.mw-vraag__antwoord")
    assert "Het goede antwoord is: 112" in answer.get_text()
    assert answer.select_one("em").get_text() == "altijd"


def _compact(css: str) -> str:
    """CSS without the spaces a minifier may drop (the built stylesheet is minified)."""
    return re.sub(r";}", "}", re.sub(r"\s*([{};:,>])\s*", r"\1", css))


def test_slides_show_the_chosen_municipality_and_hide_notes_on_slides(
        training_site: Build) -> None:
    page = training_site.site / "trainingen/test-module/presentatie/westerdorp.html"
    slides = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    titles = [h.get_text() for h in slides.select(".mw-dia__kop")]
    assert titles[:2] == ["Start", "Tweede dia"]
    assert "Signaal over een persoon in Westerdorp" in titles
    assert "Wie bel je in Westerdorp?" in titles
    assert titles[-2:] == ["Quizvraag 1", "Quizvraag 2"]
    quiz = slides.select(".mw-dia")[-2]
    assert quiz.select_one(".mw-dia__vraag").get_text() == "Welk nummer bij acuut gevaar?"
    assert [li.get_text() for li in quiz.select(".mw-dia__opties li")] == ["112", "0900-8844"]
    numbers = [a["href"] for a in slides.select(".mw-kort-nummers a")]
    assert "tel:14035" in numbers
    assert slides.select_one(".admonition.trainer") is not None  # hidden by CSS on slides
    notes = training_site.site / "trainingen/test-module/notities/westerdorp.html"
    assert "mw-dias--notities" in notes.read_text("utf-8")
    css = _compact((training_site.site / "assets/meldwijzer/slides.css").read_text("utf-8"))
    assert _compact(".mw-dias:not(.mw-dias--notities) .mw-dia .admonition.trainer "
                    "{ display: none; }") in css
    assert "http" not in page.read_text("utf-8").split("<body")[0]


def test_handout_has_goals_signals_route_and_numbers(training_site: Build) -> None:
    article = training_site.article("trainingen/test-module/handout/oosterdorp.html")
    text = article.get_text(" ")
    assert "Je kent de route." in text
    assert "Iemand heeft geen eigen paspoort." in text  # a signal for werkveld balie
    assert "Een lokaal signaal." not in text  # werkveld straat only
    assert article.select(".mw-kort-route li")
    assert article.select(".mw-kort-nummers a")[0]["href"] == "tel:112"


def test_region_without_trainingen_has_no_training_section(klein_site: Build) -> None:
    assert not (klein_site.site / "trainingen").exists()
    assert "Trainingen" not in (klein_site.site / "index.html").read_text("utf-8")


def test_training_files_are_reproducible(training_site: Build, tmp_path: Path) -> None:
    again = run_mkdocs(training_site.project, tmp_path / "again")
    assert again.returncode == 0
    for file in (training_site.site / "trainingen").rglob("*.html"):
        assert file.read_bytes() == (again.site / file.relative_to(training_site.site)) \
            .read_bytes()


def test_a_part_may_carry_the_browser_editors_front_matter(tmp_path: Path) -> None:
    """Contract 1.2: `nummer` (equal to the file name's digits) and `titel` in front matter."""
    from meldwijzer.build import check, generate
    from meldwijzer.errors import DataErrors
    from meldwijzer.site import Options

    project = copy_project(FIXTURES / "klein", tmp_path / "p")
    shutil.copytree(FIXTURES / "training" / "trainingen", project / "trainingen")
    part = project / "trainingen/test-module/03-zonder-kop.md"
    part.write_text("---\nnummer: \"03\"\ntitel: Afsluiting met vragen\n---\n\n"
                    "Tijd voor vragen.\n", "utf-8")
    pages = generate(project, Options()).pages
    assert "Deel 3: Afsluiting met vragen" in pages["trainingen/test-module/index.md"]
    assert "nummer:" not in pages["trainingen/test-module/index.md"]
    part.write_text("---\nnummer: 4\n---\n\n# Afsluiting\n", "utf-8")
    with pytest.raises(DataErrors) as caught:
        check(project, Options())
    assert ("trainingen/test-module/03-zonder-kop.md:2: nummer: Het nummer in de kop (4) is "
            "niet het nummer vooraan de bestandsnaam (03).") in caught.value.report()


def test_a_heading_before_the_route_marker_comes_before_the_route_slides(
        tmp_path: Path) -> None:
    """`## De route` followed by [[routekaart]]: the heading is the first slide of the
    section, then the route, never an empty heading slide after it."""
    from meldwijzer.build import generate
    from meldwijzer.pages.trainingen import render_slides
    from meldwijzer.site import Options

    project = copy_project(FIXTURES / "klein", tmp_path / "p")
    shutil.copytree(FIXTURES / "training" / "trainingen", project / "trainingen")
    (project / "trainingen/test-module/02-route.md").write_text(
        "# Wat doe je?\n\nBlijf rustig.\n\n## De route bij ons\n\n[[routekaart]]\n\n"
        "!!! trainer \"Voor de trainer\"\n    Loop de route door.\n", "utf-8")
    generated = generate(project, Options())
    module = generated.site.trainingen[0]
    titles = [s.titel for s in render_slides(generated.site, module, generated.site.gemeenten[0])]
    heading = titles.index("De route bij ons")
    route = next(i for i, t in enumerate(titles) if t.startswith("Signaal over een persoon"))
    assert heading < route, titles
    assert titles.count("De route bij ons") == 1
