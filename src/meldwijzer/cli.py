"""Command line: ``meldwijzer check`` validates the data without building; ``meldwijzer
export DIR`` writes the generated pages as plain Markdown (see ``export``).

Exit codes: 0 all good, 1 data errors (each printed as ``file:line: field: message``),
2 wrong use of the command.
"""

from __future__ import annotations

import argparse
import sys
import urllib.request
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from . import fotometa, fotos
from .beheer_bundel import PAKKETTEN
from .beheer_instellingen import BeheerFout
from .bestuurlijk_site import ResolvedBestuurGemeente
from .build import generate, leaks_in
from .errors import DataErrors, ErrorLog, warnings_report
from .export import ExportError, export
from .files import FileProblem
from .keyed import convert_folder
from .safety import printable
from .scaffold import KINDS, ScaffoldError, create
from .schema import schemas
from .site import Options

# argparse speaks English ("usage:", "show this help message and exit"); editors read Dutch.
_ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "hier hoort een waarde achter",
    "ambiguous option: %(option)s could match %(matches)s":
        "onduidelijke optie: %(option)s kan %(matches)s zijn",
}


def _dutch(message: str) -> str:
    return _ARGPARSE_NL.get(message, message)


def main(argv: Sequence[str] | None = None) -> int:
    argparse._ = _dutch  # type: ignore[attr-defined]
    parser = argparse.ArgumentParser(
        prog="meldwijzer",
        description="Controleer en exporteer de gegevens van een meldwijzer-site.")
    parser._positionals.title = "opdrachten"
    parser._optionals.title = "opties"
    map_help = "de map met mkdocs.yml en routekaarten/ (standaard: deze map)"
    parser.add_argument("--map", type=Path, default=Path.cwd(), help=map_help)
    # --map also after the command ("meldwijzer check --map regio"), as people type it.
    with_map = argparse.ArgumentParser(add_help=False)
    with_map._optionals.title = "opties"
    with_map.add_argument("--map", type=Path, default=argparse.SUPPRESS, help=map_help)
    commands = parser.add_subparsers(dest="command", required=True, metavar="opdracht")
    check_cmd = commands.add_parser("check", parents=[with_map],
                                    help="controleer alle gegevens zonder te bouwen")
    check_cmd.add_argument(
        "--verouderd", action="store_true",
        help="meld ook contacten die langer dan de controletermijn niet zijn gecontroleerd "
             "(exitcode 1 als die er zijn; voor een geplande taak)")
    check_cmd.add_argument(
        "--streng", action="store_true",
        help="exitcode 1 ook bij adviezen (zoals een route zonder terugkoppeling), niet "
             "alleen bij fouten")
    export_cmd = commands.add_parser(
        "export", parents=[with_map],
        help="schrijf alle pagina's als Markdown naar een map, te bouwen zonder hook")
    export_cmd.add_argument("doel", type=Path, help="een nieuwe, lege map")
    nieuw_cmd = commands.add_parser(
        "nieuw", parents=[with_map],
        help="maak een startbestand: gemeente, verhaal of module")
    nieuw_cmd.add_argument("soort", choices=KINDS, help="gemeente, verhaal of module")
    nieuw_cmd.add_argument("naam", help='de naam, bijvoorbeeld "Nieuw Dorp"')
    schema_cmd = commands.add_parser(
        "schema", parents=[with_map],
        help="schrijf de JSON-schema's voor editors naar schemas/")
    schema_cmd.add_argument(
        "--check", action="store_true",
        help="schrijf niets; exitcode 1 als schemas/ niet klopt met de modellen")
    commands.add_parser(
        "lijstvorm", parents=[with_map],
        help="zet contacten, werkvelden en sectoren in routekaarten/ in de "
        "lijstvorm (nodig voor de browsereditor; contract 1.2)")
    commands.add_parser(
        "fotos-opschonen", parents=[with_map],
        help="haal EXIF (met GPS-positie), XMP, IPTC en commentaar uit "
        "de foto's in campaign/ en docs/, zonder de foto zelf te veranderen")
    commands.add_parser(
        "beheer-ophalen", parents=[with_map],
        help="haal de vastgezette pakketten van de browsereditor op beheer/ "
        "(Decap CMS en yaml) op van de npm-registry, als ze er nog niet zijn")
    args = parser.parse_args(argv)
    if not args.map.is_dir():
        parser.error(f"de map {args.map} bestaat niet. Geef bij --map de map met mkdocs.yml "
                     "en routekaarten/ van de regio.")
    try:
        excluded = _setting(args.map, "exclude_docs") or ""
        options = Options.from_environment(site_url=_setting(args.map, "site_url"),
                                           docs_dir=_setting(args.map, "docs_dir") or "docs",
                                           exclude_docs=tuple(excluded.splitlines()),
                                           beheer=_extra(args.map, "beheer"))
    except ValueError as exc:
        parser.error(str(exc))
    if args.command == "check":
        return _check(args.map, options, stale=args.verouderd, strict=args.streng)
    if args.command == "export":
        return _export(args.map, args.doel, options)
    if args.command == "nieuw":
        return _nieuw(args.map, args.soort, args.naam, options)
    if args.command == "beheer-ophalen":
        return _beheer_ophalen(args.map)
    if args.command == "lijstvorm":
        return _lijstvorm(args.map)
    if args.command == "fotos-opschonen":
        return _fotos_opschonen(args.map, options.docs_dir)
    if args.command == "schema":
        return _schema(args.map / "schemas", check_only=args.check)
    return 2


