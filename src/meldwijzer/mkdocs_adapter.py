"""The bridge to MkDocs: each function is called from one event of ``hooks/meldwijzer.py``.

MkDocs loads a hook file anew for every build (also on every rebuild of ``mkdocs serve``),
so state that must outlive one build (which command runs) lives here, in the package.

Event order and why:

* ``on_startup``: remember whether this is ``serve`` (data errors become a page) or ``build``
  (data errors stop the build).
* ``on_config``: after the plugins (the offline plugin has set ``use_directory_urls``), read
  and check the data once for the whole build, set the navigation, the profile and our theme
  files. Nothing is computed per page.
* ``on_files``: add the generated pages and our static files as virtual files.
* ``on_post_build`` (last of all plugins): check the finished site, then move it into place
  (see ``atomic``); ``on_build_error``: drop the unfinished site.
"""

from __future__ import annotations

import concurrent.futures
import functools
import html
import logging
import os
import re
import stat
from importlib import resources
from pathlib import Path

import markupsafe
import pathspec
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import atomic, beheer_bundel, beheer_pagina, static, storingen, worker
from .audit import Stream, audit_arguments, audit_site
from .build import Generated, generate
from .compact import compact_html
from .errors import DataErrors, ErrorLog
from .files import SPECIAL, path_problem
from .handwritten import nav_entries
from .koppen import RouteHeadings
from .pages import UNSAFE_FEATURES, NavEntry, escape_nav, huisstijl, nav_uris
from .site import Options
from .templating import render

log = logging.getLogger("mkdocs.plugins.meldwijzer")

OPTIONAL_DATA = ("campaign", "trainingen", "cijfers")


