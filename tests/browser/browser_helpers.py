"""Helpers for browser tests (importable, unlike conftest)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from helpers import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.1 A and AA rules) on the page; return the violations."""
    if not AXE.is_file():
        pytest.fail("axe-core ontbreekt. Installeer het met scripts/install-test-tools.")
    # Measure what a person sees: after fades and transitions (search results fade in).
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished"
                  ".catch(() => null)))")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))",
        WCAG,
    )
    return list(result)


def search(page: Page, query: str) -> None:
    """Type a query into Material's search and wait for results.

    Material's search worker starts after the page loads (from file:// through the
    iframe-worker shim); a query typed before it is ready is not run again. A person then
    types once more: so does this helper, up to a few times.
    """
    field = page.locator(".md-search__input")
    if not field.is_visible():
        page.locator("label.md-search__icon, .md-header__button[for='__search']").first.click()
    field.fill(query)
    for _ in range(6):
        try:
            page.locator(".md-search-result__item").first.wait_for(timeout=3_000)
            return
        except PlaywrightTimeoutError:
            field.press("End")
            field.press("Backspace")
            field.type(query[-1])
    raise AssertionError(f"search for {query!r} gave no results")
