"""The browser editor (beheer/), driven as a communications officer and a policy officer use it:
Decap CMS from the built site, against its local backend (decap-server in git mode, with the
editorial workflow: every save a branch, publishing merges it), on a copy of the example
region in a fresh Git repository.

The journey: log in, write a story with a photo, send it for review, approve and publish it;
move a tour stop; change a contact's phone number after the form refused a wrong one. Then
the repository holds valid files (``meldwijzer check``), the changes are exactly the intended
ones, and a build publishes them."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser_helpers import axe_violations
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from conftest import _new_page, _serve
from helpers import ROOT, Build, copy_project, keyed_as_maps, run_mkdocs, soup
from meldwijzer.keten import standard_role_ids
from meldwijzer.models import ROL_IDS

NODE = "node"
SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
TIMEOUT = 30_000


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, (args, result.stderr)
    return result.stdout


def _data(text: str) -> Any:
    if text.startswith("---\n"):
        text = text[4:text.index("\n---\n", 3) + 1]
    return keyed_as_maps(yaml.load(text, Loader=yaml.BaseLoader))


@dataclass
class Editor:
    repo: Path
    url: str
    start: str
    port: int


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    if not SERVER.is_file():
        pytest.fail("decap-server ontbreekt: draai scripts/install-test-tools (npm ci).")
    base = tmp_path_factory.mktemp("beheer")
    repo = copy_project(ROOT, base / "repo")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "redactie@voorbeeld.invalid")
    _git(repo, "config", "user.name", "Redactie")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Startinhoud")
    start = _git(repo, "rev-parse", "HEAD").strip()
    port = _free_port()
    os.environ["MELDWIJZER_BEHEER_POORT"] = str(port)
    try:
        build = run_mkdocs(repo, base / "site")
    finally:
        del os.environ["MELDWIJZER_BEHEER_POORT"]
    assert build.returncode == 0, build.log
    url = _serve(build.site, "/gooi-en-vechtstreek/") + "beheer/"
    backend = subprocess.Popen(
        [NODE, str(SERVER)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port),
             "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "info"})
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        backend.kill()
        pytest.fail("decap-server is niet gestart")
    yield Editor(repo, url, start, port)
    backend.terminate()
    backend.wait(timeout=10)


def _login(page: Page, editor: Editor) -> None:
    page.goto(editor.url)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator('a[data-testid="verhalen"]')).to_be_visible(timeout=TIMEOUT)


def _open(page: Page, editor: Editor, hash_: str) -> None:
    page.goto("about:blank")
    page.goto(editor.url + hash_)


def _save(page: Page) -> None:
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("Item opgeslagen").first).to_be_visible(timeout=TIMEOUT)


def _review_and_publish(page: Page) -> None:
    """Concept -> Wordt beoordeeld -> Klaar -> Publiceer nu (the editorial workflow)."""
    page.get_by_role("button", name="Status: Concept").click()
    page.get_by_role("menuitem", name="Wordt beoordeeld").click()
    expect(page.get_by_role("button", name="Status: Wordt beoordeeld")).to_be_visible(
        timeout=TIMEOUT)
    page.get_by_role("button", name="Status: Wordt beoordeeld").click()
    page.get_by_role("menuitem", name="Klaar").click()
    expect(page.get_by_role("button", name="Status: Klaar")).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("button", name="Publiceer", exact=True).click()
    page.get_by_role("menuitem", name="Publiceer nu").click()
    expect(page.get_by_text("Item gepubliceerd").first).to_be_visible(timeout=TIMEOUT)


def _photo(path: Path) -> Path:
    image = Image.new("RGB", (1200, 800))
    image.putdata([(40 + x // 8, 90 + y // 10, 120) for y in range(800) for x in range(1200)])
    image.save(path, "JPEG", quality=80)
    return path


def _retype(field: Any, value: str) -> None:
    """Empty a field and type, as a person does (Decap's inputs ignore a programmatic fill
    while they show an error)."""
    field.click()
    field.press("Control+A")
    field.press("Backspace")
    field.type(value)
    expect(field).to_have_value(value)


def _list_item(page: Page, index: int) -> Any:
    item = page.locator('[class*="SortableListItem"]').nth(index)
    expect(item).to_be_visible(timeout=TIMEOUT)
    return item


def _field(item: Any, label: str) -> Any:
    """A form field by its label; Decap adds "(optioneel)" to optional ones."""
    return item.get_by_label(re.compile(rf"^{re.escape(label)}( \(optioneel\))?$")).first


def _expand(item: Any, label: str) -> None:
    if not _field(item, label).is_visible():
        item.locator('button[class*="TopBarButton"]').first.click()
    expect(_field(item, label)).to_be_visible(timeout=TIMEOUT)


def test_officers_publish_a_story_a_tour_stop_and_a_phone_number(
        browser: Browser, editor: Editor, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    campagne_before = _data((editor.repo / "campaign/campagne.yml").read_text("utf-8"))
    laren_before = _data((editor.repo / "routekaarten/gemeenten/laren.yml").read_text("utf-8"))
    _login(page, editor)

    # 1. The communications officer writes a story with a photo.
    page.locator('a[data-testid="verhalen"]').click()
    page.get_by_role("link", name="Item van type Verhaal maken").click()
    page.get_by_label("Titel", exact=True).fill("Nadia en de nagelstudio")
    page.get_by_role("button", name="Kies een afbeelding").click()
    page.locator('input[type=file][accept="image/*"]').set_input_files(
        _photo(tmp_path / "nagelstudio.jpg"))
    page.get_by_role("button", name="Gebruik selectie").click()
    page.get_by_label("Beschrijving van de foto (alt-tekst)").fill(
        "Een lege nagelstudio met een rij stoelen en felle lampen.")
    vorm = page.get_by_label("Vorm", exact=True)
    page.locator("#" + vorm.get_attribute("id")).click()  # type: ignore[operator]
    page.get_by_text("Arbeidsuitbuiting", exact=True).click()
    page.locator('[data-slate-editor="true"]').click()
    page.keyboard.type("Nadia werkte elke dag twaalf uur in een nagelstudio.")
    _save(page)
    branches = _git(editor.repo, "branch", "--list", "cms/*")
    assert "cms/verhalen/nadia-en-de-nagelstudio" in branches
    story = editor.repo / "campaign/verhalen/nadia-en-de-nagelstudio.md"
    assert not story.exists(), "a draft stays off the main branch until it is published"
    _review_and_publish(page)

    # 2. A tour stop moves to another room.
    _open(page, editor, "#/collections/campagne/entries/campagne")
    stop = _list_item(page, 1)
    _expand(stop, "Locatie")
    stop.get_by_label("Locatie", exact=True).fill("Raadzaal, tweede verdieping")
    _save(page)
    _review_and_publish(page)

    # 3. The policy officer changes a phone number; the form refuses a wrong one first.
    _open(page, editor, "#/collections/gemeenten/entries/laren")
    contact = _list_item(page, 0)
    _expand(contact, "Telefoon")
    # The field's label changes when it shows an error: hold on to the input itself.
    phone = page.locator("#" + _field(contact, "Telefoon").get_attribute("id"))
    _retype(phone, "bel me maar")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    error = page.locator('[class*="ControlErrorsList"] li').first
    expect(error).to_have_text('"bel me maar" is geen telefoonnummer: gebruik alleen cijfers, '
                               "spaties, streepjes, haakjes en eventueel een + vooraan. "
                               'Voorbeeld: "035 123 45 67", "0800-2000", "14 035", "112" of '
                               '"+31 70 333 44 44".', timeout=TIMEOUT)
    assert "cms/gemeenten/laren" not in _git(editor.repo, "branch", "--list", "cms/*")
    _retype(phone, "035 751 32 99")
    _save(page)
    _review_and_publish(page)
    context.close()

    # The repository: exactly the intended files changed, and only the intended fields.
    changed = set(_git(editor.repo, "diff", "--name-only", editor.start, "main").split())
    assert changed == {"campaign/verhalen/nadia-en-de-nagelstudio.md",
                       "campaign/fotos/nagelstudio.jpg", "campaign/campagne.yml",
                       "routekaarten/gemeenten/laren.yml"}, changed
    assert _git(editor.repo, "branch", "--list", "cms/*").strip() == ""
    campagne = _data((editor.repo / "campaign/campagne.yml").read_text("utf-8"))
    campagne_before["tentoonstelling"][1]["locatie"] = "Raadzaal, tweede verdieping"
    assert campagne == campagne_before
    laren = _data((editor.repo / "routekaarten/gemeenten/laren.yml").read_text("utf-8"))
    laren_before["contacten"]["gemeente"]["telefoon"] = "035 751 32 99"
    assert laren == laren_before
    head = _data(story.read_text("utf-8"))
    assert head["titel"] == "Nadia en de nagelstudio"
    assert head["foto"] == "fotos/nagelstudio.jpg" and head["vorm"] == "arbeidsuitbuiting"
    assert "twaalf uur in een nagelstudio" in story.read_text("utf-8")

    # The files are valid, and a build publishes them.
    checked = subprocess.run([sys.executable, "-m", "meldwijzer", "--map", str(editor.repo),
                              "check"], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    build = run_mkdocs(editor.repo, tmp_path / "gepubliceerd")
    assert build.returncode == 0, build.log
    verhaal = soup(build.site / "campagne/verhalen/nadia-en-de-nagelstudio.html")
    assert verhaal.h1.get_text() == "Nadia en de nagelstudio"
    assert verhaal.select_one(".mw-verhaal__foto img")["alt"].startswith("Een lege nagelstudio")
    laren_page = soup(build.site / "gemeenten/laren.html")
    assert "tel:+31357513299" in {a["href"] for a in laren_page.select("a[href^='tel:']")}
    assert "Raadzaal, tweede verdieping" in (build.site / "campagne/index.html").read_text(
        "utf-8")


def test_the_editor_without_login_stays_on_the_site_and_passes_axe(
        browser: Browser, editor: Editor) -> None:
    """No request leaves localhost before login. The editor's page has a strict security
    policy (no inline scripts), so this context lets axe's injected script past it."""
    page, recorder = _new_page(browser, viewport={"width": 1280, "height": 900},
                               bypass_csp=True)
    page.goto(editor.url)
    expect(page.get_by_role("button", name="Inloggen")).to_be_visible(timeout=TIMEOUT)
    assert page.locator("html").get_attribute("lang") == "nl"
    assert axe_violations(page) == []
    page.context.close()
    assert not recorder.external, sorted(set(recorder.external))


