"""QR codes as a phone camera sees them: the printed pocket cards and posters, rendered by
Chromium and decoded, lead to the right page."""

from __future__ import annotations

import io

import zxingcpp
from PIL import Image
from playwright.sync_api import Page

from helpers import ROOT, site_url
from meldwijzer.build import generate
from meldwijzer.site import Options

EXAMPLE = generate(ROOT, Options(site_url=site_url()))


def _decode(page: Page, selector: str) -> list[str]:
    picture = page.locator(selector).first
    png = picture.screenshot(scale="device")
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def test_every_pocket_card_qr_code_scans_to_its_routekaart(page: Page, example_url: str) -> None:
    for gemeente in EXAMPLE.site.gemeenten:
        page.goto(example_url + f"zakkaart/{gemeente.slug}.html")
        assert _decode(page, ".mw-zakkaart__qr img") == [
            EXAMPLE.site.page_url(f"gemeenten/{gemeente.slug}.md")], gemeente.slug


def test_every_poster_qr_code_scans_to_its_landing_page(page: Page, example_url: str) -> None:
    campagne = EXAMPLE.site.campagne
    assert campagne is not None
    for stop in campagne.stops:
        page.goto(example_url + f"campagne/posters/{stop.gemeente}-{stop.van.isoformat()}.html")
        assert _decode(page, ".mw-poster__qr img") == [
            EXAMPLE.site.page_url(f"campagne/gemeenten/{stop.gemeente}.md")], stop.gemeente
