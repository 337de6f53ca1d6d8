"""Budgets measured on the built example site: page weight, first visit on a phone, our own
script and CSS, and (optionally) Lighthouse 12 scores in Debian's Chromium.

Every budget is a ``Budget`` below (PAGE_HTML, FIRST_VISIT_RAW, FIRST_VISIT_GZIP,
LIGHTHOUSE); ``report`` prints each figure with its budget and
returns the broken ones, and ``run.py --budgets`` exits non-zero when any is broken."""

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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
        responses: list[Any] = []
        page.on("response", lambda response: responses.append(response))
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(1000)  # images below the fold that load lazily
        bodies = {r.url: r.body() for r in responses}  # read before the browser closes
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


@dataclass(frozen=True)
class Budget:
    """What may not be exceeded (or, for a score, not fallen below)."""

    name: str
    limit: float
    unit: str
    at_least: bool = False

    def broken(self, value: float) -> bool:
        return value < self.limit if self.at_least else value > self.limit


PAGE_HTML = Budget("municipality page HTML", 60, "KB")
FIRST_VISIT_RAW = Budget("first visit on a phone", 400, "KB")
FIRST_VISIT_GZIP = Budget("first visit on a phone with gzip", 80, "KB")
LIGHTHOUSE = {key: Budget(f"Lighthouse mobile {key}", 1.0, "", at_least=True)
              for key in ("performance", "accessibility")}
FIRST_VISIT_PAGES = ("index.html", "gemeenten/{heaviest}", "campagne/index.html")
"""The first visits that must stay within the budgets: home, a routekaart, a campaign page."""


def verdict(budget: Budget, value: float, what: str) -> tuple[str, str | None]:
    """A printed line for one figure, and the broken budget's description (or None)."""
    shown = f"{value:.2f}" if budget.at_least else f"{value:.1f} {budget.unit}"
    limit = f"{budget.limit:.2f}" if budget.at_least else f"{budget.limit:g} {budget.unit}"
    broken = budget.broken(value)
    line = f"{budget.name}, {what}: {shown} (budget {limit}){' BROKEN' if broken else ''}"
    return line, (line if broken else None)


def report(work: Path, lighthouse: bool = False, runs: int = 3) -> list[str]:
    """Measure the example site, print every figure and return the broken budgets.

    Lighthouse's performance score depends on how busy the machine is: each page is measured
    ``runs`` times and the median counts."""
    broken: list[str] = []

    def check(budget: Budget, value: float, what: str) -> None:
        line, problem = verdict(budget, value, what)
        print(line)
        if problem:
            broken.append(problem)

    site = work / "example-site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                    str(ROOT / "mkdocs.yml"), "-d", str(site)], env=ENV, check=True)
    pages = sorted((site / "gemeenten").glob("*.html"))
    heaviest = max((p for p in pages if p.name != "index.html"), key=lambda p: p.stat().st_size)
    check(PAGE_HTML, heaviest.stat().st_size / 1000, heaviest.name)
    own = sorted(p for p in (site / "assets" / "meldwijzer").iterdir() if p.is_file())
    print("our own script and CSS: " + ", ".join(
        f"{p.name} {p.stat().st_size / 1000:.1f} KB" for p in own) +
        f"; total {sum(p.stat().st_size for p in own) / 1000:.1f} KB")
    base = _serve(site)
    targets = [path.format(heaviest=heaviest.name) for path in FIRST_VISIT_PAGES]
    for path in targets:
        count, raw, packed = _first_visit(base + path)
        print(f"first visit on a phone, {path}: {count} requests")
        check(FIRST_VISIT_RAW, raw / 1000, path)
        check(FIRST_VISIT_GZIP, packed / 1000, path)
    if lighthouse:
        extra = ["signalen/index.html"]
        modules = sorted((site / "trainingen").glob("*/index.html"))
        extra += [modules[0].relative_to(site).as_posix()] if modules else []
        for path in [*targets, *extra]:
            scores = [_lighthouse(base + path) for _ in range(runs)]
            median = {key: sorted(s[key] for s in scores)[len(scores) // 2]
                      for key in scores[0]}
            print(f"lighthouse (mobile, median of {runs}) {path}: " + ", ".join(
                f"{k} {v:.2f}" for k, v in median.items()) +
                "; performance runs: " + ", ".join(f"{s['performance']:.2f}" for s in scores))
            if path in targets:
                for key, budget in LIGHTHOUSE.items():
                    check(budget, median[key], path)
    return broken
