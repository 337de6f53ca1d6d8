"""Browser fixtures: Debian's Chromium driven by Playwright, sites served on localhost.

Every page fixture blocks and records any request that leaves localhost; a test that caused
one fails, so "no third-party requests" is checked on every page any browser test opens.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from helpers import Build, site_url

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    # Belt and braces: names other than localhost do not resolve at all.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
LOCAL_SCHEMES = {"file", "data", "blob", "about", "chrome-error"}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("Chromium ontbreekt. Installeer het met scripts/install-test-tools "
                    "(of: apt-get install chromium).")
    instance = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
    yield instance
    instance.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


@functools.cache
def _serve(directory: Path, mount: str = "/") -> str:
    """Serve ``directory`` at path ``mount`` (the path of site_url, as a web server would)."""
    root = directory
    if mount.strip("/"):
        root = directory.parent / "webroot"
        target = root / mount.strip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.symlink_to(directory, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    path = f"/{mount.strip('/')}/" if mount.strip("/") else "/"
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


@pytest.fixture(scope="session")
def example_url(example_site: Build) -> str:
    """Base URL of the example site, served over HTTP on localhost at its site_url path."""
    url = site_url()
    return _serve(example_site.site, urlsplit(url).path if url else "/")


@pytest.fixture(scope="session")
def intern_url(example_intern: Build) -> str:
    url = site_url()
    return _serve(example_intern.site, urlsplit(url).path if url else "/")


@pytest.fixture(scope="session")
def nlds_url(nlds_site: Build) -> str:
    """Base URL of the test region with an NL Design System tokens look."""
    return _serve(nlds_site.site)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS


class Recorder:
    """Collects every request that would leave localhost (they are aborted)."""

    def __init__(self) -> None:
        self.external: list[str] = []


def _new_page(browser: Browser, **context_args: Any) -> tuple[Page, Recorder]:
    context = browser.new_context(**context_args)
    recorder = Recorder()

    def guard(route: Any) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            recorder.external.append(url)
            route.abort()

    context.route("**/*", guard)
    context.on("request", lambda r: None if is_local(r.url) else recorder.external.append(r.url))
    return context.new_page(), recorder


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A desktop-sized page; the test fails if anything requested a non-local URL."""
    pg, recorder = _new_page(browser, viewport={"width": 1280, "height": 900})
    yield pg
    pg.context.close()
    assert not recorder.external, f"requests left localhost: {sorted(set(recorder.external))}"


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A phone-sized page (375 x 667, touch)."""
    pg, recorder = _new_page(browser, viewport={"width": 375, "height": 667},
                             device_scale_factor=2, is_mobile=True, has_touch=True)
    yield pg
    pg.context.close()
    assert not recorder.external, f"requests left localhost: {sorted(set(recorder.external))}"
