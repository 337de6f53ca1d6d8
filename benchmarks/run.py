"""Benchmark: build synthetic regions of N municipalities and print where the time goes.

    python benchmarks/run.py                      # N = 7, 50, 342, 1000
    python benchmarks/run.py --sizes 7,342 --extras --serve --budgets --lighthouse
    python benchmarks/run.py --hulp --sizes 50,342     # helper processes on and off

For each N: wall time and peak memory of a full public `mkdocs build` with our hook; the
generator's own share (read + validate + resolve + render + audit, timed inside the process);
the time MkDocs + Material need for the same pages without us (the `meldwijzer export` of the
project built with plain mkdocs); pages and output size. --serve measures the time from saving
a municipality's YAML to the rebuilt page in `mkdocs serve`. --budgets measures the example
site (page sizes, first visit on a phone); --lighthouse adds Lighthouse 12 scores. --hulp
builds both region shapes (routekaarten only, and with the campaign and training modules)
with helper processes off and on (``MELDWIJZER_HULP=uit`` and ``=1``), best of --herhaal
warm builds each, and prints what the automatic rule (``worker.pays``) chooses.
With --budgets or --lighthouse the script exits non-zero when a budget is broken
(benchmarks/budgets.py); the figures themselves are never asserted in unit tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from synth import make_project  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1793491200",
       "PYTHONPATH": str(ROOT / "src")}


def _once(project: Path, site: Path, env: dict[str, str]) -> dict[str, float]:
    result = subprocess.run([sys.executable, str(HERE / "_build_once.py"), str(project),
                             str(site)], capture_output=True, text=True, env={**ENV, **env},
                            check=True)
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def _size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len([p for p in files if p.suffix == ".html"]), sum(p.stat().st_size for p in files)


def measure(n: int, extras: bool, work: Path) -> dict[str, float]:
    project = make_project(work / f"n{n}", n, with_extras=extras)
    cache = {"MELDWIJZER_CACHE": str(work / f"cache{n}")}
    cold = _once(project, work / f"site{n}", cache)
    warm = _once(project, work / f"warm{n}", cache)
    pages, size = _size(work / f"site{n}")
    export = work / f"export{n}"
    subprocess.run([sys.executable, "-m", "meldwijzer.cli", "--map", str(project), "export",
                    str(export)], env=ENV, check=True, capture_output=True)
    plain = _once(export, work / f"plain{n}", {})
    return {"n": n, **cold, "warm_wall": warm["wall"],
            "warm_ours": warm["generate"] + warm["audit"], "plain": plain["wall"],
            "pages": pages, "mb": size / 1e6}


def figures_cost(n: int, work: Path) -> dict[str, float]:
    """The figures family at ``n`` municipalities and ten years: the same project built with
    and without cijfers/, and the family's own parts timed in this process."""
    import datetime as dt

    from meldwijzer import cijfers as figures
    from meldwijzer.build import check
    from meldwijzer.errors import ErrorLog
    from meldwijzer.pages import cijfers as family
    from meldwijzer.site import Options

    project = work / f"n{n}"
    if not project.is_dir():
        make_project(project, n)
    bare = work / f"n{n}-zonder-cijfers"
    shutil.copytree(project, bare, ignore=shutil.ignore_patterns("cijfers"))
    regio = bare / "routekaarten" / "regio.yml"
    regio.write_text(regio.read_text("utf-8").split("\ncijfers:")[0], "utf-8")
    cache = {"MELDWIJZER_CACHE": str(work / f"cache-cijfers{n}")}
    with_figures = _once(project, work / f"met{n}", cache)
    without = _once(bare, work / f"zonder{n}", cache)
    options = Options(vandaag=dt.date(2026, 11, 1))
    site = check(bare, options)
    start = time.perf_counter()
    loaded = figures.load_site_figures(project, site, {g.slug: g.naam for g in site.gemeenten},
                                       site.trainingen, options, ErrorLog(project))
    protect = time.perf_counter() - start
    assert loaded is not None
    site = replace(site, cijfers=loaded)
    start = time.perf_counter()
    pages = family.pages(site)
    files = family.files(site)
    render = time.perf_counter() - start
    size = sum(len(p.encode()) for p in pages.values()) + sum(map(len, files.values()))
    return {"n": n, "met": with_figures["wall"], "zonder": without["wall"],
            "lezen_afschermen": protect, "paginas_maken": render, "paginas": len(pages),
            "mb": size / 1e6}


def serve_loop(n: int, work: Path, dirty: bool = False) -> float:
    """Seconds from saving a municipality's YAML to the changed page being served."""
    import socket
    import urllib.request

    project = make_project(work / f"serve{n}{'d' if dirty else ''}", n)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a",
                                f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml"),
                                *(["--dirty"] if dirty else [])],
                               env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    file = sorted((project / "routekaarten" / "gemeenten").glob("*.yml"))[0]
    url = f"http://127.0.0.1:{port}/gemeenten/{file.stem}.html"

    def wait_for(text: str, limit: float) -> float:
        start = time.perf_counter()
        while time.perf_counter() - start < limit:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if text in response.read().decode():
                        return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(0.05)
        raise TimeoutError(url)

    try:
        wait_for("mensenhandel@", 900)
        file.write_text(file.read_text("utf-8").replace("ma-vr 9.00-17.00", "ma-vr 8.00-16.00"),
                        "utf-8")
        return wait_for("ma-vr 8.00-16.00", 900)
    finally:
        process.terminate()
        process.wait(timeout=30)