def test_a_quick_fix_on_a_phone(browser: Browser, editor: Editor) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 667}, locale="nl-NL",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    _login(page, editor)
    _open(page, editor, "#/collections/gemeenten/entries/huizen")
    contact = _list_item(page, 0)
    _expand(contact, "Telefoon")
    field = page.locator("#" + _field(contact, "Telefoon").get_attribute("id"))
    box = field.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375 + 1, f"horizontal scroll: {width}px"
    field.fill("nummer")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator('[class*="ControlErrorsList"] li').first).to_contain_text(
        '"nummer" is geen telefoonnummer', timeout=TIMEOUT)
    context.close()


def test_a_trainer_adds_a_part_to_a_module(browser: Browser, editor: Editor) -> None:
    """A new part gets its file name from its number and title (contract 1.2 front matter)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    module = sorted(p.name for p in (editor.repo / "trainingen").iterdir() if p.is_dir())[0]
    _login(page, editor)
    _open(page, editor, f"#/collections/delen-{module}/new")
    page.get_by_label("Volgnummer", exact=True).fill("09")
    page.get_by_label("Titel", exact=True).fill("Vragen uit de zaal")
    page.locator('[data-slate-editor="true"]').last.click()
    page.keyboard.type("# Vragen?\n\nWat wil je nog weten?")
    _save(page)
    context.close()
    branch = f"cms/delen-{module}/09-vragen-uit-de-zaal"
    assert branch in _git(editor.repo, "branch", "--list", "cms/*")
    text = _git(editor.repo, "show", f"{branch}:trainingen/{module}/09-vragen-uit-de-zaal.md")
    assert text.startswith("---\n") and "titel: Vragen uit de zaal" in text
    # The branch's files as they are committed (decap-server may still hold the checkout).
    worktree = editor.repo.parent / "deel"
    worktree.mkdir()
    archive = subprocess.run(["git", "-C", str(editor.repo), "archive", "--format=tar", branch],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(worktree, filter="data")
    checked = subprocess.run([sys.executable, "-m", "meldwijzer", "--map", str(worktree),
                              "check"], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr


def test_an_unlinked_editor_on_a_real_host_offers_no_login(browser: Browser,
                                                            example_site: Build) -> None:
    """Not linked to a Git server (no extra.beheer) and opened on the site's own address:
    Decap is not loaded (it would offer a login through Netlify); the page says in Dutch
    whom to ask. The site is served under a made-up host name through the browser's own
    request routing, so nothing leaves the machine."""
    local = _serve(example_site.site, "/")
    context = browser.new_context()
    requested: list[str] = []

    def proxy(route: Any) -> None:
        url = route.request.url
        requested.append(url)
        if url.startswith("http://regio.test/"):
            route.fulfill(response=route.fetch(url=url.replace("http://regio.test/", local)))
        else:
            route.abort()

    context.route("**/*", proxy)
    page = context.new_page()
    page.goto("http://regio.test/beheer/index.html", wait_until="load")
    page.wait_for_timeout(1500)
    notice = page.locator(".mw-beheer-melding").first.inner_text()
    context.close()
    assert "Vraag de beheerder van de site" in notice
    assert any(u.endswith("/beheer/laden.js") for u in requested), requested
    assert not [u for u in requested if "decap" in u or not u.startswith("http://regio.test/")]


HUIZEN = "routekaarten/gemeenten/huizen.yml"


@dataclass
class Wrong:
    """A wrong value for one field of huizen.yml, as an editor types it in the form."""

    kind: str
    label: str
    item: int
    """Which block on the page: the contacts, then the signal."""
    original: str
    value: str


def _wrong_values() -> list[Wrong]:
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    return [
        Wrong("telefoon", "Telefoon", 0, "(035) 528 12 11", "035-12"),
        Wrong("url", "Website", 0, "https://www.huizen.nl", "http://www.huizen.nl"),
        Wrong("url", "Bron (webadres)", 0, "https://www.huizen.nl",
              "https://www.huizen.nl:x@evil.example/"),
        Wrong("email", "E-mail", 1, "mensenhandel@huizen.voorbeeld.nl", "mensenhandel@huizen"),
        Wrong("id", "Id", 0, "gemeente", "Gemeente Huizen"),
        Wrong("tekst", "Naam", 0, "Gemeente Huizen", "Gemeente INVULLEN"),
        Wrong("markdown", "Wanneer", 0, "Algemeen nummer van de gemeente. Vraag naar de "
              "aandachtfunctionaris mensenhandel.", "Zie [de site](https://www.huizen.nl\\x)."),
        Wrong("datum", "Gecontroleerd op", 0, "2026-10-01", future),
        Wrong("lange-tekst", "Tekst", 2, "In de haven of bij de jachtwerven werken mensen "
              "zonder duidelijke werkgever die ook aan boord of in loodsen lijken te slapen.",
              "   "),
    ]


def _check_messages(repo: Path, wrong: list[Wrong], tmp_path: Path) -> dict[str, str]:
    """What ``meldwijzer check`` says of each wrong value, each written alone into huizen.yml
    (a date in the future is looked at only once the files are valid)."""
    project = tmp_path / "check"
    for folder in ("routekaarten", "campaign", "trainingen"):
        shutil.copytree(repo / folder, project / folder)
    shutil.copy(repo / "mkdocs.yml", project / "mkdocs.yml")
    original = (project / HUIZEN).read_text("utf-8")
    keys = {"Website": "website", "Bron (webadres)": "bron", "E-mail": "email", "Id": "- id",
            "Naam": "naam", "Wanneer": "wanneer", "Gecontroleerd op": "gecontroleerd",
            "Tekst": "- tekst", "Telefoon": "telefoon"}
    messages = {}
    for item in wrong:
        lines = original.split("\n")
        number = next(i for i, line in enumerate(lines)
                      if line.strip().startswith(f"{keys[item.label]}: ")
                      and item.original in line)
        lines[number] = lines[number].replace(item.original, json.dumps(item.value), 1)
        (project / HUIZEN).write_text("\n".join(lines), "utf-8")
        result = subprocess.run([sys.executable, "-m", "meldwijzer", "--map", str(project),
                                 "check"], capture_output=True, text=True, check=False)
        found = [m.group(1).split(": ", 1)[1] for m in
                 re.finditer(rf"(?m)^{re.escape(HUIZEN)}:{number + 1}: (.*)$", result.stderr)]
        assert len(found) == 1, (item, result.stderr)
        messages[item.value] = found[0]
    return messages


def _input(item: Any, label: str) -> Any:
    """The input of a field in a list item (opened first), found by its label: a text
    field, a date, or the Markdown editor (whose label names no input)."""
    name = item.locator("label").filter(has_text=re.compile(rf"^{re.escape(label)}"
                                                             r"( \(optioneel\))?$")).first
    if not name.is_visible():
        item.locator('button[class*="TopBarButton"]').first.click()
    expect(name).to_be_visible(timeout=TIMEOUT)
    control = name.locator('xpath=ancestor::*[contains(@class, "ControlContainer")][1]')
    target = control.locator('input, textarea, [data-slate-editor="true"]').first
    expect(target).to_be_visible(timeout=TIMEOUT)
    return target


def _clear_markdown(page: Page, locator: Any) -> None:
    """Empty the Markdown editor (Slate) as a person does: select all, delete. Slate takes
    the browser's selection over a moment after it changes (it throttles selectionchange):
    a Backspace straight after Control+A may delete one character, not the selection, and
    what is typed next lands in the old text. So wait until the editor is empty."""
    locator.click()
    for _ in range(5):
        page.keyboard.press("Control+A")
        page.wait_for_timeout(200)
        page.keyboard.press("Backspace")
        if not locator.inner_text().strip("\ufeff\u200b \n"):
            return
    raise AssertionError(f"the Markdown editor was not emptied: {locator.inner_text()!r}")


def _type_into(page: Page, locator: Any, value: str) -> None:
    if locator.get_attribute("type") == "date":
        locator.fill(value)
        return
    if locator.get_attribute("data-slate-editor") == "true":
        _clear_markdown(page, locator)
        page.keyboard.type(value)
        expect(locator).to_have_text(value)
        return
    _retype(locator, value)


def test_the_form_refuses_every_kind_of_wrong_value_as_check_does(
        browser: Browser, editor: Editor, tmp_path: Path) -> None:
    """Every checked kind of value (models.Soort) with a wrong value in the real form: it is
    refused with the message `meldwijzer check` gives for it, and nothing reaches the
    repository; then a right value is saved, and the saved file differs from the original
    in exactly that one line (its comments, flow lists and long lines as they were)."""
    wrong = _wrong_values()
    messages = _check_messages(editor.repo, wrong, tmp_path)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    _login(page, editor)
    _open(page, editor, "#/collections/gemeenten/entries/huizen")
    for item in wrong:
        scope = _list_item(page, item.item)
        target = _input(scope, item.label)
        _type_into(page, target, item.value)
        page.get_by_role("button", name="Opslaan", exact=True).click()
        errors = page.locator('[class*="ControlErrorsList"] li')
        expect(errors.first, f"refused: {item}").to_be_visible(timeout=TIMEOUT)
        shown = errors.all_text_contents()
        assert shown == [messages[item.value]], (item, shown)
        assert "cms/gemeenten/huizen" not in _git(editor.repo, "branch", "--list", "cms/*")
        _type_into(page, target, item.original)
    before = (editor.repo / HUIZEN).read_text("utf-8")
    phone = page.locator("#" + str(_field(_list_item(page, 0), "Telefoon").get_attribute("id")))
    _retype(phone, "(035) 528 12 99")
    _save(page)
    context.close()
    saved = _git(editor.repo, "show", f"cms/gemeenten/huizen:{HUIZEN}")
    changed = [(a, b) for a, b in zip(before.split("\n"), saved.split("\n"), strict=True)
               if a != b]
    assert changed == [("    telefoon: (035) 528 12 11", "    telefoon: (035) 528 12 99")], \
        changed


def _choices_of(config: Any) -> Iterator[tuple[str | None, list[str]]]:
    """(``mw_bron``, option values) of every field with options in Decap's configuration."""
    for node in config:
        if isinstance(node, dict):
            if "options" in node:
                yield node.get("mw_bron"), [str(o["value"] if isinstance(o, dict) else o)
                                            for o in node["options"]]
            yield from _choices_of([v for v in node.values() if isinstance(v, (dict, list))])
        elif isinstance(node, list):
            yield from _choices_of(node)


