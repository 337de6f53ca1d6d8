"""The browser editor's configuration against the data contract: every field of every model is
in the editor (a new contract field appears there, or this test fails), the region's own
choices are offered, every value the example data holds passes the form's patterns, and the
page and bundle are published only where they belong."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import json
import re
import shutil
import tarfile
from pathlib import Path
from typing import Any, get_args, get_origin

import markupsafe
import pytest
import yaml
from pydantic import BaseModel

from helpers import FIXTURES, ROOT, Build, copy_project, keyed_as_maps, run_mkdocs
from meldwijzer import beheer, beheer_bundel, beheer_pagina
from meldwijzer.audit import site_texts
from meldwijzer.beheer_instellingen import BeheerFout, settings
from meldwijzer.bestuurlijk import Bestuur
from meldwijzer.build import generate
from meldwijzer.campagne import Campagne, VerhaalKop
from meldwijzer.errors import DataErrors
from meldwijzer.models import Gemeente, Regio, Signaal
from meldwijzer.site import Options
from meldwijzer.trainingen import DeelKop, Module
from meldwijzer.validate import unwrap


def _config(project: Path = ROOT, **options: Any) -> dict[str, Any]:
    generated = generate(project, Options(site_url="https://meldwijzer.example.org/", **options))
    loaded: dict[str, Any] = yaml.safe_load(generated.files["beheer/config.yml"])
    return loaded


def model_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every field path of a model, walked independently of the generator; maps keyed by
    id are lists of blocks with an ``id`` in the editor (contract 1.2)."""
    out = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        out.add(path)
        kind = unwrap(info.annotation)
        if get_origin(kind) is dict:
            out.add(f"{path}.id")
            value = unwrap(get_args(kind)[1])
            if isinstance(value, type) and issubclass(value, BaseModel):
                out |= model_paths(value, f"{path}.")
            else:
                out.add(f"{path}.naam")
            continue
        if get_origin(kind) is list:
            kind = unwrap(get_args(kind)[0])
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            out |= model_paths(kind, f"{path}.")
    return out


def _collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


def _file(config: dict[str, Any], collection: str, name: str) -> dict[str, Any]:
    return next(f for f in _collection(config, collection)["files"] if f["name"] == name)


def test_every_field_of_the_contract_is_in_the_editor() -> None:
    config = _config()
    signalen = _file(config, "regio", "signalen")["fields"]
    assert [f["name"] for f in signalen] == ["signalen"]
    parts = [c for c in config["collections"] if c["name"].startswith("delen-")]
    assert len(parts) == len([p for p in (ROOT / "trainingen").iterdir() if p.is_dir()])
    expected = [
        (Regio, _file(config, "regio", "regio")["fields"]),
        (Signaal, signalen[0]["fields"]),
        (Bestuur, _file(config, "regio", "bestuurlijk")["fields"]),
        (Gemeente, _collection(config, "gemeenten")["fields"]),
        (Campagne, _file(config, "campagne", "campagne")["fields"]),
        (VerhaalKop, [f for f in _collection(config, "verhalen")["fields"]
                      if f["name"] != "body"]),
        (Module, _collection(config, "trainingen")["fields"]),
        *((DeelKop, [f for f in part["fields"] if f["name"] != "body"]) for part in parts),
    ]
    for model, fields in expected:
        in_editor = set(beheer.walk(fields))
        assert in_editor == model_paths(model), (
            model.__name__, sorted(in_editor ^ model_paths(model)))


def test_a_new_kind_of_field_needs_a_widget() -> None:
    """A field type the editor does not know stops the build of the configuration, instead of
    leaving the field out of the editor."""
    from pydantic import Field

    class Nieuw(BaseModel):
        onbekend: complex = Field(description="x")

    with pytest.raises(TypeError, match="no editor widget"):
        beheer.Fields({}).of(Nieuw)


