"""The chain around a report (contract 1.1): who does what, out of hours, recording, privacy,
feedback, role routes, the region's own words, hand-written pages, sectors, help in other
languages. Real builds, parsed HTML; expectations from the data, not typed names."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, Build, copy_project, run_mkdocs, wat_nu_data
from meldwijzer.build import generate
from meldwijzer.keten import standard_roles
from meldwijzer.site import Options

EXAMPLE = generate(ROOT, Options())


def _text(build: Build, path: str) -> str:
    return re.sub(r"\s+", " ", build.article(path).get_text(" "))


def test_wie_doet_wat_explains_the_roles_with_the_regions_facts(example_site: Build,
                                                                example_intern: Build) -> None:
    page = example_site.article("wie-doet-wat.html")
    headings = [h.get_text(" ", strip=True) for h in page.find_all("h2")]
    public_roles = [r for r in standard_roles() if not r.get("intern")]
    assert len(headings) >= len(public_roles)
    text = _text(example_site, "wie-doet-wat.html")
    assert str(EXAMPLE.site.politie_eenheid) in text and str(EXAMPLE.site.riec) in text
    assert page.find(id="rol-casusoverleg") is None  # the case meeting: internal only
    assert example_intern.article("wie-doet-wat.html").find(id="rol-casusoverleg") is not None
    assert "wie-doet-wat.html" in example_site.html("index.html").select_one(
        ".md-sidebar--primary").decode()
    data = json.loads((example_site.site / "api/v1/rollen.json").read_text("utf-8"))
    assert {r["id"] for r in data["rollen"]} >= {"aandachtfunctionaris", "politie"}
    assert data["politie_eenheid"] == EXAMPLE.site.politie_eenheid


def test_every_routekaart_says_what_to_do_out_of_hours(example_site: Build) -> None:
    """112 stands apart (acute danger only); every other number says when it applies; the
    page, the helper and the pocket card follow one rule."""
    nood = EXAMPLE.site.noodnummer.telefoon
    for gemeente in EXAMPLE.site.gemeenten:
        page = example_site.article(f"gemeenten/{gemeente.slug}.html")
        block = page.select_one("details.mw-buiten")
        assert block is not None, gemeente.slug
        assert "112" not in block.select_one("summary").get_text()
        acuut = block.select_one(".mw-buiten__acuut")
        assert acuut is not None and nood in acuut.get_text()
        assert "acuut" in acuut.get_text().lower()
        items = block.select("ul.mw-buiten__nummers > li")
        numbers = [li.select_one("a.mw-tel").get_text() for li in items]
        assert len(numbers) >= 2 and nood not in numbers
        for li in items:  # each number says when it applies
            assert li.select_one(".mw-buiten__wanneer"), li.get_text()
        card = _text(example_site, f"zakkaart/{gemeente.slug}.html")
        assert "Buiten kantoortijd" in card
        helper = wat_nu_data(example_site, gemeente.slug)
        assert [c["telefoon"] for c in helper["buiten_kantoortijd"]] == numbers
        assert all(c["wanneer"] for c in helper["buiten_kantoortijd"])
        assert helper["nood"]["telefoon"] == nood


def test_signaal_vastleggen_per_municipality_linked_from_every_routekaart(
        example_site: Build) -> None:
    for gemeente in EXAMPLE.site.gemeenten:
        links = [a["href"] for a in example_site.article(
            f"gemeenten/{gemeente.slug}.html").select("a[href]")]
        assert any("vastleggen" in link for link in links), gemeente.slug
        form = example_site.article(f"vastleggen/{gemeente.slug}.html")
        labels = [label.get_text() for label in form.select(".mw-formulier label")]
        for field in ("Datum en tijd", "Plaats", "Wie waren erbij", "letterlijk gezegd",
                      "Wat heb je gedaan"):
            assert any(field in label for label in labels), field
        assert "Wat doe je niet?" in form.get_text()
        assert not form.find_all(attrs={"onsubmit": True}) and not form.find("form")


def test_privacy_for_staff_is_linked_from_the_steps_where_data_is_shared(
        example_site: Build) -> None:
    text = _text(example_site, "informatiedeling.html")
    for basis in ("AVG", "meldcode", "273f", "Afspraken in de regio"):
        assert basis in text, basis
    sharing = [(g.slug, s.id) for g in EXAMPLE.site.gemeenten for r in g.routes
               for s in r.stappen if s.gegevens_delen]
    assert sharing
    for slug, step in sharing:
        item = example_site.article(f"gemeenten/{slug}.html").find(id=re.compile(f"-{step}$"))
        assert item.select_one(".mw-stap__delen a[href*=informatiedeling]") is not None


def test_feedback_on_the_routekaart_in_the_helper_and_in_open_data(example_site: Build) -> None:
    gemeente = EXAMPLE.site.gemeenten[0]
    route = next(r for r in gemeente.routes if r.terugkoppeling)
    page = example_site.article(f"gemeenten/{gemeente.slug}.html")
    feedback = page.select_one(".mw-terugkoppeling")
    assert feedback is not None and route.terugkoppeling.wie in feedback.get_text()
    helper = wat_nu_data(example_site, gemeente.slug)
    assert next(r for r in helper["routes"] if r["id"] == route.id)["terugkoppeling"][
        "wie"] == route.terugkoppeling.wie
    api = json.loads((example_site.site / f"api/v1/gemeenten/{gemeente.slug}.json")
                     .read_text("utf-8"))
    assert next(r for r in api["routes"] if r["id"] == route.id)["terugkoppeling"]


def test_routes_for_a_role_are_shown_apart(example_site: Build) -> None:
    gemeente = next(g for g in EXAMPLE.site.gemeenten if g.rol_routes)
    route = gemeente.rol_routes[0]
    page = example_site.article(f"gemeenten/{gemeente.slug}.html")
    section = page.select_one("aside.mw-rol-routes")
    assert section is not None and f"Voor de {route.voor_naam.lower()}" in section.get_text()
    assert section.find(id=route.anchor) is not None
    frontline = page.select("ol.mw-route")
    assert len(frontline) == len(gemeente.routes) + len(gemeente.rol_routes)


@pytest.fixture
def region_with_own_words(klein_project: Path) -> Build:
    """The small region as Haarlem would write it: "sleutelfunctionaris", an internal
    route for that role, a hand-written page, a sector, the region's own texts."""
    regio = klein_project / "routekaarten" / "regio.yml"
    text = regio.read_text("utf-8").replace("werkvelden:\n", (
        "rolnaam: sleutelfunctionaris\n"
        "teksten:\n  bewaren: Bewaar het in het zaaksysteem, map Veiligheid.\n"
        "werkvelden:\n"))
    text = text.replace("Overleg met de aandachtfunctionaris", "Overleg met de "
                        "sleutelfunctionaris")
    text += ("  - id: opvang\n    titel: Eigen beslisboom voor opvang\n"
             "    voor: aandachtfunctionaris\n    zichtbaarheid: intern\n    stappen:\n"
             "      - id: bel\n        titel: Bel de zorg\n        wie: Sleutelfunctionaris\n")
    regio.write_text(text, "utf-8")
    for file in (klein_project / "routekaarten" / "gemeenten").glob("*.yml"):
        file.write_text(file.read_text("utf-8").replace("naam: Aandachtfunctionaris",
                                                        "naam: Sleutelfunctionaris"), "utf-8")
    (klein_project / "docs" / "afspraken.md").write_text(
        "---\ntitle: Lokale afspraken\nmenu: Over deze site\n---\n\n# Lokale afspraken\n"
        "\nTekst.\n", "utf-8")
    (klein_project / "docs" / "concept.md").write_text("---\nmenu: nee\n---\n# Concept\n",
                                                       "utf-8")
    build = run_mkdocs(klein_project, klein_project / "site")
    assert build.returncode == 0, build.log
    return build


