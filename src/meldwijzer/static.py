"""The static files meldwijzer adds to every site (from the package's assets/ folder)."""

from __future__ import annotations

from importlib import resources

FOLDER = "assets/meldwijzer"
STYLESHEETS = ("meldwijzer.css",)
SCRIPTS = ("meldwijzer.js",)
# Self-hosted shim so that offline search works from file:// without a CDN.
SHIM = "iframe-worker-shim.js"
# Loaded only by the pages that use them.
PAGE_ASSETS = ("wat-nu.js", "wat-nu.css", "campagne.js", "slides.js", "slides.css")
ALL = (*STYLESHEETS, *SCRIPTS, SHIM, *PAGE_ASSETS)


def read(name: str) -> bytes:
    return (resources.files("meldwijzer") / "assets" / name).read_bytes()


def theme_file(name: str) -> bytes:
    return (resources.files("meldwijzer") / "theme" / name).read_bytes()
