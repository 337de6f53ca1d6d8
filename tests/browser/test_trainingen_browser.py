"""Training material in Chromium: slides by keyboard, notes view, the chosen municipality on
a slide, the quiz by keyboard, the handout in print; accessible and readable."""

from __future__ import annotations

import re

import pytest
import yaml
from browser_helpers import axe_violations
from playwright.sync_api import Browser, Page, expect

from helpers import ROOT

MODULE = sorted(p.name for p in (ROOT / "trainingen").iterdir() if p.is_dir())[0]
DATA = yaml.load((ROOT / "trainingen" / MODULE / "module.yml").read_text("utf-8"),
                 Loader=yaml.BaseLoader)
GEMEENTE = sorted(p.stem for p in (ROOT / "routekaarten" / "gemeenten").glob("*.yml"))[-1]
GEMEENTE_DATA = yaml.load((ROOT / "routekaarten" / "gemeenten" / f"{GEMEENTE}.yml")
                          .read_text("utf-8"), Loader=yaml.BaseLoader)
SLIDES = f"trainingen/{MODULE}/presentatie/{GEMEENTE}.html"
NOTES = f"trainingen/{MODULE}/notities/{GEMEENTE}.html"


@pytest.mark.parametrize("path", [f"trainingen/{MODULE}/index.html", SLIDES, NOTES,
                                  f"trainingen/{MODULE}/handout/{GEMEENTE}.html",
                                  "trainingen/index.html"])
def test_training_pages_have_no_axe_violations(page: Page, example_url: str, path: str) -> None:
    page.goto(example_url + path)
    assert axe_violations(page) == []


def test_move_through_the_slides_by_keyboard(page: Page, example_url: str) -> None:
    page.goto(example_url + SLIDES)
    counter = page.locator("[data-mw-teller]")
    total = page.locator(".mw-dia").count()
    expect(counter).to_have_text(f"Dia 1 van {total}")
    expect(page.locator(".mw-dia").nth(1)).to_be_hidden()
    page.keyboard.press("ArrowRight")
    expect(counter).to_have_text(f"Dia 2 van {total}")
    expect(page.locator(".mw-dia").nth(1)).to_be_visible()
    page.keyboard.press("Space")
    page.keyboard.press("PageDown")
    expect(counter).to_have_text(f"Dia 4 van {total}")
    page.keyboard.press("PageUp")
    page.keyboard.press("ArrowLeft")
    expect(counter).to_have_text(f"Dia 2 van {total}")
    page.keyboard.press("End")
    expect(counter).to_have_text(f"Dia {total} van {total}")
    page.keyboard.press("Home")
    expect(counter).to_have_text(f"Dia 1 van {total}")
    expect(page).to_have_url(re.compile("#dia-1$"))
    expect(page.locator("[data-mw-status]")).to_contain_text("Dia 1 van")


def test_trainer_notes_are_hidden_on_slides_and_shown_in_the_notes_view(
        browser: Browser, example_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    slides = context.new_page()
    slides.goto(example_url + SLIDES)
    with context.expect_page() as opened:
        slides.get_by_role("link", name="Notities openen").click()
    notes = opened.value
    notes.wait_for_load_state()
    note_slide = notes.locator(".mw-dia:visible")
    expect(note_slide).to_have_count(1)
    first_with_note = slides.locator(".mw-dia:has(.admonition.trainer)").first
    number = int(first_with_note.get_attribute("data-nummer"))
    for _ in range(number - 1):
        slides.keyboard.press("ArrowRight")
    expect(first_with_note.locator(".admonition.trainer")).to_be_hidden()
    expect(notes.locator(f"#dia-{number}")).to_be_visible()
    expect(notes.locator(f"#dia-{number} .admonition.trainer")).to_be_visible()
    context.close()


def test_slides_show_the_chosen_municipalitys_numbers(page: Page, example_url: str) -> None:
    page.goto(example_url + SLIDES)
    slide = page.locator(".mw-dia", has=page.locator(".mw-kort-nummers")).first
    page.goto(example_url + SLIDES + f"#dia-{slide.get_attribute('data-nummer')}")
    expect(slide).to_be_visible()
    expect(slide.locator(".mw-dia__kop")).to_have_text(f"Wie bel je in {GEMEENTE_DATA['naam']}?")
    expect(slide.locator("a[href='tel:112']")).to_be_visible()
    route = page.locator(".mw-dia", has=page.locator(".mw-kort-route")).first
    expect(route.locator(".mw-dia__kop")).to_contain_text(GEMEENTE_DATA["naam"])


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_slide_text_is_readable_from_the_back(page: Page, example_url: str, width: int,
                                              height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(example_url + SLIDES + "#dia-2")
    size = page.eval_on_selector(".mw-dia:not([hidden]) li, .mw-dia:not([hidden]) p",
                                 "el => parseFloat(getComputedStyle(el).fontSize)")
    assert size >= (28 if height >= 1080 else 22)


def test_answer_the_quiz_by_keyboard(page: Page, example_url: str) -> None:
    page.goto(example_url + f"trainingen/{MODULE}/index.html")
    questions = page.locator("[data-mw-vraag]")
    expect(questions).to_have_count(len(DATA["quiz"]))
    expect(questions.first.locator("details")).to_be_hidden()
    for i, question in enumerate(DATA["quiz"]):
        form = questions.nth(i)
        form.locator("input[type=radio]").first.focus()
        page.keyboard.press("Space")
        for _ in range(int(question["antwoord"])):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
        expect(form.get_by_role("button", name="Controleer")).to_be_focused()
        page.keyboard.press("Enter")
        expect(form.locator(".mw-vraag__feedback")).to_contain_text("Goed!")
    expect(page.locator("[data-mw-score]")).to_have_text(
        f"Je hebt {len(DATA['quiz'])} van de {len(DATA['quiz'])} vragen goed.")
    assert axe_violations(page) == []


def test_a_wrong_answer_shows_the_right_one(page: Page, example_url: str) -> None:
    page.goto(example_url + f"trainingen/{MODULE}/index.html")
    form = page.locator("[data-mw-vraag]").first
    wrong = next(i for i in range(len(DATA["quiz"][0]["opties"]))
                 if i != int(DATA["quiz"][0]["antwoord"]))
    form.locator("input[type=radio]").nth(wrong).check()
    form.get_by_role("button", name="Controleer").click()
    right = DATA["quiz"][0]["opties"][int(DATA["quiz"][0]["antwoord"])]
    expect(form.locator(".mw-vraag__feedback")).to_contain_text(f"Het goede antwoord is: {right}")


def test_handout_prints(page: Page, example_url: str) -> None:
    page.goto(example_url + f"trainingen/{MODULE}/handout/{GEMEENTE}.html")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".mw-kort-nummers a[href='tel:112']")).to_be_visible()
    expect(page.locator("[data-mw-print]")).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
