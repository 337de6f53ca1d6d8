"""From the project folder to generated pages: read, check, resolve, render.

``generate`` is the whole pipeline without MkDocs; the MkDocs adapter and ``meldwijzer
export`` both call it. It raises ``DataErrors`` with every problem of every file at once.
"""

from __future__ import annotations

from concurrent.futures import Executor
from dataclasses import dataclass, replace
from pathlib import Path

import pathspec

from . import advies, cache, files, fotometa, fotos, huisstijl, worker
from .audit import Audit, person_values
from .beheer_instellingen import BeheerFout
from .beheer_instellingen import settings as editor_settings
from .cache import Cache
from .campagne import load_campagne
from .cijfers import load_site_figures
from .errors import DataError, ErrorLog
from .handwritten import nav_entries, read_docs
from .pages import (
    NavEntry,
    algemeen,
    beheer,
    bestuurlijk,
    campagne,
    cijfers,
    intern,
    keten,
    opendata,
    routekaarten,
    signalen,
    trainingen,
    zakkaart,
)
from .pages import huisstijl as pages_huisstijl
from .resolve import load_routekaarten
from .site import Options, Site
from .trainingen import load_trainingen
from .yamlread import MAX_FILE_BYTES

FAMILIES = (algemeen, routekaarten, keten, signalen, zakkaart, campagne, trainingen,
            bestuurlijk, cijfers, opendata, intern, beheer, pages_huisstijl)


@dataclass(frozen=True)
class Generated:
    """The outcome of one build: the site model, its pages and its navigation."""

    root: Path
    site: Site
    pages: dict[str, str]
    files: dict[str, bytes]
    nav: list[NavEntry]


def _add_to_nav(nav: list[NavEntry], entry: NavEntry) -> None:
    """Append ``entry``; a section that already exists gets the new children."""
    if isinstance(entry, dict) and len(entry) == 1:
        (title, children), = entry.items()
        for existing in nav:
            if isinstance(existing, dict) and isinstance(existing.get(title), list) \
                    and isinstance(children, list):
                existing[title].extend(children)
                return
    nav.append(entry)


def check(root: Path, options: Options) -> Site:
    """Read and check all data; raise ``DataErrors`` listing every problem."""
    cache.use(Cache.for_project(root))
    log = ErrorLog(root)
    site = load_routekaarten(root, options, log)
    # Campaign stops name municipalities: check them even when a municipality file is broken.
    gemeenten = ({g.slug: g.naam for g in site.gemeenten} if site is not None else
                 {p.stem: p.stem for p in (root / "routekaarten" / "gemeenten").glob("*.y*ml")})
    actie = load_campagne(root, gemeenten, options.vandaag, options.serve, log)
    modules = load_trainingen(root, set(site.werkvelden) if site else None, log)
    figures = load_site_figures(root, site, gemeenten, modules, options, log)
    advies.small_numbers_in_commentary(figures, log)
    hand = read_docs(root / options.docs_dir, log, options.exclude_docs)
    for folder in ("campaign", options.docs_dir):  # published or in Git: no photo metadata
        fotometa.check_folder(root, root / folder, log, fotos.MAX_BYTES)
    stijl = huisstijl.load(root, log) if site is not None else None
    try:
        editor_settings(options.beheer)
    except BeheerFout as problem:
        log.add(root / "mkdocs.yml", 1, "extra.beheer", str(problem))
    log.raise_if_any()
    assert site is not None
    site = replace(site, trainingen=modules, handpaginas=hand, huisstijl=stijl, cijfers=figures,
                   waarschuwingen=tuple(sorted(set(log.warnings))))
    if actie is not None:
        site = replace(site, campagne=actie, verborgen=site.verborgen | actie.verborgen,
                       herkomst={**{v: "campaign/verhalen" for v in actie.verborgen},
                                 **site.herkomst})
    return site


def leaks_in(generated: Generated) -> list[DataError]:
    """Withheld values that the generated pages and files would publish: a public field
    that repeats an internal value. The audit after the build would stop it; ``meldwijzer
    check`` reports it first, with the place where the value is written as internal."""
    audit = Audit(generated.root, generated.site.verborgen,
                  names=person_values(generated.site.herkomst))
    errors = []
    contents = [*generated.pages.items(),
                *((p, d.decode("utf-8", "replace")) for p, d in generated.files.items())]
    found = [(uri, sorted(audit.secrets_in(text, is_text=True))) for uri, text in contents]
    found += _leaks_in_docs(generated, audit)
    for uri, values in found:
        for value in values:
            where = generated.site.herkomst.get(value, "")
            file, _, rest = where.partition(":")
            line, _, field_path = rest.partition(": ")
            errors.append(DataError(file, int(line or 1), field_path, (
                f'De waarde "{value}" is intern, maar staat ook in wat openbaar wordt ({uri}). '
                "Haal hem uit de openbare velden, of maak ook dat veld intern.")))
    return sorted(set(errors))


SHARED = (trainingen,)
"""Families that a helper process renders on a large build (see ``worker``): the slides
and handouts of every module for every municipality, about as much work as all the other
families together."""


def _leaks_in_docs(generated: Generated, audit: Audit) -> list[tuple[str, list[str]]]:
    """Withheld values in the hand-written files of docs/ (pages, attachments, their names),
    which MkDocs publishes as they are: the audit after the build would stop them, check
    and export find them first."""
    options = generated.site.options
    docs = generated.root / options.docs_dir
    if not docs.is_dir():
        return []
    excluded = pathspec.GitIgnoreSpec.from_lines(["templates/", *options.exclude_docs])
    out = []
    for file in sorted(docs.rglob("*")):
        relative = file.relative_to(docs)
        if any(part.startswith(".") for part in relative.parts) or not file.is_file() \
                or file.is_symlink() or excluded.match_file(relative.as_posix()):
            continue  # not published (hidden, excluded); links are refused by the checks
        try:
            data = files.read_bytes(file, generated.root, MAX_FILE_BYTES)
        except (files.FileProblem, OSError):
            continue  # reported by the checks of docs/
        name = f"{options.docs_dir}/{relative.as_posix()}"
        values = list(audit.check(name, data)[0])
        if values:
            out.append((name, values))
    return out


def generate(root: Path, options: Options, helpers: Executor | None = None) -> Generated:
    codes = helpers.submit(worker.qr_codes, zakkaart.likely_urls(root, options)) \
        if helpers is not None else None
    site = check(root, options)
    zakkaart.ahead.clear()
    if codes is not None:
        zakkaart.ahead.update(codes.result())
    pages: dict[str, str] = {}
    files: dict[str, bytes] = {}
    away = {family.__name__: helpers.submit(worker.family_output, family.__name__, site, root)
            for family in SHARED} if helpers is not None else {}
    for family in FAMILIES:
        if family.__name__ not in away:
            pages.update(family.pages(site))
            files.update(family.files(site))
    for future in away.values():
        family_pages, family_files = future.result()
        pages.update(family_pages)
        files.update(family_files)
    zakkaart.ahead.clear()
    nav: list[NavEntry] = [{"Startpagina": "index.md"}]
    for family in (routekaarten, keten, signalen, campagne, trainingen, bestuurlijk, cijfers,
                   algemeen, opendata, intern):
        for entry in family.nav(site):
            _add_to_nav(nav, entry)
    hand_nav, _ = nav_entries([p for p in site.handpaginas if p.uri not in pages])
    for entry in hand_nav:
        _add_to_nav(nav, entry)
    return Generated(root=root, site=site, pages=dict(sorted(pages.items())),
                     files=dict(sorted(files.items())), nav=nav)
