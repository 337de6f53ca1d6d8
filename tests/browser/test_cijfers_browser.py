"""The region's figures as their readers meet them in Chromium.

- The aandachtfunctionaris goes from the own routekaart to the own municipality's figures.
- The policy officer prints the yearly report for the bestuurlijk overleg: A4, black on
  white, every chart beside its table, small numbers read "minder dan".
- A screen reader's view of a chart names what it shows; the new pages have no axe
  violations and no sideways scrolling at 375 px.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import axe_violations
from playwright.sync_api import Browser, Page, expect

from conftest import _new_page
from helpers import ROOT
from meldwijzer.build import generate
from meldwijzer.site import Options

SIZES = [{"width": 375, "height": 667}, {"width": 1280, "height": 900}]


@pytest.fixture(scope="module")
def example() -> Any:
    return generate(ROOT, Options(site_url=None))


def _yearly_reports(example_site_dir: Path) -> list[str]:
    return sorted(p.relative_to(example_site_dir).as_posix()
                  for p in (example_site_dir / "cijfers" / "jaarverslag").glob("*.html"))


@pytest.mark.parametrize("size", SIZES)
def test_the_aandachtfunctionaris_finds_the_own_figures_from_the_routekaart(
        browser: Browser, example_url: str, example: Any, size: dict[str, int]) -> None:
    page, recorder = _new_page(browser, viewport=size)
    gemeente = example.site.gemeenten[0]
    page.goto(example_url + f"gemeenten/{gemeente.slug}.html")
    page.get_by_role("link", name=re.compile(f"Cijfers van {gemeente.naam}")).click()
    page.wait_for_url(f"**/cijfers/{gemeente.slug}.html")
    expect(page.get_by_role("heading", level=1)).to_contain_text(gemeente.naam)
    table = page.locator("table").first
    expect(table).to_be_visible()
    assert table.locator("tbody tr").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    page.context.close()
    assert not recorder.external


def test_a_chart_names_what_it_shows_to_a_screen_reader(page: Page, example_url: str,
                                                         example: Any) -> None:
    page.goto(example_url + f"cijfers/{example.site.gemeenten[0].slug}.html")
    charts = page.get_by_role("img", name=re.compile(r"\S"))
    svgs = page.locator("svg.mw-grafiek")
    assert svgs.count() >= 2
    for i in range(svgs.count()):
        svg = svgs.nth(i)
        snapshot = svg.aria_snapshot()
        assert re.search(r'img "[^"]{6,}"', snapshot), snapshot  # a name, not an empty img
        described = svg.evaluate(
            "s => (s.getAttribute('aria-labelledby') || '').split(' ').map(id => "
            "(document.getElementById(id) || {}).textContent || '').join(' ')")
        assert re.search(r"\d", described), described  # the numbers it shows, in words
        assert "&#" not in described
    assert charts.count() >= svgs.count()
    # Each chart sits next to a table with the same numbers.
    assert page.locator(".mw-figuurpaar table").count() >= svgs.count()


@pytest.mark.parametrize("size", SIZES)
def test_the_new_pages_have_no_axe_violations_and_fit(browser: Browser, example_url: str,
                                                      example_site: Any,
                                                      size: dict[str, int]) -> None:
    page, recorder = _new_page(browser, viewport=size)
    paths = ["cijfers/index.html", "cijfers/huizen.html",
             *_yearly_reports(example_site.site)[-1:]]
    for path in paths:
        page.goto(example_url + path)
        assert axe_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"], path
    page.context.close()
    assert not recorder.external


def test_the_policy_officer_prints_the_yearly_report(page: Page, example_url: str,
                                                      example_site: Any,
                                                      tmp_path: Path) -> None:
    report = _yearly_reports(example_site.site)[-1]
    page.goto(example_url + report)
    pdf = tmp_path / "jaarverslag.pdf"
    pdf.write_bytes(page.pdf(format="A4"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert 1 <= pages <= 8, pages
    assert "210 x 297" in info or "595" in info  # A4
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    year = report.rsplit("/", 1)[-1].removesuffix(".html")
    assert f"Jaarverslag {year}" in text
    assert "minder dan" in text  # small numbers are named, never printed
    assert "bijgewerkt" in text.lower()
    # Black on white: no coloured fill in the printed charts.
    page.emulate_media(media="print")
    fills = page.locator("svg.mw-grafiek rect.mw-grafiek__staaf").evaluate_all(
        "rs => rs.map(r => getComputedStyle(r).fill)")
    assert fills, "no bars in the printed report"
    for fill in fills:
        r, g, b = (int(x) for x in re.findall(r"\d+", fill)[:3])
        assert max(r, g, b) - min(r, g, b) < 16, fill  # a grey, not a colour
    page.emulate_media(media=None)
    # The menu and search are not printed.
    assert "Zoeken" not in text.split("\n", 3)[0]
