"""The bestuurlijke aanpak (contract 1.3): the overview of the basisniveau, a page per
municipality, the barrièremodel linked both ways with the signals, the role of the
aandachtfunctionaris and the routes after it, with their internal parts only in the internal
build. Real builds of the example region and of a differently shaped test region
(tests/fixtures/regiegroep: no casusoverleg, a regiegroep prostitutie, only its own
barriers, its own name for the role); expectations read from the YAML files, not typed."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import (
    EPOCH,
    FIXTURES,
    PYTHONPATH,
    ROOT,
    Build,
    copy_project,
    keyed_as_maps,
    run_mkdocs,
)
from meldwijzer.bestuurlijk import standard_barriers, standard_texts
from meldwijzer.bestuurlijk_site import ResolvedGetraind, with_training_figures
from meldwijzer.build import check, generate, leaks_in
from meldwijzer.errors import DataErrors
from meldwijzer.pages import nav_uris
from meldwijzer.site import Options
from meldwijzer.templating import datum_filter
from test_atomic import snapshot

REGIEGROEP = FIXTURES / "regiegroep"
BUILD_DAY = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC).date()
"""The date of every test build (SOURCE_DATE_EPOCH)."""
STAND_WORDS = {"voldaan": "Voldaan", "bezig": "Bezig", "niet-voldaan": "Niet voldaan"}


def _yaml(path: Path) -> Any:
    return keyed_as_maps(yaml.safe_load(path.read_text("utf-8")))


def _blocks(root: Path) -> dict[str, dict[str, Any]]:
    """slug -> the municipality's bestuurlijk block, as written."""
    out = {}
    for file in sorted((root / "routekaarten/gemeenten").glob("*.yml")):
        data = _yaml(file)
        if data.get("bestuurlijk"):
            out[file.stem] = data["bestuurlijk"]
    return out


def _names(root: Path) -> dict[str, str]:
    return {f.stem: _yaml(f)["naam"] for f in (root / "routekaarten/gemeenten").glob("*.yml")}


def _text(node: Any) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


def _signals(root: Path) -> list[dict[str, Any]]:
    """Every signal as written: the region's, then each municipality's."""
    regional = keyed_as_maps(yaml.safe_load((root / "routekaarten/signalen.yml").read_text(
        "utf-8")))
    local = [s for f in sorted((root / "routekaarten/gemeenten").glob("*.yml"))
             for s in _yaml(f).get("signalen", [])]
    return [*regional, *local]


