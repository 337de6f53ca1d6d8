"""The region's look (huisstijl, contract 1.3): colours and contrast, SVG logos rebuilt from
shapes, NL Design System tokens, and what a build publishes for both example looks."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from helpers import NLDS_PACKAGE, ROOT, Build, run_mkdocs, soup
from meldwijzer import huisstijl, kleur, tokens
from meldwijzer.errors import ErrorLog
from meldwijzer.kleur import AA_TEXT, Kleur, contrast
from meldwijzer.models import Huisstijl
from meldwijzer.svglogo import LogoFout, sanitise

SVG = "http://www.w3.org/2000/svg"


# Colours and contrast


@pytest.mark.parametrize(("text", "expected"), [
    ("#1a5e9a", "#1a5e9a"), ("#FFF", "#ffffff"), ("rgb(0, 90, 160)", "#005aa0"),
    ("rgb(0 90 160 / 100%)", "#005aa0"), ("hsl(211 60% 35%)", "#24578f"),
    ("hsl(0, 100%, 40%)", "#cc0000"), ("white", "#ffffff"),
])
def test_colour_notations_of_css_and_the_tokens_packages(text: str, expected: str) -> None:
    assert kleur.parse(text).hex == expected


@pytest.mark.parametrize("text", ["blauw", "#12345", "rgb(1,2)", "url(x)", "#1a5e9a;}",
                                  "var(--x)", "rgb(1,2,3);background:url(//x)"])
def test_what_is_not_a_colour_is_refused_in_dutch(text: str) -> None:
    with pytest.raises(kleur.KleurFout, match="is geen kleur"):
        kleur.parse(text)


def test_contrast_ratios_of_wcag() -> None:
    assert contrast(kleur.ZWART, kleur.WIT) == pytest.approx(21)
    # #767676 is the lightest grey that passes 4.5:1 on white; #777777 fails.
    assert contrast(kleur.parse("#767676"), kleur.WIT) >= AA_TEXT
    assert contrast(kleur.parse("#777777"), kleur.WIT) < AA_TEXT
    half_black = Kleur(0, 0, 0, 0.5)
    assert contrast(half_black, kleur.WIT) == pytest.approx(
        contrast(kleur.parse("#808080"), kleur.WIT), rel=0.02)


channels = st.integers(min_value=0, max_value=255)
colours = st.builds(Kleur, channels, channels, channels)


@settings(max_examples=200, deadline=None)
@given(colours, colours, st.sampled_from([3.0, 4.5]))
def test_a_suggested_colour_passes(front: Kleur, back: Kleur, minimum: float) -> None:
    better = kleur.voorstel(front, back, minimum)
    assert contrast(better, back) >= minimum or better in (kleur.ZWART, kleur.WIT)
    assert contrast(kleur.leesbaar_op(back), back) >= AA_TEXT


# The palette and its pairs


def _fouten(root: Path) -> tuple[ErrorLog, huisstijl._Fouten]:
    log = ErrorLog(root)
    return log, huisstijl._Fouten(log, root / "routekaarten" / "regio.yml", lambda path: 7)


def _passes(kleuren: dict[str, str]) -> list[str]:
    return [f"{p.voor} op {p.achter}" for p in huisstijl.PAREN
            if contrast(kleur.parse(kleuren[p.voor]), kleur.parse(kleuren[p.achter]))
            < p.minimum]


def test_the_stock_look_passes_every_pair() -> None:
    look = huisstijl.stock_look()
    assert set(look.kleuren) == set(huisstijl.ROLLEN)
    assert _passes(look.kleuren) == []


@settings(max_examples=60, deadline=None)
@given(colours)
def test_colours_derived_from_any_primary_colour_pass(primair: Kleur) -> None:
    """Only the primary colour given: every derived pair passes, or the error names
    kleuren.primair (the colour itself is too light for the route line)."""
    log, fouten = _fouten(Path("/nergens"))
    look = huisstijl._resolve(Path("/nergens"), Huisstijl.model_validate(
        {"kleuren": {"primair": primair.hex}}), fouten)
    failing = _passes(look.kleuren)
    if failing:
        assert [e.path for e in log] == ["huisstijl.kleuren.primair"]
    else:
        assert list(log) == []


def test_a_failing_pair_names_the_key_the_pair_and_a_passing_colour() -> None:
    log, fouten = _fouten(Path("/nergens"))
    huisstijl._resolve(Path("/nergens"), Huisstijl.model_validate(
        {"kleuren": {"primair": "#0f6b66", "link": "#7fa7ff"}}), fouten)
    (error,) = list(log)
    assert error.path == "huisstijl.kleuren.link" and error.line == 7
    found = re.search(r'#7fa7ff op (#[0-9a-f]{6}) is (\d+,\d):1, nodig is 4,5:1.*'
                      r'Kies bijvoorbeeld "(#[0-9a-f]{6})"', error.message)
    assert found, error.message
    back, better = kleur.parse(found.group(1)), kleur.parse(found.group(3))
    assert contrast(better, back) >= AA_TEXT
    assert contrast(better, kleur.WIT) >= AA_TEXT  # passes every pair of the role


# SVG logos


GOOD_LOGO = b"""<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="120" height="40"
     inkscape:version="1.3" data-name="Laag 1">
  <!-- made with an editor -->
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#123456"/></linearGradient></defs>
  <g style="fill:#aa0000;cursor:pointer" inkscape:label="laag">
    <path d="M0 0h10v10z" fill="url(#g)"/><use xlink:href="#g"/>
  </g>
  <text x="50" y="30" font-family="'Noto Sans', sans-serif">Regio &amp; co</text>
