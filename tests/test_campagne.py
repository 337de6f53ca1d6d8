"""The "Open je ogen" campaign: pages, publishing rules, photos and the calendar."""

from __future__ import annotations

import datetime as dt
import shutil
from html import unescape
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from PIL import Image

from helpers import FIXTURES, ROOT, Build, copy_project, run_mkdocs
from meldwijzer.build import generate
from meldwijzer.site import Options

HIDDEN = ["Geheime concepttitel", "Deze conceptzin", "Verhaal met embargo", "Deze embargozin",
          "nog-concept", "verhalen/later"]


def campaign_project(tmp_path: Path) -> Path:
    project = copy_project(FIXTURES / "klein", tmp_path / "project")
    shutil.copytree(FIXTURES / "campagne" / "campaign", project / "campaign")
    return project


@pytest.fixture(scope="module")
def campaign_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = campaign_project(tmp_path_factory.mktemp("campagne"))
    config = project / "mkdocs.yml"
    config.write_text("site_url: https://meldwijzer.example.org/\n" + config.read_text("utf-8"),
                      "utf-8")
    build = run_mkdocs(project, project / "out")
    assert build.returncode == 0, build.log
    return build


def test_campaign_home_shows_tour_stories_events_and_help(campaign_site: Build) -> None:
    article = campaign_site.article("campagne/index.html")
    assert article.h1.get_text(strip=True) == "Kijk goed"
    rows = article.select("table.mw-tour tbody tr")
    assert [r.th.get_text(strip=True) for r in rows] == ["Oosterdorp", "Westerdorp"]
    assert rows[0]["data-van"] == "2026-10-18" and rows[0]["data-tot"] == "2026-11-14"
    # Built on 2026-11-01 (SOURCE_DATE_EPOCH): the exhibition is in Oosterdorp.
    assert "Dorpshuis Oosterdorp" in article.select_one("[data-mw-nu-tekst]").get_text()
    assert [a.get_text() for a in article.select(".mw-verhaal-kaart__titel a")] == [
        "Een gepubliceerd verhaal"]
    assert "Bijeenkomst voor professionals" in article.get_text()
    assert article.select('.mw-hulp a[href^="tel:"]')
    assert article.find("a", href="campagne.ics") is not None


def test_story_page_has_a_responsive_lazy_photo_and_help(campaign_site: Build) -> None:
    article = campaign_site.article("campagne/verhalen/gepubliceerd.html")
    img = article.select_one("img.mw-foto")
    widths = [int(part.split()[-1].removesuffix("w")) for part in img["srcset"].split(",")]
    assert widths == sorted(widths) and max(widths) <= 1200
    assert img["alt"] == "Een blauw vlak zonder mensen, als voorbeeldfoto."
    assert img["width"] and img["height"]
    card = campaign_site.article("campagne/index.html").select_one(".mw-verhaal-kaart img")
    assert card["loading"] == "lazy"
    assert "Arbeidsuitbuiting" in article.get_text()
    assert article.select('.mw-hulp a[href^="tel:"]')


def test_concept_and_embargo_leave_no_trace(campaign_site: Build) -> None:
    names = [p.relative_to(campaign_site.site).as_posix() for p in campaign_site.files()]
    # Pages and files made from the data; the generator's own assets (zoeken-later.js) are not.
    made = [n for n in names if not n.startswith("assets/meldwijzer/")]
    assert not [n for n in made if "concept" in n or "later" in n]
    for file in campaign_site.files():
        text = file.read_bytes().decode("utf-8", "replace")
        for value in HIDDEN:
            assert value not in text, (file, value)


def test_published_photos_carry_no_metadata_and_originals_stay_home(campaign_site: Build,
                                                                    ) -> None:
    original = (FIXTURES / "campagne" / "campaign" / "fotos" / "test.jpg").read_bytes()
    photos = sorted((campaign_site.site / "campagne" / "fotos").glob("*"))
    assert photos
    for photo in photos:
        assert photo.read_bytes() != original
        with Image.open(photo) as image:
            assert dict(image.getexif()) == {}
            assert "comment" not in image.info and "icc_profile" not in image.info
            assert "exif" not in image.info and image.width <= 1200
        assert b"Geheime Fotograaf" not in photo.read_bytes()
    assert not list(campaign_site.site.rglob("test.jpg"))


def test_calendar_parses_with_exclusive_ends_and_stable_uids(campaign_site: Build,
                                                             tmp_path: Path) -> None:
    data = (campaign_site.site / "campagne" / "campagne.ics").read_bytes()
    events = Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 3
    stop = events[0]
    assert stop.decoded("dtstart") == dt.date(2026, 10, 18)
    assert stop.decoded("dtend") == dt.date(2026, 11, 15)
    assert str(stop["uid"]) == "stop-oosterdorp-2026-10-18@meldwijzer.example.org"
    event = events[2]
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(days=1)
    again = generate(campaign_site.project, Options(vandaag=dt.date(2026, 12, 1),
                                                    site_url="https://meldwijzer.example.org/"))
    uids = sorted(str(e["uid"]) for e in
                  Calendar.from_ical(again.files["campagne/campagne.ics"]).walk("VEVENT"))
    assert uids == sorted(str(e["uid"]) for e in events)