def helpers(sizes: list[int], work: Path, repeat: int) -> None:
    """Wall time of warm builds with helpers off and on, for both region shapes."""
    from meldwijzer.worker import pays
    from meldwijzer.worker import work as size_of

    print(f"{'shape':<22} {'N':>5} {'modules':>8} {'off s':>7} {'on s':>7} {'on/off':>7} "
          f"{'rule':>6} {'rule right':>10}")
    for extras in (False, True):
        for n in sizes:
            project = make_project(work / f"hulp{n}{'x' if extras else ''}", n,
                                   with_extras=extras)
            cache = {"MELDWIJZER_CACHE": str(work / f"hulpcache{n}{extras}")}
            _once(project, work / "hulp-site", cache)  # fill the cache (photos)
            times = {}
            for hulp in ("uit", "1"):
                times[hulp] = min(_once(project, work / "hulp-site", {**cache,
                                        "MELDWIJZER_HULP": hulp})["wall"]
                                  for _ in range(repeat))
            municipalities, modules = size_of(project)
            chosen = pays(municipalities, modules)
            faster = times["1"] < times["uit"]
            shape = "with campaign+modules" if extras else "routekaarten only"
            print(f"{shape:<22} {n:>5} {modules:>8} {times['uit']:>7.2f} {times['1']:>7.2f} "
                  f"{times['1'] / times['uit']:>7.2f} {'on' if chosen else 'off':>6} "
                  f"{'yes' if chosen == faster else 'NO':>10}")


def table(rows: list[dict[str, float]]) -> None:
    print(f"{'N':>5} {'pages':>6} {'cold s':>7} {'peak MB':>8} {'ours s':>7} {'share':>6} "
          f"{'audit s':>7} {'warm s':>7} {'ours s':>7} {'share':>6} {'plain MkDocs s':>15} "
          f"{'output MB':>10}")
    for r in rows:
        ours = r["generate"] + r["audit"]
        print(f"{int(r['n']):>5} {int(r['pages']):>6} {r['wall']:>7.2f} {r['peak_mb']:>8.0f} "
              f"{ours:>7.2f} {ours / r['wall']:>6.1%} {r['audit']:>7.2f} "
              f"{r['warm_wall']:>7.2f} {r['warm_ours']:>7.2f} "
              f"{r['warm_ours'] / r['warm_wall']:>6.1%} {r['plain']:>15.2f} {r['mb']:>10.1f}")
    by_n = {int(r["n"]): r for r in rows}
    if 342 in by_n and 1000 in by_n:
        ratio = by_n[1000]["wall"] / by_n[342]["wall"]
        print(f"growth N=342 -> N=1000: wall x{ratio:.2f} for x{1000 / 342:.2f} municipalities")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="7,50,342,1000")
    parser.add_argument("--zonder-extras", action="store_true",
                        help="leave out the campaign and the training modules")
    parser.add_argument("--serve", action="store_true", help="measure the serve loop")
    parser.add_argument("--cijfers", action="store_true",
                        help="the cost of the figures family (with and without cijfers/)")
    parser.add_argument("--budgets", action="store_true", help="measure the example site")
    parser.add_argument("--lighthouse", action="store_true", help="Lighthouse 12 scores")
    parser.add_argument("--hulp", action="store_true",
                        help="helper processes off and on, both region shapes")
    parser.add_argument("--herhaal", type=int, default=2, help="builds per figure (--hulp)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="meldwijzer-bench-") as tmp:
        work = Path(tmp)
        if args.hulp:
            helpers([int(n) for n in args.sizes.split(",")], work, args.herhaal)
        if args.cijfers:
            for n in args.sizes.split(","):
                r = figures_cost(int(n), work)
                print(f"cijfers N={r['n']}: build {r['met']:.1f} s with, {r['zonder']:.1f} s "
                      f"without (+{r['met'] - r['zonder']:.1f} s); read, check and protect "
                      f"{r['lezen_afschermen']:.1f} s, {int(r['paginas'])} pages and open data "
                      f"{r['paginas_maken']:.1f} s, {r['mb']:.1f} MB")
            return
        rows = [measure(int(n), not args.zonder_extras, work) for n in args.sizes.split(",")]
        table(rows)
        if args.serve:
            for n in (7, 342):
                for dirty in (False, True):
                    mode = "mkdocs serve --dirty" if dirty else "mkdocs serve"
                    print(f"{mode}: N={n}: page rebuilt {serve_loop(n, work, dirty):.2f} s "
                          "after saving the YAML")
        if args.budgets or args.lighthouse:
            from budgets import report

            broken = report(work, lighthouse=args.lighthouse)
            if broken:
                print(f"{len(broken)} budget(s) broken:", *broken, sep="\n  ")
                sys.exit(1)


if __name__ == "__main__":
    main()