def test_the_regions_own_choices_are_offered() -> None:
    config = _config()
    regio_data = keyed_as_maps(yaml.safe_load((ROOT / "routekaarten/regio.yml").read_text(
        "utf-8")))
    assert isinstance(regio_data, dict)
    signaal = {f["name"]: f for f in _file(config, "regio", "signalen")["fields"][0]["fields"]}
    werkvelden = signaal["werkvelden"]
    assert werkvelden["widget"] == "mw-keuze" and werkvelden["multiple"] is True
    assert [o["value"] for o in werkvelden["options"]] == list(regio_data["werkvelden"])
    assert any(o["label"].startswith(regio_data["werkvelden"]["burgerzaken"])
               for o in werkvelden["options"])
    vormen = [o["value"] for o in signaal["vormen"]["options"]]
    assert "arbeidsuitbuiting" in vormen
    campagne = _file(config, "campagne", "campagne")["fields"]
    stop = next(f for f in campagne if f["name"] == "tentoonstelling")["fields"]
    gemeente = next(f for f in stop if f["name"] == "gemeente")
    slugs = sorted(p.stem for p in (ROOT / "routekaarten/gemeenten").glob("*.yml"))
    assert sorted(o["value"] for o in gemeente["options"]) == slugs
    regio = {f["name"]: f for f in _file(config, "regio", "regio")["fields"]}
    # Contacts come from the repository after login, not from this public file.
    assert regio["kernnummers"]["widget"] == "mw-keuze"
    assert regio["kernnummers"]["mw_bron"] == "contacten"
    assert regio["kernnummers"]["options"] == []
    contact = {f["name"]: f for f in regio["contacten"]["fields"]}
    assert contact["telefoon"]["widget"] == "mw-telefoon" and "pattern" not in contact["telefoon"]
    assert contact["gecontroleerd"]["widget"] == "mw-datum"
    assert contact["gecontroleerd"]["format"] == "YYYY-MM-DD"
    assert contact["gecontroleerd"]["mw_niet_in_toekomst"] is True
    assert "required" not in contact["naam"] and contact["telefoon"]["required"] is False
    assert contact["zichtbaarheid"]["default"] == "publiek"
    # Hints are the contract's Dutch descriptions, without notes for developers.
    assert all("ontract 1." not in json.dumps(f, ensure_ascii=False)
               for f in _file(config, "regio", "regio")["fields"])
    # Markdown previews are sanitised: a story's text never runs as code in the editor.
    markdown = [f for f in _walk_fields(config) if f.get("widget") in ("markdown",
                                                                         "mw-markdown")]
    assert markdown and all(f.get("sanitize_preview") is True for f in markdown)


