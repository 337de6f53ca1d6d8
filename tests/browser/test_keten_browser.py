"""The chain around a report in Chromium: new page types pass axe, the form prints on one A4
page, out-of-hours numbers open by keyboard, the sector filter works, the help in another
language opens and carries its language."""

from __future__ import annotations

import re
import time
from typing import Any

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
    page.locator(".mw-talen__lijst a[hreflang=pl]").click()
    page.wait_for_url("**/campagne/hulp/pl.html")
    polish = page.locator(".mw-taalpagina")
    expect(polish.locator("h1")).to_be_visible()
    assert polish.evaluate("d => d.lang") == "pl"
    assert axe_violations(page) == []
    # Arabic reads from right to left, its numbers in their own order.
    page.goto(example_url + "campagne/hulp/ar.html")
    arabic = page.locator(".mw-taalpagina")
    assert arabic.evaluate("d => [d.lang, getComputedStyle(d).direction]") == ["ar", "rtl"]
    # "033-448 11 86 / +31 33 448 11 86" inside the Arabic line still reads left to right.
    order = arabic.evaluate("""d => {
      const li = [...d.querySelectorAll('li')].find(l => l.textContent.includes('033-448'));
      const walk = document.createTreeWalker(li, NodeFilter.SHOW_TEXT), texts = [];
      while (walk.nextNode()) texts.push(walk.currentNode);
      const x = s => { const t = texts.find(n => n.data.includes(s)), i = t.data.indexOf(s),
        r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 1);
        return r.getBoundingClientRect(); };
      const [a, b] = [x('033-448'), x('+31 33')];
      return a.y === b.y ? a.x < b.x : a.y < b.y; }""")
    assert order is True
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["signalen/index.html", f"gemeenten/{FIRST}.html",
                                  f"vastleggen/{FIRST}.html"])
def test_nothing_moves_when_the_scripts_start(phone: Page, example_url: str,
                                              path: str) -> None:
    """What the scripts show (the signal filter, "wat nu?", "Dit is mijn gemeente", a print
    button) has its place from the first paint: a reader who starts reading is not pushed
    down the page (Lighthouse's cumulative layout shift)."""
    # The scripts arrive after the first paint, as on a phone's network (Lighthouse's case).
    def late(route: Any) -> None:
        time.sleep(0.8)
        route.continue_()

    phone.route("**/assets/meldwijzer/meldwijzer.js", late)
    phone.add_init_script("""window.__mwShift = 0; new PerformanceObserver(list => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__mwShift += e.value;
    }).observe({type: "layout-shift", buffered: true});""")
    phone.goto(example_url + path)
    phone.wait_for_load_state("networkidle")
    phone.wait_for_timeout(500)
    visible = {"signalen/index.html": "#mw-filter", f"gemeenten/{FIRST}.html":
               "[data-mw-wat-nu-start]", f"vastleggen/{FIRST}.html": "[data-mw-print]"}[path]
    expect(phone.locator(visible)).to_be_visible()
    assert phone.evaluate("window.__mwShift") < 0.01


def test_controls_that_need_the_script_go_when_it_never_runs(phone: Page,
                                                             example_url: str) -> None:
    """A blocked or failed meldwijzer.js leaves no control on the page that does nothing."""
    phone.route("**/assets/meldwijzer/meldwijzer.js", lambda route: route.abort())
    phone.goto(example_url + "signalen/index.html")
    phone.wait_for_load_state("load")
    expect(phone.locator("#mw-filter")).to_be_hidden()
    phone.goto(example_url + f"gemeenten/{FIRST}.html")
    phone.wait_for_load_state("load")
    expect(phone.locator("[data-mw-wat-nu-start]")).to_be_hidden()
    expect(phone.locator("[data-mw-mijn-gemeente]")).to_be_hidden()