def test_no_page_hard_codes_the_role_name(region_with_own_words: Build) -> None:
    build = region_with_own_words
    for page in build.pages():
        relative = page.relative_to(build.site).as_posix()
        if relative.startswith(("redacteuren/", "assets/")):
            continue  # the editors' guide shows the contract's keys
        soup = build.html(relative)
        for hidden in soup.select("[hidden]"):  # search words (synonyms) are not shown
            hidden.decompose()
        assert "aandachtfunctionaris" not in soup.get_text(" ").lower(), relative
    assert "sleutelfunctionaris" in _text(build, "informatiedeling.html")
    assert "zaaksysteem" in _text(build, "vastleggen/oosterdorp.html")


def test_an_internal_role_route_only_in_the_internal_build(region_with_own_words: Build) -> None:
    build = region_with_own_words
    assert "Eigen beslisboom" not in (build.site / "gemeenten/oosterdorp.html").read_text("utf-8")
    intern = run_mkdocs(build.project, build.project / "site", profiel="intern")
    assert intern.returncode == 0, intern.log
    page = intern.article("gemeenten/oosterdorp.html")
    assert "Eigen beslisboom" in page.select_one("aside.mw-rol-routes").get_text()


def test_hand_written_pages_build_and_sit_in_the_navigation(region_with_own_words: Build) -> None:
    build = region_with_own_words
    # The menu lists a section's pages on the pages of that section (navigation.prune).
    nav = build.html("afspraken.html").select_one(".md-sidebar--primary")
    assert "Lokale afspraken" in nav.get_text()
    section = [li for li in nav.select("li.md-nav__item--nested")
               if "Over deze site" in li.get_text()]
    assert section and "Lokale afspraken" in section[0].get_text()
    assert "Concept" not in nav.get_text()
    assert (build.site / "concept.html").is_file()