class GeneratedFile(File):
    """A generated page or file that knows whether its content changed since the last build.

    MkDocs asks ``is_modified`` only in ``mkdocs serve --dirty``: then a YAML edit re-renders
    just the pages whose content it changed, not the whole site."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged


_previous: dict[tuple[str, str], int] = {}


def _always() -> bool:
    return True


def _generated_file(config: MkDocsConfig, path: str, content: str | bytes) -> File:
    file = GeneratedFile.generated(config, path, content=content)
    assert isinstance(file, GeneratedFile)
    key = (config.site_dir, path)
    digest = hash(content)
    file.unchanged = _previous.get(key) == digest and os.path.exists(file.abs_dest_path) \
        and not _state.nav_changed
    _previous[key] = digest
    return file


class _State:
    command = "build"
    dirty = False
    nav_changed = True
    config: MkDocsConfig | None = None


_state = _State()


class _ErrorPages:
    """In ``mkdocs serve``, the data errors shown in the browser instead of the site.

    Every page the last good build had shows them, so the page an editor is looking at
    turns into the Dutch error list (not a 404), and MkDocs' live reload brings the page back
    by itself once the file is fixed."""

    def __init__(self, errors: DataErrors, uris: set[str]) -> None:
        page = render("fouten.md.j2", fouten=[str(e) for e in errors.errors])
        self.pages = dict.fromkeys(sorted({"index.md", *uris}), page)
        self.files: dict[str, bytes] = {}
        self.nav: list[NavEntry] = [{"Fouten in de gegevens": "index.md"}]


_served_uris: set[str] = set()
"""The pages of the last good build of this ``mkdocs serve`` (see ``_ErrorPages``)."""

_generated: dict[int, Generated | _ErrorPages] = {}


def startup(command: str, dirty: bool = False) -> None:
    """``mkdocs gh-deploy`` pushes the output folder to a public branch: never the internal
    site."""
    _state.command = command
    _state.dirty = dirty
    storingen.install()
    if command == "gh-deploy" and \
            os.environ.get("MELDWIJZER_PROFIEL", "").strip().lower() == "intern":
        raise Abort("De interne versie wordt nooit met gh-deploy gepubliceerd: dat zet hem op "
                    "een openbare GitHub-tak. Publiceer de interne versie alleen op het "
                    "intranet (zie SECURITY.md).")


def package_dir(name: str) -> Path:
    return Path(str(resources.files("meldwijzer") / name))


def configure(config: MkDocsConfig) -> MkDocsConfig:
    _state.config = config
    serve = _state.command == "serve"
    options = Options.from_environment(site_url=config.site_url or None,
                                       directory_urls=config.use_directory_urls, serve=serve,
                                       docs_dir=config.docs_dir,
                                       exclude_docs=_patterns(config.exclude_docs),
                                       beheer=config.extra.get("beheer"))
    root = Path(config.config_file_path).parent
    _watch_optional_data(config, root)
    _apply_profile(config, options)
    _refuse_unsafe_features(config)
    _add_theme_files(config)
    if not any(isinstance(e, RouteHeadings) for e in config.markdown_extensions):
        config.markdown_extensions.append(RouteHeadings())  # type: ignore[arg-type]
    helpers = worker.start() if not serve and worker.wanted(root) else None
    try:
        with storingen.helper_died():
            generated = generate(root, options, helpers)
    except Abort:  # a helper died
        if helpers is not None:
            helpers.shutdown(wait=False, cancel_futures=True)
        raise
    except DataErrors as errors:
        if helpers is not None:
            helpers.shutdown(wait=False, cancel_futures=True)
        for error in errors.errors:
            log.error(str(error))
        if not serve:
            count = len(errors.errors)
            noun, them = ("fout", "die") if count == 1 else ("fouten", "ze")
            raise Abort(f"Gestopt: de gegevens bevatten {count} {noun} (hierboven). Herstel "
                        f"{them} en bouw opnieuw. De vorige site blijft staan.") from None
        error_pages = _ErrorPages(errors, _served_uris)
        _generated[id(config)] = error_pages
        _note_nav(config, error_pages.nav)
        if config.nav is None:
            config.nav = error_pages.nav
            spec = pathspec.gitignore.GitIgnoreSpec.from_lines(
                [f"/{uri}" for uri in error_pages.pages if uri != "index.md"])
            config.not_in_nav = spec if config.not_in_nav is None else config.not_in_nav + spec
        return config
    for advice in generated.site.waarschuwingen:
        # INFO, not WARNING: advice never fails a --strict build (earlier data keeps building).
        log.info(f"Advies: {advice}")
    _apply_look(config, generated)
    if config.nav is None:
        config.nav = escape_nav(generated.nav)
        _keep_out_of_nav(config, generated)
    _generated[id(config)] = generated
    if serve:
        _served_uris.clear()
        _served_uris.update(generated.pages)
        _note_nav(config, generated.nav)
    else:
        atomic.begin(config, options.profiel, dirty=_state.dirty)
        if helpers is not None:
            with storingen.helper_died():
                _start_stream(config, generated, helpers)
    return config


_streams: dict[int, Stream] = {}


def _start_stream(config: MkDocsConfig, generated: Generated,
                  helpers: concurrent.futures.ProcessPoolExecutor) -> None:
    """Audit pages while MkDocs writes the next ones, in the build's helpers (see
    ``audit.Stream``); without helpers the audit runs after the build."""
    stream = Stream(audit_arguments(generated, Path(config.site_dir)), helpers)
    _streams[id(config)] = stream
    for path, data in generated.files.items():
        stream.add(path, data)


# Material's Dutch translation names the header bar in English ("Header"); a screen reader
# reads it out as a landmark's name on every page.
_HEADER_LABEL = ('<nav class="md-header__inner md-grid" aria-label="Header">',
                 '<nav class="md-header__inner md-grid" aria-label="Kopbalk">')


_SNEL_WEG = re.compile(r'<script src="[^"<>]*assets/meldwijzer/snel-weg\.js"></script>')


@functools.lru_cache(maxsize=1)
def _snel_weg_script() -> str:
    text = (resources.files("meldwijzer") / "assets" / "snel-weg.js").read_text("utf-8")
    if "</" in text:
        raise ValueError("snel-weg.js may not contain '</': it is written into the page")
    return f"<script>{text.strip()}</script>"


def post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The page without the theme's indentation (see ``compact``), handed as MkDocs will
    write it to the audit stream (a last-priority event).

    On a victim's page "Snel weg"'s script is written into the page: it must run before the
    theme's scripts, so it holds up the rest of the page, and a request of its own would
    hold it up by a round trip on a phone's network."""
    output = compact_html(output).replace(*_HEADER_LABEL, 1)
    output = _SNEL_WEG.sub(lambda _: _snel_weg_script(), output, count=1)
    stream = _streams.get(id(config))
    if stream is not None:
        with storingen.helper_died():
            stream.add(page.file.dest_uri, output.encode("utf-8", errors="xmlcharrefreplace"))
    return output


def post_template(output: str) -> str:
    """A page of the theme's own (404.html): the header bar named in Dutch, like every page."""
    return output.replace(*_HEADER_LABEL, 1)


