"""References between data files: every check that needs more than one value.

A step's ``naar`` must point to a later step of its route, every ``bellen`` id must resolve
for every municipality that uses the route, every step must be reachable, key numbers must be
callable, signals' work fields must exist. The files arrive as ``Part``s: as far as they
could be validated, so that one broken file does not hide the errors of the others.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import ErrorLog
from .idnamen import check_ids
from .keten import role_ids, sector_labels, standard_role_ids, standard_sectors
from .models import Gemeente, Regio, Route, Signaal
from .site import FIRST_CONTACT, first_contact_id, role_slug
from .yamlread import Document


@dataclass
class Part:
    """A data file as far as it could be checked.

    When the whole file is valid, ``model`` holds it. When not, the routes, signals and
    contact ids that are valid on their own are still kept, so that references between
    files are checked too and every error is reported in one run.
    """

    doc: Document
    model: Regio | Gemeente | None
    contact_ids: set[str]
    routes: list[tuple[int, Route]]
    signalen: list[tuple[int, Signaal]]


@dataclass
class Loaded:
    regio: Part
    werkvelden: set[str] | None
    signalen: Part | None
    gemeenten: list[tuple[str, Part]]


def check_references(loaded: Loaded, log: ErrorLog) -> None:
    regio = loaded.regio
    model = regio.model if isinstance(regio.model, Regio) else None
    raw = regio.doc.data if isinstance(regio.doc.data, dict) else {}
    # From the raw data when regio.yml itself has errors, so that every file is checked.
    roles = role_ids(model) if model else _raw_ids(raw.get("rollen"), standard_role_ids())
    sectors = set(sector_labels(model)) if model else _raw_ids(
        raw.get("sectoren"), set(standard_sectors()))
    _check_routes(regio.routes, regio.doc, log, roles)
    if model is not None:
        _check_chain(model, regio, log)
    if isinstance(regio.model, Regio):
        callable_ids = sorted(c for c, v in regio.model.contacten.items() if v.telefoon)
        for index, contact_id in enumerate(regio.model.kernnummers):
            path = ("kernnummers", index)
            if contact_id not in regio.contact_ids:
                log.add(regio.doc.file, regio.doc.line(path), list(path),
                        f"Het contact '{contact_id}' bestaat niet in de contacten van de regio. "
                        f"Kies uit: {', '.join(sorted(regio.contact_ids))}.")
            elif contact_id not in callable_ids:
                log.add(regio.doc.file, regio.doc.line(path), list(path),
                        f"Het contact '{contact_id}' heeft geen telefoonnummer. Een kernnummer "
                        "moet je kunnen bellen: geef het contact een telefoon, of kies uit: "
                        f"{', '.join(callable_ids)}.")
    if loaded.signalen and loaded.werkvelden is not None:
        _check_signalen(loaded.signalen, (), loaded.werkvelden, log, sectors)
    rolnaam = model.rolnaam if model else str(raw.get("rolnaam") or FIRST_CONTACT)
    for _, gemeente in loaded.gemeenten:
        contacts = gemeente.doc.data.get("contacten") if isinstance(gemeente.doc.data, dict) \
            else None
        if isinstance(contacts, dict):
            _check_first_contact(gemeente, set(contacts), rolnaam, log)
            gemeente.contact_ids = _with_alias(gemeente.contact_ids, rolnaam)
        _check_routes(gemeente.routes, gemeente.doc, log, roles)
        if loaded.werkvelden is not None:
            _check_signalen(gemeente, ("signalen",), loaded.werkvelden, log, sectors)
    _check_bellen(loaded, log, rolnaam)
    check_ids(loaded, log)


def _check_first_contact(gemeente: Part, ids: set[str], rolnaam: str, log: ErrorLog) -> None:
    if first_contact_id(ids, rolnaam) in ids:
        return
    own = role_slug(rolnaam)
    accepted = [FIRST_CONTACT] if own in {FIRST_CONTACT, ""} else [FIRST_CONTACT, own]
    close = difflib.get_close_matches(own or FIRST_CONTACT, sorted(ids), n=1, cutoff=0.75) or \
        difflib.get_close_matches(FIRST_CONTACT, sorted(ids), n=1, cutoff=0.75)
    hint = (f" Is '{close[0]}' een tikfout? De id is '{accepted[0]}'"
            + (f" (of '{accepted[1]}')" if len(accepted) > 1 else "") + ".") if close else ""
    either = " of ".join(f"'- id: {a}'" for a in accepted)
    log.add(gemeente.doc.file, gemeente.doc.line(("contacten",)), ["contacten"],
            f"De gemeente heeft geen contact voor de {rolnaam}, het eerste aanspreekpunt.{hint} "
            f"Voeg onder contacten een blok {either} toe (in de oude vorm: "
            f"'{accepted[-1]}:') met naam, email of telefoon en gecontroleerd.")


def _with_alias(ids: set[str], rolnaam: str) -> set[str]:
    """Routes may name the first contact by either id: ``aandachtfunctionaris`` or the
    region's own word for the role."""
    if first_contact_id(ids, rolnaam) in ids:
        return ids | {FIRST_CONTACT, role_slug(rolnaam)} - {""}
    return ids


