"""The region's look in a real browser, for both example looks (the example region's own,
and the test region whose look comes from an NL Design System tokens package): axe on every
page type at 375 and 1280 px, slides on a phone, the self-hosted font, the poster from a few
metres, and search that loads only when someone searches."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
import zxingcpp
from browser_helpers import axe_violations, search
from PIL import Image
from playwright.sync_api import Browser, Page

from conftest import _new_page
from helpers import Build

SEARCH_FILES = re.compile(r"search/search_index\.js|workers/search\.|/lunr/|iframe-worker")
LOOKS = ("example", "nlds")


def page_types(build: Build) -> dict[str, str]:
    """One page of every kind the site has: pages whose paths differ only in a
    municipality's, module's or story's name are one kind. The editor (beheer/) has its own
    tests."""
    names = {p.stem for p in (build.project / "routekaarten" / "gemeenten").glob("*.yml")}
    names |= {p.name for p in (build.project / "trainingen").glob("*") if p.is_dir()}
    names |= {p.stem for p in (build.project / "campaign" / "verhalen").glob("*.md")}
    kinds: dict[str, str] = {}
    for page in sorted(build.site.rglob("*.html")):
        path = page.relative_to(build.site).as_posix()
        if path.startswith(("beheer/", "assets/")):
            continue
        parts = [("*" if re.sub(r"-\d{4}-\d{2}-\d{2}$", "", part.removesuffix(".html"))
                  in names else part) for part in path.split("/")]
        kinds.setdefault("/".join(parts), path)
    return kinds


@pytest.fixture(params=LOOKS)
def look(request: pytest.FixtureRequest) -> tuple[Build, str]:
    build = request.getfixturevalue(f"{request.param}_site")
    url = request.getfixturevalue(f"{request.param}_url")
    return build, url


@pytest.fixture(params=[375, 1280], ids=["375px", "1280px"])
def sized(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    width = request.param
    page, recorder = _new_page(browser, viewport={"width": width, "height": 900},
                               is_mobile=width < 500, has_touch=width < 500)
    yield page
    page.context.close()
    assert not recorder.external, recorder.external


def test_axe_finds_nothing_on_any_page_type_in_either_look(look: tuple[Build, str],
                                                            sized: Page) -> None:
    build, url = look
    kinds = page_types(build)
    assert len(kinds) >= 20, kinds
    found: dict[str, Any] = {}
    for kind, path in kinds.items():
        sized.goto(url + path)
        sized.wait_for_load_state("networkidle")
        violations = axe_violations(sized)
        if violations:
            found[kind] = violations
    assert found == {}


def test_every_slide_fits_a_phone_in_either_look(look: tuple[Build, str],
                                                 phone: Page) -> None:
    build, url = look
    decks = sorted(p.relative_to(build.site).as_posix()
                   for p in build.site.glob("trainingen/*/*/*.html")
                   if p.parent.name in ("presentatie", "notities"))
    assert decks
    wide = []
    for path in decks:
        phone.goto(url + path)
        width = phone.evaluate("""() => {
            document.querySelectorAll('.mw-dia').forEach(s => { s.hidden = false; });
            return document.documentElement.scrollWidth; }""")
        if width > 375:
            wide.append((path, width))
        icon = phone.evaluate("() => document.querySelector('link[rel=icon]').href")
        assert phone.request.get(icon).ok, (path, icon)
    assert wide == []


def test_the_tokens_look_uses_its_self_hosted_font_and_logo(page: Page, nlds_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(nlds_url + "index.html")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => document.fonts.ready.then(() => "
                         "document.fonts.check('16px \"Open Sans\"'))")
    family = page.evaluate("() => getComputedStyle(document.querySelector('.md-typeset'))"
                           ".fontFamily")
    assert family.startswith('"Open Sans"')
    assert any(r.endswith("open-sans-400.woff2") for r in requests)
    logo = page.locator(".md-header__button.md-logo img")
    assert logo.evaluate("img => img.naturalWidth") > 0
    header = page.evaluate("() => getComputedStyle(document.querySelector('.md-header'))"
                           ".backgroundColor")
    assert header == "rgb(255, 255, 255)"  # the page header of the tokens: white


@pytest.mark.parametrize("where", ["http", "file"])
def test_search_loads_only_when_the_visitor_searches(page: Page, example_site: Build,
                                                     example_url: str, where: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    start = example_url if where == "http" else example_site.site.as_uri() + "/"
    page.goto(start + "gemeenten/index.html")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert [r for r in requests if SEARCH_FILES.search(r)] == []
    if where == "file":
        page.keyboard.press("/")  # Material's key to search; starts the loading too
    search(page, "paspoort")
    assert any("search_index" in r for r in requests)
    assert page.locator(".md-search-result__item").count() >= 1


def test_a_search_result_highlights_its_words_on_arrival(page: Page, example_url: str) -> None:
    page.goto(example_url + "signalen/index.html?h=paspoort")
    page.locator("mark").first.wait_for(timeout=10_000)
    assert "paspoort" in page.locator("mark").first.inner_text().lower()


def test_the_poster_reads_from_a_few_metres(browser: Browser, example_url: str,
                                            example_site: Build) -> None:
    """An A3 poster seen from a distance: the page rendered at half its size still gives a
    QR code that scans, and the headline is at least 12 mm high on paper (legible from about
    four metres)."""
    poster = sorted(example_site.site.glob("campagne/posters/*.html"))[0]
    page, _ = _new_page(browser, viewport={"width": 1123, "height": 1587})
    page.goto(example_url + poster.relative_to(example_site.site).as_posix())
    page.emulate_media(media="print")
    page.wait_for_load_state("networkidle")
    shot = Image.open(io.BytesIO(page.locator(".mw-poster").screenshot()))
    small = shot.resize((shot.width // 2, shot.height // 2), Image.Resampling.BOX)
    codes = [c.text for c in zxingcpp.read_barcodes(small)]
    assert len(codes) == 1 and codes[0].startswith("https://"), codes
    pixels = page.locator(".mw-poster__naam").evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)")
    cap_mm = pixels * 0.7 * 25.4 / 96
    assert cap_mm >= 12, cap_mm
    page.context.close()


def test_printed_pages_are_black_on_white(page: Page, look: tuple[Build, str]) -> None:
    """In print the look's colours give way to black text on white (legible on any printer);
    only the poster keeps its colours, whose pairs passed the contrast check."""
    build, url = look
    path = next(p for k, p in page_types(build).items() if k == "gemeenten/*")
    page.goto(url + path)
    page.emulate_media(media="print")
    colours = page.evaluate("""() => [...document.querySelectorAll('.md-typeset p, .md-typeset a')]
        .filter(e => e.offsetParent !== null)
        .map(e => getComputedStyle(e).color)""")
    assert colours and set(colours) <= {"rgb(0, 0, 0)"}, sorted(set(colours))