def test_calendar_text_cannot_inject_fields(tmp_path: Path) -> None:
    project = campaign_project(tmp_path)
    file = project / "campaign" / "campagne.yml"
    file.write_text(file.read_text("utf-8").replace(
        "titel: Bijeenkomst voor professionals",
        'titel: "Bijeenkomst; echt\\nATTENDEE:mailto:x@example.org"'), "utf-8")
    ics = generate(project, Options(vandaag=dt.date(2026, 11, 1))).files["campagne/campagne.ics"]
    events = Calendar.from_ical(ics).walk("VEVENT")
    assert all("ATTENDEE" not in event for event in events)
    assert str(events[-1]["summary"]) == "Bijeenkomst; echt ATTENDEE:mailto:x@example.org"


def test_concept_shows_in_serve_marked_and_embargo_appears_on_its_date(tmp_path: Path) -> None:
    project = campaign_project(tmp_path)
    served = generate(project, Options(vandaag=dt.date(2026, 11, 1), serve=True))
    page = served.pages["campagne/verhalen/nog-concept.md"]
    assert "CONCEPT" in page
    assert "campagne/verhalen/later.md" in served.pages
    built = generate(project, Options(vandaag=dt.date(2026, 12, 31)))
    assert "campagne/verhalen/nog-concept.md" not in built.pages
    assert "campagne/verhalen/later.md" not in built.pages
    on_the_day = generate(project, Options(vandaag=dt.date(2027, 1, 1)))
    assert "campagne/verhalen/later.md" in on_the_day.pages
    assert "campagne/verhalen/nog-concept.md" not in on_the_day.pages


def test_municipality_pages_show_their_stop(campaign_site: Build) -> None:
    routekaart = campaign_site.article("gemeenten/oosterdorp.html").select_one(".mw-stop")
    assert "Dorpshuis Oosterdorp" in routekaart.get_text()
    visible = [s for s in routekaart.select("[data-status]") if not s.has_attr("hidden")]
    assert [s["data-status"] for s in visible] == ["nu"]
    landing = campaign_site.article("campagne/gemeenten/westerdorp.html")
    visible = [s["data-status"] for s in landing.select(".mw-stop [data-status]")
               if not s.has_attr("hidden")]
    assert visible == ["straks"]
    assert landing.select(".mw-contact")


def test_posters_have_dates_place_and_a_qr_code(campaign_site: Build) -> None:
    poster = campaign_site.article("campagne/posters/oosterdorp-2026-10-18.html")
    text = poster.get_text(" ")
    assert "Dorpshuis Oosterdorp" in text and "18 oktober 2026" in text
    qr = poster.select_one(".mw-poster__qr img")
    assert qr["alt"].endswith("https://meldwijzer.example.org/campagne/gemeenten/oosterdorp.html")
    assert (campaign_site.site / "campagne" / "posters" / qr["src"]).read_bytes().startswith(
        b"<svg")
    pers = campaign_site.article("campagne/pers.html")
    assert len(pers.select(".mw-posters a")) == 2


def test_a_region_without_campaign_has_no_campaign_anything(klein_site: Build) -> None:
    assert not (klein_site.site / "campagne").exists()
    for page in klein_site.pages():
        text = page.read_text("utf-8")
        assert "campagne/" not in text and "mw-stop" not in text, page


def test_a_timed_event_is_timed_in_dutch_time_and_a_past_one_says_so() -> None:
    """An afternoon event is not all-day in the calendar, and after its day the campaign
    page marks it as past (the static text; the page's script agrees on another day)."""
    before = generate(ROOT, Options(vandaag=dt.date(2026, 11, 1)))
    timed = [e for e in Calendar.from_ical(before.files["campagne/campagne.ics"]).walk("VEVENT")
             if isinstance(e.decoded("dtstart"), dt.datetime)]
    assert timed, "the example has an event with begintijd"
    start, end = timed[0].decoded("dtstart"), timed[0].decoded("dtend")
    amsterdam = ZoneInfo("Europe/Amsterdam")
    assert start.utcoffset() == dt.datetime(2026, 11, 19, tzinfo=amsterdam).utcoffset()
    assert (start.hour, start.minute, end.hour, end.minute) == (13, 30, 17, 0)
    home = unescape(before.pages["campagne/index.md"])
    assert '<span data-status="geweest" hidden>Geweest: </span>' in home
    after = unescape(generate(ROOT, Options(vandaag=dt.date(2026, 12, 1)))
                     .pages["campagne/index.md"])
    assert '<span data-status="geweest">Geweest: </span>' in after
