"""Hostile and broken input: each is a located Dutch error or harmless output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import Build, run_mkdocs
from meldwijzer.build import check
from meldwijzer.errors import DataErrors
from meldwijzer.site import Options
from meldwijzer.templating import render_markdown

EVIL_TEXT = ('<script>alert(1)</script> [klik](javascript:alert(2)) ## kop {: onclick="x" } '
             '*nadruk* &lt;b&gt; ![img](https://evil.example/x.png) <!-- geheim --> '
             '[ref][1] `code` | tabel | :smile: ==mark== $x$')


def _edit(project: Path, relative: str, old: str, new: str) -> None:
    file = project / relative
    text = file.read_text("utf-8")
    assert old in text, f"{old!r} not in {relative}"
    file.write_text(text.replace(old, new, 1), "utf-8")


def _yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def evil_build(klein_project: Path) -> Build:
    """Every plain-text field a hostile value; Markdown fields with raw HTML and script links."""
    _edit(klein_project, "routekaarten/gemeenten/oosterdorp.yml", "naam: Oosterdorp",
          f"naam: {_yaml_str('Oosterdorp ' + EVIL_TEXT)}")
    _edit(klein_project, "routekaarten/regio.yml", "titel: Is er acuut gevaar?",
          f"titel: {_yaml_str(EVIL_TEXT)}")
    _edit(klein_project, "routekaarten/regio.yml", "wie: Jij\n        wanneer: direct",
          f"wie: {_yaml_str(EVIL_TEXT)}\n        wanneer: direct")
    hostile_md = ("Tekst <script>alert(3)</script><img src=x onerror=alert(4)>\n\n"
                  "[a](javascript:alert(5)) [b](JaVaScRiPt:alert(6)) "
                  "[c](&#106;avascript:alert(7)) [d][ref] [e](data:text/html,x) "
                  "[f](vbscript:x) <a href=\"javascript:alert(8)\">g</a> "
                  "<iframe src=\"https://evil.example\"></iframe> <!-- intern commentaar -->\n\n"
                  "[ref]: javascript:alert(9)\n")
    _edit(klein_project, "routekaarten/regio.yml", "wat: Vertel wat je *zag*.",
          f"wat: {_yaml_str(hostile_md)}")
    build = run_mkdocs(klein_project, klein_project / "site")
    assert build.returncode == 0, build.log
    return build


def test_plain_text_fields_are_shown_literally(evil_build: Build) -> None:
    article = evil_build.article("gemeenten/oosterdorp.html")
    assert article.h1.get_text() == "Routekaart Oosterdorp " + EVIL_TEXT
    step = article.select_one("li.mw-stap")
    assert EVIL_TEXT in step.select_one(".mw-stap__titel").get_text()
    assert EVIL_TEXT in step.select_one(".mw-stap__meta").get_text()
    for page in evil_build.pages():
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        assert soup.title is not None and "<script>" not in str(soup.title), page
        description = soup.find("meta", attrs={"name": "description"})
        assert description is None or not description.has_attr("onclick"), page
        body = soup
        executable = [s for s in body.find_all("script") if s.get("type") != "application/json"]
        assert not [s for s in executable if "alert" in s.get_text()], page
        assert not body.find_all(attrs={"onclick": True}), page
        assert not body.find_all("img", src=re.compile("evil")), page
        assert not body.find_all("strong", string="nadruk"), page
        assert not body.find_all("em", string="nadruk"), page


def test_markdown_fields_are_sanitised(evil_build: Build) -> None:
    for page in evil_build.pages():
        html = page.read_text("utf-8")
        soup = BeautifulSoup(html, "html.parser")
        for link in soup.find_all(["a", "iframe", "img"]):
            target = (link.get("href") or link.get("src") or "").strip().lower()
            assert not target.startswith(("javascript:", "data:", "vbscript:")), (page, target)
        # Raw HTML from data is shown as text: the words may appear, never as markup.
        assert not soup.find_all(attrs={"onerror": True}) and not soup.find_all("iframe")
        assert "<iframe" not in html and "<img src=x" not in html
        assert "intern commentaar" not in html
        assert not re.search(r"<script[^>]*>\s*alert", html)
    wat = evil_build.article("gemeenten/oosterdorp.html").select_one(".mw-stap__wat")
    assert wat is not None and "Tekst" in wat.get_text()


@pytest.mark.parametrize("markdown_text", [
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "<a href='  javascript:alert(1)'>x</a>",
    "<svg onload=alert(1)>",
    "<style>body{display:none}</style>",
    "<form action=https://evil.example><input></form>",
])
def test_render_markdown_keeps_no_active_content(markdown_text: str) -> None:
    html = render_markdown(markdown_text)
    fragment = BeautifulSoup(html, "html.parser")
    assert not [a for a in fragment.find_all(href=True)
                if "javascript" in a["href"].lower()]
    assert not fragment.find_all(["script", "svg", "style", "form", "input", "iframe"])
    assert not [el for el in fragment.find_all(True) if any(
        name.lower().startswith("on") for name in el.attrs)]


def _errors(project: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        check(project, Options())
    return [str(e) for e in caught.value.errors]


def test_symlinked_municipality_file_is_refused(klein_project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "buiten.yml"
    outside.write_text((klein_project / "routekaarten/gemeenten/westerdorp.yml")
                       .read_text("utf-8"), "utf-8")
    (klein_project / "routekaarten/gemeenten/zuiderdorp.yml").symlink_to(outside)
    errors = _errors(klein_project)
    assert any(e.startswith("routekaarten/gemeenten/zuiderdorp.yml:1:") and "symlink" in e
               for e in errors), errors


def test_two_files_for_one_slug_are_refused(klein_project: Path) -> None:
    folder = klein_project / "routekaarten/gemeenten"
    (folder / "westerdorp.yaml").write_text((folder / "westerdorp.yml").read_text("utf-8"),
                                            "utf-8")
    errors = _errors(klein_project)
    assert any("westerdorp.yml" in e and "westerdorp.yaml" in e and ":1:" in e
               for e in errors), errors


def test_two_municipalities_with_the_same_name_are_refused(klein_project: Path) -> None:
    _edit(klein_project, "routekaarten/gemeenten/westerdorp.yml", "naam: Westerdorp",
          "naam: Oosterdorp")
    errors = _errors(klein_project)
    assert any("westerdorp.yml:1: naam:" in e and "oosterdorp.yml" in e for e in errors), errors


def test_broken_front_matter_of_a_page_stops_the_build(klein_project: Path) -> None:
    (klein_project / "docs" / "extra.md").write_text(
        "---\ntitel: Extra\nnotitie: [niet afgesloten\n---\n# Extra\n", "utf-8")
    config = klein_project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nnot_in_nav: |\n  /extra.md\n", "utf-8")
    build = run_mkdocs(klein_project, klein_project / "out")
    assert build.returncode != 0
    assert "docs/extra.md:4: Een lijst tussen [ ] of een blok tussen { }" in build.log
    assert not (klein_project / "out").exists()
