"""What only a browser shows: accessibility, phone layout, print, offline search, keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_helpers import axe_violations, search
from playwright.sync_api import Page, expect

from helpers import ROOT, Build, site_url

FIRST = sorted((ROOT / "routekaarten" / "gemeenten").glob("*.yml"))[0].stem
PAGE_TYPES = {
    "home": "index.html",
    "chooser": "gemeenten/index.html",
    "routekaart": f"gemeenten/{FIRST}.html",
    "wie-bel-ik": "wie-bel-ik.html",
    "signalen": "signalen/index.html",
    "toegankelijkheid": "over/toegankelijkheid.html",
    "privacy": "over/privacy.html",
    "404": "404.html",
}


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_axe_finds_no_wcag_violations(page: Page, example_url: str, path: str) -> None:
    page.goto(example_url + path)
    assert axe_violations(page) == []


def test_axe_on_the_internal_build(page: Page, intern_url: str) -> None:
    page.goto(intern_url + f"gemeenten/{FIRST}.html")
    expect(page.locator(".mw-intern-balk")).to_be_visible()
    assert axe_violations(page) == []


def test_axe_with_search_open_and_results(page: Page, example_url: str) -> None:
    page.goto(example_url + "index.html")
    search(page, "veilig thuis")
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_horizontal_scrolling_on_a_phone(phone: Page, example_url: str, path: str) -> None:
    phone.goto(example_url + path)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375


def test_home_shows_emergency_and_key_numbers_without_scrolling(phone: Page,
                                                                example_url: str) -> None:
    phone.goto(example_url + "index.html")
    numbers = phone.locator(".mw-nummers a.mw-tel")
    assert numbers.count() >= 4
    for i in range(numbers.count()):
        box = numbers.nth(i).bounding_box()
        assert box is not None and box["y"] + box["height"] <= 667, f"number {i} below the fold"
    assert numbers.first.get_attribute("href") == "tel:112"


def test_routekaart_prints_without_navigation_and_with_its_address(page: Page,
                                                                  example_url: str,
                                                                  tmp_path: Path) -> None:
    page.goto(example_url + f"gemeenten/{FIRST}.html")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    address = page.locator(".mw-print-adres")
    expect(address).to_be_visible()
    expect(address).to_contain_text(f"gemeenten/{FIRST}.html")
    # The numbers in the steps and at the top; the out-of-hours list prints as its summary.
    for link in page.locator(".mw-spoed a.mw-tel, .mw-eerste a.mw-tel, .mw-stap a.mw-tel") \
            .all()[:10]:
        expect(link).to_be_visible()
    pdf = tmp_path / "routekaart.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=False)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_keyboard_reaches_a_choice_and_follows_it(page: Page, example_url: str) -> None:
    page.goto(example_url + f"gemeenten/{FIRST}.html")
    choice = page.locator("a.mw-keuze").first
    target = choice.get_attribute("href")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('mw-keuze')"):
            break
    else:
        pytest.fail("no choice link reachable with Tab")
    focused_href = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused_href == target
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
    expect(page.locator(f"li{target}")).to_be_in_viewport()


def test_offline_search_from_file_finds_veilig_thuis(page: Page, example_site: Build) -> None:
    page.goto((example_site.site / "index.html").as_uri())
    search(page, "Veilig Thuis")
    expect(page.locator(".md-search-result")).to_contain_text("Veilig Thuis")


def test_routekaart_works_from_file(page: Page, example_site: Build) -> None:
    page.goto((example_site.site / "gemeenten" / f"{FIRST}.html").as_uri())
    expect(page.locator("h1")).to_contain_text("Routekaart")
    expect(page.locator("a.mw-tel").first).to_be_visible()
    online = site_url()
    expected = (online + f"gemeenten/{FIRST}.html" if online
                else (example_site.site / "gemeenten" / f"{FIRST}.html").as_uri())
    expect(page.locator(".mw-print-adres [data-mw-adres]")).to_have_text(expected)