</svg>"""


def test_a_logo_keeps_its_shapes_and_loses_the_editors_bookkeeping() -> None:
    clean = sanitise(GOOD_LOGO)
    root = ET.fromstring(clean)
    tags = [el.tag.split("}")[1] for el in root.iter()]
    assert tags == ["svg", "defs", "linearGradient", "stop", "g", "path", "use", "text"]
    assert root.get("viewBox") == "0 0 120 40"
    text = clean.decode()
    for gone in ("inkscape", "metadata", "data-name", "cursor", "<!--", "DOCTYPE"):
        assert gone not in text
    assert 'fill="url(#g)"' in text and "Regio &amp; co" in text


HOSTILE_LOGOS = {
    "script": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "onload": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" onload="alert(1)"/>',
    "foreignObject": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
                     b'<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p>'
                     b"</foreignObject></svg>",
    "image": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
             b'<image href="https://elders.example/x.png"/></svg>',
    "link": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
            b'<a href="javascript:alert(1)"><rect/></a></svg>',
    "animation": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
                 b'<set attributeName="href" to="javascript:alert(1)"/></svg>',
    "style-element": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
                     b"<style>@import url(https://elders.example/x.css)</style></svg>",
    "style-url": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
                 b'<rect style="fill:url(https://elders.example/#a)"/></svg>',
    "external-paint": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
                      b'<rect fill="url(https://elders.example/p.svg#a)"/></svg>',
    "two-paints": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
                  b'<rect fill="url(#a) url(x.svg)"/></svg>',
    "external-use": b'<svg xmlns="http://www.w3.org/2000/svg" '
                    b'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 1 1">'
                    b'<use xlink:href="https://elders.example/s.svg#a"/></svg>',
    "entity": b'<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
              b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">&b;</svg>',
    "external-entity": b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                       b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">&x;</svg>',
    "html": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
            b'<div xmlns="http://www.w3.org/1999/xhtml" onclick="alert(1)"/></svg>',
    "script-value": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
                    b'<rect fill="javascript:alert(1)"/></svg>',
    "not-svg": b"<html><body>logo</body></html>",
    "no-size": b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>',
    "broken": b'<svg xmlns="http://www.w3.org/2000/svg"',
}


@pytest.mark.parametrize("data", HOSTILE_LOGOS.values(), ids=HOSTILE_LOGOS.keys())
def test_active_or_foreign_content_in_a_logo_is_refused_in_dutch(data: bytes) -> None:
    with pytest.raises(LogoFout) as refused:
        sanitise(data)
    assert re.search(r"\b(het|de|een)\b", str(refused.value), re.IGNORECASE)


def test_a_deeply_nested_logo_is_refused_without_recursing_away() -> None:
    deep = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">' + b"<g>" * 5000 + \
        b"</g>" * 5000 + b"</svg>"
    with pytest.raises(LogoFout, match="te diep genest"):
        sanitise(deep)


# Tokens


def test_design_tokens_json_with_references() -> None:
    data = json.dumps({"basis": {"color": {"blue": {"$value": "#0000ff"},
                                           "link": {"$value": "{basis.color.blue}"},
                                           "loop": {"$value": "{basis.color.loop}"},
                                           "mis": {"value": "{basis.color.nergens}"}}},
                       "nl": {"link": {"color": {"value": "{basis.color.link}",
                                                 "$type": "color"}}}}).encode()
    found = tokens.parse(data, "tokens.json")
    assert found == {"basis-color-blue": "#0000ff", "basis-color-link": "#0000ff",
                     "nl-link-color": "#0000ff"}


def test_css_custom_properties_with_var_and_fallbacks() -> None:
    css = (b"/* x */ :root { --a-kleur: hsl(211 60% 35%); --b: var(--a-kleur);"
           b" --c: var(--ontbreekt, #123456); --d: var(--ontbreekt); }")
    assert tokens.parse(css, "root.css") == {"a-kleur": "hsl(211 60% 35%)",
                                             "b": "hsl(211 60% 35%)", "c": "#123456"}


@pytest.mark.parametrize(("data", "name"), [(b"{niet json", "t.json"), (b"{}", "t.json"),
                                           (b"p { color: red }", "t.css"), (b"x", "t.txt")])
def test_a_file_that_is_no_tokens_file_is_refused_in_dutch(data: bytes, name: str) -> None:
    with pytest.raises(tokens.TokenFout):
        tokens.parse(data, name)


def _doubling(levels: int, css: bool) -> bytes:
    """Tokens that each refer twice to the one before: under 1 KB, 2**levels long."""
    if css:
        return (":root{--a0:#abcdef;" + "".join(
            f"--a{i}:var(--a{i - 1}) var(--a{i - 1});" for i in range(1, levels)) + "}").encode()
    data = {"a0": {"$value": "#abcdef"}} | {
        f"a{i}": {"$value": f"{{a{i - 1}}}{{a{i - 1}}}"} for i in range(1, levels)}
    return json.dumps(data).encode()


@pytest.mark.parametrize("css", [False, True])
def test_tokens_that_double_at_every_level_are_refused_at_once(css: bool) -> None:
    """Depth alone does not bound a value (the attacker's file: 34 levels, 858 bytes, which
    filled the memory); the filled-in length does, and the message names the token."""
    data = _doubling(34, css)
    assert len(data) < 1_100
    with pytest.raises(tokens.TokenFout, match=r"Het token a\d+ wordt .* langer dan"):
        tokens.parse(data, "t.css" if css else "t.json")
    assert tokens.parse(_doubling(6, css), "t.css" if css else "t.json")["a5"].count("#") == 32


def _installed() -> dict[str, str]:
    package = ROOT / "node_modules" / NLDS_PACKAGE
    return tokens.parse((package / "dist" / "tokens.json").read_bytes(), "tokens.json")


def test_the_nl_design_system_package_fills_the_roles_from_its_own_tokens(
        tmp_path: Path) -> None:
    values = _installed()
    package = tmp_path / "node_modules" / NLDS_PACKAGE
    (package / "dist").mkdir(parents=True)
    source = ROOT / "node_modules" / NLDS_PACKAGE
    for name in ("package.json", "dist/tokens.json"):
        (package / name).write_bytes((source / name).read_bytes())
    log, fouten = _fouten(tmp_path)
    look = huisstijl._resolve(tmp_path, Huisstijl.model_validate(
        {"tokens": {"pakket": NLDS_PACKAGE}}), fouten)
    assert list(log) == []
    for role, names in huisstijl.TOKEN_ROLLEN.items():
        name = next((n for n in names if n in values), None)
        if name is not None:
            assert look.kleuren[role] == kleur.parse(values[name]).over(kleur.WIT).hex, role
    font = values["basis-text-font-family-default"].split(",")[0].strip("'\" ")
    assert look.maten["letter"].startswith(f'"{font}"')


def test_a_package_that_is_not_installed_says_how_to_install_it(tmp_path: Path) -> None:
    log, fouten = _fouten(tmp_path)
    huisstijl._resolve(tmp_path, Huisstijl.model_validate(
        {"tokens": {"pakket": "@gemeente-voorbeeld/design-tokens"}}), fouten)
    (error,) = list(log)
    assert error.path == "huisstijl.tokens.pakket"
    assert "niet geïnstalleerd" in error.message and "npm ci" in error.message


# What a build publishes


def _regio(project: Path) -> dict[str, object]:
    data = yaml.safe_load((project / "routekaarten" / "regio.yml").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def _variables(build: Build) -> dict[str, str]:
    css = (build.site / "assets" / "meldwijzer" / "huisstijl.css").read_text("utf-8")
    return dict(re.findall(r"--mw-([a-z-]+):([^;]+);", css))


def _local_references(build: Build, page: Path) -> list[str]:
    html = soup(page)
    refs = [el.get("href") or el.get("src") for el in html.select("link[href], script[src], "
                                                                  "img[src]")]
    return [r for r in refs if r and not re.match(r"[a-z]+:", r)]


def test_the_example_region_shows_its_own_look(example_site: Build) -> None:
    stijl = _regio(ROOT)["huisstijl"]
    assert isinstance(stijl, dict)
    variables = _variables(example_site)
    for key, value in stijl["kleuren"].items():
        assert variables[key] == kleur.parse(value).hex, key
    logo = example_site.site / "assets" / "huisstijl" / "logo.svg"
    assert logo.read_bytes() == sanitise((ROOT / "routekaarten" / stijl["logo"]).read_bytes())
    home = example_site.html("index.html")
    assert home.select_one(".md-header__button.md-logo img")["src"].endswith("logo.svg")
    assert home.select_one("link[rel=icon]")["href"].endswith("logo.svg")
    sheets = [link["href"] for link in home.select("link[rel=stylesheet]")]
    assert sheets.index("assets/meldwijzer/huisstijl.css") > sheets.index(
        "assets/meldwijzer/meldwijzer.css")
    # The browser editor's preview shows the same look.
    editor = (example_site.site / "beheer" / "index.html").read_text("utf-8")
    assert "../assets/meldwijzer/huisstijl.css" in editor


def test_slides_and_notes_have_a_favicon_and_the_look(example_site: Build,
                                                       nlds_site: Build) -> None:
    for build in (example_site, nlds_site):
        pages = sorted((build.site / "trainingen").glob("*/*/*.html"))
        slides = [p for p in pages if p.parent.name in ("presentatie", "notities")]
        assert slides
        for page in slides:
            html = soup(page)
            assert html.select_one("link[rel=icon]") is not None, page
            hrefs = [link["href"] for link in html.select("link[rel=stylesheet]")]
            assert hrefs[-1].endswith("assets/meldwijzer/huisstijl.css"), page
            for ref in _local_references(build, page):
                assert (page.parent / ref).resolve().is_file(), (page, ref)


def test_the_tokens_region_takes_its_look_from_the_package(nlds_site: Build) -> None:
    values = _installed()
    variables = _variables(nlds_site)
    assert variables["link"] == kleur.parse(values["nl-link-color"]).hex
    assert variables["kopbalk"] == kleur.parse(
        values["utrecht-page-header-background-color"]).hex
    assert variables["letter"].startswith('"Open Sans"')
    css = (nlds_site.site / "assets" / "meldwijzer" / "huisstijl.css").read_text("utf-8")
    fonts = re.findall(r'url\("\.\./huisstijl/([a-z0-9-]+\.woff2)"\)', css)
    assert fonts == ["open-sans-400.woff2", "open-sans-700.woff2"]
    for font in fonts:
        assert (nlds_site.site / "assets" / "huisstijl" / font).read_bytes()[:4] == b"wOF2"
    with Image.open(nlds_site.site / "assets" / "huisstijl" / "logo.png") as logo:
        assert logo.format == "PNG" and logo.height <= huisstijl.LOGO_HEIGHT
        assert not {k for k in logo.info if k not in ("dpi",)} - {"transparency"}
    title = nlds_site.html("index.html").title
    assert title is not None and "Tokenland" in title.get_text()
    assert _regio(ROOT)["naam"] not in title.get_text()


def test_a_region_without_a_look_builds_with_the_stock_colours(klein_site: Build) -> None:
    variables = _variables(klein_site)
    assert variables["primair"] == huisstijl.DEFAULT_PRIMAIR
    assert not (klein_site.site / "assets" / "huisstijl").exists()
    header = klein_site.html("index.html").select_one(".md-header__button.md-logo")
    assert header is not None and header.find("img") is None  # Material's own icon


def test_a_png_logo_is_re_encoded_without_its_text_chunks(klein_project: Path,
                                                           tmp_path: Path) -> None:
    picture = Image.new("RGBA", (800, 400), (20, 90, 160, 255))
    out = io.BytesIO()
    info = __import__("PIL.PngImagePlugin", fromlist=["PngInfo"]).PngInfo()
    info.add_text("Comment", "geheim-intern-0611223344")
    picture.save(out, "PNG", pnginfo=info)
    (klein_project / "routekaarten" / "huisstijl").mkdir()
    (klein_project / "routekaarten" / "huisstijl" / "logo.png").write_bytes(out.getvalue())
    regio = klein_project / "routekaarten" / "regio.yml"
    regio.write_text(regio.read_text("utf-8") + "huisstijl:\n  logo: huisstijl/logo.png\n"
                     "  kleuren:\n    primair: \"#145aa0\"\n", "utf-8")
    build = run_mkdocs(klein_project, tmp_path / "site")
    assert build.returncode == 0, build.log
    published = (build.site / "assets" / "huisstijl" / "logo.png").read_bytes()
    assert b"geheim" not in published
    with Image.open(io.BytesIO(published)) as logo:
        assert logo.size == (huisstijl.LOGO_HEIGHT * 2, huisstijl.LOGO_HEIGHT)