def test_an_internal_contact_is_offered_from_the_repository_not_the_public_file(
        browser: Browser, editor: Editor) -> None:
    """The public config.yml lists no contact; after login a step's "Bellen" offers the
    contacts of regio.yml by name, internal ones marked, read through the backend."""
    regio = keyed_as_maps(yaml.load((editor.repo / "routekaarten/regio.yml").read_text(
        "utf-8"), Loader=yaml.BaseLoader))
    config = (editor.url.replace("beheer/", "") + "beheer/config.yml")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    public = page.request.get(config).text()
    # No contact is listed: a contact field offers nothing until login, and a contact's id
    # is offered only where it is also a role's (a role's contact is by default the contact
    # with its id: politie, veilig-thuis), in a choice of roles only, never of contacts.
    roles = standard_role_ids() | set(ROL_IDS) | {str(r["id"]) for r in regio.get("rollen") or []}
    offered = list(_choices_of(yaml.safe_load(public)["collections"]))
    assert [options for source, options in offered if source == "contacten"] != []
    assert not [options for source, options in offered if source == "contacten" and options]
    assert not [options for _, options in offered
                if set(options) & set(regio["contacten"]) and not set(options) <= roles]
    internal = {cid: c for cid, c in regio["contacten"].items()
                if c.get("zichtbaarheid") == "intern"}
    assert not [c["naam"] for c in internal.values() if c["naam"] in public]
    _login(page, editor)
    _open(page, editor, "#/collections/regio/entries/regio")
    routes = page.locator('[class*="SortableListItem"]').filter(
        has=page.get_by_text(regio["routes"][0]["titel"], exact=True)).first
    expect(routes).to_be_visible(timeout=TIMEOUT)
    routes.locator('button[class*="TopBarButton"]').first.click()
    step = routes.locator('[class*="SortableListItem"]').first
    step.locator('button[class*="TopBarButton"]').first.click()
    bellen = step.get_by_label(re.compile(r"^Bellen( \(optioneel\))?$")).first
    bellen.click()
    labels = page.locator('[class*="-option"]').all_inner_texts()
    context.close()
    first = next(iter(regio["contacten"].items()))
    assert f"{first[1]['naam']} ({first[0]})" in labels, labels
    internal = [f"{c['naam']} ({cid}), intern" for cid, c in regio["contacten"].items()
                if c.get("zichtbaarheid") == "intern"]
    assert set(internal) <= set(labels), (internal, labels)


