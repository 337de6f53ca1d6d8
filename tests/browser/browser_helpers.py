"""Helpers for browser tests (importable, unlike conftest)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from helpers import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.1 A and AA rules) on the page; return the violations."""
    if not AXE.is_file():
        pytest.fail("axe-core ontbreekt. Installeer het met scripts/install-test-tools.")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))",
        WCAG,
    )
    return list(result)
