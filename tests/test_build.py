"""Strict builds of real projects in temp folders, asserted on the parsed HTML."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup

from helpers import ROOT, Build, keyed_as_maps, run_mkdocs, site_url, soup
from meldwijzer.campagne import NEUTRAL_SITE
from meldwijzer.phones import tel_uri

DATA = ROOT / "routekaarten"


def raw(path: Path) -> object:
    """Test-side reading of a data file, independent of the generator's reader."""
    return keyed_as_maps(yaml.load(path.read_text("utf-8"), Loader=yaml.BaseLoader))


def municipalities(project: Path = ROOT) -> dict[str, dict]:
    files = sorted((project / "routekaarten" / "gemeenten").glob("*.yml"))
    return {f.stem: raw(f) for f in files}


def internal_values(project: Path) -> set[str]:
    """Every value the data marks internal, in the spellings it may take in output."""
    files = [project / "routekaarten" / "regio.yml",
             *sorted((project / "routekaarten" / "gemeenten").glob("*.yml"))]
    values: set[str] = set()
    for file in files:
        for contact in (raw(file).get("contacten") or {}).values():
            if contact.get("zichtbaarheid") == "intern":
                values.update(v for k, v in contact.items()
                              if k in ("naam", "persoon", "telefoon", "email"))
            values.update((contact.get("intern") or {}).values())
    spellings = set(values)
    for value in values:
        digits = re.sub(r"\D", "", value)
        if len(digits) >= 8 and "@" not in value:
            spellings |= {digits, "+31" + digits[1:], "31" + digits[1:]}
    return spellings


def all_text(build: Build) -> dict[str, str]:
    out = {}
    for file in build.files():
        data = file.read_bytes()
        if file.suffix == ".gz":
            data = gzip.decompress(data)
        out[file.relative_to(build.site).as_posix()] = data.decode("utf-8", "replace")
    return out


def test_example_builds_with_a_page_per_municipality(example_site: Build) -> None:
    for slug, data in municipalities().items():
        article = example_site.article(f"gemeenten/{slug}.html")
        assert article.h1.get_text(strip=True) == f"Routekaart {data['naam']}"
    chooser = example_site.article("gemeenten/index.html")
    names = [a.get_text(strip=True) for a in chooser.select(".mw-kiezer a")]
    assert names == sorted((m["naam"] for m in municipalities().values()), key=str.casefold)


def test_routes_show_every_step_in_order_with_who_and_when(example_site: Build) -> None:
    regio = raw(DATA / "regio.yml")
    for slug, gemeente in municipalities().items():
        article = example_site.article(f"gemeenten/{slug}.html")
        own = {r["id"]: r for r in gemeente.get("routes", [])}
        for route in regio["routes"]:
            route = own.get(route["id"], route)
            heading = article.find("h2", id=f"route-{route['id']}")
            assert heading is not None and heading.get_text(strip=True) == route["titel"]
            steps = heading.find_next("ol", class_="mw-route").find_all(
                "li", class_="mw-stap", recursive=False)
            assert [s["id"] for s in steps] == [f"{route['id']}-{s['id']}"
                                                for s in route["stappen"]]
            for li, step in zip(steps, route["stappen"], strict=True):
                title = li.find(class_="mw-stap__titel").get_text(" ", strip=True)
                assert title.endswith(" ".join(step["titel"].split()))
                meta = li.find("dl", class_="mw-stap__meta").get_text(" ", strip=True)
                assert " ".join(step["wie"].split()) in meta
                if step.get("wanneer"):
                    assert " ".join(step["wanneer"].split()) in meta


def test_choices_link_to_a_later_step_on_the_same_page(example_site: Build) -> None:
    for slug in municipalities():
        article = example_site.article(f"gemeenten/{slug}.html")
        order = [li["id"] for li in article.select("li.mw-stap")]
        choices = article.select("a.mw-keuze")
        assert choices, f"{slug}: no decision points rendered"
        for choice in choices:
            source = choice.find_parent("li", class_="mw-stap")["id"]
            target = choice["href"].removeprefix("#")
            assert target in order and order.index(target) > order.index(source)