def test_the_editor_says_klaar_and_no_false_saved_and_no_notice_after_login(
        browser: Browser, editor: Editor) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    _login(page, editor)
    expect(page.locator(".mw-beheer-melding").first).to_be_hidden()
    phrases = page.evaluate("JSON.stringify(window.CMS.getLocale('nl'))")
    assert "Voltooid" not in phrases and "Gereed" not in phrases
    assert '"ready":"Klaar"' in phrases
    _open(page, editor, "#/collections/verhalen/new")
    expect(page.get_by_label("Titel", exact=True)).to_be_visible(timeout=TIMEOUT)
    toolbar = page.locator('[class*="ToolbarSectionBackLink"]').first.inner_text()
    context.close()
    # Compared case-insensitively: the look may set the toolbar in capitals (text-transform).
    assert "opgeslagen" not in toolbar.lower() and "geen wijzigingen" in toolbar.lower(), \
        toolbar


@pytest.mark.parametrize("width", [375, 1280])
def test_the_login_button_clears_the_logo(browser: Browser, editor: Editor, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="nl-NL")
    page = context.new_page()
    page.goto(editor.url)
    button = page.get_by_role("button", name="Inloggen")
    expect(button).to_be_visible(timeout=TIMEOUT)
    logo = page.locator('[class*="DecapLogoIcon"] svg').first.bounding_box()
    box = button.bounding_box()
    context.close()
    assert logo is not None and box is not None
    assert logo["y"] + logo["height"] <= box["y"] - 8, (logo, box)
