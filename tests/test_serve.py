"""`mkdocs serve` rebuilds when a data file changes, and shows data errors in the browser."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import EPOCH


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        return str(exc.read().decode("utf-8"))


def _wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            body = _get(url)
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not show {text!r} within {seconds}s; last body: {body[:500]}")


@pytest.fixture(params=["serve", "serve --dirty"])
def served(klein_project: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Path, str]]:
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", *request.param.split(), "-a", f"127.0.0.1:{port}",
         "-f", str(klein_project / "mkdocs.yml")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        yield klein_project, f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_editing_yaml_rebuilds_the_page(served: tuple[Path, str]) -> None:
    project, url = served
    page = url + "gemeenten/westerdorp.html"
    _wait_for(page, "14 035")
    data = project / "routekaarten" / "gemeenten" / "westerdorp.yml"
    data.write_text(data.read_text("utf-8").replace("14 035", "14 036"), "utf-8")
    _wait_for(page, "14 036")
    # Pages the edit did not touch are still there (with --dirty: not rebuilt, kept).
    assert "Oosterdorp" in _get(url + "gemeenten/oosterdorp.html")


def test_data_errors_show_in_the_browser_during_serve(served: tuple[Path, str]) -> None:
    project, url = served
    _wait_for(url + "index.html", "Routekaarten")
    data = project / "routekaarten" / "gemeenten" / "westerdorp.yml"
    data.write_text(data.read_text("utf-8").replace("telefoon: 14 035", "telefon: 14 035"),
                    "utf-8")
    body = _wait_for(url + "index.html", "Fouten in de gegevens")
    errors = BeautifulSoup(body, "html.parser").select("ul.mw-fouten li")
    assert [e.get_text() for e in errors] == [
        "routekaarten/gemeenten/westerdorp.yml:5: contacten.aandachtfunctionaris.telefon: "
        "Het veld 'telefon' is onbekend. Bedoel je 'telefoon'? Toegestaan zijn: bereikbaar, "
        "bron, email, gecontroleerd, intern, naam, organisatie, persoon, telefoon, wanneer, "
        "website, zichtbaarheid.",
    ]
    data.write_text(data.read_text("utf-8").replace("telefon: 14 035", "telefoon: 14 035"),
                    "utf-8")
    _wait_for(url + "index.html", "Kies je gemeente")
