"""The chain around a report in Chromium: new page types pass axe, the form prints on one A4
page, out-of-hours numbers open by keyboard, the sector filter works, the help in another
language opens and carries its language."""

from __future__ import annotations

import re

import pytest
from browser_helpers import axe_violations
from playwright.sync_api import Page, expect

from helpers import ROOT
from meldwijzer.build import generate
from meldwijzer.site import Options

EXAMPLE = generate(ROOT, Options())
FIRST = EXAMPLE.site.gemeenten[0].slug


@pytest.mark.parametrize("path", ["wie-doet-wat.html", "informatiedeling.html",
                                  f"vastleggen/{FIRST}.html", f"gemeenten/{FIRST}.html"])
def test_new_page_types_have_no_axe_violations(page: Page, example_url: str, path: str) -> None:
    page.goto(example_url + path)
    for details in page.locator("details").all():
        details.evaluate("d => d.open = true")
    assert axe_violations(page) == []


def test_the_form_prints_on_one_a4_page(page: Page, example_url: str) -> None:
    for gemeente in EXAMPLE.site.gemeenten:
        page.goto(example_url + f"vastleggen/{gemeente.slug}.html")
        data = page.pdf(format="A4")
        assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 1, gemeente.slug


def test_out_of_hours_numbers_open_by_keyboard(phone: Page, example_url: str) -> None:
    phone.goto(example_url + f"gemeenten/{FIRST}.html")
    summary = phone.locator("details.mw-buiten > summary")
    expect(summary).to_contain_text("Buiten kantoortijd")
    numbers = phone.locator("details.mw-buiten .mw-buiten__nummers a.mw-tel")
    expect(numbers.first).to_be_hidden()
    summary.focus()
    phone.keyboard.press("Enter")
    expect(numbers.first).to_be_visible()
    # 112 first and apart, for acute danger only; the list holds the other numbers.
    acute = phone.locator("details.mw-buiten .mw-buiten__acuut")
    expect(acute).to_be_visible()
    expect(acute).to_contain_text("Alleen als")
    assert acute.locator("a.mw-tel").get_attribute("href") == "tel:112"
    assert "tel:112" not in [numbers.nth(i).get_attribute("href") for i in range(numbers.count())]


def test_filter_signals_by_sector(page: Page, example_url: str) -> None:
    page.goto(example_url + "signalen/index.html")
    page.select_option("#mw-filter-sector", "recreatie")
    visible = page.locator("li.mw-signaal:visible")
    expect(page.locator("#mw-filter-aantal")).to_contain_text("gevonden")
    count = visible.count()
    assert count >= 1
    for i in range(count):
        assert "recreatie" in (visible.nth(i).get_attribute("data-sectoren") or "")


def test_help_in_polish_opens_with_its_language(page: Page, example_url: str) -> None:
    page.goto(example_url + "campagne/index.html")
    polish = page.locator("details.mw-taal[lang=pl]")
    polish.locator("summary").click()
    expect(polish.locator("p").first).to_be_visible()
    assert polish.evaluate("d => d.lang") == "pl"
    assert axe_violations(page) == []
