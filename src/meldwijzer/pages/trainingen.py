"""Training pages: an overview, a page per module (parts, quiz, links), a printable handout
per municipality, and stand-alone slides with a notes view per municipality.

The slides are stand-alone HTML files (no theme around them) so that they fill a projector
and work from a USB stick or file://. Where a part says ``[[routekaart]]``, the slides and
the handout show the chosen municipality's routes and numbers from the resolved site data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from ..site import ResolvedContact, ResolvedGemeente, ResolvedSignaal, ResolvedStep, Site
from ..templating import render, render_markdown
from ..trainingen import ROUTE_MARKER, ResolvedModule, Slide, Vraag
from . import NavEntry, render_page
from .huisstijl import look_of
from .zakkaart import numbers

OVERZICHT = "trainingen/index.md"
STEPS_PER_SLIDE = 4


def module_uri(module: ResolvedModule) -> str:
    return f"trainingen/{module.slug}/index.md"


def handout_uri(module: ResolvedModule, gemeente: ResolvedGemeente) -> str:
    return f"trainingen/{module.slug}/handout/{gemeente.slug}.md"


def slides_path(module: ResolvedModule, gemeente: ResolvedGemeente, notes: bool = False) -> str:
    kind = "notities" if notes else "presentatie"
    return f"trainingen/{module.slug}/{kind}/{gemeente.slug}.html"


@dataclass(frozen=True)
class RenderedSlide:
    """One slide as the templates need it: text (sanitised HTML) or a route or numbers."""

    titel: str
    html: Markup | None = None
    stappen: tuple[ResolvedStep, ...] = ()
    nummers: tuple[ResolvedContact, ...] = ()
    vraag: Vraag | None = None
    uitleg: Markup | None = None
    """The explanation of the quiz answer (sanitised HTML), shown in the trainer's notes."""
    kort: Markup | None = None
    """The route steps or the numbers, rendered (the same for every module and view)."""


def segments(text: str) -> list[str | None]:
    """Markdown split around ``[[routekaart]]`` lines; None marks where the route goes."""
    out: list[str | None] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip() == ROUTE_MARKER:
            out += ["\n".join(current), None]
            current = []
        else:
            current.append(line)
    out.append("\n".join(current))
    return [s for s in out if s is None or s.strip()]


def html(markdown_text: str) -> Markup:
    return Markup(render_markdown(markdown_text))


Memo = dict[tuple[str, int, int], Markup]


def render_slides(site: Site, module: ResolvedModule, gemeente: ResolvedGemeente,
                  memo: Memo | None = None) -> list[RenderedSlide]:
    """The module's slides for one municipality, the route marker expanded. ``memo`` keeps
    the rendered routes and numbers of each municipality for the next module and view."""
    out: list[RenderedSlide] = []
    memo = {} if memo is None else memo
    for slide in module.slides:
        out += _expand(site, slide, gemeente, memo)
    out += [RenderedSlide(f"Quizvraag {i}", vraag=vraag,
                          uitleg=html(vraag.uitleg) if vraag.uitleg else None)
            for i, vraag in enumerate(module.quiz, start=1)]
    return out


