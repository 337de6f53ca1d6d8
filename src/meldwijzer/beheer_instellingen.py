"""The browser editor's settings: where it saves, ``extra.beheer`` in mkdocs.yml.

Checked before anything else of the editor is built: the Git server's address goes into the
page's security policy, and without a login of our own Decap would offer Netlify's. The
rest of the editor (``beheer``, ``beheer_bundel``, ``beheer_pagina``) takes these settings
as a checked ``Instellingen`` or None (not linked to a Git server yet).
"""

from __future__ import annotations

import os
import re
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, field_validator, model_validator

from .models import Model, Text, Url


class BeheerFout(Exception):
    """The editor cannot be set up as asked: its settings in mkdocs.yml (extra.beheer) are
    wrong, or its bundle cannot be fetched. The message is Dutch."""


class Instellingen(Model):
    """Waar de editor de bestanden bewaart: de Git-server (mkdocs.yml, extra.beheer)."""

    backend: Literal["gitlab", "github"] = Field(
        "gitlab", description="gitlab (ook een eigen GitLab-server) of github.")
    repo: Text = Field(description='De repository: "groep/project", bijvoorbeeld '
                       '"regio-zeekust/meldwijzer".')
    branch: Text = Field("main", description="De tak waarop de site wordt gebouwd.")
    base_url: Url | None = Field(None, description="Adres van de eigen GitLab-server, of bij "
                                 "GitHub van de OAuth-dienst.")
    api_root: Url | None = Field(None, description="Adres van de API van een eigen "
                                 "GitLab-server, bijvoorbeeld https://git.regio.nl/api/v4.")
    app_id: Text | None = Field(None, description="De Application ID van de OAuth-applicatie "
                                "in GitLab.")
    auth_type: Literal["pkce", "implicit"] = Field(
        "pkce", description="pkce (aanbevolen voor GitLab) of implicit.")

    @field_validator("base_url", "api_root")
    @classmethod
    def _plain_address(cls, value: str | None) -> str | None:
        # The address goes into the page's security policy: only https, a host name, a port
        # number and a plain path, nothing that could end or extend the policy.
        if value is not None and not _SERVER.fullmatch(value):
            raise ValueError("gebruik een gewoon adres zoals https://git.regio.nl (alleen "
                             "https, een servernaam, eventueel een poortnummer en een pad)")
        return value

    @model_validator(mode="after")
    def _login_possible(self) -> Instellingen:
        # Without these Decap falls back to Netlify's login service, which is not ours.
        if self.backend == "gitlab" and not self.app_id:
            raise ValueError("app_id ontbreekt: maak in GitLab een OAuth-applicatie (redirect-"
                             "URI het adres van beheer/, scope api) en zet de Application ID "
                             "hier")
        if self.backend == "github" and not self.base_url:
            raise ValueError("base_url ontbreekt: GitHub vraagt een eigen OAuth-dienst voor "
                             "het inloggen (zie de README); zet het adres daarvan hier")
        return self


_SERVER = re.compile(r"https://[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::[0-9]{1,5})?"
                     r"(?:/[A-Za-z0-9._~/-]*)?")
_ORIGIN = re.compile(r"https://[a-z0-9.-]+(?::[0-9]{1,5})?")


def settings(raw: Any) -> Instellingen | None:
    """The ``extra.beheer`` block of mkdocs.yml, checked; None when it is absent. Raises
    ``BeheerFout`` with every problem in one Dutch sentence."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise BeheerFout("Dit hoort een blok te zijn met backend, repo en (voor GitLab) "
                         "app_id. Zie de README, 'Publiceren zonder ontwikkelaar'.")
    try:
        return Instellingen.model_validate({k: str(v) for k, v in raw.items()})
    except ValidationError as exc:
        problems = "; ".join(
            (f"{'.'.join(map(str, e['loc']))}: " if e["loc"] else "")
            + (e["ctx"]["bericht"] if e["type"] == "meldwijzer" else
               e["msg"].removeprefix("Value error, ")).rstrip(".")
            for e in exc.errors(include_url=False))
        raise BeheerFout(f"{problems}. Zie de README, 'Publiceren zonder "
                         "ontwikkelaar'.") from None


def git_hosts(instellingen: Instellingen | None) -> list[str]:
    """The origins the editor talks to after login (for the page's security policy)."""
    if instellingen is None:
        return []
    if instellingen.backend == "github":
        hosts = ["https://api.github.com", "https://github.com"]
    else:
        hosts = ["https://gitlab.com"]
    for value in (instellingen.base_url, instellingen.api_root):
        if value:
            parts = urlsplit(value)
            hosts.append(f"{parts.scheme}://{parts.netloc}")
    if not all(_ORIGIN.fullmatch(host) for host in hosts):
        raise BeheerFout("base_url of api_root is geen gewoon adres.")
    return sorted(set(hosts))


def local_port() -> int:
    """The port of the local backend (decap-server); MELDWIJZER_BEHEER_POORT, 8081 by
    default. Only a page opened from this computer (127.0.0.1, localhost) uses it."""
    value = os.environ.get("MELDWIJZER_BEHEER_POORT", "8081")
    return int(value) if value.isdigit() and 0 < int(value) < 65536 else 8081


def backend(instellingen: Instellingen | None) -> dict[str, Any]:
    """Decap's ``backend`` block: the Git server, or a placeholder that cannot log in (the
    page then loads Decap only on this computer, for the local backend)."""
    out: dict[str, Any] = {"name": "gitlab", "repo": "nog-niet-ingesteld/meldwijzer",
                           "branch": "main"}
    if instellingen is not None:
        out = {"name": instellingen.backend, "repo": instellingen.repo,
               "branch": instellingen.branch}
        for key in ("base_url", "api_root", "app_id"):
            value = getattr(instellingen, key)
            if value:
                out[key] = value
        if instellingen.backend == "gitlab":
            out["auth_type"] = instellingen.auth_type
    out["squash_merges"] = True
    out["commit_messages"] = {
        "create": "Nieuw in {{collection}}: {{slug}}",
        "update": "Bijgewerkt in {{collection}}: {{slug}}",
        "delete": "Verwijderd uit {{collection}}: {{slug}}",
        "uploadMedia": "Bestand toegevoegd: {{path}}",
        "deleteMedia": "Bestand verwijderd: {{path}}",
    }
    return out
