"""The step headings of a route stay out of the page's table of contents.

A route's steps are ``h3`` headings inside ``section.mw-route-blok``. On a routekaart the
region's routes are raw HTML, which Markdown leaves alone, but a role's routes sit inside an
``<aside markdown>`` (their titles are Markdown headings, in the table of contents), and there
Python-Markdown parses the steps too: the ``toc`` extension gave them ids and listed them, so
only that route's steps appeared in the table of contents. This extension hides the step
headings from ``toc`` (a tag ``toc`` does not know, just before it runs) and gives them their
tag back right after it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_HIDDEN = "mw-stapkop"
"""The stand-in tag; toc only looks at h1 to h6."""


def _in_route_blocks(root: etree.Element) -> list[etree.Element]:
    """Each heading once, also when route blocks are nested (a hand-written page)."""
    found: dict[int, etree.Element] = {}
    for block in root.iter("section"):
        if "mw-route-blok" in (block.get("class") or "").split():
            for heading in block.iter():
                if heading.tag in ("h3", "h4"):
                    found.setdefault(id(heading), heading)
    return list(found.values())


class _Hide(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for heading in _in_route_blocks(root):
            heading.set(f"data-{_HIDDEN}", heading.tag)
            heading.tag = _HIDDEN


class _Restore(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for heading in root.iter(_HIDDEN):
            heading.tag = heading.attrib.pop(f"data-{_HIDDEN}")


class RouteHeadings(Extension):
    """Register with a Markdown instance (``mkdocs_adapter.configure`` does)."""

    def extendMarkdown(self, md: Markdown) -> None:
        # toc runs at priority 5: hide just before it, restore just after it.
        md.treeprocessors.register(_Hide(md), "mw-stapkoppen-weg", 5.5)
        md.treeprocessors.register(_Restore(md), "mw-stapkoppen-terug", 4.5)
