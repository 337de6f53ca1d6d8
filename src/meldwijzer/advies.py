"""Advice checks: rules about what the site tells a worker, for every region's data.

Errors (see ``checks``) stop the build; these do not, so that data written for an earlier
contract keeps building. They are the rules behind right advice, checked on the data of any
region, not edits of the example:

* every route for workers says who tells the reporter what happened (terugkoppeling);
* every number offered out of hours says when it applies (``wanneer``), because 112 is for
  acute danger only and Veilig Thuis is not the number for every adult case;
* 112 is never offered in one step beside other numbers;
* a municipality has a number to call for its first contact;
* one storage rule: a step does not write its own, and the region says how long a recorded
  signal is kept.

``meldwijzer check`` prints them with their place (``file:line: field: message``), the
internal check page lists them, and the build logs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .checks import Loaded, Part
from .errors import ErrorLog
from .models import Gemeente, Regio, Route
from .phones import is_emergency
from .site import Site

if TYPE_CHECKING:
    from .cijfers import ResolvedCijfers

_STORAGE = re.compile(r"\bbewaar", re.IGNORECASE)


def advise(loaded: Loaded, site: Site, log: ErrorLog) -> None:
    """Add a located warning to ``log`` for every advice rule the data breaks."""
    parts = [loaded.regio, *(part for _, part in loaded.gemeenten)]
    for part in parts:
        for ri, route in _routes(part):
            _feedback(route, ri, part, site.rol, log)
            _steps(route, ri, part, _emergency_ids(loaded.regio, part), log)
    _out_of_hours(site, log)
    _first_number(loaded, site, log)
    _retention(loaded.regio, site, log)


# A number written with digits, not part of a longer number, a date or a decimal ("3", not
# "2025", "1,5" or "18-10").
_LIST_MARKER = re.compile(r"^\s*[0-9]+[.)]\s")
_NUMBER = re.compile(r"(?<![\w.,:/-])([0-9]+)(?![\w]|[.,:/-][0-9])")


def small_numbers_in_commentary(cijfers: ResolvedCijfers | None, log: ErrorLog) -> None:
    """The tables never publish a count under the threshold; the region's own commentary is
    free text, published as written. A small number in it is very likely such a count
    ("In Voorbeeldstad waren er 3 signalen"): warn, with the line, so an editor can rewrite it.
    (Called once the figures are read: ``build.check``.)"""
    if cijfers is None:
        return
    drempel = cijfers.drempel
    for year, text in sorted(cijfers.toelichting.items()):
        for number, line in enumerate(text.splitlines(), start=1):
            line = _LIST_MARKER.sub("", line)  # "1. Eerst ..." numbers a list, not a count
            small = [m.group(1) for m in _NUMBER.finditer(line) if 0 < int(m.group(1)) < drempel]
            if small:
                log.warn(f"cijfers/toelichting/{year}.md", number, "",
                         f"De toelichting noemt {' en '.join(small)}: een aantal onder de drempel "
                         f"({drempel}) staat nergens op de openbare site, want achter zo'n "
                         "klein aantal kan een herkenbaar mens zitten. Schrijf 'minder dan "
                         f"{drempel}' of laat het getal weg. Is het geen aantal signalen, "
                         "mensen of deelnemers (zoals '2 keer per jaar'), dan kan het blijven.")


def _routes(part: Part) -> Iterator[tuple[int, Route]]:
    if isinstance(part.model, (Regio, Gemeente)):
        yield from enumerate(part.model.routes)


def _emergency_ids(regio: Part, part: Part) -> set[str]:
    ids = set()
    for source in (regio, part):
        if isinstance(source.model, (Regio, Gemeente)):
            ids |= {cid for cid, c in source.model.contacten.items()
                    if c.telefoon and is_emergency(c.telefoon)}
    return ids


def _feedback(route: Route, ri: int, part: Part, rol: str, log: ErrorLog) -> None:
    if route.voor or route.terugkoppeling is not None:
        return
    path = ("routes", ri, "terugkoppeling")
    log.warn(part.doc.file, part.doc.line(("routes", ri, "id")), list(path),
             f"De route '{route.id}' zegt niet wie degene die het signaal gaf laat weten wat "
             "ermee gebeurt. Wie een signaal meldt, hoort of het is opgepakt. Voeg toe, "
             f"bijvoorbeeld: terugkoppeling: {{wie: De {rol}, wanneer: binnen 5 werkdagen}}.")


def _steps(route: Route, ri: int, part: Part, emergency: set[str], log: ErrorLog) -> None:
    doc = part.doc
    for si, step in enumerate(route.stappen):
        at = ("routes", ri, "stappen", si)
        if emergency & set(step.bellen) and set(step.bellen) - emergency:
            log.warn(doc.file, doc.line((*at, "bellen")), [*at, "bellen"],
                     f"De stap '{step.id}' biedt 112 aan naast andere nummers. 112 is alleen "
                     "voor acuut gevaar: zet 112 in een eigen stap na de vraag 'Is er acuut "
                     "gevaar?', en de andere nummers in een stap voor als het niet acuut is.")
        if step.wat and _STORAGE.search(step.wat):
            log.warn(doc.file, doc.line((*at, "wat")), [*at, "wat"],
                     f"De stap '{step.id}' zegt zelf hoe of waar het signaal bewaard wordt. "
                     "Eén regel voorkomt tegenstrijdig advies: haal die zin weg en zet "
                     "'vastleggen: ja' bij de stap. De stap toont dan de bewaarregel "
                     "(teksten.bewaren) en de bewaartermijn, net als het formulier.")


def _out_of_hours(site: Site, log: ErrorLog) -> None:
    for gemeente in site.gemeenten:
        for contact in gemeente.buiten_kantoortijd:
            if not contact.wanneer:
                log.warn(contact.bestand, contact.regel, f"contacten.{contact.id}.wanneer",
                         f"'{contact.naam}' staat bij 'Buiten kantoortijd' (dag en nacht "
                         "bereikbaar), maar zegt niet wanneer je het belt. Zet bij wanneer in één "
                         "zin voor welke signalen of situaties dit nummer is, zodat een medewerker "
                         "buiten kantoortijd het juiste nummer kiest. Bijvoorbeeld: 'wanneer: "
                         "Als iemand direct hulp of opvang nodig heeft en het niet kan wachten "
                         "tot de volgende werkdag.'")


def _first_number(loaded: Loaded, site: Site, log: ErrorLog) -> None:
    parts = dict(loaded.gemeenten)
    for gemeente in site.gemeenten:
        first = gemeente.eerste_nummer
        if first is not None and first.telefoon:
            continue
        part = parts[gemeente.slug]
        path = ("contacten", gemeente.eerste_id)
        where = "op de openbare site " if not site.intern else ""
        log.warn(part.doc.file, part.doc.line(path), list(path),
                 f"{gemeente.naam} heeft {where}geen nummer om te bellen voor het eerste "
                 f"aanspreekpunt, alleen een e-mailadres. Wie aan de balie een signaal ziet, "
                 f"moet kunnen bellen. Geef de {site.rol} een telefoon, of voeg een contact "
                 "'- id: gemeente' toe met het algemene nummer (naam, telefoon, gecontroleerd).")


def _retention(regio: Part, site: Site, log: ErrorLog) -> None:
    if all(g.bewaartermijn for g in site.gemeenten):
        return
    log.warn(regio.doc.file, regio.doc.line(("naam",)), "bewaartermijn",
             "Er staat niet hoe lang een vastgelegd signaal bewaard blijft. Zet in "
             "routekaarten/regio.yml (of per gemeente) bijvoorbeeld: bewaartermijn: 2 jaar na "
             "het afsluiten van het signaal. Vraag de termijn na bij de privacyfunctionaris.")