def _walk_fields(config: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def visit(fields: list[dict[str, Any]]) -> None:
        for field in fields:
            out.append(field)
            visit(field.get("fields", []))
    for collection in config["collections"]:
        visit(collection.get("fields", []))
        for file in collection.get("files", []):
            visit(file["fields"])
    return out


def test_the_configuration_is_plain_yaml_and_data_stays_text(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "klein", tmp_path / "p")
    regio = project / "routekaarten/regio.yml"
    hostile = "Balie <img src=x onerror=alert(1)> &anker *alias !!python/object {{slug}}"
    regio.write_text(regio.read_text("utf-8").replace("balie: Balie", f"balie: '{hostile}'"),
                     "utf-8")
    text = generate(project, Options()).files["beheer/config.yml"].decode("utf-8")
    assert not re.search(r"(?m)(^|\s)[&*!][A-Za-z]", text.replace(hostile, "")), \
        "no anchors, aliases or tags"
    config = yaml.safe_load(text)
    options = _file(config, "regio", "signalen")["fields"][0]["fields"]
    werkvelden = next(f for f in options if f["name"] == "werkvelden")["options"]
    assert {"label": f"{hostile} (balie)", "value": "balie"} in werkvelden


def test_the_bundle_is_pinned_in_one_place() -> None:
    package = json.loads((ROOT / "package.json").read_text("utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text("utf-8"))
    for pakket in beheer_bundel.PAKKETTEN:
        assert package["devDependencies"][pakket.naam] == pakket.versie
        entry = lock["packages"][f"node_modules/{pakket.naam}"]
        assert (entry["version"], entry["integrity"]) == (pakket.versie, pakket.integriteit)


def _tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


class _Response(io.BytesIO):
    def __enter__(self) -> _Response:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()


def test_fetching_a_package_checks_its_integrity(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MELDWIJZER_DECAP", str(tmp_path / "decap"))
    data = _tarball({"package/dist/decap-cms.js": b"window.CMS = {};",
                     "package/dist/1.decap-cms.js": b"chunk",
                     "package/dist/decap-cms.js.map": b"map",
                     "package/dist/../../buiten.js": b"escape",
                     "package/package.json": b"{}"})
    with pytest.raises(BeheerFout, match="controlesom"):
        beheer_bundel.DECAP.fetch(tmp_path, opener=lambda url, timeout: _Response(data))
    assert not (tmp_path / "decap").exists()
    digest = base64.b64encode(hashlib.sha512(data).digest()).decode()
    pinned = dataclasses.replace(beheer_bundel.DECAP, integriteit=f"sha512-{digest}",
                                 controlesommen=(
        ("decap-cms.js", hashlib.sha256(b"window.CMS = {};").hexdigest()),
        ("1.decap-cms.js", hashlib.sha256(b"chunk").hexdigest())))
    folder = pinned.fetch(tmp_path, opener=lambda url, timeout: _Response(data))
    assert sorted(p.name for p in folder.iterdir()) == ["1.decap-cms.js", "decap-cms.js"]
    assert pinned.find(tmp_path)[0] == folder
    assert not (tmp_path.parent / "buiten.js").exists()
    wrong = dataclasses.replace(pinned, controlesommen=(("decap-cms.js", "0" * 64),))
    with pytest.raises(BeheerFout, match="niet precies"):
        wrong.fetch(tmp_path, opener=lambda url, timeout: _Response(data))
    assert pinned.find(tmp_path)[0] == folder, "a failed fetch leaves the cache as it was"


def test_wrong_editor_settings_are_a_dutch_error(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "klein", tmp_path / "p")
    with pytest.raises(DataErrors) as caught:
        generate(project, Options(beheer={"backend": "bitbucket", "repo": "a/b"}))
    report = caught.value.report()
    assert "mkdocs.yml:1: extra.beheer: backend: " in report
    assert "gitlab, github" in report or "'gitlab'" in report


def test_the_public_site_has_the_editor_and_the_internal_one_does_not(
        example_site: Build, example_intern: Build) -> None:
    editor = example_site.site / "beheer"
    page = (editor / "index.html").read_text("utf-8")
    assert '<script src="laden.js"></script>' in page
    assert '"decap/decap-cms.js"' in (editor / "laden.js").read_text("utf-8")
    assert (editor / "../assets/images/favicon.png").resolve().is_file()
    assert 'name="robots" content="noindex, nofollow"' in page
    assert "default-src 'self'" in page and "<script>" not in page
    files, problems = beheer_bundel.published(ROOT)
    assert not problems and files
    for path, source in files.items():
        assert (example_site.site / path).read_bytes() == source.read_bytes()
    assert not any(p.suffix == ".map" for p in (editor / "decap").iterdir())
    assert (editor / "yaml/browser/dist/index.js").is_file()
    for name in ("config.yml", "voorbeeld.js", "editor.js", "opmaak.js", "regels.js",
                 "regels.json"):
        assert (editor / name).is_file(), name
    assert not (example_intern.site / "beheer").exists()
    # The preview uses the site's own stylesheets, which exist.
    styles = re.search(r'name="mw-voorbeeldstijlen" content="([^"]*)"', page)
    assert styles is not None
    for href in styles.group(1).split():
        assert (editor / href).resolve().is_file(), href


def test_the_git_host_is_allowed_by_the_page_and_nothing_else(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "klein", tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("extra:\n", (
        "extra:\n  beheer:\n    backend: gitlab\n    repo: regio/meldwijzer\n"
        "    base_url: https://git.regio.example\n"
        "    api_root: https://git.regio.example/api/v4\n    app_id: abc123\n"), 1), "utf-8")
    build = run_mkdocs(project, tmp_path / "site")
    assert build.returncode == 0, build.log
    page = (build.site / "beheer/index.html").read_text("utf-8")
    policy = re.search(r'Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None
    connect = next(d for d in policy.group(1).split("; ") if d.startswith("connect-src"))
    assert connect.split()[1:] == ["'self'", "blob:", "http://127.0.0.1:8081",
                                   "https://git.regio.example", "https://gitlab.com"]
    assert 'role="status"' not in page  # configured: no notice
    config_data = yaml.safe_load((build.site / "beheer/config.yml").read_text("utf-8"))
    assert config_data["backend"]["repo"] == "regio/meldwijzer"
    assert config_data["backend"]["api_root"] == "https://git.regio.example/api/v4"
    assert config_data["publish_mode"] == "editorial_workflow"


@pytest.mark.parametrize(("settings", "message"), [
    ({"backend": "gitlab", "repo": "a/b", "app_id": "x",
      "base_url": "https://git.example:{{SITE}}"}, "base_url: gebruik een gewoon adres"),
    ({"backend": "gitlab", "repo": "a/b", "app_id": "x",
      "base_url": "https://git.example:443;object-src *"}, "base_url: "),
    ({"backend": "gitlab", "repo": "a/b", "app_id": "x",
      "api_root": "https://git.example/api/v4'; script-src *"}, "api_root: "),
    ({"backend": "gitlab", "repo": "a/b"}, "app_id ontbreekt"),
    ({"backend": "github", "repo": "a/b"}, "base_url ontbreekt"),
])
def test_settings_that_could_change_the_policy_or_log_in_elsewhere_are_refused(
        tmp_path: Path, settings: dict[str, str], message: str) -> None:
    """The Git server's address goes into the page's security policy: only a plain https
    address is taken. Without app_id (GitLab) or an OAuth service (GitHub) Decap would log
    in through Netlify: refused too."""
    project = copy_project(FIXTURES / "klein", tmp_path / "p")
    with pytest.raises(DataErrors) as caught:
        generate(project, Options(beheer=settings))
    report = caught.value.report()
    assert f"mkdocs.yml:1: extra.beheer: {message}" in report, report
    assert ".." not in report


def test_the_page_substitutes_once(tmp_path: Path) -> None:
    """A site name that looks like a placeholder stays text: it cannot pull the policy's
    hosts (or anything else) into the page."""
    linked = settings({"backend": "gitlab", "repo": "a/b", "app_id": "x",
                              "base_url": "https://git.regio.example"})
    page = beheer_pagina.page("Regio {{HOSTS}} {{NOTICE}} <script>", linked, [], True)
    assert "<title>Beheer: Regio {{HOSTS}} {{NOTICE}} &lt;script&gt;</title>" in page
    assert '<meta name="mw-gekoppeld" content="ja">' in page
    unlinked = beheer_pagina.page("Regio", None, [], True)
    assert '<meta name="mw-gekoppeld" content="nee">' in unlinked
    assert "Vraag de beheerder" in unlinked


def test_a_region_name_from_the_data_is_escaped_once_in_the_editors_page(
        tmp_path: Path) -> None:
    """The name taken from regio.yml reaches the theme already escaped (Markup, see
    mkdocs_adapter._apply_look); the editor's page must not escape it again, or a reader
    sees "&amp;" in the tab's title."""
    plain = beheer_pagina.page("Gooi & <b>Vecht</b>", None, [], True)
    escaped = beheer_pagina.page(markupsafe.escape("Gooi & <b>Vecht</b>"), None, [], True)
    title = "<title>Beheer: Gooi &amp; &lt;b&gt;Vecht&lt;/b&gt;</title>"
    assert title in plain and title in escaped


def test_a_changed_bundle_is_not_published(tmp_path: Path) -> None:
    """The bundle's files are checked against the digests shipped with meldwijzer: a changed
    file in the cache (a planted script) keeps the editor off the site, with a warning."""
    source = beheer_bundel.bundle_folder(ROOT)
    assert source is not None and beheer_bundel.bundle_problem(source) is None
    planted = tmp_path / "decap"
    shutil.copytree(source, planted)
    (planted / "decap-cms.js").write_bytes((planted / "decap-cms.js").read_bytes()
                                           + b"\nfetch('https://elders.example/');\n")
    project = copy_project(FIXTURES / "klein", tmp_path / "p")
    build = run_mkdocs(project, tmp_path / "site", strict=False,
                       env={"MELDWIJZER_DECAP": str(planted)})
    assert build.returncode == 0, build.log
    assert "decap-cms.js wijkt af van het vastgezette pakket" in build.log
    assert not (build.site / "beheer" / "decap").exists()
    assert "elders.example" not in "".join(
        p.read_text("utf-8", "replace") for p in build.site.rglob("*.js"))


def test_no_internal_contact_id_reaches_a_public_file(tmp_path: Path) -> None:
    """An internal contact named after a person (the id an editor would naturally choose),
    referred to from a route and a role: its id is in no file of the public site, the
    editor's configuration included (the editor offers contacts from the repository after
    login), while the internal site still uses it."""
    project = copy_project(FIXTURES / "klein", tmp_path / "p")
    regio = project / "routekaarten" / "regio.yml"
    text = regio.read_text("utf-8")
    text = text.replace("contacten:\n", "contacten:\n  fatima-el-amrani:\n"
                        "    naam: Coördinator zorg (intern)\n"
                        "    email: zorg-intern@voorbeeld.nl\n    zichtbaarheid: intern\n"
                        "    gecontroleerd: 2026-10-01\n", 1)
    text = text.replace("bellen: [aandachtfunctionaris, geheim]",
                        "bellen: [aandachtfunctionaris, geheim, fatima-el-amrani]", 1)
    assert "fatima-el-amrani]" in text
    regio.write_text(text, "utf-8")
    public = run_mkdocs(project, tmp_path / "site")
    assert public.returncode == 0, public.log
    spellings = ("fatima-el-amrani", "fatima_el_amrani", "fatima%2del%2damrani",
                 "fatima&#45;el", "fatimaelamrani")
    found = [f"{name}: {s}" for name, text, _, _ in site_texts(public.site)
             for s in spellings if s in text.lower()]
    assert not found, found
    assert (public.site / "beheer" / "config.yml").is_file()
    intern = run_mkdocs(project, tmp_path / "intern", profiel="intern")
    assert intern.returncode == 0, intern.log
    assert any("fatima-el-amrani" in text for _, text, _, _ in site_texts(intern.site))
