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


def theme_files() -> dict[str, bytes]:
    """Our theme overrides ({path below theme/: bytes}), for the export."""
    root = resources.files("meldwijzer") / "theme"
    out = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        children = [entry] if entry.is_file() else sorted(entry.iterdir(), key=lambda e: e.name)
        prefix = "" if entry.is_file() else f"{entry.name}/"
        out.update({prefix + child.name: child.read_bytes() for child in children})
    return out
