"""The leak audit that runs after every build: each rule fails on a planted problem."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from helpers import Build
from meldwijzer.audit import audit_site, spellings
from meldwijzer.build import Generated, generate
from meldwijzer.resolve import Options


@pytest.fixture
def site_copy(klein_site: Build, tmp_path: Path) -> Path:
    return Path(shutil.copytree(klein_site.site, tmp_path / "site"))


@pytest.fixture
def generated(klein_site: Build) -> Generated:
    return generate(klein_site.project, Options())


def test_the_clean_site_passes(site_copy: Path, generated: Generated) -> None:
    audit_site(site_copy, generated)


def test_phone_numbers_are_found_in_every_spelling() -> None:
    assert spellings("06 11223344") >= {"06 11223344", "0611223344", "+31611223344",
                                        "31611223344"}
    assert spellings("geheim@voorbeeld.nl") == {"geheim@voorbeeld.nl"}


@pytest.mark.parametrize(("file", "text"), [
    ("search/search_index.json", '{"x": "+31611223344"}'),
    ("gemeenten/oosterdorp.html", "<p>Interne Persoon</p>"),
    ("sitemap.xml", "<loc>geheim-overleg@voorbeeld.nl</loc>"),
])
def test_an_internal_value_anywhere_fails_the_audit(site_copy: Path, generated: Generated,
                                                    file: str, text: str) -> None:
    target = site_copy / file
    target.write_text(target.read_text("utf-8") + text, "utf-8")
    with pytest.raises(Abort, match="interne waarde"):
        audit_site(site_copy, generated)


def test_an_internal_value_in_the_gzipped_sitemap_fails(site_copy: Path,
                                                        generated: Generated) -> None:
    (site_copy / "sitemap.xml.gz").write_bytes(gzip.compress(b"<x>06 11223344</x>"))
    with pytest.raises(Abort, match="interne waarde"):
        audit_site(site_copy, generated)


@pytest.mark.parametrize(("snippet", "message"), [
    ('<script src="https://cdn.example.com/x.js"></script>', "laadt iets"),
    ('<link rel="stylesheet" href="//fonts.example.com/x.css">', "laadt iets"),
    ('<a href="https://onbekend.example.org/">x</a>', "niet in de gegevens"),
    ("<!-- vergeten notitie -->", "HTML-commentaar"),
])
def test_foreign_hosts_and_comments_fail_the_audit(site_copy: Path, generated: Generated,
                                                   snippet: str, message: str) -> None:
    page = site_copy / "index.html"
    page.write_text(page.read_text("utf-8").replace("</body>", snippet + "</body>"), "utf-8")
    with pytest.raises(Abort, match=message):
        audit_site(site_copy, generated)


def test_links_the_data_asks_for_are_allowed(site_copy: Path, generated: Generated) -> None:
    page = site_copy / "index.html"
    page.write_text(page.read_text("utf-8").replace(
        "</body>", '<a href="https://www.politie.nl/x">p</a></body>'), "utf-8")
    audit_site(site_copy, generated)
