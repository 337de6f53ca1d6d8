"""What a screen reader reads out is Dutch: no English name the theme brings along."""

from __future__ import annotations

from bs4 import BeautifulSoup

from helpers import Build

# Material's own words that reach the accessibility tree when its Dutch translation misses
# one (a landmark's name, an image's alternative text, a button's name).
ENGLISH = {"header", "logo", "navigation", "table of contents", "search", "footer",
           "back to top", "share", "clear", "close", "copy to clipboard", "skip to content"}


def test_no_english_name_in_any_page(example_site: Build) -> None:
    found = []
    for file in example_site.files():
        if file.suffix != ".html":
            continue
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        for tag in soup.select("[aria-label], img[alt], [title]"):
            for attribute in ("aria-label", "alt", "title"):
                value = str(tag.get(attribute) or "").strip().casefold()
                if value in ENGLISH:
                    found.append((file.relative_to(example_site.site).as_posix(), tag.name,
                                  attribute, value))
    assert not found, found[:10]