def test_every_shown_number_is_a_working_tel_link(example_site: Build) -> None:
    checked = 0
    for page in example_site.pages():
        html = soup(page)
        for link in html.select('a[href^="tel:"]'):
            number = link.select_one(".mw-nummer__tel") or link
            assert link["href"] == tel_uri(number.get_text(strip=True))
            checked += 1
        for item in html.select(".mw-contact__lijst li"):
            label = item.find(class_="mw-contact__soort")
            if label and "telefoon" in label.get_text().lower():
                assert item.find("a", href=re.compile("^tel:")), item
    assert checked > 50


def test_home_offers_emergency_number_and_chooser(example_site: Build) -> None:
    article = example_site.article("index.html")
    numbers = article.select(".mw-nummers a.mw-tel")
    assert numbers[0]["href"] == "tel:112"
    assert len(numbers) >= 4
    chooser = article.select(".mw-kiezer a")
    assert len(chooser) == len(municipalities())


def test_signals_catalogue_has_caveat_forms_and_labels(example_site: Build) -> None:
    article = example_site.article("signalen/index.html")
    assert "Een signaal kan ook iets anders betekenen" in article.get_text()
    signals = raw(DATA / "signalen.yml") + [
        s for g in municipalities().values() for s in g.get("signalen", [])]
    rendered = article.select("li.mw-signaal")
    assert len(rendered) == sum(len(s["vormen"]) for s in signals)
    regio = raw(DATA / "regio.yml")
    for li in rendered:
        labels = {s.get_text(strip=True) for s in
                  li.select(".mw-label:not(.mw-label--vorm, .mw-label--sector)")}
        assert labels <= set(regio["werkvelden"].values()) and labels


def test_wie_bel_ik_lists_every_public_regional_contact(example_site: Build) -> None:
    text = example_site.article("wie-bel-ik.html").get_text(" ")
    for contact in raw(DATA / "regio.yml")["contacten"].values():
        assert (contact["naam"] in text) == (contact.get("zichtbaarheid") != "intern")


def test_public_build_holds_no_internal_value(example_site: Build) -> None:
    secrets = internal_values(ROOT)
    assert secrets, "the example data should exercise internal values"
    files = all_text(example_site)
    assert "search/search_index.json" in files and "sitemap.xml" in files
    for name, text in files.items():
        leaked = sorted(s for s in secrets if s in text)
        assert not leaked, f"{name} contains internal values {leaked}"


def test_intern_build_is_marked_and_not_indexed(example_intern: Build) -> None:
    secrets = internal_values(ROOT)
    pages = list(example_intern.pages())
    assert pages
    for page in pages:
        html = page.read_text("utf-8")
        assert '<meta name="robots" content="noindex, nofollow">' in html, page
        assert "Interne versie" in html, page
    robots = (example_intern.site / "robots.txt").read_text("utf-8")
    assert "Disallow: /" in robots
    everything = "\n".join(all_text(example_intern).values())
    assert any(secret in everything for secret in secrets)


def test_intern_build_goes_to_its_own_folder(klein_project: Path) -> None:
    build = run_mkdocs(klein_project, None, "intern")
    assert build.returncode == 0, build.log
    assert (klein_project / "site-intern" / "index.html").is_file()
    assert not (klein_project / "site").exists()


