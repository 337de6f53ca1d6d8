"""The browser editor's page, ``beheer/index.html``, and the files it loads.

The page holds no script of its own (its security policy allows none inline): ``laden.js``
loads Decap's bundle only where a login can work, then the editor's own scripts. Used by the
MkDocs adapter and by ``meldwijzer export``; the configuration (``config.yml``) is a
generated file of the ``beheer`` page family.
"""

from __future__ import annotations

import html
import re
from importlib import resources
from pathlib import Path
from typing import Any

import markupsafe

from . import beheer_regels
from .beheer_bundel import FOLDER, published
from .beheer_instellingen import Instellingen, git_hosts, local_port, settings

PAGE_ASSETS = ("beheer.css", "laden.js", "voorbeeld.js", "editor.js", "opmaak.js", "regels.js")


def page(site_name: str, instellingen: Instellingen | None, styles: list[str],
         bundle: bool) -> str:
    """beheer/index.html: the loader of Decap's bundle and the editor's scripts, and a
    notice when the editor is not complete or not linked to a Git server."""
    template = (resources.files("meldwijzer") / "assets" / "beheer" / "index.html").read_text(
        "utf-8")
    notices = []
    if not bundle:
        notices.append("De editor is niet compleet: Decap CMS ontbreekt in deze bouw. Draai "
                       "eerst <code>meldwijzer beheer-ophalen</code> (of <code>npm ci</code>) "
                       "en bouw de site opnieuw.")
    if instellingen is None:
        notices.append("De editor is nog niet gekoppeld aan de Git-server van de regio, dus "
                       "inloggen kan hier nog niet. Vraag de beheerder van de site om hem te "
                       "koppelen (README, 'Instellen'). Wil je hem op je eigen computer "
                       "proberen? Start dan <code>sh scripts/beheer</code>.")
    notice = "".join(f'<p class="mw-beheer-melding" role="status">{n}</p>' for n in notices)
    values = {"HOSTS": html.escape(" ".join(git_hosts(instellingen))),
              "LOCAL": f"http://127.0.0.1:{local_port()}",
              "STYLES": html.escape(" ".join(styles)),
              # markupsafe, not html.escape: the name may come escaped already (Markup, see
              # mkdocs_adapter._apply_look) and is then left as it is, never escaped twice.
              "SITE": str(markupsafe.escape(site_name)),
              "GEKOPPELD": "ja" if instellingen is not None else "nee",
              "NOTICE": notice}
    # One pass: a value never passes through another substitution.
    return re.sub(r"\{\{([A-Z]+)\}\}", lambda m: values[m.group(1)], template)


def asset(name: str) -> bytes:
    return (resources.files("meldwijzer") / "assets" / "beheer" / name).read_bytes()


def editor_files(root: Path, site_name: str, raw_settings: Any, styles: list[str]
                 ) -> tuple[dict[str, bytes], dict[str, Path]]:
    """The editor's page, scripts and rules (path: content) and the pinned packages' files
    (path: the file to copy; empty when one is missing). The configuration comes from the
    ``beheer`` page family. Used by the MkDocs adapter and by ``meldwijzer export``."""
    copied, _ = published(root)
    written = {f"{FOLDER}/index.html": page(site_name, settings(raw_settings), styles,
                                            bool(copied)).encode("utf-8")}
    written |= {f"{FOLDER}/{name}": asset(name) for name in PAGE_ASSETS}
    written[f"{FOLDER}/regels.json"] = beheer_regels.table()
    return written, copied