def _patterns(spec: pathspec.PathSpec | None) -> tuple[str, ...]:  # type: ignore[type-arg]
    return tuple(str(p.pattern) for p in spec.patterns if getattr(p, "pattern", None)) \
        if spec is not None else ()


_last_nav: dict[str, str] = {}


def _note_nav(config: MkDocsConfig, nav: list[NavEntry]) -> None:
    """``mkdocs serve --dirty`` re-renders only the pages whose file changed. When the
    navigation changed (a new municipality, a data error page), every page shows it, so
    then every page is rendered again (see ``add_files``)."""
    key = config.config_file_path or ""
    fingerprint = repr(nav)
    _state.nav_changed = _last_nav.get(key) != fingerprint
    _last_nav[key] = fingerprint


def _watch_optional_data(config: MkDocsConfig, root: Path) -> None:
    # Optional data folders cannot be listed under `watch:` (MkDocs refuses missing paths).
    for folder in OPTIONAL_DATA:
        if (root / folder).is_dir() and str(root / folder) not in config.watch:
            config.watch.append(str(root / folder))


def _add_theme_files(config: MkDocsConfig) -> None:
    config.theme.dirs.insert(0, str(package_dir("theme")))
    config.extra_css[:0] = static.stylesheets()
    config.extra_javascript[:0] = [f"{static.FOLDER}/{name}" for name in static.SCRIPTS]
    # The offline plugin points at a CDN copy of the iframe-worker shim; ours loads search
    # (and from file:// our own copy of the shim) only when a visitor starts to search.
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in p]
    config.extra["polyfills"] = [*polyfills, *(f"{static.FOLDER}/{n}" for n in static.POLYFILLS)]


def _apply_look(config: MkDocsConfig, generated: Generated) -> None:
    """The region's logo and favicon in the theme; its name when mkdocs.yml still names the
    example's region (see ``pages.huisstijl.theme_settings``)."""
    settings = huisstijl.theme_settings(generated.site, config.site_name,
                                        config.site_description)
    for key in ("logo", "favicon"):
        if key in settings:
            config.theme[key] = settings[key]
    if "site_name" in settings:
        log.info(f"site_name in mkdocs.yml noemt een andere regio; de site heet "
                 f"\"{settings['site_name']}\". Pas site_name in mkdocs.yml aan voor een "
                 "andere naam.")
        # Data is text: Material prints site_name and site_description unescaped in places
        # (aria-label, <meta>, the header), so they go in escaped, as Markup, which its own
        # `| e` elsewhere leaves as it is (no character reference shown as text).
        config.site_name = markupsafe.escape(settings["site_name"])
        if "site_description" in settings:
            config.site_description = markupsafe.escape(settings["site_description"])


def _refuse_unsafe_features(config: MkDocsConfig) -> None:
    """Material's ``content.tooltips`` shows every title attribute (and every clipped nav
    or table-of-contents label) as HTML on hover, so text from data would run as code."""
    features = config.theme.get("features") or []
    for feature in UNSAFE_FEATURES:
        if feature in features:
            features.remove(feature)
            log.warning(f"theme.features: {feature} is uitgezet. Material toont daarmee "
                        "titels als HTML, waardoor tekst uit de gegevens als code kan "
                        f"worden uitgevoerd. Haal {feature} weg uit mkdocs.yml.")


def _keep_out_of_nav(config: MkDocsConfig, generated: Generated) -> None:
    """Pages reached from a chooser (one per municipality) stay out of the global nav, and
    hand-written pages whose front matter says ``menu: nee``."""
    listed = set(nav_uris(generated.nav))
    lines = [f"/{uri}" for uri in generated.pages if uri not in listed]
    lines += [f"/{uri}" for uri in nav_entries(generated.site.handpaginas)[1]]
    spec = pathspec.gitignore.GitIgnoreSpec.from_lines(lines)
    config.not_in_nav = spec if config.not_in_nav is None else config.not_in_nav + spec


def _apply_profile(config: MkDocsConfig, options: Options) -> None:
    """The internal build never writes where the public one goes: its folder ends in
    ``-intern`` whatever ``site_dir`` or ``-d`` says (see ``atomic``)."""
    config.extra.setdefault("meldwijzer", {})
    config.extra["meldwijzer"]["profiel"] = options.profiel
    if options.profiel == "intern":
        config.site_dir = atomic.intern_folder(config.site_dir)


