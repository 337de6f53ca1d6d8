"""The campaign pages in Chromium: accessible, correct on the day they are read, light."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml
from browser_helpers import axe_violations
from playwright.sync_api import Page, expect

from helpers import ROOT

CAMPAGNE = yaml.load((ROOT / "campaign" / "campagne.yml").read_text("utf-8"),
                     Loader=yaml.BaseLoader)
STOPS = CAMPAGNE["tentoonstelling"]
STORY = sorted(p for p in (ROOT / "campaign" / "verhalen").glob("*.md")
               if "concept:" not in p.read_text("utf-8")
               and "publiceren_vanaf:" not in p.read_text("utf-8"))[0].stem
PAGES = {
    "home": "campagne/index.html",
    "verhaal": f"campagne/verhalen/{STORY}.html",
    "gemeente": f"campagne/gemeenten/{STOPS[0]['gemeente']}.html",
    "pers": "campagne/pers.html",
    "poster": f"campagne/posters/{STOPS[0]['gemeente']}-{STOPS[0]['van']}.html",
}


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_campaign_pages_have_no_axe_violations(page: Page, example_url: str, path: str) -> None:
    page.goto(example_url + path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("stop", range(len(STOPS)))
def test_now_showing_follows_the_date_it_is_read(page: Page, example_url: str,
                                                 stop: int) -> None:
    day = dt.date.fromisoformat(STOPS[stop]["van"]) + dt.timedelta(days=3)
    page.clock.set_fixed_time(dt.datetime.combine(day, dt.time(12)))
    page.goto(example_url + "campagne/index.html")
    expect(page.locator("[data-mw-nu-tekst]")).to_contain_text(STOPS[stop]["locatie"])
    row = page.locator("table.mw-tour tbody tr").nth(stop)
    expect(row.locator("[data-status='nu']")).to_be_visible()
    page.goto(example_url + f"campagne/gemeenten/{STOPS[stop]['gemeente']}.html")
    expect(page.locator(".mw-stop [data-status='nu']")).to_be_visible()
    expect(page.locator(".mw-stop [data-status='straks']")).to_be_hidden()


def test_after_the_tour_it_says_so(page: Page, example_url: str) -> None:
    page.clock.set_fixed_time(dt.datetime(2030, 1, 1, 12))
    page.goto(example_url + "campagne/index.html")
    expect(page.locator("[data-mw-nu-tekst]")).to_have_text(re.compile("afgelopen"))


def test_first_view_on_a_phone_stays_under_500_kb(phone: Page, example_url: str) -> None:
    sizes: dict[str, int] = {}
    phone.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())))
    phone.goto(example_url + "campagne/index.html", wait_until="networkidle")
    assert sum(sizes.values()) < 500_000, sorted(sizes.items(), key=lambda x: -x[1])[:5]
    below_fold = [u for u in sizes if "/campagne/fotos/" in u]
    cards = phone.locator(".mw-verhaal-kaart img")
    first_box = cards.first.bounding_box()
    assert first_box is not None
    if first_box["y"] > 667 * 2:
        assert below_fold == [], "story photos far below the fold were loaded eagerly"
    phone.locator(".mw-verhalen").scroll_into_view_if_needed()
    expect(cards.first).to_have_js_property("complete", True)