def _raw_ids(value: object, standard: set[str]) -> set[str]:
    if isinstance(value, dict):
        return standard | {str(k) for k in value}
    if isinstance(value, list):
        return standard | {str(i.get("id")) for i in value if isinstance(i, dict)}
    return standard


def _check_chain(regio: Regio, part: Part, log: ErrorLog) -> None:
    """Contact ids named by the out-of-hours fallback and by the roles must exist."""
    doc, known = part.doc, sorted(part.contact_ids)
    named: list[tuple[tuple[str | int, ...], str]] = []
    if regio.buiten_kantoortijd:
        named.append((("buiten_kantoortijd",), regio.buiten_kantoortijd))
    for ri, rol in enumerate(regio.rollen):
        named += [(("rollen", ri, "contacten", ci), cid) for ci, cid in enumerate(rol.contacten)]
    for index, werkveld in enumerate(regio.beroepsgeheim):
        if werkveld not in regio.werkvelden:
            where = ("beroepsgeheim", index)
            log.add(doc.file, doc.line(where), list(where), f"Het werkveld '{werkveld}' bestaat "
                    f"niet. Kies uit de werkvelden: {', '.join(sorted(regio.werkvelden))}.")
    for path, contact_id in named:
        if contact_id not in part.contact_ids:
            log.add(doc.file, doc.line(path), list(path), f"Het contact '{contact_id}' bestaat "
                    f"niet in de contacten van de regio. Kies uit: {', '.join(known)}.")


def _check_signalen(part: Part, at: tuple[str | int, ...], werkvelden: set[str],
                    log: ErrorLog, sectors: set[str] | None = None) -> None:
    doc = part.doc
    for index, signaal in part.signalen:
        for si, sector in enumerate(signaal.sectoren):
            if sectors is not None and sector not in sectors:
                where: tuple[str | int, ...] = (*at, index, "sectoren", si)
                log.add(doc.file, doc.line(where), list(where), f"De sector '{sector}' bestaat "
                        f"niet. Kies uit: {', '.join(sorted(sectors))}, of voeg hem toe onder "
                        "sectoren in routekaarten/regio.yml.")
        for wi, werkveld in enumerate(signaal.werkvelden):
            if werkveld not in werkvelden:
                path: tuple[str | int, ...] = (*at, index, "werkvelden", wi)
                log.add(doc.file, doc.line(path), list(path),
                        f"Het werkveld '{werkveld}' bestaat niet. Kies uit de werkvelden in "
                        f"routekaarten/regio.yml: {', '.join(sorted(werkvelden))}.")


def _check_routes(routes: list[tuple[int, Route]], doc: Document, log: ErrorLog,
                  roles: set[str] | None = None) -> None:
    seen: dict[str, int] = {}
    for ri, route in routes:
        if route.voor and roles is not None and route.voor not in roles:
            where = ("routes", ri, "voor")
            log.add(doc.file, doc.line(where), list(where), f"De rol '{route.voor}' bestaat niet. "
                    f"Kies uit: {', '.join(sorted(roles))}, of voeg de rol toe onder rollen in "
                    "routekaarten/regio.yml.")
        path = ("routes", ri, "id")
        if route.id in seen:
            log.add(doc.file, doc.line(path), list(path), f"De route-id '{route.id}' komt twee "
                    f"keer voor (ook bij routes[{seen[route.id]}]). Geef elke route een eigen id.")
        seen.setdefault(route.id, ri)
        _check_steps(route, doc, ("routes", ri), log)