def _setting(root: Path, key: str) -> str | None:
    """A plain setting from the project's mkdocs.yml (None when absent or not text)."""
    config = root / "mkdocs.yml"
    if not config.is_file():
        return None
    with config.open("rb") as handle:
        value = (yaml_load(handle) or {}).get(key)
    return value if isinstance(value, str) and value else None


def _extra(root: Path, key: str) -> object:
    """A value under ``extra:`` in the project's mkdocs.yml (None when absent)."""
    config = root / "mkdocs.yml"
    if not config.is_file():
        return None
    with config.open("rb") as handle:
        extra = (yaml_load(handle) or {}).get("extra")
    return extra.get(key) if isinstance(extra, dict) else None


def _check(root: Path, options: Options, stale: bool = False, strict: bool = False) -> int:
    """Everything the build checks, without MkDocs: the data, docs/, the photos, every page
    rendered, and no internal value in what would be published."""
    try:
        generated = generate(root, replace(options, profiel="intern") if stale else options)
        leaks = leaks_in(generated)
        if leaks:
            raise DataErrors(leaks)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    site = generated.site
    print(f"In orde: {len(site.gemeenten)} gemeenten, {len(site.contacten)} regionale "
          f"contacten, {len(site.signalen)} signalen.")
    if site.waarschuwingen:
        print(warnings_report(site.waarschuwingen), file=sys.stderr)
        if strict:
            return 1
    reviews = site.bestuurlijk.verouderd if site.bestuurlijk else ()
    if stale and site.verouderd:
        count = len(site.verouderd)
        what = "1 contact is" if count == 1 else f"{count} contacten zijn"
        print(f"{what} langer dan {site.controle_termijn_dagen} dagen niet gecontroleerd. "
              "Controleer de gegevens en zet de nieuwe datum bij gecontroleerd:", file=sys.stderr)
        for contact in site.verouderd:
            print(printable(f"{contact.bestand}:{contact.regel}: contacten.{contact.id}."
                            f"gecontroleerd: {contact.naam}, gecontroleerd op "
                            f"{contact.gecontroleerd.isoformat()}."), file=sys.stderr)
    if stale and reviews:
        _report_stale_reviews(reviews, site.controle_termijn_dagen)
    return 1 if stale and (site.verouderd or reviews) else 0


def _report_stale_reviews(reviews: Sequence[ResolvedBestuurGemeente], days: int) -> None:
    """Municipalities whose bestuurlijke aanpak was reviewed longer ago than the term."""
    what = "1 gemeente heeft" if len(reviews) == 1 else f"{len(reviews)} gemeenten hebben"
    print(f"{what} de bestuurlijke aanpak langer dan {days} dagen niet beoordeeld. Kijk de "
          "stand na en zet de nieuwe datum bij bestuurlijk.beoordeeld:", file=sys.stderr)
    for gemeente in reviews:
        print(printable(f"{gemeente.bestand}:{gemeente.regel}: bestuurlijk.beoordeeld: "
                        f"{gemeente.naam}, beoordeeld op {gemeente.beoordeeld.isoformat()}."),
              file=sys.stderr)


