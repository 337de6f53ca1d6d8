"""The figures (cijfers/): reading spreadsheets as editors save them, the checks, and the
built pages and files, parsed as a reader gets them. The example region has CSV signals
and xlsx training figures; tests/fixtures/kwartaal has another shape (quarters in an xlsx,
no sources, a comma CSV without byte-order mark, threshold 10, a municipality left empty).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import jsonschema
import openpyxl
import pytest

from helpers import FIXTURES, ROOT, Build, copy_project, run_mkdocs
from meldwijzer.audit import site_texts
from meldwijzer.build import check
from meldwijzer.errors import DataErrors, ErrorLog
from meldwijzer.site import Options
from meldwijzer.tabelread import read_table

TODAY = dt.date(2026, 11, 1)
LABELS = {"minder dan 5", "minder dan 10", "afgeschermd", "niet gepubliceerd"}


def _errors(project: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        check(project, Options(vandaag=TODAY))
    return [str(e) for e in caught.value.errors]


def _workbook(path: Path, rows: list[list[object]], title: str = "Blad1") -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)


def _signals(project: Path, text: str, encoding: str = "utf-8") -> None:
    folder = project / "cijfers"
    folder.mkdir(exist_ok=True)
    (folder / "signalen.csv").write_bytes(text.encode(encoding))


# Reading -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "separator"), [
    (b"\xef\xbb\xbfJaar;Gemeente;Aantal\r\n2025;Oosterdorp;\"1;2\"\r\n", ";"),
    (b"jaar,gemeente,aantal\n2025,Oosterdorp,\"1,2\"\n", ","),
])
def test_csv_as_excel_writes_it(tmp_path: Path, data: bytes, separator: str) -> None:
    file = tmp_path / "signalen.csv"
    file.write_bytes(data)
    table = read_table(file, ErrorLog(tmp_path))
    assert table is not None
    assert [c.text for c in table.header] == ["Jaar" if separator == ";" else "jaar",
                                             "Gemeente" if separator == ";" else "gemeente",
                                             "Aantal" if separator == ";" else "aantal"]
    assert [(c.text, c.line, c.column) for c in table.rows[0]] == [
        ("2025", 2, "A"), ("Oosterdorp", 2, "B"), (f"1{separator}2", 2, "C")]


def test_workbook_cells_keep_their_place(tmp_path: Path) -> None:
    file = tmp_path / "trainingen.xlsx"
    _workbook(file, [["jaar", "deelnemers"], [], [2025, 12.0], [2024, 3.5]])
    table = read_table(file, ErrorLog(tmp_path))
    assert table is not None and table.workbook
    assert [(c.text, c.line, c.column) for c in table.rows[0]] == [("2025", 3, "A"),
                                                                   ("12", 3, "B")]
    assert table.rows[1][1].text == "3.5"
    assert table.place(table.rows[1][1], "deelnemers") == "deelnemers (cel B4)"


# Checks -------------------------------------------------------------------------------------

def test_every_problem_of_a_signals_file_at_once(klein_project: Path) -> None:
    _signals(klein_project, "jaar;gemeente;vorm;aantal;sector\n"
             "2025;Oosterdorp;arbeidsuitbuiting;3;horeca\n"
             "2025;oosterdorp;Arbeidsuitbuiting;2;Horeca\n"
             "2031;Westerdorp;seksuele uitbuiting;1;\n"
             "2025;Zuiderdorp;mensensmokkel;-2;\n"
             "twintig;Westerdorp;algemeen;drie;bakkerij\n")
    errors = _errors(klein_project)
    text = "\n".join(errors)
    assert "cijfers/signalen.csv:3: " in text and "regel 2" in text  # the same cell twice
    assert 'cijfers/signalen.csv:4: jaar (kolom A): "2031" ligt in de toekomst' in text
    assert 'cijfers/signalen.csv:5: gemeente (kolom B): "Zuiderdorp" is geen gemeente' in text
    assert 'cijfers/signalen.csv:5: vorm (kolom C): Onbekende vorm: "mensensmokkel"' in text
    assert 'cijfers/signalen.csv:5: aantal (kolom D): "-2" is negatief' in text
    assert 'cijfers/signalen.csv:6: jaar (kolom A): "twintig" is geen jaartal' in text
    assert 'cijfers/signalen.csv:6: aantal (kolom D): "drie" is geen aantal' in text
    assert 'cijfers/signalen.csv:6: sector (kolom E): Onbekende sector: "bakkerij"' in text


def test_a_column_that_could_hold_a_person_is_refused(klein_project: Path) -> None:
    _signals(klein_project, "jaar;gemeente;vorm;aantal;Geboortedatum;Naam\n"
             "2025;Oosterdorp;algemeen;1;2001-02-03;Jan\n")
    text = "\n".join(_errors(klein_project))
    assert "kolom E" in text and "'Geboortedatum' kan gegevens over een persoon" in text
    assert "'Naam' kan gegevens over een persoon" in text


def test_a_windows_csv_says_how_to_save_as_utf8(klein_project: Path) -> None:
    _signals(klein_project, "jaar;gemeente;vorm;aantal\n2025;Oosterdorp;algemeen;1\n"
             "2025;Westerdorp;algemeen;2 \u2018x\u2019\n", "cp1252")
    (error,) = _errors(klein_project)
    assert error.startswith("cijfers/signalen.csv:3: ")
    assert "Windows-1252" in error and "CSV UTF-8" in error


def test_a_broken_workbook_is_a_dutch_error(klein_project: Path) -> None:
    (klein_project / "cijfers").mkdir()
    (klein_project / "cijfers" / "trainingen.xlsx").write_bytes(b"PK\x03\x04 niet echt")
    (error,) = _errors(klein_project)
    assert error.startswith("cijfers/trainingen.xlsx:1: ") and "Excel-werkmap" in error


def test_workbook_errors_name_the_cell(klein_project: Path) -> None:
    shutil.copytree(FIXTURES / "training", klein_project, dirs_exist_ok=True)
    (klein_project / "cijfers").mkdir()
    _workbook(klein_project / "cijfers" / "trainingen.xlsx", [
        ["jaar", "module", "gemeente", "werkveld", "deelnemers", "medewerkers"],
        [2025, "test-module", "oosterdorp", "balie", 12, 10],
        [2025, "onbekende training", "westerdorp", "kantine", "veel", None]])
    text = "\n".join(_errors(klein_project))
    assert "cijfers/trainingen.xlsx:2: deelnemers (cel E2): Er staan meer deelnemers" in text
    assert 'cijfers/trainingen.xlsx:3: module (cel B3): Onbekende module: "onbekende' in text
    assert 'trainingen.xlsx:3: werkveld (cel D3): Onbekend werkveld: "kantine"' in text
    assert 'trainingen.xlsx:3: deelnemers (cel E3): "veel" is geen aantal' in text


def test_other_files_and_commentary_without_figures(klein_project: Path) -> None:
    _signals(klein_project, "jaar;gemeente;vorm;aantal\n2025;Oosterdorp;algemeen;7\n")
    folder = klein_project / "cijfers"
    (folder / "signaal.csv").write_text("x", "utf-8")
    (folder / "toelichting").mkdir()
    (folder / "toelichting" / "2019.md").write_text("Tekst.\n", "utf-8")
    (folder / "~$signalen.csv").write_text("lock", "utf-8")  # Excel's lock file: ignored
    text = "\n".join(_errors(klein_project))
    assert 'cijfers/signaal.csv:1: "signaal.csv" hoort niet in de map cijfers/' in text
    assert "cijfers/toelichting/2019.md:1: Er zijn geen cijfers over 2019" in text
    assert "~$" not in text


def test_a_threshold_below_five_is_refused(klein_project: Path) -> None:
    regio = klein_project / "routekaarten" / "regio.yml"
    regio.write_text(regio.read_text("utf-8") + "cijfers:\n  drempel: 3\n", "utf-8")
    _signals(klein_project, "jaar;gemeente;vorm;aantal\n2025;Oosterdorp;algemeen;7\n")
    (error,) = _errors(klein_project)
    assert "routekaarten/regio.yml" in error and "cijfers.drempel" in error


def test_labels_and_names_match_whatever_their_case(klein_project: Path) -> None:
    _signals(klein_project, "Jaar;Gemeente;Vorm;Aantal;Minderjarig;Bron\n"
             "2025; OOSTERDORP ;Seksuele Uitbuiting;7;Ja;Veilig Thuis\n"
             "2025;westerdorp;criminele_uitbuiting;6;nee;politie\n")
    site = check(klein_project, Options(vandaag=TODAY))
    assert site.cijfers is not None and site.cijfers.signalen is not None
    year = site.cijfers.signalen.jaar(2025)
    assert year.cel("oosterdorp", "vorm", "seksuele-uitbuiting").aantal == 7
    assert year.cel(None, "bron", "veilig-thuis").aantal == 7
    assert year.cel(None, "minderjarig", "nee").aantal == 6


# Built sites --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kwartaal_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    base = tmp_path_factory.mktemp("kwartaal")
    project = copy_project(FIXTURES / "kwartaal", base / "project")
    build = run_mkdocs(project, base / "site")
    assert build.returncode == 0, build.log
    return build


def _table_cells(build: Build, page: str) -> list[tuple[str, str]]:
    """(status, text) of every figure cell of every table on the page."""
    return [(td["data-status"], td.get_text(" ", strip=True))
            for td in build.article(page).select(".mw-tabel td")]


def _published_numbers(cells: list[tuple[str, str]]) -> list[int]:
    return [int(text.split(" ")[0].replace(".", "")) for status, text in cells
            if status == "gepubliceerd"]


@pytest.mark.parametrize("page", ["cijfers/index.html", "cijfers/hilversum.html",
                                  "cijfers/laren.html", "cijfers/jaarverslag/2025.html"])
def test_no_small_count_on_a_public_page(example_site: Build, page: str) -> None:
    cells = _table_cells(example_site, page)
    assert cells, page
    for status, text in cells:
        if status != "gepubliceerd":
            assert text in LABELS, (page, status, text)
    numbers = _published_numbers(cells)
    assert numbers and all(n == 0 or n >= 5 for n in numbers), (page, numbers)
    svg_text = " ".join(t.get_text() for t in example_site.article(page).select("svg text"))
    assert not re.search(r"(?<![\d.])[1-4](?![\d.%])", svg_text.replace("<5", "")), svg_text


def test_every_chart_names_what_it_shows_and_has_a_table(example_site: Build) -> None:
    article = example_site.article("cijfers/index.html")
    charts = article.select("svg.mw-grafiek")
    assert len(charts) >= 8
    for svg in charts:
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title", id=title_id).get_text().strip()
        description = svg.find("desc", id=desc_id).get_text()
        assert description.startswith(("Kolomdiagram van", "Staafdiagram van"))
        pair = svg.find_parent(class_="mw-figuurpaar")
        assert pair is not None and pair.find("table") is not None
        hatch = svg.find("pattern")
        assert hatch is not None and hatch["id"].startswith(svg["aria-labelledby"].split("-")[0])


def test_chart_and_table_hold_the_same_numbers(example_site: Build) -> None:
    article = example_site.article("cijfers/index.html")
    pair = article.find("h3", id="s-vorm").find_next(class_="mw-figuurpaar")
    bars = [t.get_text() for t in pair.select("svg text.mw-grafiek__waarde")]
    rows = pair.select("tbody tr")
    last_column = [r.select("td")[-1].get_text(" ", strip=True) for r in rows]
    assert bars == last_column


def test_a_municipality_finds_its_figures_from_its_routekaart(example_site: Build) -> None:
    link = example_site.article("gemeenten/eemnes.html").select_one(".mw-cijfers-link a")
    assert link is not None and link["href"] == "../cijfers/eemnes.html"
    page = example_site.article("cijfers/eemnes.html")
    assert page.find("h1").get_text(strip=True) == "Cijfers Eemnes"
    assert page.find("a", href="../gemeenten/eemnes.html") is not None


def test_the_form_has_the_categories_the_figures_count(example_site: Build) -> None:
    form = example_site.article("vastleggen/huizen.html").select_one(".mw-categorieen")
    legends = [legend.get_text(strip=True) for legend in form.select("legend")]
    assert legends == ["Vorm van uitbuiting (als je het vermoedt)", "Jonger dan 18?",
                       "Hoe kwam het signaal binnen?", "Sector (bij werk)"]
    boxes = {box["name"] for box in form.select("input")}
    assert boxes == {"vorm", "minderjarig", "bron", "sector"}
    labels = [label.get_text(" ", strip=True) for label in form.select("label")]
    assert "Veilig Thuis" in labels and "Horeca" in labels


def test_open_data_validates_and_matches_the_pages(example_site: Build) -> None:
    api = example_site.site / "api" / "v1"
    schema = json.loads((api / "schema" / "cijfers.schema.json").read_text("utf-8"))
    index = json.loads((api / "index.json").read_text("utf-8"))
    assert index["cijfers"] == {"signalen": "cijfers/signalen.json",
                                "trainingen": "cijfers/trainingen.json"}
    for soort in ("signalen", "trainingen"):
        data = json.loads((api / "cijfers" / f"{soort}.json").read_text("utf-8"))
        jsonschema.validate(data, schema)
        assert data["voorbeeld"] is True and data["drempel"] == 5
        rows = list(csv.DictReader(io.StringIO(
            (api / "cijfers" / f"{soort}.csv").read_text("utf-8"))))
        assert len(rows) == len(data["cellen"])
        for row, cel in zip(rows, data["cellen"], strict=True):
            assert row["aantal"] == ("" if cel["aantal"] is None else str(cel["aantal"]))
            if cel["status"] != "gepubliceerd":
                assert cel["aantal"] is None
            else:
                assert cel["aantal"] == 0 or cel["aantal"] >= 5
    signals = json.loads((api / "cijfers" / "signalen.json").read_text("utf-8"))
    total = next(c for c in signals["cellen"] if c["jaar"] == 2025 and c["gemeente"] is None
                 and c["indeling"] is None)
    page = example_site.article("cijfers/index.html")
    row = next(r for r in page.select("#s-trend-tabel + .mw-tabel tr, .mw-tabel tr")
               if r.th and r.th.get_text(strip=True) == "2025")
    assert row.td.get_text(strip=True) == str(total["aantal"])


def test_the_internal_build_shows_exact_counts_and_marks_them(example_intern: Build,
                                                               example_site: Build) -> None:
    public = _table_cells(example_site, "cijfers/laren.html")
    internal = _table_cells(example_intern, "cijfers/laren.html")
    assert [s for s, _ in public] == [s for s, _ in internal]
    hidden = [(p, i) for (s, p), (_, i) in zip(public, internal, strict=True)
              if s != "gepubliceerd"]
    assert hidden
    for public_text, internal_text in hidden:
        assert re.fullmatch(rf"\d+ \(openbaar: {public_text}\)", internal_text), internal_text
    assert not (example_intern.site / "api" / "v1" / "cijfers").exists()


def test_no_internal_figure_marker_in_any_public_file(example_site: Build) -> None:
    """Like the leak audit: every file of the public build, gzip unpacked, in any case."""
    for name, text, _, _ in site_texts(example_site.site):
        lowered = text.casefold()
        assert "openbaar:" not in lowered, name
        if not name.endswith(".css"):  # the stylesheet knows the mark; no page may use it
            assert "mw-cijfer--intern" not in lowered, name


def test_another_shape_quarters_threshold_ten(kwartaal_site: Build) -> None:
    article = kwartaal_site.article("cijfers/index.html")
    headings = [h.get_text(" ", strip=True) for h in article.select("h3")]
    assert "Per kwartaal" in headings and "Per bron" not in headings
    assert "Per uitkomst" in headings
    cells = _table_cells(kwartaal_site, "cijfers/index.html")
    numbers = _published_numbers(cells)
    assert numbers and all(n == 0 or n >= 10 for n in numbers), numbers
    assert ("minder-dan-drempel", "minder dan 10") in cells
    municipalities = [a.get_text() for a in article.select("#s-gemeenten-tabel + .mw-tabel th a")]
    assert municipalities == ["Oosterdorp", "Westerdorp"]
    rows = [th.get_text(strip=True) for th in article.select(".mw-tabel tbody th")]
    assert "Gemeente niet vastgelegd" in rows and "E-learning signalen herkennen" in rows
    assert (kwartaal_site.site / "cijfers" / "jaarverslag" / "2026.html").is_file()
    toelichting = kwartaal_site.article("cijfers/jaarverslag/2024.html").select_one(
        ".mw-toelichting")
    assert toelichting is not None and "per kwartaal" in toelichting.get_text()


def test_a_region_without_figures_has_no_figures_pages(klein_site: Build) -> None:
    assert not (klein_site.site / "cijfers").exists()
    assert not (klein_site.site / "api" / "v1" / "cijfers").exists()
    assert klein_site.article("gemeenten/oosterdorp.html").select_one(".mw-cijfers-link") is None
    nav = klein_site.html("index.html").select_one("nav.md-nav--primary").get_text()
    assert "Cijfers" not in nav
    assert klein_site.article("vastleggen/oosterdorp.html").select_one(".mw-categorieen")


# The public build is a function of the published figures only ------------------------------

SWAP_A = {("oosterdorp", "arbeidsuitbuiting"): 2, ("oosterdorp", "seksuele-uitbuiting"): 3,
          ("westerdorp", "arbeidsuitbuiting"): 3, ("westerdorp", "seksuele-uitbuiting"): 2}
SWAP_B = {("oosterdorp", "arbeidsuitbuiting"): 3, ("oosterdorp", "seksuele-uitbuiting"): 2,
          ("westerdorp", "arbeidsuitbuiting"): 2, ("westerdorp", "seksuele-uitbuiting"): 3}


def _swap_project(base: Path, small: dict[tuple[str, str], int]) -> Path:
    project = copy_project(FIXTURES / "klein", base / "project")
    regio = project / "routekaarten" / "regio.yml"
    regio.write_text(regio.read_text("utf-8") + "cijfers:\n  bijgewerkt: 2026-10-01\n", "utf-8")
    lines = ["jaar;gemeente;vorm;bron;aantal"]
    for year in (2024, 2025):
        for (place, form), count in small.items():
            lines.append(f"{year};{place};{form};politie;{count}")
        lines += [f"{year};oosterdorp;criminele-uitbuiting;zorg;20",
                  f"{year};westerdorp;criminele-uitbuiting;politie;31"]
    _signals(project, "\n".join(lines) + "\n")
    return project


@pytest.mark.parametrize("profiel", ["publiek", "intern"])
def test_hidden_counts_change_nothing_in_the_public_build(tmp_path: Path, profiel: str) -> None:
    """Two regions whose figures differ only in cells the public build hides (one case
    in each of two municipalities swapped between two forms): every public file is byte
    for byte the same, pages, charts, open data, search index and sitemap; the internal
    builds differ (so the test can fail)."""
    sites = []
    for name, small in (("a", SWAP_A), ("b", SWAP_B)):
        build = run_mkdocs(_swap_project(tmp_path / name, small), tmp_path / name / "site",
                           profiel)
        assert build.returncode == 0, build.log
        sites.append(build.site)
    files = [{p.relative_to(s).as_posix(): p.read_bytes() for p in sorted(s.rglob("*"))
              if p.is_file()} for s in sites]
    assert "cijfers/index.html" in files[0]
    differing = sorted(n for n in files[0] if files[0][n] != files[1].get(n))
    if profiel == "publiek":
        assert set(files[0]) == set(files[1])
        assert differing == [], differing
        assert b"minder dan 5" in files[0]["cijfers/oosterdorp.html"]
    else:
        assert "cijfers/oosterdorp.html" in differing


def test_the_example_figures_are_marked_as_fictitious(example_site: Build) -> None:
    for page in ("cijfers/index.html", "cijfers/blaricum.html", "cijfers/jaarverslag/2019.html"):
        note = example_site.article(page).select_one(".mw-voorbeeldcijfers")
        assert note is not None and "fictief" in note.get_text()
    assert "voorbeeld: ja" in (ROOT / "routekaarten" / "regio.yml").read_text("utf-8")


def test_copy_keeps_the_example_figures(tmp_path: Path) -> None:
    """The test helpers copy cijfers/ with the project (the example is built with them)."""
    project = copy_project(ROOT, tmp_path / "p")
    assert (project / "cijfers" / "trainingen.xlsx").is_file()
    shutil.rmtree(project)
