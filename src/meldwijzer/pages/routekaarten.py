"""Routekaarten: the municipality chooser, a route page per municipality and "Wie bel ik?"."""

from __future__ import annotations

import functools
import json
from typing import Any

from jinja2.utils import htmlsafe_json_dumps

from ..keten import ANONYMOUS_NOTE
from ..phones import is_anonymous_line
from ..site import ResolvedContact, ResolvedGemeente, Site
from ..templating import escape_text, render_markdown
from . import NavEntry, render_page


def gemeente_uri(slug: str) -> str:
    return f"gemeenten/{slug}.md"


def pages(site: Site) -> dict[str, str]:
    out = {
        "gemeenten/index.md": render_page("gemeenten/index.md", "routekaarten/gemeenten.md.j2",
                                          site),
        "wie-bel-ik.md": render_page("wie-bel-ik.md", "routekaarten/wie-bel-ik.md.j2", site),
    }
    for gemeente in site.gemeenten:
        uri = gemeente_uri(gemeente.slug)
        out[uri] = render_page(uri, "routekaarten/gemeente.md.j2", site, gemeente=gemeente,
                               page_url=site.page_url(uri),
                               wat_nu_script=wat_nu_script(gemeente))
    return out


def nav(site: Site) -> list[NavEntry]:
    return [{"Routekaarten": "gemeenten/index.md"}, {"Wie bel ik?": "wie-bel-ik.md"}]


def _contact_data(contact: ResolvedContact) -> dict[str, Any]:
    return {"naam": contact.naam, "telefoon": contact.telefoon, "tel": contact.tel,
            "email": contact.email, "bereikbaar": contact.bereikbaar,
            "wanneer": render_markdown(contact.wanneer) if contact.wanneer else None,
            "anoniem": is_anonymous_line(contact.telefoon)}


def _storage(gemeente: ResolvedGemeente) -> str:
    """The one storage rule, as the routekaart shows it at a recording step."""
    rule = gemeente.teksten.get("bewaren", "")
    if gemeente.bewaartermijn:
        rule += f"\n\n**Bewaartermijn:** {escape_text(gemeente.bewaartermijn)}."
    return render_markdown(rule)


def wat_nu_data(site: Site, gemeente: ResolvedGemeente) -> dict[str, Any]:
    """The resolved routes of one municipality for the "Wat nu?" helper (embedded JSON).

    Built from the same resolved model as the routekaart itself, so the helper can never
    disagree with the page. ``wat`` is sanitised HTML, like on the page.
    """
    return {
        "gemeente": gemeente.naam,
        "nood": _contact_data(site.noodnummer) if site.noodnummer else None,
        "anoniem": ANONYMOUS_NOTE.format(rol=site.rol),
        "buiten_kantoortijd": [_contact_data(c) for c in gemeente.buiten_kantoortijd],
        "routes": [{
            "id": route.id,
            "titel": route.titel,
            "terugkoppeling": {"wie": route.terugkoppeling.wie,
                               "wanneer": route.terugkoppeling.wanneer}
            if route.terugkoppeling else None,
            "stappen": [{
                "id": step.id,
                "nummer": step.nummer,
                "titel": step.titel,
                "wie": step.wie,
                "wanneer": step.wanneer,
                "wat": render_markdown(step.wat) if step.wat else None,
                "contacten": [_contact_data(c) for c in step.contacten],
                "bewaren": _storage(gemeente) if step.vastleggen else None,
                "keuzes": [{"als": k.als, "naar": k.naar} for k in step.keuzes],
                "volgende": route.stappen[step.volgende - 1].id if step.volgende else None,
            } for step in route.stappen],
        } for route in gemeente.routes],
    }


def wat_nu_script(gemeente: ResolvedGemeente) -> str:
    """Where the "Wat nu?" helper finds a municipality's routes: a script of its own, so the
    routekaart page does not carry them twice (a script, not JSON, so it loads from file://)."""
    return f"assets/meldwijzer/wat-nu/{gemeente.slug}.js"


def files(site: Site) -> dict[str, bytes]:
    """The routes of every municipality for the "Wat nu?" helper (``wat_nu_data``), as
    ``window.meldwijzerWatNu = {...}`` with <, > and & escaped."""
    dumps = functools.partial(json.dumps, sort_keys=True, ensure_ascii=False,
                              separators=(",", ":"))
    out = {}
    for gemeente in site.gemeenten:
        data = htmlsafe_json_dumps(wat_nu_data(site, gemeente), dumps)
        out[wat_nu_script(gemeente)] = f"window.meldwijzerWatNu={data};\n".encode()
    return out
