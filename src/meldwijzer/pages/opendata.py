"""Open data (api/v1 with its schemas), the editors' JSON Schemas, and the pages that
document them: "Open data" for other systems and the editors' guide."""

from __future__ import annotations

import json
from importlib import resources

from ..opendata import VERSION, export_files
from ..schema import REGISTRY, schemas
from ..site import Site
from . import NavEntry, render_page

OPEN_DATA = "over/open-data.md"
GUIDE = {
    "redacteuren/index.md": "redacteuren/index.md.j2",
    "redacteuren/gegevens.md": "redacteuren/gegevens.md.j2",
    "redacteuren/foutmeldingen.md": "redacteuren/foutmeldingen.md.j2",
}


def error_catalogue() -> list[dict[str, object]]:
    """Example error reports (from the golden test cases), for the editors' guide."""
    data = resources.files("meldwijzer") / "data" / "foutmeldingen.json"
    return list(json.loads(data.read_text("utf-8")))


def pages(site: Site) -> dict[str, str]:
    first = site.gemeenten[0] if site.gemeenten else None
    out = {OPEN_DATA: render_page(OPEN_DATA, "algemeen/open-data.md.j2", site,
                                  versie=VERSION, voorbeeld=first,
                                  api_url=site.options.site_url.rstrip("/") + "/"
                                  if site.options.site_url else None)}
    for uri, template in GUIDE.items():
        out[uri] = render_page(uri, template, site, registry=REGISTRY,
                               fouten=error_catalogue())
    return out


def files(site: Site) -> dict[str, bytes]:
    # Open data is public by definition: the internal build does not publish it at all.
    out = {} if site.intern else export_files(site)
    out.update({f"schemas/{name}": text.encode("utf-8") for name, text in schemas()})
    return out


def nav(site: Site) -> list[NavEntry]:
    return [{"Over deze site": [{"Open data": OPEN_DATA}]}]
