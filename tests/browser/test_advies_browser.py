"""Right advice and safe pages, as the people who need them meet them in Chromium.

- A victim scans a poster's QR code, reads the help in Polish, presses "Snel weg": the page
  is replaced by a neutral site, the back button does not bring the site back, and nothing
  was stored in the browser.
- A worker outside office hours opens the routekaart: 112 stands apart, every other number
  says when it applies, on a phone and on paper.
- The clerk at the consult step has a number to tap, also where the first contact has only
  an e-mail address on the public site.
- No page ever shows a character reference as text.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from conftest import _new_page
from helpers import ROOT, Build
from meldwijzer.build import generate
from meldwijzer.site import Options

NEUTRAL = "https://www.buienradar.nl/"


@pytest.fixture(scope="module")
def example() -> Any:
    return generate(ROOT, Options(site_url=None))


def _victim_phone(browser: Browser) -> tuple[Page, list[str]]:
    """A phone whose only way off the site is the neutral page, served here (no network)."""
    context = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    left: list[str] = []

    def route(route: Route) -> None:
        url = route.request.url
        if url.startswith(NEUTRAL):
            route.fulfill(status=200, content_type="text/html",
                          body="<!doctype html><title>Weer</title><h1>Het weer</h1>")
        elif re.match(r"https?://(127\.0\.0\.1|localhost)[:/]", url):
            route.continue_()
        else:
            left.append(url)
            route.abort()

    context.route("**/*", route)
    return context.new_page(), left


def test_a_victim_reads_the_help_in_polish_and_leaves_at_once(
        browser: Browser, example_url: str, example: Any) -> None:
    page, left = _victim_phone(browser)
    gemeente = example.site.gemeenten[0]
    page.goto(example_url + f"campagne/gemeenten/{gemeente.slug}.html")  # the QR code's page
    exit_button = page.get_by_role("link", name=re.compile("Snel weg"))
    expect(exit_button).to_be_visible()
    box = exit_button.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 667 and box["x"] + box["width"] <= 375
    # In the header bar, over none of the page's text: its 112 and help numbers stay readable.
    header = page.locator(".md-header").bounding_box()
    assert header is not None and box["y"] + box["height"] <= header["y"] + header["height"]
    title = page.locator(".md-header__title").bounding_box()
    assert title is not None and title["x"] + title["width"] <= box["x"], (title, box)
    # Dutch is on the page, open; Polish is one tap away, above the Dutch text, on a page of
    # its own marked as a draft translation.
    dutch = page.locator("details.mw-taal")
    assert dutch.count() == 1 and dutch.get_attribute("lang") == "nl"
    assert dutch.get_attribute("open") is not None
    choice = page.get_by_role("link", name="Polski", exact=True)
    assert choice.bounding_box()["y"] < dutch.bounding_box()["y"]  # type: ignore[index]
    choice.click()
    page.wait_for_url("**/campagne/hulp/pl.html")
    polish = page.locator(".mw-taalpagina[lang='pl']")
    expect(polish).to_contain_text("+31 33 448 11 86")
    expect(polish).to_contain_text("Unii Europejskiej")  # EU citizens need no permit
    expect(polish.locator(".mw-taal__status")).to_contain_text("Concept")
    exit_button = page.get_by_role("link", name=re.compile("Snel weg"))
    page.mouse.wheel(0, 1500)
    expect(exit_button).to_be_in_viewport()  # still in view after scrolling down
    # Back to Dutch lands on the municipality's page she came from, not the campaign's home.
    page.get_by_role("link", name="Nederlands", exact=True).click()
    page.wait_for_url(f"**/campagne/gemeenten/{gemeente.slug}.html")
    # On to the campaign page (through the menu) and a story, then away.
    page.evaluate("document.querySelector(\"a[href='../index.html']\").click()")
    page.wait_for_url("**/campagne/index.html")
    page.locator(".mw-verhaal-kaart__titel a").first.click()
    page.wait_for_load_state()
    assert "/campagne/verhalen/" in page.url
    storage = page.evaluate("() => { localStorage.setItem('x', 'y'); sessionStorage.setItem("
                            "'x', 'y'); return [localStorage.length, sessionStorage.length] }")
    assert storage == [0, 0]
    page.get_by_role("link", name=re.compile("Snel weg")).click()
    page.wait_for_url(NEUTRAL + "**")
    page.go_back()
    page.wait_for_timeout(500)
    # Back does not return to a page of the site: each page replaced the one before.
    assert "/campagne/" not in page.url and example_url not in page.url, page.url
    page.context.close()
    assert not left, left


def test_escape_twice_leaves_too(browser: Browser, example_url: str) -> None:
    page, left = _victim_phone(browser)
    page.goto(example_url + "campagne/index.html")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL + "**")
    # And with the keyboard: Tab reaches the button right after the skip link.
    page.goto(example_url + "campagne/index.html")
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-mw-snelweg')"):
            break
    else:
        raise AssertionError("Snel weg is not among the first stops of the keyboard")
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL + "**")
    page.context.close()
    assert not left, left


def test_victim_pages_store_nothing_even_after_a_search(browser: Browser,
                                                         example_url: str) -> None:
    page, left = _victim_phone(browser)
    page.goto(example_url + "campagne/index.html")
    # A victim's page offers no site search (the header's right side is "Snel weg"), not
    # even by Material's keyboard shortcut; and what the page does stores nothing.
    expect(page.locator(".md-search")).to_be_hidden()
    expect(page.locator(".md-header__button[for='__search']")).to_be_hidden()
    start = page.url
    # Material's shortcuts that open the search: "/", "s" and "f" (letters such as "p" and
    # "n" go to the previous or next page, so the text typed avoids them).
    for key in ("/", "s", "f"):
        page.keyboard.press(key)
        page.keyboard.type("zorg")
        expect(page.locator(".md-search__input")).to_be_hidden()
    assert page.url == start, page.url
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(1500)
    assert page.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]
    page.context.close()
    assert not left, left


@pytest.mark.parametrize("size", [{"width": 375, "height": 667}, {"width": 1280, "height": 900}])
def test_a_worker_out_of_hours_sees_112_apart_and_when_each_number_applies(
        browser: Browser, example_url: str, example: Any, size: dict[str, int],
        tmp_path: Path) -> None:
    page, recorder = _new_page(browser, viewport=size)
    gemeente = example.site.gemeenten[0]
    page.goto(example_url + f"gemeenten/{gemeente.slug}.html")
    box = page.locator("details.mw-buiten")
    summary = box.locator("summary")
    assert "112" not in summary.inner_text()
    summary.click()
    acuut = box.locator(".mw-buiten__acuut")
    expect(acuut).to_be_visible()
    expect(acuut).to_contain_text("Acuut gevaar")
    items = box.locator("ul.mw-buiten__nummers > li")
    assert items.count() == len(gemeente.buiten_kantoortijd) >= 2
    for i in range(items.count()):
        item = items.nth(i)
        expect(item.locator("a.mw-tel")).to_be_visible()
        assert item.locator("a.mw-tel").inner_text() != "112"
        expect(item.locator(".mw-buiten__wanneer")).to_be_visible()
    # The helper gives the same answer at a step with a number.
    page.goto(example_url + f"gemeenten/{gemeente.slug}.html#wat-nu/"
              f"{gemeente.routes[0].id}/{gemeente.routes[0].stappen[0].id}/"
              f"{gemeente.routes[0].stappen[1].id}")
    helper = page.locator(".mw-wat-nu__buiten")
    expect(helper).to_be_visible()
    expect(helper.locator(".mw-buiten__acuut")).to_contain_text("112")
    assert helper.locator("ul.mw-buiten__nummers > li").count() == items.count()
    # On paper, the box prints its numbers and when they apply, without opening it.
    page.goto(example_url + f"gemeenten/{gemeente.slug}.html")
    pdf = tmp_path / "routekaart.pdf"
    pdf.write_bytes(page.pdf(format="A4"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for contact in gemeente.buiten_kantoortijd:
        assert contact.telefoon in text, contact.telefoon
    assert "Acuut gevaar: bel 112" in text
    page.context.close()
    assert not recorder.external


def test_the_clerk_at_the_consult_step_has_a_number_to_tap(
        phone: Page, example_url: str, example: Any) -> None:
    """Every step that names the first contact offers a number, also where the first
    contact itself has only an e-mail address on the public site."""
    for gemeente in example.site.gemeenten:
        phone.goto(example_url + f"gemeenten/{gemeente.slug}.html")
        for route in gemeente.routes:
            for step in route.stappen:
                if not any(c.id == gemeente.eerste_id for c in step.contacten):
                    continue
                card = phone.locator(f"[id='{step.anchor}'] .mw-stap__bellen .mw-contact", has=
                                     phone.get_by_role("heading", name=re.compile(
                                         gemeente.contacten[gemeente.eerste_id].naam)))
                tel = card.first.locator("a.mw-tel")
                expect(tel).to_be_visible()
                assert (tel.get_attribute("href") or "").startswith("tel:")


def test_no_page_shows_a_character_reference_as_text(browser: Browser, example_url: str,
                                                      example_site: Build) -> None:
    """What a person sees (innerText, after scripts ran) never holds ``&#46;`` or
    ``&amp;``: every place where escaping could happen twice shows up here."""
    page, recorder = _new_page(browser, viewport={"width": 1280, "height": 900})
    pattern = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
    found = []
    pages = sorted(p.relative_to(example_site.site).as_posix()
                   for p in example_site.site.rglob("*.html") if "beheer" not in p.parts)
    assert len(pages) > 50
    for path in pages:
        page.goto(example_url + path)
        text = page.evaluate("document.body.innerText")
        found += [(path, m.group()) for m in pattern.finditer(text)]
    page.context.close()
    assert not found, found[:20]
    assert not recorder.external


def test_a_search_for_out_of_hours_lands_on_the_answer(page: Page, example_url: str) -> None:
    from browser_helpers import search

    page.goto(example_url + "index.html")
    search(page, "buiten kantoortijd")
    first = page.locator(".md-search-result__item").first
    links = [a.get_attribute("href") or "" for a in first.locator("a").all()]
    assert "wie-bel-ik.html" in links[0], first.inner_text()
    assert any("#buiten-kantoortijd" in link for link in links), links


def test_the_trainers_deck_has_its_heading_before_the_route(page: Page, example_url: str,
                                                             example: Any) -> None:
    """A part whose heading is followed by [[routekaart]]: the heading's slide comes first,
    then the route's slides, each with a number to call at the consult step."""
    for module in example.site.trainingen:
        gemeente = example.site.gemeenten[0]
        page.goto(example_url + f"trainingen/{module.slug}/presentatie/{gemeente.slug}.html")
        titles = page.locator(".mw-dia__kop").all_inner_texts()
        route = [i for i, t in enumerate(titles) if f"in {gemeente.naam} (" in t or
                 t.startswith(gemeente.routes[0].titel)]
        if not route:
            continue
        before = titles[route[0] - 1]
        assert not before.startswith(("Signaal over", "Wie bel je")), titles
        assert titles.count(before) == 1, titles  # the heading is not repeated after
