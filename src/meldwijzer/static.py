"""The static files meldwijzer adds to every site (from the package's assets/ folder)."""

from __future__ import annotations

import re
from importlib import resources

FOLDER = "assets/meldwijzer"
STYLESHEETS = ("meldwijzer.css",)
SCRIPTS = ("meldwijzer.js",)
# Self-hosted shim so that offline search works from file:// without a CDN; loaded by
# zoeken-later.js only when someone searches from file://.
SHIM = "iframe-worker-shim.js"
# Loads the search index, the search worker and lunr only when a visitor starts to search.
LAZY_SEARCH = "zoeken-later.js"
POLYFILLS = (LAZY_SEARCH,)
"""Scripts in the page's head, before Material's bundle (Material's ``extra.polyfills``)."""
# The region's look, a generated stylesheet (see pages/huisstijl) loaded after ours.
LOOK = "huisstijl.css"
# Loaded only by the pages that use them.
PAGE_ASSETS = ("wat-nu.js", "wat-nu.css", "campagne.js", "slides.js", "slides.css",
               "snel-weg.js", "drukwerk.css", "bestuurlijk.css", "cijfers.css")
ALL = (*STYLESHEETS, *SCRIPTS, SHIM, *POLYFILLS, *PAGE_ASSETS)


def stylesheets() -> list[str]:
    """Our stylesheets as every page loads them: ours, then the region's look."""
    return [f"{FOLDER}/{name}" for name in (*STYLESHEETS, LOOK)]


def read(name: str) -> bytes:
    """An asset as published: stylesheets without comments and indentation, scripts without
    the comments that stand on lines of their own (a phone's first visit loads them before
    anything else). Code is never rewritten."""
    data = (resources.files("meldwijzer") / "assets" / name).read_bytes()
    if name.endswith(".css"):
        return _minify_css(data)
    return _strip_js_comments(data) if name.endswith(".js") else data


_JS_COMMENT_LINES = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n", re.DOTALL | re.MULTILINE)


def _strip_js_comments(data: bytes) -> bytes:
    return _JS_COMMENT_LINES.sub("", data.decode("utf-8")).encode("utf-8")


_STRING = re.compile(r"(\"[^\"]*\"|'[^']*')")


def _minify_css(data: bytes) -> bytes:
    """Comments, indentation and the spaces around { } ; , dropped (never inside a quoted
    string, where they are text)."""
    text = re.sub(r"/\*.*?\*/", "", data.decode("utf-8"), flags=re.DOTALL)
    text = " ".join(line.strip() for line in text.splitlines() if line.strip())
    parts = _STRING.split(text)
    for i in range(0, len(parts), 2):
        parts[i] = re.sub(r"\s*([{};,])\s*", r"\1", parts[i]).replace(";}", "}")
    return ("".join(parts).replace("}", "}\n") + "\n").encode("utf-8")


def theme_files() -> dict[str, bytes]:
    """Our theme overrides ({path below theme/: bytes}), for the export."""
    root = resources.files("meldwijzer") / "theme"
    out = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        children = [entry] if entry.is_file() else sorted(entry.iterdir(), key=lambda e: e.name)
        prefix = "" if entry.is_file() else f"{entry.name}/"
        out.update({prefix + child.name: child.read_bytes() for child in children})
    return out
