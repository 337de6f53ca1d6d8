"""The leak audit that runs after every build: each rule fails on a planted problem."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from helpers import Build, append_to
from meldwijzer.audit import audit_site, normalise, phone_digits, spellings
from meldwijzer.build import Generated


def test_the_clean_site_passes(site_copy: Path, generated: Generated) -> None:
    audit_site(site_copy, generated)


def test_phone_numbers_compare_as_their_national_digits() -> None:
    for spelling in ("06 11223344", "06-11223344", "06 1122 3344", "0611223344",
                     "+31 6 11223344", "+31 (0)6 11223344", "0031 6 11223344"):
        assert phone_digits(spelling) == "611223344", spelling
    assert phone_digits("geheim@voorbeeld.nl") is None
    assert phone_digits("112") is None  # too short to tell apart from other numbers
    assert spellings("Geheim@Voorbeeld.NL") == {"geheim@voorbeeld.nl"}
    assert normalise("J&#101;roen <b>Mulder</b>").split("\x00")[0].strip() == \
        normalise("jeroen  mulder").split("\x00")[0]


# The internal values of the fixture: "Interne Persoon", "06 11223344" and
# "geheim-overleg@voorbeeld.nl"; every spelling a reader would recognise is a leak.
@pytest.mark.parametrize(("file", "text"), [
    ("search/search_index.json", '{"x": "+31611223344"}'),
    ("search/search_index.json", '{"x": "geheim-overleg\\u0040voorbeeld.nl"}'),
    ("gemeenten/oosterdorp.html", "<p>Interne Persoon</p>"),
    ("gemeenten/oosterdorp.html", "<p>INTERNE <em>persoon</em></p>"),
    ("gemeenten/oosterdorp.html", "<p>Int&#101;rne&nbsp;Pers\u00adoon</p>"),
    ("gemeenten/oosterdorp.html", "<p>Bel 06-11223344</p>"),
    ("gemeenten/oosterdorp.html", "<p>Bel 06 1122 3344</p>"),
    ("gemeenten/oosterdorp.html", "<p>Bel +31 6 11223344</p>"),
    ("gemeenten/oosterdorp.html", '<a href="tel:+31611223344">bel</a>'),
    ("gemeenten/oosterdorp.html", "<p>GEHEIM-OVERLEG@VOORBEELD.NL</p>"),
    ("gemeenten/oosterdorp.html",
     "<p>geheim-overleg&#64;voorbeeld&#46;nl</p>"),
    ("gemeenten/oosterdorp.html", '<a href="mailto:geheim-overleg%40voorbeeld.nl">m</a>'),
    ("trainingen/notities.html", "<p>Bel 06 - 11 22 33 44 na de training</p>"),
    ("sitemap.xml", "<loc>geheim-overleg@voorbeeld.nl</loc>"),
    ("campagne/campagne.ics", "DESCRIPTION:Bel 0031 6 11223344"),
    # Separators written as character references, or as characters of several bytes.
    ("index.html", "<footer>Vragen? 06&#8209;1122&#8209;3344</footer>"),
    ("index.html", "<footer>06&ndash;11&nbsp;22&#x2011;33&#45;44</footer>"),
    ("index.html", "<footer>06 \u2014 11223344</footer>"),
    ("index.html", "<footer>06\u2011\u200a11\u202f22\u202f33\u202f44</footer>"),
])
def test_an_internal_value_anywhere_fails_the_audit(site_copy: Path, generated: Generated,
                                                    file: str, text: str) -> None:
    append_to(site_copy, file, text)
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


def test_an_internal_name_in_a_photo_fails(site_copy: Path, generated: Generated) -> None:
    (site_copy / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe1Exif\x00Artist: Interne Persoon")
    with pytest.raises(Abort, match="interne waarde"):
        audit_site(site_copy, generated)


def test_other_numbers_are_not_taken_for_internal_ones(site_copy: Path,
                                                      generated: Generated) -> None:
    page = site_copy / "index.html"
    page.write_text(page.read_text("utf-8") + "<p>06 11223345 en 06 112233 en 611223</p>",
                    "utf-8")
    audit_site(site_copy, generated)


def test_several_processes_find_exactly_what_one_finds(site_copy: Path,
                                                        generated: Generated) -> None:
    """A large site is audited by worker processes: the same findings, planted leaks,
    foreign loads and comments spread over different files (so over different workers)."""
    from meldwijzer.audit import Audit

    pages = sorted(p for p in site_copy.rglob("*.html") if "beheer" not in p.parts)
    assert len(pages) >= 6
    pages[0].write_text("<p>Bel 06-11223344</p>", "utf-8")
    pages[1].write_text('<img src="https://elders.example/x.png">', "utf-8")
    pages[2].write_text("<p>a</p><!-- b -->", "utf-8")
    pages[3].write_text("<p>GEHEIM-OVERLEG@VOORBEELD.NL</p>", "utf-8")
    pages[4].write_text('<a href="https://vreemd.example/">x</a>', "utf-8")
    arguments = (site_copy, generated.site.verborgen, None, {"www.politie.nl"})
    one = Audit(*arguments).run(processes=1)
    three = Audit(*arguments).run(processes=3)
    assert one.leaks and one.third_party and one.comments and one.foreign
    assert (one.leaks, one.third_party, one.foreign, one.comments) == \
        (three.leaks, three.third_party, three.foreign, three.comments)
    assert {name for name, _ in one.leaks} == {
        pages[0].relative_to(site_copy).as_posix(), pages[3].relative_to(site_copy).as_posix()}


def test_only_the_pinned_editor_bundle_is_skipped(site_copy: Path, generated: Generated) -> None:
    """Decap's bundle is skipped while it is byte for byte the pinned package; anything else
    under beheer/ (a changed bundle file, a hand-written page) is audited."""
    bundle = site_copy / "beheer" / "decap" / "decap-cms.js"
    assert bundle.is_file()
    audit_site(site_copy, generated)
    original = bundle.read_bytes()
    bundle.write_bytes(original + b"\n// bel 06 1122 3344\n")
    with pytest.raises(Abort, match=r"beheer/decap/decap-cms\.js"):
        audit_site(site_copy, generated)
    bundle.write_bytes(original)
    (site_copy / "beheer" / "decap" / "extra.html").write_text("<p>Interne Persoon</p>", "utf-8")
    with pytest.raises(Abort, match=r"beheer/decap/extra\.html"):
        audit_site(site_copy, generated)


def test_check_and_export_find_internal_values_in_hand_written_files(
        klein_site: Build, tmp_path: Path) -> None:
    """docs/ is published as it is: a page, an attachment or a file name with an internal
    value is found by `meldwijzer check` and refused by `meldwijzer export` (whose output
    another engine builds without our audit), as the build's audit would."""
    import subprocess
    import sys

    from helpers import copy_project

    for name, content in (("contact.md", "# Contact\n\nBel Eva: 06&#8209;1122&#8209;3344\n"),
                          ("bijlagen/lijst.txt", "interne persoon"),
                          ("bijlagen/overleg-06-11223344.txt", "niets")):
        project = copy_project(klein_site.project, tmp_path / name.replace("/", "_"))
        target = project / "docs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, "utf-8")
        checked = subprocess.run([sys.executable, "-m", "meldwijzer", "--map", str(project),
                                  "check"], capture_output=True, text=True, check=False)
        assert checked.returncode == 1, (name, checked.stdout, checked.stderr)
        assert f"docs/{name}" in checked.stderr and "is intern" in checked.stderr, checked.stderr
        out = tmp_path / f"export-{target.stem}"
        exported = subprocess.run([sys.executable, "-m", "meldwijzer", "--map", str(project),
                                   "export", str(out)], capture_output=True, text=True,
                                  check=False)
        assert exported.returncode != 0, (name, exported.stdout)
        assert not (out / "docs" / name).exists()