def test_no_third_party_requests_in_built_pages(example_site: Build) -> None:
    own = site_url()
    allowed_hosts = _hosts_in_data(ROOT) | ({urlsplit(own).hostname} if own else set())
    allowed_hosts.add(urlsplit(NEUTRAL_SITE).hostname)  # "Snel weg": a link, never a request
    for page in example_site.pages():
        html = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"),
                          ("iframe", "src"), ("source", "srcset")):
            for element in html.find_all(tag):
                value = element.get(attr)
                if tag == "link" and "canonical" in element.get("rel", []):
                    assert urlsplit(value).hostname in allowed_hosts
                    continue
                assert not value or not urlsplit(value).netloc, f"{page}: {tag} {value}"
        for link in html.find_all("a", href=True):
            host = urlsplit(link["href"]).hostname
            assert host is None or host in allowed_hosts, f"{page}: {link['href']}"
    css = "\n".join(p.read_text("utf-8") for p in example_site.site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def _hosts_in_data(project: Path) -> set[str]:
    text = "\n".join(p.read_text("utf-8") for p in (project / "routekaarten").rglob("*.yml"))
    return {urlsplit(u).hostname for u in re.findall(r"https://[^\s\"')>]+", text)}


def test_data_error_stops_the_build_with_a_located_dutch_message(klein_project: Path) -> None:
    file = klein_project / "routekaarten" / "gemeenten" / "westerdorp.yml"
    file.write_text(file.read_text("utf-8").replace("telefoon: 14 035", "telefoon: 035-12"),
                    "utf-8")
    build = run_mkdocs(klein_project, klein_project / "out")
    assert build.returncode != 0
    assert ("routekaarten/gemeenten/westerdorp.yml:5: contacten.aandachtfunctionaris.telefoon: "
            '"035-12" is geen geldig telefoonnummer') in build.log
    assert "Traceback" not in build.log


def test_check_command_reports_all_errors_and_exits_1(klein_project: Path) -> None:
    ok = subprocess.run([sys.executable, "-m", "meldwijzer.cli", "--map", str(klein_project),
                         "check"], capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    regio = klein_project / "routekaarten" / "regio.yml"
    regio.write_text(regio.read_text("utf-8").replace("naar: overleg", "naar: overleggen")
                     .replace("website: https://www.politie.nl", "website: http://politie.nl"),
                     "utf-8")
    bad = subprocess.run([sys.executable, "-m", "meldwijzer.cli", "--map", str(klein_project),
                          "check"], capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    lines = [line for line in bad.stderr.splitlines() if line.startswith("routekaarten/")]
    assert len(lines) == 2, bad.stderr
    assert any("contacten.politie.website" in line and "https://" in line for line in lines)
    assert any("stappen[0].keuzes[1].naar" in line and "overleggen" in line for line in lines)


def test_check_takes_the_folder_after_the_command_and_names_a_missing_one(
        klein_project: Path, tmp_path: Path) -> None:
    after = subprocess.run([sys.executable, "-m", "meldwijzer.cli", "check", "--map",
                            str(klein_project)], capture_output=True, text=True, check=False)
    assert after.returncode == 0, after.stderr
    assert "In orde" in after.stdout
    missing = tmp_path / "bestaat-niet"
    wrong = subprocess.run([sys.executable, "-m", "meldwijzer.cli", "check", "--map",
                            str(missing)], capture_output=True, text=True, check=False)
    assert wrong.returncode == 2
    assert f"de map {missing} bestaat niet" in wrong.stderr
    assert "regio.yml" not in wrong.stderr and "Traceback" not in wrong.stderr


def test_the_stopped_build_counts_its_errors_in_dutch(klein_project: Path) -> None:
    file = klein_project / "routekaarten" / "gemeenten" / "westerdorp.yml"
    file.write_text(file.read_text("utf-8").replace("telefoon: 14 035", "telefoon: 035-12"),
                    "utf-8")
    build = run_mkdocs(klein_project, klein_project / "out")
    assert "Gestopt: de gegevens bevatten 1 fout (hierboven). Herstel die en bouw opnieuw." \
        in build.log, build.log


def test_site_url_prints_the_page_address(klein_project: Path) -> None:
    config = klein_project / "mkdocs.yml"
    config.write_text("site_url: https://meldwijzer.example.org/regio/\n"
                      + config.read_text("utf-8"), "utf-8")
    build = run_mkdocs(klein_project, klein_project / "out")
    assert build.returncode == 0, build.log
    address = build.article("gemeenten/oosterdorp.html").select_one("[data-mw-adres]")
    assert address.get_text() == "https://meldwijzer.example.org/regio/gemeenten/oosterdorp.html"


def test_search_index_finds_services_and_excludes_nothing_public(example_site: Build) -> None:
    index = json.loads((example_site.site / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
    assert "Veilig Thuis" in text
    assert "0800-2000" in text


def test_search_exclusions_hold_in_materials_parser(example_site: Build) -> None:
    """Material's search indexer compares elements by tag name only: an element marked
    data-search-exclude that contains one with its own tag ends the exclusion early (the
    rest is indexed) or crashes the build. No page may have that."""
    for page in example_site.pages():
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for excluded in soup.select("[data-search-exclude]"):
            same = excluded.find(excluded.name)
            assert same is None, (page.name, excluded.name, str(excluded)[:120])
