"""Rules for the page templates that hold for every page they can ever render."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import ROOT

TEMPLATES = ROOT / "src" / "meldwijzer" / "templates"
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")


def _without_comments(text: str) -> str:
    return re.sub(r"\{#.*?#\}", "", text, flags=re.DOTALL)


def test_no_value_is_printed_inside_a_markdown_code_span_or_fence() -> None:
    """Values are escaped with character references (templating.escape_text). Markdown shows
    a character reference inside a code span or fence as text (``regio&#46;yml``): a value in
    code goes through the ``code`` filter or into raw <pre><code> HTML instead."""
    found = []
    for file in sorted(TEMPLATES.rglob("*.j2")):
        text = _without_comments(file.read_text("utf-8"))
        for block in _FENCE.findall(text) + [m.group(0) for m in _FENCE.finditer(text)]:
            if "{{" in block:
                found.append((file.relative_to(TEMPLATES).as_posix(), block[:60]))
        for span in _SPAN.findall(_FENCE.sub("", text)):
            if "{{" in span:
                found.append((file.relative_to(TEMPLATES).as_posix(), span))
    assert not found, found


def test_the_rule_finds_a_value_in_a_code_span(tmp_path: Path) -> None:
    text = "Zie `{{ bestand }}` en\n```sh\ncurl {{ adres }}\n```\n"
    assert [s for s in _SPAN.findall(_FENCE.sub("", text)) if "{{" in s]
    assert any("{{" in m.group(0) for m in _FENCE.finditer(text))


def test_route_step_headings_stay_out_of_the_table_of_contents_even_nested() -> None:
    """koppen.RouteHeadings: headings inside route blocks keep their tag and stay out of the
    table of contents, also when a hand-written page nests one block in another; a heading
    outside a route block is listed as always."""
    import markdown

    from meldwijzer.koppen import RouteHeadings

    source = ('<aside markdown>\n\n## Voor de rol\n\n<section class="mw-route-blok" markdown>\n'
              '\n### Stap buiten\n\n<section class="mw-route-blok" markdown>\n\n### Stap binnen\n'
              '\n</section>\n\n</section>\n\n</aside>\n\n### Los\n')
    md = markdown.Markdown(extensions=["md_in_html", "toc", "attr_list", RouteHeadings()])
    html = md.convert(source)
    assert "mw-stapkop" not in html
    assert html.count("<h3>") == 2 and '<h3 id="los">Los</h3>' in html, html
    names = [token["name"] for token in md.toc_tokens[0]["children"]]  # type: ignore[attr-defined]
    assert md.toc_tokens[0]["name"] == "Voor de rol" and names == ["Los"]  # type: ignore[attr-defined]
