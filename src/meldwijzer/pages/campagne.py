"""Campaign pages: the campaign home, a page per story, a landing page per municipality
(where the exhibition's QR codes lead), press and posters, photos and the calendar file."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from ..campagne import ResolvedCampagne, ResolvedStop
from ..fotos import WebPhoto
from ..site import Site
from . import NavEntry, render_page
from .zakkaart import qr_svg

HOME = "campagne/index.md"
PERS = "campagne/pers.md"
ICS = "campagne/campagne.ics"


def verhaal_uri(slug: str) -> str:
    return f"campagne/verhalen/{slug}.md"


def gemeente_uri(slug: str) -> str:
    return f"campagne/gemeenten/{slug}.md"


def hulp_uri(code: str) -> str:
    """The page of the help for victims in one language other than the source (Dutch)."""
    return f"campagne/hulp/{code}.md"


def poster_uri(stop: ResolvedStop) -> str:
    return f"campagne/posters/{stop.gemeente}-{stop.van.isoformat()}.md"


def _photos(campagne: ResolvedCampagne) -> dict[str, WebPhoto]:
    return {v.slug: v.foto for v in campagne.verhalen}


def pages(site: Site) -> dict[str, str]:
    campagne = site.campagne
    if campagne is None:
        return {}
    photos = _photos(campagne)
    common: dict[str, Any] = {"campagne": campagne, "fotos": photos, "ics": "campagne.ics",
                              "talen": campagne.hulp}
    out = {HOME: render_page(HOME, "campagne/home.md.j2", site, **common),
           PERS: render_page(PERS, "campagne/pers.md.j2", site, posters=[
               (stop, poster_uri(stop).removeprefix("campagne/")) for stop in campagne.stops],
               **common)}
    for verhaal in campagne.verhalen:
        uri = verhaal_uri(verhaal.slug)
        out[uri] = render_page(uri, "campagne/verhaal.md.j2", site, verhaal=verhaal,
                               foto=photos[verhaal.slug], **common)
    for taal in campagne.hulp[1:]:
        uri = hulp_uri(taal.code)
        out[uri] = render_page(uri, "campagne/hulp.md.j2", site, taal=taal, **common)
    for gemeente in site.gemeenten:
        uri = gemeente_uri(gemeente.slug)
        out[uri] = render_page(uri, "campagne/gemeente.md.j2", site, gemeente=gemeente,
                               stop=campagne.stop_voor(gemeente.slug), **common)
    for index, stop in enumerate(campagne.stops):
        uri = poster_uri(stop)
        landing = site.page_url(gemeente_uri(stop.gemeente))
        # Each stop's poster shows another story's photo, in a fixed order.
        foto = campagne.verhalen[index % len(campagne.verhalen)] if campagne.verhalen \
            else None
        out[uri] = render_page(uri, "campagne/poster.md.j2", site, stop=stop, url=landing,
                               qr=_qr_name(stop) if landing else None, verhaal=foto,
                               **common)
    return out


def _qr_name(stop: ResolvedStop) -> str:
    return f"{stop.gemeente}-{stop.van.isoformat()}-qr.svg"


def files(site: Site) -> dict[str, bytes]:
    campagne = site.campagne
    if campagne is None:
        return {}
    out: dict[str, bytes] = {}
    for photo in _photos(campagne).values():
        out.update(photo.files)
    for stop in campagne.stops:
        landing = site.page_url(gemeente_uri(stop.gemeente))
        if landing:
            out[f"campagne/posters/{_qr_name(stop)}"] = qr_svg(landing)
    out[ICS] = calendar(site, campagne)
    return out


def nav(site: Site) -> list[NavEntry]:
    if site.campagne is None:
        return []
    return [{site.campagne.naam: [HOME, PERS]}]


def calendar(site: Site, campagne: ResolvedCampagne) -> bytes:
    """The tour and the events as iCalendar: the tour and events without a time all-day (end
    date exclusive), events with a time in Europe/Amsterdam time with its VTIMEZONE; stable
    UIDs.

    icalendar escapes every text value (commas, semicolons, newlines), so no text from the
    data can start a field of its own.
    """
    host = urlsplit(site.options.site_url).hostname if site.options.site_url else None
    domain = host or "meldwijzer.invalid"
    stamp = dt.datetime.combine(site.options.vandaag, dt.time(), tzinfo=dt.UTC)
    cal = Calendar()
    cal.add("prodid", "-//meldwijzer//campagne//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", campagne.naam)
    for stop in campagne.stops:
        where = ", ".join(p for p in (stop.locatie, stop.adres) if p)
        cal.add_component(_event(
            uid=f"{stop.uid}@{domain}", stamp=stamp, start=stop.van, end=stop.tot,
            summary=f"{campagne.naam}: tentoonstelling in {stop.gemeente_naam}",
            location=where, url=site.page_url(gemeente_uri(stop.gemeente))))
    for event in campagne.evenementen:
        slug = re.sub(r"[^a-z0-9]+", "-", event.titel.lower()).strip("-")[:40]
        start: dt.date = event.datum
        end: dt.date | None = None
        if event.begintijd:  # at a time of day, in Dutch time; without an end: two hours
            start = dt.datetime.combine(event.datum, event.begintijd, tzinfo=AMSTERDAM)
            end = dt.datetime.combine(event.datum, event.eindtijd, tzinfo=AMSTERDAM) \
                if event.eindtijd else start + dt.timedelta(hours=2)
        cal.add_component(_event(
            uid=f"evenement-{event.datum.isoformat()}-{slug}@{domain}", stamp=stamp,
            start=start, end=end, summary=event.titel,
            location=event.locatie, url=site.page_url(HOME), description=event.beschrijving))
    cal.add_missing_timezones()
    return bytes(cal.to_ical())


AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _event(*, uid: str, stamp: dt.datetime, start: dt.date, end: dt.date | None, summary: str,
           location: str | None, url: str | None, description: str | None = None) -> Event:
    """An all-day event from ``start`` to ``end`` (dates, both included), or, when ``start``
    is a moment, from ``start`` to ``end``."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    if isinstance(start, dt.datetime):
        event.add("dtend", end)
    else:  # all-day: DTEND is the day after
        event.add("dtend", (end or start) + dt.timedelta(days=1))
    event.add("summary", summary)
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    event.add("transp", "TRANSPARENT")
    return event
