"""Signal filter, "Wat nu?" helper, my municipality, search and pocket card in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from browser_helpers import axe_violations, search
from playwright.sync_api import Page, expect

from helpers import ROOT, Build, keyed_as_maps

DATA = ROOT / "routekaarten"
GEMEENTEN = {f.stem: keyed_as_maps(yaml.load(f.read_text("utf-8"), Loader=yaml.BaseLoader))
             for f in sorted((DATA / "gemeenten").glob("*.yml"))}
FIRST = next(iter(GEMEENTEN))
REGIO = keyed_as_maps(yaml.load((DATA / "regio.yml").read_text("utf-8"), Loader=yaml.BaseLoader))
SIGNALEN = keyed_as_maps(yaml.load((DATA / "signalen.yml").read_text("utf-8"),
                                   Loader=yaml.BaseLoader))


def unique_signals(werkveld: str = "", vorm: str = "", word: str = "") -> int:
    """What the filter should show, computed from the data files (regional + local)."""
    everything = SIGNALEN + [s for g in GEMEENTEN.values() for s in g.get("signalen", [])]
    return sum(1 for s in everything
               if (not werkveld or werkveld in s["werkvelden"])
               and (not vorm or vorm in s["vormen"])
               and (not word or word in (s["tekst"] + " " + s.get("toelichting", "")).lower()))


def test_work_field_pages_list_their_signals(page: Page, example_url: str) -> None:
    page.goto(example_url + "signalen/index.html")
    werkveld, label = next(iter(REGIO["werkvelden"].items()))
    page.get_by_role("navigation", name="Signalen per werkveld").get_by_role(
        "link", name=label).click()
    expect(page).to_have_url(re.compile(rf"signalen/{werkveld}\.html$"))
    expect(page.locator("article li.mw-signaal")).to_have_count(
        sum(1 for s in SIGNALEN + [x for g in GEMEENTEN.values() for x in g.get("signalen", [])]
            for v in s["vormen"] if werkveld in s["werkvelden"]))
    expect(page.locator(".mw-voorbehoud, .admonition.warning")).to_contain_text(
        "Een signaal kan ook iets anders betekenen")
    assert axe_violations(page) == []


def test_filter_by_work_field_form_and_word_announces_the_count(page: Page,
                                                                 example_url: str) -> None:
    page.goto(example_url + "signalen/index.html")
    status = page.locator("#mw-filter-aantal")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text(f"{unique_signals()} signalen gevonden")
    werkveld = next(iter(REGIO["werkvelden"]))
    page.select_option("#mw-filter-werkveld", werkveld)
    expect(status).to_have_text(re.compile(rf"^{unique_signals(werkveld)} signa"))
    page.select_option("#mw-filter-vorm", "arbeidsuitbuiting")
    expected = unique_signals(werkveld, "arbeidsuitbuiting")
    expect(status).to_have_text(re.compile(rf"^{expected} signa"))
    visible_ids = page.eval_on_selector_all(
        "li.mw-signaal:not([hidden])", "els => new Set(els.map(e => e.dataset.id)).size")
    assert visible_ids == expected
    assert axe_violations(page) == []
    page.select_option("#mw-filter-werkveld", "")
    page.select_option("#mw-filter-vorm", "")
    page.locator("#mw-filter-tekst").fill("paspoort")
    expect(status).to_have_text(re.compile(rf"^{unique_signals(word='paspoort')} signa"))
    page.locator("#mw-filter-tekst").fill("zzzgeenwoord")
    expect(page.locator("#mw-filter-leeg")).to_be_visible()
    expect(status).to_have_text("0 signalen gevonden")


def test_filter_works_by_keyboard(page: Page, example_url: str) -> None:
    page.goto(example_url + "signalen/index.html")
    page.locator("#mw-filter-werkveld").focus()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#mw-filter-werkveld")).not_to_have_value("")
    page.keyboard.press("Tab")
    expect(page.locator("#mw-filter-vorm")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#mw-filter-sector")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.type("werk")
    expect(page.locator("#mw-filter-tekst")).to_have_value("werk")
    expect(page.locator("#mw-filter-aantal")).to_have_text(re.compile(r"^\d+ signa"))


def _tab_to(page: Page, selector: str, limit: int = 150) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"{selector} not reachable with Tab")


def test_wat_nu_walks_a_route_to_a_phone_number_by_keyboard(page: Page,
                                                            example_url: str) -> None:
    page.goto(example_url + f"gemeenten/{FIRST}.html")
    _tab_to(page, "[data-mw-wat-nu-start] a")
    page.keyboard.press("Enter")
    heading = page.locator("#mw-wat-nu h3")
    expect(heading).to_have_text("Waar gaat je signaal over?")
    expect(heading).to_be_focused()
    _tab_to(page, "#mw-wat-nu button.mw-wat-nu__keuze")
    page.keyboard.press("Enter")
    expect(page.locator("#mw-wat-nu h3").first).to_have_text(re.compile(r"^Stap 1: "))
    expect(page.locator("#mw-wat-nu h3").first).to_be_focused()
    for _ in range(12):
        if page.locator("#mw-wat-nu .mw-stap__bellen a.mw-tel").count():
            break
        heading = page.locator("#mw-wat-nu h3").first
        before = heading.inner_text()
        _tab_to(page, "#mw-wat-nu button.mw-wat-nu__keuze")
        page.keyboard.press("Enter")
        expect(heading).not_to_have_text(before)
        expect(heading).to_be_focused()
    tel = page.locator("#mw-wat-nu .mw-stap__bellen a.mw-tel").first
    expect(tel).to_be_visible()
    assert tel.get_attribute("href").startswith("tel:")
    expect(page.locator("[data-mw-wat-nu-status]")).to_have_text(
        page.locator("#mw-wat-nu h3").first.inner_text())
    assert axe_violations(page) == []


def _a_path(route: dict) -> list[str]:
    """A valid path through a route: at each decision the last answer, else the next step."""
    steps = {s["id"]: i for i, s in enumerate(route["stappen"])}
    path = [route["stappen"][0]]
    while True:
        step = path[-1]
        if step.get("keuzes"):
            path.append(route["stappen"][steps[step["keuzes"][-1]["naar"]]])
        elif steps[step["id"]] + 1 < len(route["stappen"]):
            path.append(route["stappen"][steps[step["id"]] + 1])
        else:
            return [s["id"] for s in path]


def _route_for(slug: str) -> dict:
    own = {r["id"]: r for r in GEMEENTEN[slug].get("routes", [])}
    first = REGIO["routes"][0]
    return own.get(first["id"], first)


def test_a_shared_wat_nu_url_opens_the_same_step(page: Page, example_url: str) -> None:
    route = _route_for(FIRST)
    path = _a_path(route)[:3]
    page.goto(example_url + f"gemeenten/{FIRST}.html#wat-nu/{route['id']}/" + "/".join(path))
    last = next(s for s in route["stappen"] if s["id"] == path[-1])
    expect(page.locator("#mw-wat-nu h3").first).to_contain_text(" ".join(last["titel"].split()))
    expect(page.locator(".mw-wat-nu__pad li")).to_have_count(len(path))
    page.reload()
    expect(page.locator("#mw-wat-nu h3").first).to_contain_text(" ".join(last["titel"].split()))
    page.get_by_role("button", name="Vorige stap").click()
    expect(page.locator(".mw-wat-nu__pad li")).to_have_count(len(path) - 1)


def test_wat_nu_works_from_file(page: Page, example_site: Build) -> None:
    route = _route_for(FIRST)
    path = _a_path(route)
    url = (example_site.site / "gemeenten" / f"{FIRST}.html").as_uri()
    page.goto(url + f"#wat-nu/{route['id']}/" + "/".join(path))
    expect(page.locator(".mw-wat-nu__einde")).to_be_visible()
    expect(page.locator(".mw-wat-nu__pad li")).to_have_count(len(path))


def test_without_javascript_the_routekaart_is_what_you_get(browser, example_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(example_url + f"gemeenten/{FIRST}.html#wat-nu/x")
    expect(page.locator("#mw-wat-nu")).to_be_hidden()
    expect(page.locator("[data-mw-wat-nu-start]")).to_be_hidden()
    expect(page.locator("ol.mw-route").first).to_be_visible()
    context.close()


def test_my_municipality_is_offered_first_on_the_home_page(page: Page, example_url: str) -> None:
    slug = list(GEMEENTEN)[-1]
    page.goto(example_url + f"gemeenten/{slug}.html")
    button = page.get_by_role("button", name="Dit is mijn gemeente")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    page.goto(example_url + "index.html")
    mine = page.locator("#mw-jouw-gemeente a")
    expect(mine).to_be_visible()
    expect(mine).to_have_text(f"Routekaart {GEMEENTEN[slug]['naam']}")
    assert mine.get_attribute("href").endswith(f"gemeenten/{slug}.html")
    box = page.locator("#mw-jouw-gemeente").bounding_box()
    assert box is not None and box["y"] < page.viewport_size["height"]
    page.goto(example_url + "over/privacy.html")
    expect(page.locator("article")).to_contain_text("mijn gemeente")


def _first_result(page: Page, query: str) -> list[str]:
    """The links of the first (best) result: the page, then its best sections."""
    search(page, query)
    first = page.locator(".md-search-result__item").first
    return [str(a.get_attribute("href")) for a in first.locator("a").all()]


def _contact_named(fragment: str) -> str:
    return next(cid for cid, c in REGIO["contacten"].items() if fragment in c["naam"].lower())


# query: (the page of the first result, the anchor of its best section or None)
SEARCHES = {
    "0800-2000": ("wie-bel-ik.html", "#contact-" + _contact_named("veilig thuis")),
    "0800 2000": ("wie-bel-ik.html", "#contact-" + _contact_named("veilig thuis")),
    "veilig thuis": ("wie-bel-ik.html", "#contact-" + _contact_named("veilig thuis")),
    "arbeidsinspectie": ("wie-bel-ik.html", "#contact-" + _contact_named("arbeidsinspectie")),
    GEMEENTEN[FIRST]["naam"]: (f"gemeenten/{FIRST}.html", None),
    "paspoort": ("signalen/", None),
    "schuld": ("signalen/", None),
}


@pytest.mark.parametrize("query", SEARCHES)
def test_search_gives_the_right_page_first(page: Page, example_url: str, query: str) -> None:
    page.goto(example_url + "index.html")
    links = _first_result(page, query)
    expected_page, expected_section = SEARCHES[query]
    assert expected_page in links[0].split("?")[0], links
    if expected_section:
        assert links[1].endswith(expected_section), links


def test_pocket_card_prints_on_one_a4_sheet(page: Page, example_url: str,
                                            tmp_path: Path) -> None:
    page.goto(example_url + f"zakkaart/{FIRST}.html")
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("article h1")).to_be_hidden()
    cards = page.locator(".mw-zakkaart")
    expect(cards).to_have_count(4)
    for i in range(4):
        expect(cards.nth(i)).to_be_visible()
    expect(cards.first).to_contain_text("112")
    pdf = tmp_path / "zakkaart.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes())) == 1
    boxes = [cards.nth(i).bounding_box() for i in range(4)]
    assert all(b is not None for b in boxes)
    widths = {round(b["width"]) for b in boxes}
    assert len(widths) == 1
