"""The look's files: ``assets/meldwijzer/huisstijl.css`` (the region's colours and type as
CSS variables), the logo, the favicon and the fonts.

Every page, the slides and the editor's preview load ``huisstijl.css`` after our own
stylesheets, which only use the variables (``var(--mw-primair)``): a page family that uses
the variables and the existing classes picks up any region's look without knowing it.
"""

from __future__ import annotations

import posixpath

from .. import static
from ..huisstijl import Look, stock_look
from ..site import Site
from . import NavEntry

STYLESHEET = f"{static.FOLDER}/{static.LOOK}"


def look_of(site: Site) -> Look:
    return site.huisstijl or stock_look()


def pages(site: Site) -> dict[str, str]:
    return {}


def files(site: Site) -> dict[str, bytes]:
    look = look_of(site)
    return {**look.bestanden, STYLESHEET: stylesheet(look).encode("utf-8")}


def nav(site: Site) -> list[NavEntry]:
    return []


def stylesheet(look: Look) -> str:
    """The variables of ``look``. Every value was parsed and written back by ``huisstijl``
    (colours as #rrggbb, lengths, checked font names): nothing reaches CSS as written."""
    lines = [f"--mw-{role}:{colour};" for role, colour in look.kleuren.items()]
    lines += [f"--mw-{name}:{value};" for name, value in sorted(look.maten.items())]
    fonts = []
    if look.lettertype is not None:
        for weight, path in look.lettertype.bestanden:
            url = posixpath.relpath(path, posixpath.dirname(STYLESHEET))
            fonts.append(f'@font-face{{font-family:"{look.lettertype.naam}";'
                         f'src:url("{url}") format("woff2");font-weight:{weight};'
                         "font-style:normal;font-display:swap}")
    if look.logo is not None:
        url = posixpath.relpath(look.logo, posixpath.dirname(STYLESHEET))
        lines.append(f'--mw-logo:url("{url}");')
    return "\n".join([*fonts, ":root{", *lines, "}", ""])


STANDARD_NAME = "Aanpak mensenhandel "
"""How the example's mkdocs.yml names the site: these words and the region's name."""


def theme_settings(site: Site, site_name: str, description: str | None) -> dict[str, str]:
    """What the look changes in mkdocs.yml's settings: the logo and favicon, and the site's
    name and description when they are the example's words naming another region (a
    mkdocs.yml copied from the example and not edited)."""
    look = look_of(site)
    out = {key: value for key, value in (("logo", look.logo), ("favicon", look.favicon))
           if value}
    other = site_name.removeprefix(STANDARD_NAME) if site_name.startswith(STANDARD_NAME) \
        else None
    if other and other != site.naam:
        out["site_name"] = STANDARD_NAME + site.naam
        if description and other in description:
            out["site_description"] = description.replace(other, site.naam)
    return out
