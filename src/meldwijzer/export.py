"""``meldwijzer export DIR``: the generated site as plain files, buildable without our hook.

The exit path away from this project's MkDocs hook: every generated page becomes a Markdown
file, every generated or static file is copied, hand-written pages in docs/ are copied, and
an mkdocs.yml without the hook gets the navigation, stylesheets, scripts and theme overrides
that the hook would have added. Plain ``mkdocs build`` (or another engine that reads
mkdocs.yml, such as Zensical) can then build the content.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from . import beheer_pagina, static
from .atomic import intern_folder
from .build import Generated, generate, leaks_in
from .errors import DataErrors
from .handwritten import nav_entries
from .pages import UNSAFE_FEATURES, escape_nav, huisstijl, nav_uris
from .site import Options


class ExportError(Exception):
    """The export cannot be written (the message is Dutch)."""


def export(root: Path, dest: Path, options: Options, config_file: Path | None = None) -> Path:
    """Write the export to ``dest`` (which must not exist or be empty); return its config.

    The export keeps the protections of the hook: navigation titles escaped, Material's
    tooltips off, nothing internal in a public export (the audit of ``meldwijzer check``),
    and an internal export builds into a folder ending in ``-intern``."""
    config_file = config_file or root / "mkdocs.yml"
    if dest.exists() and not dest.is_dir():
        raise ExportError(f"{dest} is een bestand. Kies een nieuwe, lege map.")
    if dest.exists() and any(dest.iterdir()):
        raise ExportError(f"De map {dest} bestaat al en is niet leeg. Kies een nieuwe map.")
    with config_file.open("rb") as handle:
        config: dict[str, Any] = yaml_load(handle) or {}
    generated = generate(root, options)
    leaks = leaks_in(generated)
    if leaks:
        raise DataErrors(leaks)
    docs = dest / "docs"
    hand_written = root / config.get("docs_dir", "docs")
    if hand_written.is_dir():
        shutil.copytree(hand_written, docs, ignore=shutil.ignore_patterns(".*"))
    _write_generated(generated, docs)
    if options.profiel != "intern":
        _write_editor(root, config, docs)
    for name in static.ALL:
        _write(docs / static.FOLDER / name, static.read(name))
    for name, data in static.theme_files().items():
        _write(dest / "overrides" / name, data)
    target = dest / "mkdocs.yml"
    _write(target, _config_text(config, generated, options).encode("utf-8"))
    return target


def _write_generated(generated: Generated, docs: Path) -> None:
    for uri, content in generated.pages.items():
        _write(docs / uri, content.encode("utf-8"))
    for path, data in generated.files.items():
        _write(docs / path, data)


def _write_editor(root: Path, config: dict[str, Any], docs: Path) -> None:
    """The browser editor (public only), as the hook adds it; its preview uses our own
    stylesheets (the theme's file name belongs to whichever engine builds the export)."""
    styles = [f"../{path}" for path in static.stylesheets()]
    styles += [f"../{path}" for path in config.get("extra_css") or []]
    extra = config.get("extra") or {}
    written, copied = beheer_pagina.editor_files(root, str(config.get("site_name", "")),
                                                 extra.get("beheer") if isinstance(extra, dict)
                                                 else None, styles)
    for path, data in written.items():
        _write(docs / path, data)
    for path, source in copied.items():
        _write(docs / path, source.read_bytes())


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _config_text(config: dict[str, Any], generated: Generated, options: Options) -> str:
    config = dict(config)
    config.pop("hooks", None)
    config.pop("watch", None)
    config["docs_dir"] = "docs"
    config.setdefault("nav", escape_nav(generated.nav))
    theme = dict(config.get("theme") or {"name": "material"})
    theme["custom_dir"] = "overrides"
    theme["features"] = [f for f in theme.get("features") or [] if f not in UNSAFE_FEATURES]
    if options.profiel == "intern":
        config["site_dir"] = intern_folder(str(config.get("site_dir") or "site"))
    config["theme"] = theme
    extra = dict(config.get("extra") or {})
    extra["meldwijzer"] = {"profiel": options.profiel}
    extra["polyfills"] = [f"{static.FOLDER}/{name}" for name in static.POLYFILLS]
    config["extra"] = extra
    config["extra_css"] = [*static.stylesheets(), *config.get("extra_css", [])]
    settings = huisstijl.theme_settings(generated.site, str(config.get("site_name", "")),
                                        config.get("site_description"))
    theme.update({k: v for k, v in settings.items() if k in ("logo", "favicon")})
    config.update({k: v for k, v in settings.items() if k.startswith("site_")})
    config["extra_javascript"] = [*(f"{static.FOLDER}/{n}" for n in static.SCRIPTS),
                                  *config.get("extra_javascript", [])]
    listed = set(nav_uris(config["nav"]))
    hidden = [f"/{uri}" for uri in generated.pages if uri not in listed]
    hidden += [f"/{uri}" for uri in nav_entries(generated.site.handpaginas)[1]]
    config["not_in_nav"] = "\n".join(hidden) + "\n"
    header = ("# Exported by `meldwijzer export`: the generated pages as plain Markdown.\n"
              "# Build with plain `mkdocs build`; no meldwijzer hook is needed.\n")
    try:
        return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    except yaml.representer.RepresenterError as exc:
        raise ExportError("mkdocs.yml bevat een waarde die niet als gewone YAML kan worden "
                          f"geschreven ({exc}). Pas de export van mkdocs.yml met de hand aan.") \
            from exc
