"""Synthetic but realistic regions in the shape of the data contract, for benchmarks.

``make_project(dest, n)`` writes a project with ``n`` municipalities: the example region's
regio.yml and signalen.yml (real routes, contacts and signals), and ``n`` municipality files
modelled on the example ones (own contacts; every fifth one overrides a route, every third
one has local signals). Deterministic for the same ``n``.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
AREAS = ["10", "13", "15", "20", "23", "24", "26", "30", "33", "35", "36", "38", "40", "43",
         "45", "46", "50", "53", "55", "58", "70", "71", "72", "73", "74", "75", "76", "77"]
SYLLABLES = ["aa", "berg", "bos", "broek", "dam", "dijk", "dorp", "drecht", "ee", "gooi",
             "haven", "hof", "horst", "huizen", "kerk", "land", "lo", "meer", "mond", "oord",
             "rijk", "sloot", "stein", "veen", "vliet", "wijk", "woude", "zand", "zee"]


def _name(rng: random.Random, taken: set[str]) -> str:
    while True:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        if rng.random() < 0.2:
            name = f"{name} aan {rng.choice(SYLLABLES).capitalize()}"
        if name.lower() not in taken:
            taken.add(name.lower())
            return name


def make_project(dest: Path, n: int, with_extras: bool = True) -> Path:
    """Write a project with ``n`` municipalities to ``dest`` (created), with the settings of
    a real deployment: the example's mkdocs.yml with its site_url (QR codes, printed
    addresses) and, unless ``with_extras`` is false, the campaign and the training modules."""
    rng = random.Random(n)
    data = dest / "routekaarten"
    (data / "gemeenten").mkdir(parents=True)
    shutil.copy(ROOT / "routekaarten" / "regio.yml", data / "regio.yml")
    shutil.copy(ROOT / "routekaarten" / "signalen.yml", data / "signalen.yml")
    if (ROOT / "routekaarten" / "huisstijl").is_dir():  # the example's look (logo)
        shutil.copytree(ROOT / "routekaarten" / "huisstijl", data / "huisstijl")
    regio = yaml.safe_load((data / "regio.yml").read_text("utf-8"))
    template = yaml.safe_load((ROOT / "routekaarten" / "gemeenten" / "hilversum.yml")
                              .read_text("utf-8"))
    if isinstance(template["contacten"], list):  # the list form of contract 1.2
        template["contacten"] = {item.pop("id"): item for item in template["contacten"]}
    taken: set[str] = set()
    for i in range(n):
        name = _name(rng, taken)
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        contacts = {
            "gemeente": {"naam": f"Gemeente {name}", "telefoon": f"14 0{rng.choice(AREAS)}",
                         "website": f"https://www.{slug}.nl", "gecontroleerd": "2026-10-01"},
            "aandachtfunctionaris": {
                "naam": "Aandachtfunctionaris mensenhandel", "organisatie": f"Gemeente {name}",
                "email": f"mensenhandel@{slug}.voorbeeld.nl", "bereikbaar": "ma-vr 9.00-17.00",
                "intern": {"persoon": f"Voorbeeld {i} (fictief)",
                           "telefoon": f"06 {20000000 + i:08d}"},
                "gecontroleerd": "2026-10-01"},
        }
        gemeente = {"naam": name, "inleiding": f"De routekaart van {name}.",
                    "contacten": contacts}
        if i % 5 == 0:
            gemeente["contacten"]["toezicht"] = template["contacten"]["toezicht"]
            gemeente["routes"] = template["routes"]
        if i % 3 == 0:
            gemeente["signalen"] = template["signalen"][:2]
        (data / "gemeenten" / f"{slug}.yml").write_text(
            yaml.safe_dump(gemeente, allow_unicode=True, sort_keys=False), "utf-8")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = config.replace("hooks/meldwijzer.py", str(ROOT / "hooks" / "meldwijzer.py"))
    (dest / "mkdocs.yml").write_text(config, "utf-8")
    (dest / "docs").mkdir()
    if with_extras:
        shutil.copytree(ROOT / "campaign", dest / "campaign")
        shutil.copytree(ROOT / "trainingen", dest / "trainingen")
        _fit_campaign(dest, sorted(p.stem for p in (data / "gemeenten").glob("*.yml")))
        make_figures(dest, sorted(p.stem for p in (data / "gemeenten").glob("*.yml")),
                     random.Random(n))
    del regio
    return dest


FIGURE_YEARS = range(2016, 2026)
CASES = [0, 1, 2, 3, 4, 6, 8, 12, 20, 40]
FORMS = ["arbeidsuitbuiting", "seksuele-uitbuiting", "criminele-uitbuiting", "algemeen"]
SECTORS = ["horeca", "land-en-tuinbouw", "schoonmaak", "bouw", "distributiecentra", ""]
SOURCES = ["politie", "gemeente", "zorg", "veilig-thuis", "onderwijs", "anoniem"]
OUTCOMES = ["zorgcoordinatie", "politie", "riec", "arbeidsinspectie", "geen-vervolg"]


def make_figures(dest: Path, slugs: list[str], rng: random.Random) -> None:
    """cijfers/ for the synthetic region: ten years of signals (a few to tens per
    municipality a year, as in the seeds) and of training reach, in the contract's shape."""
    folder = dest / "cijfers"
    folder.mkdir()
    counts: dict[tuple[object, ...], int] = {}
    for year in FIGURE_YEARS:
        for slug in slugs:
            for _ in range(rng.choice(CASES)):
                key = (year, slug, rng.choice(FORMS), rng.choice(SECTORS), rng.choice(SOURCES),
                       rng.choice(["ja", "nee", "nee", ""]), rng.choice(OUTCOMES))
                counts[key] = counts.get(key, 0) + 1
    lines = ["jaar;gemeente;vorm;sector;bron;minderjarig;uitkomst;aantal"]
    lines += [";".join(map(str, key)) + f";{n}" for key, n in sorted(counts.items())]
    (folder / "signalen.csv").write_text("\n".join(lines) + "\n", "utf-8")
    fields = ["burgerzaken", "handhaving", "wijkteam"]
    rows = ["jaar;module;gemeente;werkveld;deelnemers;medewerkers"]
    for year in FIGURE_YEARS:
        for slug in slugs:
            for field in fields:
                staff = rng.randint(3, 40)
                rows.append(f"{year};kennismaking;{slug};{field};{rng.randint(0, staff)};{staff}")
    (folder / "trainingen.csv").write_text("\n".join(rows) + "\n", "utf-8")
    regio = dest / "routekaarten" / "regio.yml"
    text = regio.read_text("utf-8")
    if "\ncijfers:" not in text:
        text += "\ncijfers:\n  bijgewerkt: 2026-10-15\n"
    regio.write_text(text, "utf-8")


def _fit_campaign(dest: Path, slugs: list[str]) -> None:
    """Point the campaign's stops at the synthetic municipalities."""
    file = dest / "campaign" / "campagne.yml"
    text = file.read_text("utf-8")
    stops = re.findall(r"gemeente: (\S+)", text)
    if len(slugs) < len(stops):
        raise ValueError(f"the campaign visits {len(stops)} municipalities: make as many")
    for old, new in zip(stops, slugs, strict=False):
        text = text.replace(f"gemeente: {old}\n", f"gemeente: {new}\n", 1)
    file.write_text(text, "utf-8")