def refuse_foreign_files(files: Files, root: Path, docs_dir: str) -> ErrorLog:
    """Files in docs/ that are symlinks (or lie in a linked folder) or are not regular files
    are taken out before MkDocs reads them: nothing outside the project folder reaches the
    site, and a named pipe cannot make the build wait forever."""
    problems = ErrorLog(root)
    docs = os.path.abspath(docs_dir)
    for file in list(files):
        if file.generated_by is not None or file.abs_src_path is None or \
                os.path.abspath(file.src_dir or "") != docs:
            continue  # generated, or from the theme (installed packages)
        source = Path(file.abs_src_path)
        problem = path_problem(source, root)
        if problem is None and not stat.S_ISREG(os.lstat(source).st_mode):
            problem = SPECIAL
        if problem:
            problems.add(source, 1, "", problem)
            files.remove(file)
    return problems


def add_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    # docs/ was checked with the data (``handwritten``); this catches what changed since.
    problems = refuse_foreign_files(files, root, config.docs_dir)
    for error in problems:
        log.error(str(error))
    if problems and _state.command != "serve":
        raise Abort("Gestopt: een bestand in docs/ kan niet op de site. Herstel het en bouw "
                    "opnieuw.")
    generated = _generated[id(config)]
    if _state.nav_changed:
        for file in files:
            file.is_modified = _always  # type: ignore[method-assign]
    for uri, content in generated.pages.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            log.warning(f"docs/{uri} heeft hetzelfde adres als een pagina die meldwijzer maakt "
                        f"uit de gegevens. Verwijder of hernoem docs/{uri}.")
            files.remove(existing)
        files.append(_generated_file(config, uri, content))
    for path, data in generated.files.items():
        files.append(_generated_file(config, path, data))
    for name in static.ALL:
        files.append(_generated_file(config, f"{static.FOLDER}/{name}", static.read(name)))
    if config.extra["meldwijzer"]["profiel"] == "intern":
        files.append(File.generated(config, "robots.txt", content="User-agent: *\nDisallow: /\n"))
    elif isinstance(generated, Generated):
        _add_editor(files, config, root)
    stream = _streams.get(id(config))
    if stream is not None:  # files MkDocs copies as they are (theme assets, ours)
        with storingen.helper_died():
            for file in files:
                if not file.is_documentation_page() and file.dest_uri not in stream.digests:
                    stream.add(file.dest_uri, file.content_bytes)
    return files


def _add_editor(files: Files, config: MkDocsConfig, root: Path) -> None:
    """The browser editor's page, its preview script and Decap's bundle (the configuration
    is a generated file of the ``beheer`` page family)."""
    theme_css = sorted(f.src_uri for f in files
                       if re.fullmatch(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css",
                                       f.src_uri))
    styles = [f"../{path}" for path in [*theme_css, *config.extra_css]]
    written, copied = beheer_pagina.editor_files(root, config.site_name,
                                                 config.extra.get("beheer"), styles)
    if not copied:
        problems = "; ".join(beheer_bundel.published(root)[1])
        log.warning(f"beheer/: de browsereditor is niet compleet ({problems}) en werkt niet. "
                    "Draai 'meldwijzer beheer-ophalen' (of 'npm ci') en bouw opnieuw.")
    for path, source in copied.items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    for path, data in written.items():
        files.append(_generated_file(config, path, data))


def page_markdown(markdown: str, page: Page) -> str:
    """A hand-written page's title (and description) from front matter, HTML-escaped: the
    theme prints them as HTML. Generated pages escape theirs already (see ``_macros.j2``)."""
    if page.file.generated_by is None:
        for key in ("title", "description"):
            value = page.meta.get(key)
            if isinstance(value, str):
                page.meta[key] = html.escape(value)
    return markdown


def post_build(config: MkDocsConfig) -> None:
    generated = _generated.pop(id(config), None)
    if isinstance(generated, Generated):
        stream = _streams.pop(id(config), None)
        try:
            with storingen.helper_died():
                atomic.finish(config, lambda site_dir: audit_site(site_dir, generated, stream))
        finally:
            if stream is not None:
                stream.pool.shutdown(wait=False, cancel_futures=True)


def build_error() -> None:
    """MkDocs reports a failed build without its config: use the one being built."""
    if _state.config is not None:
        _generated.pop(id(_state.config), None)
        stream = _streams.pop(id(_state.config), None)
        if stream is not None:
            stream.pool.shutdown(wait=False, cancel_futures=True)
        atomic.fail(_state.config)
