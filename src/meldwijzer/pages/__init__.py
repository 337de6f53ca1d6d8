"""Page families: each turns the resolved ``Site`` into ``{page path: Markdown}``.

One module per family, the same shape in each: ``pages(site)`` returns the pages and
``nav(site)`` the family's entry in the site navigation (or nothing).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..models import VORM_LABELS
from ..resolve import Site
from ..templating import render

NavEntry = dict[str, Any] | str


def render_page(uri: str, template: str, site: Site, **context: Any) -> str:
    """Render ``template`` as the page at ``uri`` (a path below docs/, such as a/b.md)."""
    root = Markup("../" * uri.count("/"))
    return render(template, site=site, root=root, vorm_labels=VORM_LABELS, **context)