def test_signals_have_sectors_and_the_catalogue_filters_on_them(example_site: Build) -> None:
    page = example_site.article("signalen/index.html")
    options = [o.get_text() for o in page.select("#mw-filter-sector option")]
    assert "Recreatie (campings en vakantieparken)" in options
    tagged = page.select("li.mw-signaal[data-sectoren~=recreatie]")
    assert tagged and all(li.select_one(".mw-label--sector") for li in tagged)
    api = json.loads((example_site.site / "api/v1/signalen.json").read_text("utf-8"))
    assert any("recreatie" in s["sectoren"] for s in api["signalen"])


def test_help_for_victims_in_their_language(example_site: Build) -> None:
    for path in ["campagne/index.html", f"campagne/gemeenten/{EXAMPLE.site.gemeenten[0].slug}"
                 ".html"]:
        block = example_site.article(path).select_one(".mw-hulp")
        # Dutch on the page itself, open; every other language one link away, named in
        # that language and marked with it.
        dutch = block.select("details.mw-taal")
        assert [d["lang"] for d in dutch] == ["nl"] and dutch[0].has_attr("open"), path
        links = {a["hreflang"]: a for a in block.select(".mw-talen__lijst a")}
        assert {"en", "pl", "ro", "bg"} <= set(links), path
        assert all(a["lang"] == code for code, a in links.items())
        assert links["ar"].get("dir") == "rtl" and links["en"].get_text() == "English"
        target = (example_site.site / path).parent / links["pl"]["href"]
        polish = BeautifulSoup(target.read_text("utf-8"), "html.parser")
        help_text = polish.select_one(".mw-taalpagina")
        assert help_text is not None and help_text["lang"] == "pl", target
        assert "112" in help_text.get_text() and "Unii Europejskiej" in help_text.get_text()
        # Each number in the text is one tap: 112, and the police's number from abroad.
        calls = {a["href"] for a in help_text.select("a.mw-tel")}
        assert {"tel:112", "tel:+31343578844"} <= calls, calls
        assert polish.select_one("[data-mw-snelweg]") is not None  # a victim's page
        # Back to Dutch and on to the other languages from there.
        others = {a["hreflang"] for a in polish.select(".mw-talen__lijst a")}
        assert {"nl", "en", "ar"} <= others and "pl" not in others


def test_staff_bound_by_a_professional_secret_read_what_applies_to_them(
        example_site: Build) -> None:
    """The privacy page says what applies to staff with a beroepsgeheim or another employer
    (consent, meldrecht and meldcode, conflict of duties) and names the region's work fields."""
    page = example_site.article("informatiedeling.html")
    section = page.find(id="beroepsgeheim")
    assert section is not None
    text = _text(example_site, "informatiedeling.html")
    for basis in ("toestemming", "meldcode", "conflict van plichten"):
        assert basis in text.lower(), basis
    labels = EXAMPLE.site.beroepsgeheim  # the labels of regio.yml's beroepsgeheim work fields
    assert labels
    wie = page.select_one(".mw-beroepsgeheim__wie")
    assert wie is not None and all(label in wie.get_text() for label in labels), wie


