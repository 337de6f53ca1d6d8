"""Zakkaart: a printable pocket card (A6, two sides) per municipality, with a QR code."""

from __future__ import annotations

import io
from pathlib import Path

import segno

from ..site import Options, ResolvedContact, ResolvedGemeente, Site
from . import NavEntry, render_page

MAX_NUMBERS = 5
MAX_STEPS = 6


def zakkaart_uri(slug: str) -> str:
    return f"zakkaart/{slug}.md"


def qr_path(slug: str) -> str:
    return f"zakkaart/{slug}-qr.svg"


def numbers(site: Site, gemeente: ResolvedGemeente) -> list[ResolvedContact]:
    """The five numbers that matter: 112, the municipality's first contact (with a number to
    call: see ``ResolvedGemeente.eerste_nummer``), the key numbers."""
    chosen = [site.noodnummer, gemeente.eerste_nummer, *site.kernnummers]
    unique = {c.id: c for c in chosen if c is not None and (c.telefoon or c.email)}
    return list(unique.values())[:MAX_NUMBERS]


QR_MASK = 3
"""A fixed mask pattern: every mask gives a valid, scannable code (tested by decoding);
letting segno try all eight costs three times as long."""


ahead: dict[str, bytes] = {}
"""QR codes a helper process made while the data was checked (see ``build.generate``)."""


def qr_svg(url: str) -> bytes:
    """A QR code as SVG, deterministic for the same URL. Made anew in every build, never
    taken from the cache: whether a stored code points to ``url`` can only be checked by
    encoding it again (see ``cache``); a helper process may have made it (``ahead``)."""
    if url in ahead:
        return ahead[url]
    return _qr_svg(url)


def route_url(site_or_options: Site | Options, slug: str) -> str | None:
    """The address the pocket card's QR code points to: the municipality's routekaart."""
    return site_or_options.page_url(f"gemeenten/{slug}.md")


def likely_urls(root: Path, options: Options) -> list[str]:
    """The QR addresses of the municipality files in ``root``, known before the data is
    checked (a file that turns out invalid only costs a QR code made in vain)."""
    folder = root / "routekaarten" / "gemeenten"
    urls = [route_url(options, p.stem) for p in sorted(folder.glob("*.y*ml"))] \
        if folder.is_dir() else []
    return [url for url in urls if url]


def _qr_svg(url: str) -> bytes:
    out = io.BytesIO()
    segno.make(url, error="m", micro=False, mask=QR_MASK).save(
        out, kind="svg", xmldecl=False, scale=4, border=2, dark="#000", light="#fff",
        title=f"QR-code naar {url}")
    return out.getvalue()


def pages(site: Site) -> dict[str, str]:
    out = {}
    for gemeente in site.gemeenten:
        uri = zakkaart_uri(gemeente.slug)
        route = gemeente.routes[0]
        out[uri] = render_page(
            uri, "zakkaart/zakkaart.md.j2", site, gemeente=gemeente,
            stappen=route.stappen[:MAX_STEPS], meer=len(route.stappen) > MAX_STEPS,
            route=route, nummers=numbers(site, gemeente),
            route_url=route_url(site, gemeente.slug),
            qr=qr_path(gemeente.slug).removeprefix("zakkaart/"))
    return out


def files(site: Site) -> dict[str, bytes]:
    out = {}
    for gemeente in site.gemeenten:
        url = route_url(site, gemeente.slug)
        if url:
            out[qr_path(gemeente.slug)] = qr_svg(url)
    return out


def nav(site: Site) -> list[NavEntry]:
    return []
