"""User journeys, walked in Chromium the way the person does it: tapping, printing,
previewing, presenting. One test per journey, at a phone's width (375 px) and a desktop's
(1280 px) where the journey happens on both; step counts where they matter.

The expected values come from the example data through the generator (``generate``), never
from names typed into this file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import search
from playwright.sync_api import Browser, Page, expect

from conftest import _new_page, _serve
from helpers import EPOCH, FIXTURES, ROOT, copy_project, run_mkdocs
from meldwijzer.build import generate
from meldwijzer.site import Options
from test_serve import _free_port, _wait_for

SIZES = {"telefoon": {"width": 375, "height": 667}, "bureau": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def example() -> Any:
    return generate(ROOT, Options(site_url=None))


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def _open(browser: Browser, size: str) -> Page:
    args: dict[str, Any] = {"viewport": SIZES[size]}
    if size == "telefoon":
        args.update(is_mobile=True, has_touch=True, device_scale_factor=2)
    page, _ = _new_page(browser, **args)
    return page


@pytest.mark.parametrize("size", SIZES)
def test_counter_clerk_finds_the_first_contacts_number_in_one_tap(
        browser: Browser, example_url: str, example: Any, size: str) -> None:
    """At the counter: open the site, tap your municipality, and the number to call for the
    first contact is on the screen without scrolling."""
    page = _open(browser, size)
    page.goto(example_url + "index.html")
    for gemeente in example.site.gemeenten:
        page.goto(example_url + "index.html")
        taps = 0
        page.get_by_role("link", name=gemeente.naam, exact=True).first.click()
        taps += 1
        expected = gemeente.eerste_nummer or gemeente.eerste_contact
        assert expected is not None
        if expected.telefoon:
            link = page.locator(".mw-eerste a.mw-tel")
            expect(link).to_have_text(expected.telefoon)
            assert link.get_attribute("href") == expected.tel
        else:  # the data has no number at all for this municipality: its address, then
            link = page.locator(".mw-eerste a[href^='mailto:']")
            expect(link).to_have_text(str(expected.email))
        box = link.bounding_box()
        assert box is not None and box["y"] + box["height"] <= SIZES[size]["height"], \
            (gemeente.naam, box)
        assert taps == 1
    with_number = [g for g in example.site.gemeenten if (g.eerste_nummer or g).telefoon]
    assert len(with_number) >= len(example.site.gemeenten) - 1
    page.context.close()


PAGE_TYPES = {
    "start": "index.html",
    "routekaart": "gemeenten/{g}.html",
    "wie-bel-ik": "wie-bel-ik.html",
    "signalen": "signalen/index.html",
    "zakkaart": "zakkaart/{g}.html",
    "campagne": "campagne/index.html",
    "poster": "campagne/posters/{poster}.html",
    "module": "trainingen/{module}/index.html",
    "handout": "trainingen/{module}/handout/{g}.html",
    "privacy": "over/privacy.html",
    "niet-gevonden": "404.html",  # what a web server sends for a wrong address
}


def _path(kind: str, example: Any) -> str:
    site = example.site
    stop = site.campagne.stops[0]
    return PAGE_TYPES[kind].format(g=site.gemeenten[0].slug,
                                   poster=f"{stop.gemeente}-{stop.van.isoformat()}",
                                   module=site.trainingen[0].slug)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_the_phone_menu_opens_with_links_on_every_page_type(
        browser: Browser, example_url: str, example: Any, kind: str) -> None:
    page = _open(browser, "telefoon")
    page.goto(example_url + _path(kind, example))
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer = page.locator(".md-sidebar--primary")
    expect(drawer).to_be_visible()
    links = drawer.locator("a.md-nav__link, label.md-nav__link")
    visible = [t.strip() for t in links.all_inner_texts() if t.strip()]
    assert len(visible) >= 5, (kind, visible)
    for section in ("Routekaarten", "Wie bel ik?", "Signalen"):
        assert any(section in t for t in visible), (kind, section, visible)
    page.context.close()


def test_desktop_home_page_reaches_every_section(browser: Browser, example_url: str,
                                                  example: Any) -> None:
    page = _open(browser, "bureau")
    page.goto(example_url + "index.html")
    nav = page.locator(".md-sidebar--primary")
    expect(nav).to_be_visible()
    texts = " ".join(nav.all_inner_texts())
    for section in (example.site.campagne.naam, "Trainingen", "Over deze site"):
        assert section in texts, (section, texts)
    page.context.close()


@pytest.mark.parametrize("profile", ["publiek", "intern"])
def test_a_printed_routekaart_is_at_most_two_a4_pages(browser: Browser, example_url: str,
                                                      intern_url: str, example: Any,
                                                      profile: str) -> None:
    """Ctrl+P on the routekaart: at most two A4 pages, decision branches visible, legible."""
    page = _open(browser, "bureau")
    base = example_url if profile == "publiek" else intern_url
    for gemeente in example.site.gemeenten:
        page.goto(base + f"gemeenten/{gemeente.slug}.html")
        pages = _pdf_pages(page.pdf(format="A4"))
        assert 1 <= pages <= 2, (gemeente.slug, profile, pages)
        page.emulate_media(media="print")
        choices = page.locator("a.mw-keuze")
        assert choices.count() > 0
        expect(choices.first).to_be_visible()
        size = page.locator(".mw-stap__titel").first.evaluate(
            "e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 11, size  # 8 pt and more
        page.emulate_media(media=None)  # (screen would also apply to page.pdf)
    page.context.close()


def test_the_trainer_opens_slides_and_notes_and_sees_the_quiz_answers(
        browser: Browser, example_url: str, example: Any) -> None:
    module = next(m for m in example.site.trainingen if m.quiz)
    gemeente = example.site.gemeenten[0]
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    slides = context.new_page()
    slides.goto(example_url + f"trainingen/{module.slug}/index.html")
    slides.get_by_role("row", name=re.compile(gemeente.naam)).get_by_role(
        "link", name="Presentatie").click()
    with context.expect_page() as opened:
        slides.get_by_role("link", name="Notities openen").click()
    notes = opened.value
    notes.wait_for_load_state()
    counter = slides.locator("[data-mw-teller]")
    total = slides.locator(".mw-dia").count()
    # The link keeps the focus; the space bar still turns the page, and the notes follow.
    slides.keyboard.press("Space")
    expect(counter).to_have_text(f"Dia 2 van {total}")
    expect(notes.locator("[data-mw-teller]")).to_have_text(f"Dia 2 van {total}")
    slides.keyboard.press("End")
    last = module.quiz[-1]
    answer = notes.locator(".mw-dia--nu .mw-dia__antwoord")
    expect(answer).to_be_visible()
    expect(answer).to_contain_text(last.opties[last.antwoord])
    if last.uitleg:
        expect(answer).to_contain_text(re.sub(r"[*_`]", "", last.uitleg)[:30])
    assert slides.locator(".mw-dia__antwoord").count() == 0  # not on the projector
    context.close()


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_the_communications_officer_prints_a_poster(browser: Browser, example_url: str,
                                                     example: Any, paper: str) -> None:
    page = _open(browser, "bureau")
    page.goto(example_url + _path("poster", example))
    page.wait_for_load_state("networkidle")
    data = page.pdf(format=paper)
    assert _pdf_pages(data) == 1
    assert b"/Subtype /Image" in data or b"/Subtype/Image" in data  # the photo and QR code
    page.emulate_media(media="print")
    width = {"A4": 210, "A3": 297}[paper]
    page.set_viewport_size({"width": round(width / 25.4 * 96), "height": 900})
    poster = page.locator(".mw-poster").bounding_box()
    assert poster is not None and poster["width"] >= width / 25.4 * 96 * 0.98
    url = page.locator(".mw-poster__url")
    # The address wraps only at a slash, never inside a word.
    assert url.evaluate("e => getComputedStyle(e).overflowWrap") == "normal"
    page.context.close()


@pytest.fixture
def served_project(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    project = copy_project(FIXTURES / "klein", tmp_path / "project")
    port = _free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f",
         str(project / "mkdocs.yml")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env=env)
    try:
        yield project, f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_the_editor_breaks_a_file_sees_the_dutch_error_and_the_page_comes_back(
        page: Page, served_project: tuple[Path, str]) -> None:
    """Under mkdocs serve: the page being edited shows the Dutch error, then comes back by
    itself after the fix (no manual refresh)."""
    project, url = served_project
    target = url + "gemeenten/westerdorp.html"
    _wait_for(target, "Westerdorp")
    page.goto(target)
    expect(page.locator("h1")).to_contain_text("Westerdorp")
    data = project / "routekaarten" / "gemeenten" / "westerdorp.yml"
    good = data.read_text("utf-8")
    data.write_text(good.replace("telefoon: 14 035", "telefon: 14 035"), "utf-8")
    expect(page.locator("h1")).to_have_text("Fouten in de gegevens", timeout=30_000)
    expect(page.locator("ul.mw-fouten")).to_contain_text(
        "westerdorp.yml:5: contacten.aandachtfunctionaris.telefon: Het veld 'telefon' is "
        "onbekend. Bedoel je 'telefoon'?")
    assert "Not found" not in page.content()
    data.write_text(good, "utf-8")
    expect(page.locator("h1")).to_contain_text("Westerdorp", timeout=30_000)


@pytest.fixture(scope="module")
def synonym_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The small region where signals say "identiteitspapieren" and the region adds its own
    group of words, "pof" for a debt."""
    base = tmp_path_factory.mktemp("synoniemen")
    project = copy_project(FIXTURES / "klein", base / "project")
    signals = project / "routekaarten" / "signalen.yml"
    signals.write_text(signals.read_text("utf-8").replace(
        "geen eigen paspoort", "geen eigen identiteitspapieren"), "utf-8")
    regio = project / "routekaarten" / "regio.yml"
    regio.write_text(regio.read_text("utf-8") + "synoniemen:\n  - [schuld, pof]\n", "utf-8")
    build = run_mkdocs(project, base / "site")
    assert build.returncode == 0, build.log
    assert "paspoort" not in (build.site / "signalen" / "index.html").read_text("utf-8") \
        .split("mw-zoekwoorden")[0]
    return _serve(build.site)


@pytest.mark.parametrize(("query", "signal"), [("paspoort", "identiteitspapieren"),
                                               ("id-kaart", "identiteitspapieren"),
                                               ("pof", "schuld")])
def test_search_finds_the_workers_word(page: Page, synonym_url: str, query: str,
                                       signal: str) -> None:
    page.goto(synonym_url + "index.html")
    search(page, query)
    first = page.locator(".md-search-result__item").first
    expect(first).to_contain_text(signal)
    assert "signalen/" in str(first.locator("a").first.get_attribute("href"))
    expect(page.locator(".mw-zoekwoorden").first).to_be_hidden()


@pytest.mark.parametrize("query", ["paspoort", "0800", "arbeidsuitbuiting"])
def test_frontline_searches_never_land_on_the_editors_guide(page: Page, example_url: str,
                                                            query: str) -> None:
    page.goto(example_url + "index.html")
    search(page, query)
    links = [a.get_attribute("href") or "" for a in
             page.locator(".md-search-result__item > a").all()]
    assert links and not [a for a in links if "redacteuren/" in a], links