def _cards_in_steps(soup: BeautifulSoup) -> list[tuple[str, Any]]:
    return [(card.select_one(".mw-contact__naam").get_text(" ", strip=True), card)
            for card in soup.select("li.mw-stap .mw-contact")]


def _ways(card: Any) -> list[str]:
    return [a["href"] for a in card.select(".mw-contact__lijst a")]


def _when(card: Any) -> str | None:
    when = card.select_one(".mw-contact__wanneer")
    return when.get_text(" ", strip=True) if when is not None else None


def test_a_routekaart_shows_a_contact_in_full_once_and_short_after(
        example_site: Build) -> None:
    """A contact that comes back on the page keeps every way to reach it (the same tel: and
    mailto: links) and when to call it (that can be the advice: "Alleen bij acuut gevaar"),
    without again the date it was checked; its first appearance is whole. The steps stay out
    of the table of contents, in every route."""
    short = 0
    for gemeente in EXAMPLE.site.gemeenten:
        soup = example_site.article(f"gemeenten/{gemeente.slug}.html")
        first: dict[str, Any] = {}
        for name, card in _cards_in_steps(soup):
            if name not in first:
                assert "mw-contact--kort" not in card["class"], (gemeente.slug, name)
                assert card.select_one(".mw-contact__controle") is not None
                first[name] = card
                continue
            short += 1
            assert "mw-contact--kort" in card["class"], (gemeente.slug, name)
            assert _ways(card) == _ways(first[name]) and _ways(card), (gemeente.slug, name)
            assert card.select_one(".mw-contact__controle") is None
            assert _when(card) == _when(first[name]), (gemeente.slug, name)
        page = example_site.html(f"gemeenten/{gemeente.slug}.html")
        toc = page.select_one("nav.md-nav--secondary")
        assert toc is not None and not re.search(r"Stap \d", toc.get_text()), gemeente.slug
        assert not page.select("h3.mw-stap__titel[id]"), gemeente.slug
    assert short, "no contact came back in any routekaart of the example"


def test_a_short_contact_card_still_says_its_number_needs_checking(
        klein_project: Path) -> None:
    for file in [klein_project / "routekaarten/regio.yml",
                 *(klein_project / "routekaarten/gemeenten").glob("*.yml")]:
        file.write_text(re.sub(r"gecontroleerd: \d{4}-\d\d-\d\d", "gecontroleerd: 2020-01-01",
                               file.read_text("utf-8")), "utf-8")
    build = run_mkdocs(klein_project, klein_project / "site")
    assert build.returncode == 0, build.log
    cards = [card for page in (build.site / "gemeenten").glob("*.html")
             if page.name != "index.html"
             for _, card in _cards_in_steps(build.article(f"gemeenten/{page.name}"))]
    short = [card for card in cards if "mw-contact--kort" in card["class"]]
    assert short, "the small region shows no contact twice"
    assert all("opnieuw controleren" in card.select_one(".mw-contact__controle--oud")
               .get_text() for card in short)


def test_numbers_in_a_right_to_left_help_text_keep_their_order(tmp_path: Path) -> None:
    """A region that writes its own Arabic text writes numbers as everyone types them, without
    invisible direction marks (the reader refuses those): the page isolates each run of numbers
    left to right, so "+31 343 578 844" is not read as "844 578 343 31+"."""
    project = copy_project(ROOT, tmp_path / "project")
    hulp = project / "campaign" / "hulp.yml"
    hulp.write_text(hulp.read_text("utf-8").replace("talen:\n", "talen:\n  ar:\n    politie: "
                    "\"اتصل بالشرطة: 0900-8844 / +31 343 578 844. الاتصال مجاني.\"\n", 1),
                    "utf-8")
    build = run_mkdocs(project, tmp_path / "site")
    assert build.returncode == 0, build.log
    page = build.article("campagne/hulp/ar.html")
    runs = [b.get_text() for b in page.select(".mw-taalpagina bdi[dir=ltr]")]
    assert "0900-8844 / +31 343 578 844" in runs, runs
    # Left-to-right languages are written as they are.
    assert not build.article("campagne/hulp/pl.html").select(".mw-taalpagina bdi")
