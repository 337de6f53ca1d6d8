"""Contract 1.2: contacts, work fields and sectors as lists of blocks with an id (the form a
browser editor writes), next to the 1.0 map form that keeps building."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FIXTURES, copy_project
from meldwijzer.build import check, generate
from meldwijzer.errors import DataErrors
from meldwijzer.site import Options, Site

TODAY = dt.date(2026, 11, 1)


def lijstvorm(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meldwijzer", "--map", str(project),
                           "lijstvorm"], capture_output=True, text=True, check=False)


def test_the_list_form_builds_the_same_pages_as_the_map_form(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "klein", tmp_path / "project")
    regio_file = project / "routekaarten/regio.yml"
    regio_file.write_text(regio_file.read_text("utf-8").replace(
        "contacten:\n", "contacten:\n  # De contacten van de regio.\n", 1), "utf-8")
    before = {p: (project / p).read_text("utf-8") for p in
              ["routekaarten/regio.yml", "routekaarten/gemeenten/oosterdorp.yml"]}
    done = lijstvorm(project)
    assert done.returncode == 0, done.stderr
    assert "Omgezet: routekaarten/regio.yml" in done.stdout
    regio = (project / "routekaarten/regio.yml").read_text("utf-8")
    assert "\n  - id: " in regio.split("contacten:", 1)[1].split("routes:", 1)[0]
    assert "werkvelden:\n  - id: " in regio
    assert regio != before["routekaarten/regio.yml"]
    # Comments are kept.
    comments = [line for line in before["routekaarten/regio.yml"].splitlines()
                if line.lstrip().startswith("#")]
    assert comments and all(c.strip() in regio for c in comments)
    options = Options(vandaag=TODAY, site_url="https://meldwijzer.example.org/")
    original = copy_project(FIXTURES / "klein", tmp_path / "original")
    assert generate(project, options).pages == generate(original, options).pages
    again = lijstvorm(project)
    assert again.returncode == 0 and "Niets om te zetten" in again.stdout


def test_errors_in_the_list_form_name_the_line_and_the_id(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "klein", tmp_path / "project")
    assert lijstvorm(project).returncode == 0
    file = project / "routekaarten/gemeenten/oosterdorp.yml"
    lines = file.read_text("utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("  - id: "))
    phone = next(i for i, line in enumerate(lines) if "telefoon:" in line and i > first)
    contact_id = lines[first].split(": ", 1)[1]
    lines[phone] = "    telefoon: bel me maar"
    lines.insert(first, "  - naam: Zonder id\n    email: x@voorbeeld.nl\n"
                 "    gecontroleerd: 2026-10-01")
    file.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(DataErrors) as caught:
        check(project, Options(vandaag=TODAY))
    report = caught.value.report()
    assert f"oosterdorp.yml:{first + 1}: contacten[0]: Elk blok in deze lijst begint met een id" \
        in report, report
    phone_errors = [e for e in caught.value.errors if e.path.endswith("telefoon")]
    owner = next(c for c in phone_errors if contact_id in c.path)
    assert owner.line == phone + 1 + 3, report  # three lines inserted above


def test_a_duplicate_id_in_the_list_is_refused(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "klein", tmp_path / "project")
    assert lijstvorm(project).returncode == 0
    file = project / "routekaarten/regio.yml"
    text = file.read_text("utf-8")
    block = text.split("werkvelden:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    duplicate = "\n".join(block[:2])
    file.write_text(text.replace("werkvelden:\n", f"werkvelden:\n{duplicate}\n", 1), "utf-8")
    with pytest.raises(DataErrors) as caught:
        check(project, Options(vandaag=TODAY))
    report = caught.value.report()
    assert "staat al eerder in deze lijst" in report and "regio.yml:" in report, report


def test_a_file_that_cannot_be_converted_is_left_alone(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "klein", tmp_path / "project")
    file = project / "routekaarten/gemeenten/oosterdorp.yml"
    text = file.read_text("utf-8")
    # A comment behind a key is not moved by hand-made rules: the file is left for a person.
    file.write_text(text.replace("  aandachtfunctionaris:\n",
                                 "  aandachtfunctionaris:  # eerste aanspreekpunt\n", 1), "utf-8")
    before = {f: f.read_bytes() for f in (project / "routekaarten").rglob("*.yml")}
    done = lijstvorm(project)
    assert done.returncode == 1
    assert "oosterdorp.yml:1: Dit bestand kan niet automatisch worden omgezet" in done.stderr
    assert {f: f.read_bytes() for f in (project / "routekaarten").rglob("*.yml")} == before


def test_comments_between_contacts_stay_with_the_contact_below(tmp_path: Path) -> None:
    """A comment above a contact (as the starter file of `meldwijzer nieuw` had) belongs to
    that contact: it stays above it, and the block above keeps its own indentation."""
    project = copy_project(FIXTURES / "klein", tmp_path / "project")
    file = project / "routekaarten/gemeenten/oosterdorp.yml"
    text = (
        "naam: Oosterdorp\n"
        "contacten:\n"
        "  # Het eerste aanspreekpunt.\n"
        "  aandachtfunctionaris:\n"
        "    naam: Aandachtfunctionaris\n"
        "    email: af@oosterdorp.voorbeeld.nl   # het adres van het team\n"
        "    # intern:\n"
        "    #   persoon: iemand\n"
        "    gecontroleerd: 2026-10-01\n"
        "\n"
        "  # Het algemene nummer van de gemeente,\n"
        "  # voor wie de aandachtfunctionaris niet bereikt.\n"
        "  gemeente:\n"
        "    naam: Gemeente Oosterdorp\n"
        "    telefoon: 14 035\n"
        "    gecontroleerd: 2026-10-01\n"
        "\n"
        "# Eigen signalen (mag weg).\n")
    file.write_text(text, "utf-8")
    before = check(project, Options(vandaag=TODAY))
    done = lijstvorm(project)
    assert done.returncode == 0, done.stderr
    assert file.read_text("utf-8") == text.replace(
        "  aandachtfunctionaris:\n", "  - id: aandachtfunctionaris\n").replace(
        "  gemeente:\n", "  - id: gemeente\n")
    after = check(project, Options(vandaag=TODAY))

    def contacts(site: Site) -> list[tuple[object, ...]]:
        return [(c.id, c.naam, c.telefoon, c.email, c.gecontroleerd)
                for c in site.gemeente("oosterdorp").contacten.values()]

    assert contacts(after) == contacts(before)
    assert len(contacts(before)) >= 2
