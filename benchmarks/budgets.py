"""Budgets measured on the built example site: page weight, first visit on a phone, our own
script and CSS, and (optionally) Lighthouse 12 scores in Debian's Chromium."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1793491200",
       "PYTHONPATH": str(ROOT / "src")}
CHROMIUM_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking " \
                 "--disable-component-update --disable-sync"


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Serves like a production web server does: gzip for text when the browser asks."""

    def log_message(self, *args: object) -> None:
        return

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        text = path.suffix in {".html", ".css", ".js", ".json", ".svg", ".xml", ".ics"}
        if not (path.is_file() and text and "gzip" in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serve(site: Path) -> str:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Gzip, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def _first_visit(url: str) -> tuple[int, int, int]:
    """Requests, bytes and gzip bytes of a first visit on a 375 px phone."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=CHROMIUM_FLAGS.split())
        page = browser.new_page(viewport={"width": 375, "height": 667}, is_mobile=True)
        bodies: dict[str, bytes] = {}
        page.on("response", lambda r: bodies.__setitem__(r.url, r.body()))
        page.goto(url, wait_until="networkidle")
        browser.close()
    return (len(bodies), sum(len(b) for b in bodies.values()),
            sum(len(gzip.compress(b)) for b in bodies.values()))


def _lighthouse(url: str) -> dict[str, float]:
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE,
                       check=True)
    out = subprocess.run(
        [str(binary), url, "--output=json", "--quiet", "--form-factor=mobile",
         "--only-categories=performance,accessibility,best-practices,seo",
         f"--chrome-path={shutil.which('chromium')}", f"--chrome-flags={CHROMIUM_FLAGS}"],
        capture_output=True, text=True, check=True)
    report = json.loads(out.stdout)
    return {key: report["categories"][key]["score"] for key in report["categories"]}


def report(work: Path, lighthouse: bool = False) -> None:
    site = work / "example-site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                    str(ROOT / "mkdocs.yml"), "-d", str(site)], env=ENV, check=True)
    pages = sorted((site / "gemeenten").glob("*.html"))
    heaviest = max((p for p in pages if p.name != "index.html"), key=lambda p: p.stat().st_size)
    print(f"example site: municipality page HTML max {heaviest.stat().st_size / 1000:.1f} KB "
          f"({heaviest.name}; budget 60 KB)")
    own = sorted((site / "assets" / "meldwijzer").iterdir())
    print("our own script and CSS: " + ", ".join(
        f"{p.name} {p.stat().st_size / 1000:.1f} KB" for p in own) +
        f"; total {sum(p.stat().st_size for p in own) / 1000:.1f} KB")
    base = _serve(site)
    for path in ("index.html", f"gemeenten/{heaviest.name}", "campagne/index.html"):
        if (site / path).exists():
            count, raw, packed = _first_visit(base + path)
            print(f"first visit on a phone, {path}: {count} requests, {raw / 1000:.0f} KB, "
                  f"{packed / 1000:.0f} KB with gzip (budget 400 KB)")
    if lighthouse:
        targets = ["index.html", f"gemeenten/{heaviest.name}", "signalen/index.html",
                   "campagne/index.html"]
        modules = sorted((site / "trainingen").glob("*/index.html"))
        if modules:
            targets.append(modules[0].relative_to(site).as_posix())
        for path in targets:
            if (site / path).exists():
                scores = _lighthouse(base + path)
                print(f"lighthouse (mobile) {path}: " + ", ".join(
                    f"{k} {v:.2f}" for k, v in scores.items()))