def _expand(site: Site, slide: Slide, gemeente: ResolvedGemeente,
            memo: Memo) -> list[RenderedSlide]:
    parts = segments(slide.tekst) or [""]
    if parts[0] is None:
        # The slide's heading comes first, before the route it introduces: with the text
        # that follows the marker (often the trainer's notes), or on its own.
        text = next((i for i, p in enumerate(parts) if p is not None), None)
        parts = [parts[text] if text is not None else "",
                 *(p for i, p in enumerate(parts) if i != text)]
    out: list[RenderedSlide] = []
    for part in parts:
        if part is None:
            for route in gemeente.routes:
                chunks = [route.stappen[i:i + STEPS_PER_SLIDE]
                          for i in range(0, len(route.stappen), STEPS_PER_SLIDE)]
                for n, chunk in enumerate(chunks, start=1):
                    suffix = f" ({n}/{len(chunks)})" if len(chunks) > 1 else ""
                    # The route objects live as long as the site: their id is a safe key.
                    key = ("route", id(route), n)
                    if key not in memo:
                        memo[key] = Markup(render("trainingen/_route_kort.html.j2",
                                                  stappen=chunk))
                    out.append(RenderedSlide(f"{route.titel} in {gemeente.naam}{suffix}",
                                             stappen=chunk, kort=memo[key]))
            key = ("nummers", id(gemeente), 0)
            nummers = tuple(numbers(site, gemeente))
            if key not in memo:
                memo[key] = Markup(render("trainingen/_nummers.html.j2", nummers=nummers))
            out.append(RenderedSlide(f"Wie bel je in {gemeente.naam}?", nummers=nummers,
                                     kort=memo[key]))
        else:
            # Text after the route continues the slide: said so, not the heading again.
            shown = any(s.titel == slide.titel for s in out)
            out.append(RenderedSlide(f"{slide.titel} (vervolg)" if shown else slide.titel,
                                     html=html(part)))
    return out


def pages(site: Site) -> dict[str, str]:
    if not site.trainingen:
        return {}
    out = {OVERZICHT: render_page(OVERZICHT, "trainingen/overzicht.md.j2", site)}
    # Each municipality's routes and numbers, rendered once for every module's handout.
    kort = {g.slug: ([Markup(render("trainingen/_route_kort.html.j2", stappen=r.stappen))
                      for r in g.routes],
                     Markup(render("trainingen/_nummers.html.j2", nummers=numbers(site, g))))
            for g in site.gemeenten}
    for module in site.trainingen:
        uri = module_uri(module)
        out[uri] = render_page(uri, "trainingen/module.md.j2", site, module=module,
                               delen=[(d, [_segment_html(s) for s in segments(on_page(d.tekst))])
                                      for d in module.delen],
                               quiz=[(v, html(v.uitleg) if v.uitleg else None)
                                     for v in module.quiz])
        for gemeente in site.gemeenten:
            uri = handout_uri(module, gemeente)
            out[uri] = render_page(uri, "trainingen/handout.md.j2", site, module=module,
                                   gemeente=gemeente, signalen=_key_signals(site, module),
                                   kort_routes=kort[gemeente.slug][0],
                                   kort_nummers=kort[gemeente.slug][1])
    return out


def on_page(text: str) -> str:
    """A part as a section of the module page: its title is the section heading already, and
    its own headings move down below the section's h3."""
    lines = text.splitlines()
    if lines and re.match(r"^#\s", lines[0]):
        lines = lines[1:]
    return "\n".join(re.sub(r"^(#{2,4})(\s)", r"##\1\2", line) for line in lines)


def _segment_html(segment: str | None) -> Markup | None:
    return None if segment is None else html(segment)


def _key_signals(site: Site, module: ResolvedModule) -> list[ResolvedSignaal]:
    doelgroep = set(module.doelgroep)
    return [s for s in site.alle_signalen if doelgroep & set(s.werkvelden)]


def files(site: Site) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    memo: Memo = {}
    for module in site.trainingen:
        for gemeente in site.gemeenten:
            slides = render_slides(site, module, gemeente, memo)
            for notes in (False, True):
                path = slides_path(module, gemeente, notes)
                other = "presentatie" if notes else "notities"
                out[path] = render(
                    "trainingen/slides.html.j2", site=site, module=module, gemeente=gemeente,
                    slides=slides, notes=notes, root=Markup("../" * path.count("/")),
                    look=look_of(site),
                    partner=f"../{other}/{gemeente.slug}.html").encode("utf-8")
    return out


def nav(site: Site) -> list[NavEntry]:
    if not site.trainingen:
        return []
    return [{"Trainingen": [OVERZICHT, *(module_uri(m) for m in site.trainingen)]}]