def _check_steps(route: Route, doc: Document, at: tuple[str | int, ...], log: ErrorLog) -> None:
    position: dict[str, int] = {}
    for si, step in enumerate(route.stappen):
        path = (*at, "stappen", si, "id")
        if step.id in position:
            log.add(doc.file, doc.line(path), list(path), f"De stap-id '{step.id}' komt twee keer "
                    f"voor in route '{route.id}'. Geef elke stap een eigen id.")
        position.setdefault(step.id, si)
    reachable = {0}
    for si, step in enumerate(route.stappen):
        targets = []
        for ki, keuze in enumerate(step.keuzes):
            path = (*at, "stappen", si, "keuzes", ki, "naar")
            target = position.get(keuze.naar)
            if target is None:
                log.add(doc.file, doc.line(path), list(path), f"De stap '{keuze.naar}' bestaat "
                        f"niet in route '{route.id}'. Kies uit: {', '.join(position)}.")
            elif target <= si:
                log.add(doc.file, doc.line(path), list(path), f"De keuze gaat terug naar stap "
                        f"'{keuze.naar}'. Een keuze mag alleen naar een latere stap gaan; zet "
                        "de stappen in een andere volgorde.")
            else:
                targets.append(target)
        if si in reachable:
            reachable.update(targets if step.keuzes else [si + 1])
    for si, step in enumerate(route.stappen):
        if si not in reachable:
            path = (*at, "stappen", si)
            log.add(doc.file, doc.line(path), list(path), f"De stap '{step.id}' is niet te "
                    "bereiken: geen eerdere stap leidt ernaartoe. Voeg bij een eerdere stap een "
                    f"keuze toe met naar: {step.id}, of haal de stap weg.")


def _check_bellen(loaded: Loaded, log: ErrorLog, rolnaam: str) -> None:
    regio = loaded.regio
    first_ids = {FIRST_CONTACT, role_slug(rolnaam)}
    for ri, route in regio.routes:
        users = [g for _, g in loaded.gemeenten
                 if route.id not in {r.id for _, r in g.routes}]
        for path, contact_id in _bellen(route, ("routes", ri)):
            if contact_id in regio.contact_ids:
                continue
            # A municipality without a first contact is reported once, above, not per step.
            missing = [g for g in users if contact_id not in g.contact_ids
                       and not (contact_id in first_ids and FIRST_CONTACT not in g.contact_ids)]
            if not missing:
                continue
            where = regio.doc.line(path)
            if len(missing) == len(users):
                log.add(regio.doc.file, where, list(path), _unknown_contact(contact_id, regio))
            else:
                files = ", ".join(log.relative(g.doc.file) for g in missing)
                log.add(regio.doc.file, where, list(path), f"Het contact '{contact_id}' bestaat "
                        f"niet voor {files}. Voeg het daar toe onder contacten, of zet het in "
                        "routekaarten/regio.yml.")
    for _, gemeente in loaded.gemeenten:
        for ri, route in gemeente.routes:
            for path, contact_id in _bellen(route, ("routes", ri)):
                if contact_id not in gemeente.contact_ids | regio.contact_ids:
                    log.add(gemeente.doc.file, gemeente.doc.line(path), list(path),
                            _unknown_contact(contact_id, regio, gemeente))


def _bellen(route: Route, at: tuple[str | int, ...]) -> Iterable[tuple[tuple[str | int, ...], str]]:
    for si, step in enumerate(route.stappen):
        for bi, contact_id in enumerate(step.bellen):
            yield (*at, "stappen", si, "bellen", bi), contact_id


def _unknown_contact(contact_id: str, regio: Part, gemeente: Part | None = None) -> str:
    known = sorted(regio.contact_ids | (gemeente.contact_ids if gemeente else set()))
    close = difflib.get_close_matches(contact_id, known, n=1, cutoff=0.6)
    hint = f" Bedoel je '{close[0]}'?" if close else ""
    return (f"Het contact '{contact_id}' bestaat niet.{hint} Gebruik een id uit contacten: "
            f"{', '.join(known)}.")