def _beheer_ophalen(root: Path) -> int:
    for pakket in PAKKETTEN:
        found, _ = pakket.find(root)
        if found is not None:
            print(f"{pakket.naam} {pakket.versie} staat al klaar in {found}.")
            continue
        try:
            target = pakket.fetch(root, urllib.request.urlopen)
        except (BeheerFout, OSError) as exc:
            print(f"{pakket.naam} {pakket.versie} kon niet worden opgehaald: {exc}",
                  file=sys.stderr)
            return 1
        print(f"{pakket.naam} {pakket.versie} opgehaald en gecontroleerd: {target}.")
    return 0


def _fotos_opschonen(root: Path, docs_dir: str) -> int:
    """Strip the metadata of every photo in campaign/ and docs/ in place (see
    ``fotometa``)."""
    cleaned = 0
    try:
        for file, found in (found for folder in ("campaign", docs_dir) for found in
                            fotometa.clean_folder(root, root / folder, fotos.MAX_BYTES)):
            cleaned += 1
            print(printable(f"Opgeschoond: {file.relative_to(root)} (weg: "
                            f"{', '.join(found.kinds)})"))
    except fotometa.NotAPhoto as exc:
        file, reason = exc.args
        print(printable(f"{file.relative_to(root)}: deze foto is niet te lezen ({reason}). Open "
                        "hem in een fotoprogramma, sla hem opnieuw op en probeer het nog eens."),
              file=sys.stderr)
        return 1
    except (FileProblem, OSError) as exc:
        print(printable(f"De foto's konden niet worden opgeschoond: {exc}"), file=sys.stderr)
        return 1
    if cleaned:
        print(f"{cleaned} foto('s) opgeschoond. De pixels zijn niet veranderd. Zet de foto's "
              "opnieuw in Git; een oude versie blijft in de geschiedenis van Git staan (zie de "
              "README).")
    else:
        print(f"Niets om op te schonen: geen foto in campaign/ of {docs_dir}/ bevat nog "
              "gegevens over de foto.")
    return 0


def _lijstvorm(root: Path) -> int:
    log = ErrorLog(root)
    changed = convert_folder(root / "routekaarten", log)
    if log:
        print(DataErrors(log.errors).report(), file=sys.stderr)
        return 1
    for file in changed:
        print(f"Omgezet: {file.relative_to(root)}")
    if not changed:
        print("Niets om te zetten: alles staat al in de lijstvorm.")
    return 0


def _export(root: Path, dest: Path, options: Options) -> int:
    try:
        config = export(root, dest, options)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    except ExportError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Kan niet schrijven naar {printable(str(dest))} ({exc.strerror}). Kies een andere "
              "map.", file=sys.stderr)
        return 1
    print(f"Geëxporteerd naar {dest}. Bouw het met: mkdocs build -f {config}")
    return 0


def _nieuw(root: Path, kind: str, name: str, options: Options) -> int:
    try:
        written = create(kind, name, root, options.vandaag)
    except ScaffoldError as exc:
        print(printable(str(exc)), file=sys.stderr)
        return 1
    for path in written:
        print(f"Geschreven: {path.relative_to(root)}")
    print("Vul alles in waar INVULLEN staat en controleer met: meldwijzer check")
    return 0


def _schema(folder: Path, check_only: bool) -> int:
    stale = [name for name, text in schemas()
             if not (folder / name).is_file() or (folder / name).read_text("utf-8") != text]
    if check_only:
        for name in stale:
            print(f"schemas/{name} klopt niet met de modellen. Draai: meldwijzer schema",
                  file=sys.stderr)
        return 1 if stale else 0
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schemas():
        (folder / name).write_text(text, "utf-8")
    print(f"{len(list(schemas()))} schema's geschreven naar {folder}.")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
