"""Open data (api/v1) and the editors' guide in the built site."""

from __future__ import annotations

import json

import jsonschema
import yaml

from helpers import ROOT, Build, keyed_as_maps
from test_build import internal_values


def api(build: Build, path: str) -> object:
    return json.loads((build.site / "api" / "v1" / path).read_text("utf-8"))


def test_open_data_validates_against_its_own_schemas(example_site: Build) -> None:
    schema = {name: api(example_site, f"schema/{name}.schema.json")
              for name in ("index", "gemeente", "signalen", "contacten")}
    index = api(example_site, "index.json")
    jsonschema.validate(index, schema["index"])
    assert index["versie"] == "v1" and index["datum"] == "2026-11-01"
    assert len(index["gemeenten"]) == len(list((ROOT / "routekaarten/gemeenten").glob("*.yml")))
    for entry in index["gemeenten"]:
        jsonschema.validate(api(example_site, entry["gegevens"]), schema["gemeente"])
    jsonschema.validate(api(example_site, "signalen.json"), schema["signalen"])
    jsonschema.validate(api(example_site, "contacten.json"), schema["contacten"])


def test_a_municipality_file_holds_its_route_as_data(example_site: Build) -> None:
    slug = sorted(p.stem for p in (ROOT / "routekaarten/gemeenten").glob("*.yml"))[0]
    data = api(example_site, f"gemeenten/{slug}.json")
    regio = keyed_as_maps(yaml.safe_load((ROOT / "routekaarten/regio.yml").read_text("utf-8")))
    route = data["routes"][0]
    assert [s["id"] for s in route["stappen"]] == [s["id"] for s in regio["routes"][0]["stappen"]]
    for step in route["stappen"]:
        for contact in step["bellen"]:
            assert contact in data["contacten"]
        for keuze in step["keuzes"]:
            assert keuze["naar"] in [s["id"] for s in route["stappen"]]
    assert data["contacten"]["veilig-thuis"]["tel"] == "tel:+318002000"


def test_open_data_holds_no_internal_value(example_site: Build) -> None:
    secrets = internal_values(ROOT)
    for file in (example_site.site / "api").rglob("*.json"):
        text = file.read_text("utf-8")
        assert not [s for s in secrets if s in text], file


def test_editors_guide_is_built_but_not_in_the_main_navigation(example_site: Build) -> None:
    guide = example_site.article("redacteuren/foutmeldingen.html")
    messages = [li.get_text() for li in guide.select(".mw-fouten li")]
    assert any("Bedoel je 'telefoon'?" in m for m in messages)
    assert example_site.article("redacteuren/gegevens.html").find(
        "a", href="../schemas/regio.schema.json") is not None
    nav = example_site.html("index.html").select_one("nav.md-nav--primary")
    assert "redacteuren/" not in str(nav)
    assert (example_site.site / "schemas" / "regio.schema.json").is_file()


def test_the_internal_build_publishes_no_open_data(example_intern: Build) -> None:
    assert not (example_intern.site / "api").exists()
    assert (example_intern.site / "schemas" / "regio.schema.json").is_file()
