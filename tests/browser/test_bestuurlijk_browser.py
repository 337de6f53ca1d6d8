"""The bestuurlijke aanpak in Chromium, as its readers use it: a raad member reads the table
of the basisniveau on a phone, on a desktop and on paper; an aandachtfunctionaris goes from a
signal to the barrier it can trigger and on to the casusoverleg route; the internal build
shows the meeting's details and the public one does not. axe-core finds nothing on any new
page, and hostile text in every field does not run in the internal build either."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from browser_helpers import axe_violations
from playwright.sync_api import Browser, Page, expect
from test_xss_sweep import _check, _open, _walk

from conftest import _serve
from helpers import ROOT, Build, keyed_as_maps, run_mkdocs
from hostile import hostile_project

BLOCKS = {f.stem: keyed_as_maps(yaml.safe_load(f.read_text("utf-8")))
          for f in sorted((ROOT / "routekaarten/gemeenten").glob("*.yml"))}
REVIEWED = sorted(slug for slug, data in BLOCKS.items() if data.get("bestuurlijk"))
ROUTES = keyed_as_maps(yaml.safe_load((ROOT / "routekaarten/bestuurlijk.yml").read_text(
    "utf-8")))["routes"]
CASUS = next(r for r in ROUTES if r["id"] == "casusoverleg")
PAGES = ["bestuurlijk/index.html", "bestuurlijk/aandachtfunctionaris.html",
         "bestuurlijk/barrieremodel.html", "bestuurlijk/routes.html",
         *(f"bestuurlijk/gemeenten/{slug}.html" for slug in REVIEWED)]


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def _no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("() => [document.documentElement.scrollWidth, "
                          "document.documentElement.clientWidth]")
    assert width[0] <= width[1], width


@pytest.mark.parametrize("device", ["phone", "page"])
def test_a_raad_member_reads_the_basisniveau_table(request: pytest.FixtureRequest,
                                                   example_url: str, device: str) -> None:
    page: Page = request.getfixturevalue(device)
    width = page.viewport_size["width"] if page.viewport_size else 0
    page.goto(example_url + "index.html")
    page.locator("article").get_by_role("link", name="Bestuurlijke aanpak").click()
    table = page.get_by_role("table", name="Basisniveau per gemeente")
    expect(table).to_be_visible()
    _no_sideways_scroll(page)
    rows = table.locator("tbody tr")
    assert rows.count() == len(BLOCKS)
    for data in BLOCKS.values():
        row = table.get_by_role("row").filter(has=page.get_by_role(
            "rowheader", name=re.compile(rf"^{re.escape(data['naam'])}\b")))
        expect(row).to_have_count(1)
        block = data.get("bestuurlijk")
        cells = row.get_by_role("cell")
        if not block:
            expect(cells).to_have_text(["Nog niet beoordeeld"])
            continue
        # The words are in the accessibility tree at every width (signs only on a phone).
        words = {"voldaan": "Voldaan", "bezig": "Bezig", "niet-voldaan": "Niet voldaan"}
        expected = [words[block[e]["stand"]] if block.get(e) else "Nog niet beoordeeld"
                    for e in ("functionaris", "signalering", "beleid")]
        assert [c.text_content().split("\xa0")[-1] for c in cells.all()] == expected
        for cell in cells.all():
            assert cell.bounding_box()["x"] + cell.bounding_box()["width"] <= width
    first = REVIEWED[0]
    table.get_by_role("link", name=BLOCKS[first]["naam"]).click()
    expect(page).to_have_url(re.compile(rf"bestuurlijk/gemeenten/{first}\.html$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Bestuurlijke aanpak {BLOCKS[first]['naam']}")
    _no_sideways_scroll(page)


def test_the_table_prints_on_the_first_page(page: Page, example_url: str) -> None:
    page.goto(example_url + "bestuurlijk/index.html")
    page.emulate_media(media="print")
    data = page.pdf(format="A4")
    assert _pdf_pages(data) <= 2
    # A4 minus the print margins (14 mm top, 16 mm bottom) at 96 px per inch.
    page.set_viewport_size({"width": 688, "height": 1009})
    bottom = page.evaluate("() => document.querySelector('table.mw-basisniveau')"
                           ".getBoundingClientRect().bottom + window.scrollY")
    assert bottom < 1009
    for slug in REVIEWED:
        page.goto(example_url + f"bestuurlijk/gemeenten/{slug}.html")
        assert _pdf_pages(page.pdf(format="A4")) <= 5, slug


@pytest.mark.parametrize("device", ["phone", "page"])
def test_from_a_signal_to_its_barrier_and_the_casusoverleg(request: pytest.FixtureRequest,
                                                          example_url: str, device: str) -> None:
    barrier = next(b for b in yaml.safe_load((ROOT / "routekaarten/bestuurlijk.yml").read_text(
        "utf-8"))["barrieres"] if b.get("route") == CASUS["id"])
    signals = keyed_as_maps(yaml.safe_load((ROOT / "routekaarten/signalen.yml").read_text(
        "utf-8")))
    signal = next(s for s in signals if barrier["id"] in s.get("barrieres", []))
    page: Page = request.getfixturevalue(device)
    page.goto(example_url + "signalen/index.html")
    item = page.locator("li.mw-signaal", has_text=signal["tekst"]).first
    item.scroll_into_view_if_needed()
    item.locator(".mw-signaal__barrieres a").nth(signal["barrieres"].index(barrier["id"])).click()
    expect(page).to_have_url(re.compile(rf"barrieremodel\.html#barriere-{barrier['id']}$"))
    heading = page.locator(f"#barriere-{barrier['id']}")
    expect(heading).to_be_in_viewport()
    section = page.locator(f"#barriere-{barrier['id']} + .mw-barriere")
    expect(section.locator(".mw-barriere__signalen")).to_contain_text(signal["tekst"])
    section.get_by_role("link", name=CASUS["titel"]).click()
    expect(page).to_have_url(re.compile(rf"routes\.html#route-{CASUS['id']}$"))
    expect(page.locator(f"#route-{CASUS['id']}")).to_be_in_viewport()
    expect(page.get_by_role("list", name=f"Stappen: {CASUS['titel']}").locator(
        ":scope > li")).to_have_count(len(CASUS["stappen"]))
    expect(page.locator(".mw-overleg__intern")).to_have_count(0)
    _no_sideways_scroll(page)


def test_the_internal_build_shows_the_meeting_details(page: Page, example_url: str,
                                                      intern_url: str) -> None:
    secret = CASUS["overleg"]["intern"]
    page.goto(intern_url + f"bestuurlijk/routes.html#route-{CASUS['id']}")
    block = page.locator(f"#route-{CASUS['id']} ~ .mw-overleg .mw-overleg__intern").first
    expect(block).to_be_visible()
    expect(block).to_contain_text(secret["adres"])
    expect(block).to_contain_text("Volgende vergaderingen")
    for name in secret["namen"]:
        expect(block).to_contain_text(name)
    page.goto(example_url + f"bestuurlijk/routes.html#route-{CASUS['id']}")
    article = page.locator("article")
    expect(article).not_to_contain_text(secret["adres"])
    expect(article).not_to_contain_text("Volgende vergaderingen")


@pytest.mark.parametrize("device", ["phone", "page"])
@pytest.mark.parametrize("path", PAGES)
def test_new_pages_have_no_axe_violations(request: pytest.FixtureRequest, example_url: str,
                                          path: str, device: str) -> None:
    page: Page = request.getfixturevalue(device)
    page.goto(example_url + path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["bestuurlijk/routes.html", "intern/controle.html"])
def test_internal_pages_have_no_axe_violations(page: Page, intern_url: str, path: str) -> None:
    page.goto(intern_url + path)
    assert axe_violations(page) == []


@pytest.fixture(scope="module")
def hostile_intern(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Build, str]]:
    base = tmp_path_factory.mktemp("xss-intern")
    project = hostile_project(ROOT, base / "project")
    build = run_mkdocs(project, base / "site", "intern", strict=False)
    assert build.returncode == 0, build.log
    yield build, _serve(build.site, "/")


def test_hostile_text_does_not_run_in_the_internal_pages(
        browser: Browser, hostile_intern: tuple[Build, str]) -> None:
    build, url = hostile_intern
    pages = sorted(p.relative_to(build.site).as_posix() for p in
                   (build.site / "bestuurlijk").rglob("*.html"))
    assert len(pages) >= len(PAGES)
    page, dialogs = _open(browser, 1280)
    for relative in [*pages, "intern/controle.html", "signalen/index.html"]:
        page.goto(url + relative, wait_until="load")
        _walk(page)
        _check(page, relative, dialogs)
    assert Path(build.site / "bestuurlijk/routes.html").read_text("utf-8").count(
        "mw-overleg__intern") >= 1
    page.context.close()
