"""The browser editor's configuration, ``beheer/config.yml`` (see ``meldwijzer.beheer``).

Only the public site has the editor; its page and Decap's bundle are added by the MkDocs
adapter, this family writes the part that comes from the data, so that the leak audit and
``meldwijzer check`` read it like every other generated file."""

from __future__ import annotations

from ..beheer import config_yaml
from ..beheer_bundel import FOLDER
from ..beheer_instellingen import settings
from ..site import Site
from . import NavEntry


def pages(site: Site) -> dict[str, str]:
    return {}


def files(site: Site) -> dict[str, bytes]:
    if site.intern:
        return {}
    return {f"{FOLDER}/config.yml":
            config_yaml(site, settings(site.options.beheer)).encode("utf-8")}


def nav(site: Site) -> list[NavEntry]:
    return []
