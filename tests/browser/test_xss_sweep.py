"""XSS sweep: a payload in every text field of every data file, every page type opened in
Chromium, every element with a title or a clipped label hovered and focused, search used.
Fails on any payload that ran, any dialog, and any event-handler attribute, script element or
``javascript:`` link that the data put into the live DOM.

The project turns on Material's ``content.tooltips`` on purpose: that feature shows titles as
HTML, and meldwijzer must switch it off whatever the region's mkdocs.yml says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import search
from playwright.sync_api import Browser, Page

from conftest import _new_page, _serve
from helpers import ROOT, Build, run_mkdocs
from hostile import FIELDS, hostile_project

SWEEP = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) bad.push(`${el.tagName} ${a.name}=${a.value.slice(0, 80)}`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name)
          && /^\\s*(javascript|data|vbscript):/i.test(a.value))
        bad.push(`${el.tagName} ${a.name}=${a.value.slice(0, 80)}`);
    }
  }
  for (const s of document.querySelectorAll('script')) {
    if (s.type !== 'application/json' && /__xss/.test(s.textContent)) bad.push('script: ' +
      s.textContent.slice(0, 80));
  }
  return {bad, hits: window.__xssHits || []};
}"""

INIT = """
window.__xssHits = [];
window.__xss = (n) => { window.__xssHits.push(n); };
"""


EVERY_PAGE = ("bestuurlijk/",)
"""Folders whose pages are each a kind of their own (not one template per folder)."""


def _page_types(site: Path) -> list[str]:
    """One page of each kind: the first file per folder and per name pattern."""
    chosen: dict[str, str] = {}
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if relative.startswith("assets/"):
            continue
        kind = re.sub(r"[^/]+(?=\.html$)", "*", relative) if "/" in relative and \
            relative.rpartition("/")[0] + "/" not in EVERY_PAGE else relative
        chosen.setdefault(kind, relative)
    return sorted(chosen.values())


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Build]:
    base = tmp_path_factory.mktemp("xss")
    project = hostile_project(ROOT, base / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "    - search.highlight\n", "    - search.highlight\n    - content.tooltips\n"
        "    - content.footnote.tooltips\n"), "utf-8")
    build = run_mkdocs(project, base / "site", strict=False)
    assert build.returncode == 0, build.log
    assert "content.tooltips" in build.log  # the region is told why it was switched off
    yield build


@pytest.fixture(scope="module")
def hostile_url(hostile_build: Build) -> str:
    return _serve(hostile_build.site, "/")


def _walk(page: Page) -> None:
    """Hover and focus what a person would point at: titled elements, clipped labels,
    links in the navigation and the table of contents."""
    targets = page.locator("[title], .md-ellipsis, .md-nav__link, abbr, .mw-keuze")
    for i in range(min(targets.count(), 150)):
        element = targets.nth(i)
        try:
            if element.is_visible():
                element.hover(timeout=500)
            element.focus(timeout=500)
        except Exception:
            continue
    page.wait_for_timeout(200)


def _check(page: Page, where: str, dialogs: list[str]) -> None:
    result: dict[str, Any] = page.evaluate(SWEEP)
    ran = sorted(set(result["hits"]))
    assert not ran, f"{where}: payloads ran from {[FIELDS.get(n, n) for n in ran]}"
    assert not dialogs, f"{where}: dialog {dialogs}"
    assert not result["bad"], f"{where}: injected into the live DOM: {result['bad'][:5]}"


def _open(browser: Browser, width: int) -> tuple[Page, list[str]]:
    page, _ = _new_page(browser, viewport={"width": width, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.add_init_script(INIT)
    return page, dialogs


def test_every_field_every_page_type(browser: Browser, hostile_build: Build,
                                     hostile_url: str) -> None:
    assert len(FIELDS) > 150, "the sweep should reach every text field"
    pages = _page_types(hostile_build.site)
    assert len(pages) >= 20, pages
    page, dialogs = _open(browser, 1280)
    for relative in pages:
        page.goto(hostile_url + relative, wait_until="load")
        _walk(page)
        _check(page, relative, dialogs)
    page.context.close()


def test_phone_menu_and_search(browser: Browser, hostile_build: Build, hostile_url: str) -> None:
    page, dialogs = _open(browser, 375)
    page.goto(hostile_url + "index.html", wait_until="load")
    page.locator("label.md-header__button[for='__drawer']").click()
    _walk(page)
    _check(page, "menu", dialogs)
    page.keyboard.press("Escape")
    # Words of the payloads, so the results show their snippets. (Material's search worker
    # refuses the query "javascript" itself: lunr reports it as an invalid query.)
    for query in ("onload", "onerror"):
        page.goto(hostile_url + "index.html", wait_until="load")
        search(page, query)
        _walk(page)
        _check(page, f"search {query}", dialogs)
    page.context.close()


def test_the_logo_opened_on_its_own_runs_nothing(browser: Browser, hostile_build: Build,
                                                 hostile_url: str) -> None:
    """An SVG opened as a document runs its scripts with the site's origin: the rebuilt logo
    (its texts carry payloads) runs none and holds no handler or script."""
    logos = sorted((hostile_build.site / "assets" / "huisstijl").glob("*.svg"))
    assert logos
    page, _ = _new_page(browser)
    page.add_init_script(INIT)
    for logo in logos:
        page.goto(hostile_url + logo.relative_to(hostile_build.site).as_posix())
        found = page.evaluate("""() => ({hits: window.__xssHits || [],
            scripts: document.querySelectorAll('script, foreignObject').length,
            handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes])
              .filter(a => /^on/i.test(a.name)).length,
            text: document.documentElement.textContent})""")
        assert found["hits"] == [] and found["scripts"] == 0 and found["handlers"] == 0, found
        assert "onerror=__xss(" in found["text"]  # the payload is there, as text
    page.context.close()
