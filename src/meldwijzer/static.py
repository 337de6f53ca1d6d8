"""The static files meldwijzer adds to every site (from the package's assets/ folder)."""

from __future__ import annotations

import re
from importlib import resources

FOLDER = "assets/meldwijzer"
STYLESHEETS = ("meldwijzer.css",)
SCRIPTS = ("meldwijzer.js",)
# Self-hosted shim so that offline search works from file:// without a CDN.
SHIM = "iframe-worker-shim.js"
# Loaded only by the pages that use them.
PAGE_ASSETS = ("wat-nu.js", "wat-nu.css", "campagne.js", "slides.js", "slides.css",
               "cijfers.css")
ALL = (*STYLESHEETS, *SCRIPTS, SHIM, *PAGE_ASSETS)


def read(name: str) -> bytes:
    """An asset as published: stylesheets without comments and indentation (a phone's first
    visit loads them before anything else). Scripts and the shim are published as written."""
    data = (resources.files("meldwijzer") / "assets" / name).read_bytes()
    return _minify_css(data) if name.endswith(".css") else data


def _minify_css(data: bytes) -> bytes:
    text = re.sub(r"/\*.*?\*/", "", data.decode("utf-8"), flags=re.DOTALL)
    lines = (line.strip() for line in text.splitlines())
    return ("\n".join(line for line in lines if line) + "\n").encode("utf-8")


def theme_files() -> dict[str, bytes]:
    """Our theme overrides ({path below theme/: bytes}), for the export."""
    root = resources.files("meldwijzer") / "theme"
    out = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        children = [entry] if entry.is_file() else sorted(entry.iterdir(), key=lambda e: e.name)
        prefix = "" if entry.is_file() else f"{entry.name}/"
        out.update({prefix + child.name: child.read_bytes() for child in children})
    return out