@pytest.fixture(scope="module")
def regiegroep(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    base = tmp_path_factory.mktemp("regiegroep")
    project = copy_project(REGIEGROEP, base / "project")
    builds = {p: run_mkdocs(project, base / p, p) for p in ("publiek", "intern")}
    for build in builds.values():
        assert build.returncode == 0, build.log
    return builds


def test_the_overview_table_has_every_municipality_and_each_requirement(
        example_site: Build) -> None:
    blocks, names = _blocks(ROOT), _names(ROOT)
    table = example_site.article("bestuurlijk/index.html").select_one("table.mw-basisniveau")
    assert table is not None
    header = [_text(th) for th in table.select("thead th")]
    assert header[1:] == [e["kort"] for e in standard_texts()["eisen"]]
    rows = {_text(tr.th).split(" (")[0]: tr for tr in table.select("tbody tr")}
    assert set(rows) == set(names.values())
    assert 0 < len(blocks) < len(names)  # the example shows both kinds of row
    for slug, name in names.items():
        cells = [_text(td) for td in rows[name].find_all("td")]
        if slug not in blocks:
            assert cells == ["Nog niet beoordeeld"], name
            assert rows[name].th.a is None  # no page to link to
            continue
        expected = [STAND_WORDS[blocks[slug][e["id"]]["stand"]] if blocks[slug].get(e["id"])
                    else "Nog niet beoordeeld" for e in standard_texts()["eisen"]]
        assert [c.split(" ", 1)[1] for c in cells] == expected, name
        assert rows[name].th.a["href"] == f"gemeenten/{slug}.html"
    met = sum(all((b.get(e["id"]) or {}).get("stand") == "voldaan"
                  for e in standard_texts()["eisen"]) for b in blocks.values())
    summary = _text(example_site.article("bestuurlijk/index.html").select_one(
        ".mw-samenvatting"))
    assert summary.startswith(f"{met} van de {len(names)} gemeenten")


def test_stale_reviews_are_reported_like_stale_contacts(example_site: Build,
                                                        example_intern: Build) -> None:
    term = int(_yaml(ROOT / "routekaarten/regio.yml")["controle_termijn_dagen"])
    stale = sorted(slug for slug, b in _blocks(ROOT).items()
                   if (BUILD_DAY - dt.date.fromisoformat(str(b["beoordeeld"]))).days > term)
    assert stale, "the example has a municipality due for review"
    for slug in stale:
        page = _text(example_site.article(f"bestuurlijk/gemeenten/{slug}.html"))
        assert f"ouder dan {term} dagen" in page
    control = example_intern.article("intern/controle.html")
    section = control.find(id="bestuurlijk-beoordelen").find_next("table")
    files = [_text(code) for code in section.select("code")]
    assert [f.split(":")[0] for f in files] == [f"routekaarten/gemeenten/{s}.yml"
                                                for s in stale]
    result = subprocess.run(
        [sys.executable, "-m", "meldwijzer", "check", "--verouderd"], cwd=ROOT,
        capture_output=True, text=True, check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": PYTHONPATH, "SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 1, result.stderr
    for slug in stale:
        line = next(i for i, text in enumerate(
            (ROOT / f"routekaarten/gemeenten/{slug}.yml").read_text("utf-8").splitlines(), 1)
            if text.strip().startswith("beoordeeld:"))
        assert f"routekaarten/gemeenten/{slug}.yml:{line}: bestuurlijk.beoordeeld:" \
            in result.stderr


def test_a_municipality_page_is_its_plan_of_approach(example_site: Build) -> None:
    texts = standard_texts()
    regional = {r["id"]: r for r in _yaml(ROOT / "routekaarten/bestuurlijk.yml")["rollen"]}
    for slug, block in _blocks(ROOT).items():
        page = example_site.article(f"bestuurlijk/gemeenten/{slug}.html")
        roles = [_text(h) for h in page.find(id="rollen").find_all_next("h3")][:4]
        assert roles == [r["naam"] for r in texts["rollen"]]
        own = {r["id"]: r for r in block.get("rollen", [])}
        for rol in texts["rollen"]:
            body = _text(page.find(id=f"rol-{rol['id']}").find_next("dl"))
            aanpak = (own.get(rol["id"]) or {}).get("aanpak") or \
                (regional.get(rol["id"]) or {}).get("aanpak")
            assert (aanpak.split(".")[0] if aanpak else "Nog niet beschreven") in body
            for punt in (own.get(rol["id"]) or {}).get("verbeterpunten", []):
                assert punt in body
        for doc in (block.get("beleid") or {}).get("documenten", []):
            assert doc["titel"] in _text(page.find(id="eis-beleid").find_next("dl"))
        getraind = (block.get("signalering") or {}).get("getraind")
        if getraind:
            assert f"{getraind['percentage']}% van de medewerkers met klantcontact" in _text(
                page.find(id="eis-signalering").find_next("dl"))
        for inzet in block.get("barrieres", []):
            assert page.find(id=f"barriere-{inzet['id']}") is not None
        routekaart = example_site.article(f"gemeenten/{slug}.html")
        assert routekaart.select_one(f".mw-bestuurlijk-link a[href='../bestuurlijk/gemeenten/"
                                     f"{slug}.html']") is not None
    for slug in set(_names(ROOT)) - set(_blocks(ROOT)):
        assert not (example_site.site / f"bestuurlijk/gemeenten/{slug}.html").exists()
        assert example_site.article(f"gemeenten/{slug}.html").select_one(
            ".mw-bestuurlijk-link") is None


def test_signals_and_barriers_link_both_ways(example_site: Build) -> None:
    signals = _signals(ROOT)
    assert any(s.get("barrieres") for s in signals)
    model = example_site.article("bestuurlijk/barrieremodel.html")
    catalogue = example_site.article("signalen/index.html")
    for barrier in standard_barriers():
        section = model.find(id=f"barriere-{barrier.id}")
        assert section is not None, barrier.id
        listed = [_text(li) for li in section.find_next("div", class_="mw-barriere").select(
            "ul.mw-barriere__signalen > li")]
        expected = [s["tekst"] for s in signals if barrier.id in s.get("barrieres", [])]
        assert [t.split(" lokaal signaal")[0] for t in listed] == expected, barrier.id
    for li in catalogue.select("li.mw-signaal"):
        text = _text(li.select_one(".mw-signaal__tekst"))
        written = next(s for s in signals if s["tekst"] in text)
        links = li.select(".mw-signaal__barrieres a")
        assert [a["href"] for a in links] == [
            f"../bestuurlijk/barrieremodel.html#barriere-{b}" for b in written.get("barrieres",
                                                                                  [])]
    # Every link from a signal leads to an anchor that exists on the page it names.
    for page in example_site.pages():
        for a in BeautifulSoup(page.read_text("utf-8"), "html.parser").select(
                ".mw-signaal__barrieres a"):
            target, _, anchor = (page.parent / a["href"]).as_posix().partition("#")
            assert BeautifulSoup(Path(target).read_text("utf-8"), "html.parser").find(
                id=anchor) is not None, (page, a["href"])


def test_a_municipalitys_own_signal_links_to_its_own_page(regiegroep: dict[str, Build]) -> None:
    build = regiegroep["publiek"]
    block = _blocks(REGIEGROEP)["havenstad"]
    used = {i["id"] for i in block["barrieres"]}
    local = _yaml(REGIEGROEP / "routekaarten/gemeenten/havenstad.yml")["signalen"][0]
    signal = next(li for li in build.article("gemeenten/havenstad.html").select(
        "li.mw-signaal") if local["tekst"] in _text(li))
    hrefs = [a["href"] for a in signal.select(".mw-signaal__barrieres a")]
    assert hrefs == [f"../bestuurlijk/gemeenten/havenstad.html#barriere-{b}" if b in used
                     else f"../bestuurlijk/barrieremodel.html#barriere-{b}"
                     for b in local["barrieres"]]
    assert set(local["barrieres"]) - used and set(local["barrieres"]) & used


def test_routes_after_the_aandachtfunctionaris_keep_meetings_internal(
        example_site: Build, example_intern: Build) -> None:
    data = _yaml(ROOT / "routekaarten/bestuurlijk.yml")
    public = example_site.article("bestuurlijk/routes.html")
    intern = example_intern.article("bestuurlijk/routes.html")
    assert [_text(h) for h in public.find_all("h2")] == [r["titel"] for r in data["routes"]]
    for route in data["routes"]:
        overleg = route.get("overleg")
        if not overleg:
            continue
        section = public.find(id=f"route-{route['id']}").find_next("div", class_="mw-overleg")
        for lid in overleg.get("leden", []):
            assert lid in _text(section)
        for criterium in overleg.get("criteria", []):
            assert criterium in _text(section)
        secret = overleg.get("intern", {})
        block = intern.find(id=f"route-{route['id']}").find_next(
            "div", class_="mw-overleg").select_one(".mw-overleg__intern")
        assert block is not None and section.select_one(".mw-overleg__intern") is None
        for value in [secret.get("adres"), *secret.get("namen", [])]:
            if value:
                assert value in _text(block) and value not in public.decode()
        for day in secret.get("data", []):
            shown = datum_filter(dt.date.fromisoformat(str(day)))
            assert (shown in _text(block)) == (dt.date.fromisoformat(str(day)) >= BUILD_DAY)
            assert shown not in _text(public)
    # An internal contact named in a step is left out of the public step only.
    casus = data["routes"][0]
    step = next(s for s in casus["stappen"] if "casusoverleg" in s.get("bellen", []))
    name = _yaml(ROOT / "routekaarten/regio.yml")["contacten"]["casusoverleg"]["naam"]
    assert name not in _text(public.find(id=f"{casus['id']}-{step['id']}"))
    assert name in _text(intern.find(id=f"{casus['id']}-{step['id']}"))


def test_a_region_without_casusoverleg_and_with_a_regiegroep(
        regiegroep: dict[str, Build]) -> None:
    public, intern = regiegroep["publiek"], regiegroep["intern"]
    data = _yaml(REGIEGROEP / "routekaarten/bestuurlijk.yml")
    rol = _yaml(REGIEGROEP / "routekaarten/regio.yml")["rolnaam"]
    routes = public.article("bestuurlijk/routes.html")
    titles = [_text(h) for h in routes.find_all("h2")]
    visible = [r["titel"] for r in data["routes"] if r.get("zichtbaarheid") != "intern"]
    assert titles == visible
    assert [_text(h) for h in intern.article("bestuurlijk/routes.html").find_all("h2")] == [
        r["titel"] for r in data["routes"]]
    assert "casusoverleg" not in _text(routes).lower()
    assert _text(routes.find("h1")) == f"Na de {rol}"
    # Only the region's own barriers (standaard_barrieres: nee).
    model = public.article("bestuurlijk/barrieremodel.html")
    assert [h["id"] for h in model.select("h3[id^=barriere-]")] == [
        f"barriere-{b['id']}" for b in sorted(
            data["barrieres"], key=lambda b: ["entree", "identiteit", "huisvesting", "werk",
                                              "financien"].index(b["stap"]))]
    overview = public.article("bestuurlijk/index.html")
    rows = {_text(tr.th).split(" (")[0]: _text(tr) for tr in overview.select("tbody tr")}
    assert "Nog niet beoordeeld" in rows["Zandvoorde"]
    assert "ouder dan 90 dagen" in rows["Duinwijk"]
    page = _text(public.article("bestuurlijk/aandachtfunctionaris.html"))
    for taak in data["aandachtfunctionaris"]["taken"]:
        assert taak in page
    assert "aandachtfunctionaris" not in page
    # The internal contact of the regiegroep: its address only on the internal role page.
    secretariaat = _yaml(REGIEGROEP / "routekaarten/regio.yml")["contacten"]["regiegroep"]
    assert secretariaat["email"] in intern.html("bestuurlijk/aandachtfunctionaris.html").decode()
    assert secretariaat["email"] not in public.html(
        "bestuurlijk/aandachtfunctionaris.html").decode()


def test_the_navigation_has_a_section_without_the_municipality_pages(
        example_site: Build) -> None:
    generated = generate(ROOT, Options())
    section = next(e["Bestuurlijke aanpak"] for e in generated.nav
                   if isinstance(e, dict) and "Bestuurlijke aanpak" in e)
    uris = nav_uris(section)
    assert "bestuurlijk/index.md" in uris and "bestuurlijk/barrieremodel.md" in uris
    assert not [u for u in nav_uris(generated.nav) if u.startswith("bestuurlijk/gemeenten/")]
    sidebar = example_site.html("index.html").select_one(".md-sidebar--primary").decode()
    assert "bestuurlijk/index.html" in sidebar and "bestuurlijk/gemeenten/" not in sidebar


def test_a_region_without_it_builds_unchanged(klein_site: Build) -> None:
    assert not (klein_site.site / "bestuurlijk").exists()
    assert not (klein_site.site / "api/v1/bestuurlijk.json").exists()
    index = json.loads((klein_site.site / "api/v1/index.json").read_text("utf-8"))
    assert index["bestuurlijk"] is None
    assert "Bestuurlijke aanpak" not in klein_site.html("index.html").select_one(
        ".md-sidebar--primary").get_text()
    assert "bestuurlijk" not in klein_site.article("index.html").decode()


def test_open_data_holds_the_public_part_and_validates(example_site: Build) -> None:
    base = example_site.site / "api/v1"
    index = json.loads((base / "index.json").read_text("utf-8"))
    data = json.loads((base / index["bestuurlijk"]).read_text("utf-8"))
    schema = json.loads((base / "schema/bestuurlijk.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    blocks = _blocks(ROOT)
    assert sorted(g["slug"] for g in data["gemeenten"]) == sorted(blocks)
    assert sorted(data["nog_niet_beoordeeld"]) == sorted(set(_names(ROOT)) - set(blocks))
    for gemeente in data["gemeenten"]:
        assert gemeente["beoordeeld"] == str(blocks[gemeente["slug"]]["beoordeeld"])
    signals = json.loads((base / "signalen.json").read_text("utf-8"))["signalen"]
    assert [s["barrieres"] for s in signals] == [s.get("barrieres", [])
                                                 for s in _signals(ROOT)]
    text = json.dumps(data, ensure_ascii=False)
    for route in _yaml(ROOT / "routekaarten/bestuurlijk.yml")["routes"]:
        for value in [(route.get("overleg") or {}).get("intern", {}).get("adres"),
                      *(route.get("overleg") or {}).get("intern", {}).get("namen", [])]:
            assert not value or value not in text


def test_check_names_where_an_internal_meeting_value_is_written(klein_project: Path) -> None:
    (klein_project / "routekaarten/bestuurlijk.yml").write_text(
        "routes:\n  - id: regiegroep\n    titel: Regiegroep\n    overleg:\n      naam: "
        "Regiegroep\n      intern:\n        namen: [Henk Achterkamer]\n    stappen:\n"
        "      - id: inbrengen\n        titel: Breng het in\n        wie: Coördinator\n",
        "utf-8")
    file = klein_project / "routekaarten/gemeenten/westerdorp.yml"
    file.write_text(file.read_text("utf-8") + "bestuurlijk:\n  beoordeeld: 2026-10-01\n"
                    "  inleiding: Vraag het Henk Achterkamer.\n", "utf-8")
    errors = leaks_in(generate(klein_project, Options(vandaag=BUILD_DAY)))
    assert [(e.file, e.line, e.path) for e in errors] == [
        ("routekaarten/bestuurlijk.yml", 7, "routes[0].overleg.intern.namen[0]")]


def test_training_figures_fill_the_share_trained_where_they_are_newer() -> None:
    site = check(ROOT, Options(vandaag=BUILD_DAY))
    assert site.bestuurlijk is not None
    blocks = _blocks(ROOT)
    by_hand = {s: b["signalering"]["getraind"] for s, b in blocks.items()
               if (b.get("signalering") or {}).get("getraind")}
    without = next(s for s, b in blocks.items() if not (b.get("signalering") or {}).get(
        "getraind"))
    older, newer = sorted(by_hand)[:2]
    figures = {
        without: ResolvedGetraind(61, 2026, "Trainingscijfers", None, uit_cijfers=True),
        older: ResolvedGetraind(11, int(by_hand[older]["jaar"]) - 1, "Trainingscijfers", None,
                                uit_cijfers=True),
        newer: ResolvedGetraind(12, int(by_hand[newer]["jaar"]), "Trainingscijfers", None,
                                uit_cijfers=True),
        next(iter(set(_names(ROOT)) - set(blocks))): ResolvedGetraind(
            90, 2026, "Trainingscijfers", None, uit_cijfers=True),
    }
    result = with_training_figures(site.bestuurlijk, figures)

    def share(slug: str) -> int | None:
        page = result.pagina(slug)
        assert page is not None
        eis = next(e for e in page.eisen if e.id == "signalering")
        return eis.getraind.percentage if eis.getraind else None

    assert share(without) == 61  # none by hand: the counted figure
    assert share(older) == int(by_hand[older]["percentage"])  # the hand figure is newer
    assert share(newer) == 12  # the same year: the counted figure
    assert [r.bestuur is None for r in result.regels] == [r.bestuur is None
                                                          for r in site.bestuurlijk.regels]


def test_check_and_the_build_agree_on_a_broken_reference(klein_project: Path) -> None:
    file = klein_project / "routekaarten/signalen.yml"
    file.write_text(file.read_text("utf-8").replace(
        "  werkvelden: [balie]\n", "  werkvelden: [balie]\n  barrieres: [bibop]\n", 1), "utf-8")
    (klein_project / "routekaarten/bestuurlijk.yml").write_text("barrieres: []\n", "utf-8")
    with pytest.raises(DataErrors) as caught:
        check(klein_project, Options(vandaag=BUILD_DAY))
    message = str(caught.value.errors[0])
    assert message.startswith("routekaarten/signalen.yml:4: [0].barrieres[0]:")
    assert "Bedoel je 'bibob'?" in message
    build = run_mkdocs(klein_project, klein_project / "out")
    assert build.returncode != 0 and message in build.log


def test_two_builds_of_the_second_region_are_byte_identical(tmp_path: Path) -> None:
    project = copy_project(REGIEGROEP, tmp_path / "project")
    first = run_mkdocs(project, tmp_path / "een", env={"PYTHONHASHSEED": "1"})
    second = run_mkdocs(project, tmp_path / "twee", env={"PYTHONHASHSEED": "2"})
    assert first.returncode == 0 and second.returncode == 0, first.log + second.log
    a, b = snapshot(first.site), snapshot(second.site)
    assert a.keys() == b.keys() and [n for n in a if a[n] != b[n]] == []
    assert "api/v1/bestuurlijk.json" in a and "bestuurlijk/routes.html" in a


def test_the_export_has_the_pages_with_municipality_pages_out_of_the_nav(
        tmp_path: Path) -> None:
    project = copy_project(REGIEGROEP, tmp_path / "project")
    result = subprocess.run(
        [sys.executable, "-m", "meldwijzer", "--map", str(project), "export",
         str(tmp_path / "export")], capture_output=True, text=True, check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": PYTHONPATH, "SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr
    docs = tmp_path / "export/docs/bestuurlijk"
    assert sorted(p.name for p in docs.glob("*.md")) == [
        "aandachtfunctionaris.md", "barrieremodel.md", "index.md", "routes.md"]
    assert sorted(p.stem for p in (docs / "gemeenten").glob("*.md")) == sorted(
        _blocks(REGIEGROEP))
    config = yaml.safe_load((tmp_path / "export/mkdocs.yml").read_text("utf-8"))
    assert "/bestuurlijk/gemeenten/havenstad.md" in config["not_in_nav"]
    assert "bestuurlijk/index.md" in nav_uris(config["nav"])
