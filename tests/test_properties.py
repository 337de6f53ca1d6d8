"""Property-based tests: generated valid regions always build; mutated ones either build or
give the generator's own located error, never a traceback or a hang."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import copy_project, run_mkdocs
from meldwijzer import cli
from meldwijzer.build import check, generate
from meldwijzer.errors import DataErrors
from meldwijzer.safety import INVISIBLE
from meldwijzer.site import Options

PHONES = ["112", "0900-8844", "0800-2000", "14 035", "(035) 629 2059", "033-448 11 86",
          "+31 70 333 44 44", "06 12345678", "+44 20 7946 0018"]
VORMEN = ["algemeen", "seksuele-uitbuiting", "arbeidsuitbuiting", "criminele-uitbuiting",
          "orgaanverwijdering"]

ids = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,5})?", fullmatch=True)
# Any printable text, including Markdown and HTML syntax; no control or invisible characters.
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")),
    min_size=1, max_size=40).filter(lambda s: s.strip() and "INVULLEN" not in s.upper()
                                    and not INVISIBLE.search(s))
# Verification dates lie in the past (a future one is an error: see test_scaffold).
dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2026, 10, 31)).map(str)


@st.composite
def contact(draw: Any, may_be_intern: bool = True) -> dict[str, Any]:
    data = {"naam": draw(text), "gecontroleerd": draw(dates)}
    if may_be_intern and draw(st.booleans()):
        # Internal contacts get values of their own, so none can also be public.
        data.update(zichtbaarheid="intern", email=f"intern-{draw(ids)}@geheim.example.nl")
        return data
    data["telefoon"] = draw(st.sampled_from(PHONES))
    if draw(st.booleans()):
        data["email"] = "info@" + draw(ids) + ".example.nl"
    if draw(st.booleans()):
        data["wanneer"] = draw(text)
    return data


@st.composite
def route(draw: Any, contact_ids: list[str]) -> dict[str, Any]:
    count = draw(st.integers(1, 6))
    step_ids = draw(st.lists(ids, min_size=count, max_size=count, unique=True))
    steps = []
    for i, sid in enumerate(step_ids):
        step: dict[str, Any] = {"id": sid, "titel": draw(text), "wie": draw(text)}
        if draw(st.booleans()):
            step["bellen"] = draw(st.lists(st.sampled_from(contact_ids), max_size=2))
        later = step_ids[i + 1:]
        if later and draw(st.booleans()):
            extra = draw(st.lists(st.sampled_from(later), max_size=2))
            step["keuzes"] = [{"als": draw(text), "naar": t} for t in [later[0], *extra]]
        steps.append(step)
    return {"id": draw(ids), "titel": draw(text), "stappen": steps}


@st.composite
def region(draw: Any) -> dict[str, Any]:
    contact_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    werkvelden = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    regio = {
        "naam": draw(text),
        "werkvelden": {w: draw(text) for w in werkvelden},
        "contacten": {c: draw(contact()) for c in contact_ids},
        "routes": draw(st.lists(route([*contact_ids, "aandachtfunctionaris"]), min_size=1,
                                max_size=2, unique_by=lambda r: r["id"])),
    }
    signalen = draw(st.lists(st.fixed_dictionaries({
        "tekst": text, "vormen": st.lists(st.sampled_from(VORMEN), min_size=1, max_size=2),
        "werkvelden": st.lists(st.sampled_from(werkvelden), min_size=1, max_size=2)}),
        max_size=4))
    slugs = draw(st.lists(ids.filter(lambda s: s != "index"), min_size=1, max_size=3,
                          unique=True))
    names = draw(st.lists(text, min_size=len(slugs), max_size=len(slugs),
                          unique_by=str.casefold))
    gemeenten = {slug: {"naam": name,
                        "contacten": {"aandachtfunctionaris": draw(contact(False))}}
                 for slug, name in zip(slugs, names, strict=True)}
    return {"regio": regio, "signalen": signalen, "gemeenten": gemeenten}


def write(root: Path, data: dict[str, Any]) -> None:
    folder = root / "routekaarten"
    (folder / "gemeenten").mkdir(parents=True)
    dump = {"allow_unicode": True, "sort_keys": False, "width": 1000}
    (folder / "regio.yml").write_text(yaml.safe_dump(data["regio"], **dump), "utf-8")
    (folder / "signalen.yml").write_text(yaml.safe_dump(data["signalen"], **dump), "utf-8")
    for slug, gemeente in data["gemeenten"].items():
        (folder / "gemeenten" / f"{slug}.yml").write_text(yaml.safe_dump(gemeente, **dump),
                                                           "utf-8")


PROPERTY = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@PROPERTY
@given(region())
def test_valid_regions_always_generate(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write(root, data)
        generated = generate(root, Options())
        for slug in data["gemeenten"]:
            page = generated.pages[f"gemeenten/{slug}.md"]
            assert page.startswith("---\n")
        leaked = [v for page in generated.pages.values() for v in generated.site.verborgen
                  if v in page]
        assert leaked == []


MUTATIONS = st.sampled_from(["delete", "duplicate", "insert", "indent", "replace", "truncate"])


@PROPERTY
@given(region(), MUTATIONS, st.integers(0, 10_000), st.text(max_size=12))
def test_mutated_regions_build_or_give_a_located_error(data: dict[str, Any], mutation: str,
                                                        where: int, junk: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write(root, data)
        files = sorted((root / "routekaarten").rglob("*.yml"))
        target = files[where % len(files)]
        lines = target.read_text("utf-8").split("\n")
        n = where % max(len(lines), 1)
        if mutation == "delete":
            del lines[n]
        elif mutation == "duplicate":
            lines.insert(n, lines[n])
        elif mutation == "insert":
            lines[n] = lines[n][: where % 7] + junk + lines[n][where % 7:]
        elif mutation == "indent":
            lines[n] = ("\t" if where % 2 else "   ") + lines[n]
        elif mutation == "replace":
            lines[n] = lines[n].split(":")[0] + ": " + junk if ":" in lines[n] else junk
        else:
            lines = lines[:n]
        target.write_text("\n".join(lines), "utf-8")
        try:
            check(root, Options())
        except DataErrors as errors:
            assert errors.errors
            for error in errors.errors:
                assert (root / error.file).exists(), error
                assert error.line >= 1
                assert error.message


@settings(max_examples=3, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(region())
def test_valid_regions_build_under_strict(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "bron"
        write(source, data)
        project = copy_project(source, Path(tmp) / "project")
        build = run_mkdocs(project, Path(tmp) / "site")
        assert build.returncode == 0, build.log


HAZARDS = st.sampled_from(["geen", "kernnummer-zonder-telefoon", "aandachtfunctionaris-intern",
                           "diep-genest", "adres-met-wachtwoord", "interne-waarde-openbaar",
                           "lookalike-adres", "verminkt"])


def _hazard(data: dict[str, Any], hazard: str) -> None:
    """Data that an earlier version accepted in `check` and then crashed on in the build."""
    regio = data["regio"]
    first = next(iter(data["gemeenten"].values()))
    if hazard == "kernnummer-zonder-telefoon":
        regio["contacten"]["alleen-mail"] = {"naam": "Mail", "email": "m@voorbeeld.nl",
                                             "gecontroleerd": "2026-10-01"}
        regio["kernnummers"] = ["alleen-mail"]
    elif hazard == "aandachtfunctionaris-intern":
        first["contacten"]["aandachtfunctionaris"].update(zichtbaarheid="intern")
    elif hazard == "diep-genest":
        regio["inleiding"] = "- " * 40 + "x"
    elif hazard == "adres-met-wachtwoord":
        regio["contacten"]["nep"] = {"naam": "Nep", "gecontroleerd": "2026-10-01",
                                     "website": "https://www.politie.nl:x@evil.example/"}
    elif hazard == "lookalike-adres":
        regio["inleiding"] = "Zie [de politie](https://www.p\u043eliti\u0435.nl)."
    elif hazard == "interne-waarde-openbaar":
        first["contacten"]["aandachtfunctionaris"]["intern"] = {"persoon": "Geheime Collega"}
        regio["contacten"]["openbaar"] = {"naam": "Openbaar", "persoon": "Geheime Collega",
                                          "telefoon": "0900-8844", "gecontroleerd": "2026-10-01"}


@settings(max_examples=14, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(region(), HAZARDS, st.integers(0, 10_000))
def test_check_and_build_agree(data: dict[str, Any], hazard: str, where: int) -> None:
    """`meldwijzer check` finds everything the build finds: the same verdict, and the same
    data errors, for valid data, data with known hazards and randomly mangled files."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "bron"
        _hazard(data, hazard)
        write(source, data)
        project = copy_project(source, Path(tmp) / "project")
        if hazard == "verminkt":
            target = sorted((project / "routekaarten").rglob("*.yml"))[where % 3 % 2]
            lines = target.read_text("utf-8").split("\n")
            del lines[where % max(len(lines), 1)]
            target.write_text("\n".join(lines), "utf-8")
        report = io.StringIO()
        with contextlib.redirect_stderr(report), contextlib.redirect_stdout(io.StringIO()):
            checked = cli.main(["--map", str(project), "check"])
        build = run_mkdocs(project, Path(tmp) / "site")
        assert "Traceback" not in build.log, build.log
        assert (checked == 0) == (build.returncode == 0), (hazard, report.getvalue(), build.log)
        if "De gegevens bevatten" in build.log:
            for line in report.getvalue().splitlines()[1:]:
                assert line in build.log, (line, build.log)
