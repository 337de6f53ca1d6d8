"""Charts: SVG templates (what meldwijzer uses) against matplotlib's SVG backend, for the
figures of a national site (342 municipalities, 10 years). Prints time and size per chart
and for the whole family; the choice is recorded in docs/adr/0013-charts.md.

    python benchmarks/grafieken.py            # needs matplotlib for the comparison:
    .venv/bin/pip install matplotlib          # not a dependency of meldwijzer

Both draw the same chart: the horizontal bar chart of a municipality's signals per form in
one year, with hatched bars for "minder dan 5" and a label at every bar; matplotlib with a
fixed hash salt and no date in the metadata (byte-identical output), text as text.
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable

from markupsafe import Markup

from meldwijzer.cijfers import Waarde
from meldwijzer.disclosure import Status
from meldwijzer.grafieken import Grafiek, balken
from meldwijzer.templating import environment

MUNICIPALITIES, YEARS = 342, 10
CHARTS_PER_MUNICIPALITY = 9
"""Signals per year, per form, sector, source, outcome, minor; training per year, per work
field, per module (the example region's page)."""
ITEMS = [("Algemeen", Waarde(Status.KLEIN, None)),
         ("Seksuele uitbuiting", Waarde(Status.PUBLIEK, 15)),
         ("Arbeidsuitbuiting", Waarde(Status.PUBLIEK, 14)),
         ("Criminele uitbuiting", Waarde(Status.AFGESCHERMD, None)),
         ("Gedwongen orgaanverwijdering", Waarde(Status.PUBLIEK, 0))]


def chart() -> Grafiek:
    return balken("s-vorm", "Per vorm in 2025", "het aantal signalen per vorm", ITEMS, 5)


_TEMPLATE = environment().from_string(
    '{% import "cijfers/_figuren.j2" as f with context %}{{ f.grafiek(g) }}')


def template_svg() -> str:
    return _TEMPLATE.render(g=chart(), n=lambda v: Markup(f"{v:g}"))


def matplotlib_svg() -> str:
    import matplotlib

    matplotlib.use("svg")
    matplotlib.rcParams["svg.hashsalt"] = "meldwijzer"
    matplotlib.rcParams["svg.fonttype"] = "none"
    from matplotlib import pyplot as plt

    labels = [label for label, _ in ITEMS]
    values = [w.aantal or 0 for _, w in ITEMS]
    figure, axes = plt.subplots(figsize=(3.3, 2.4))
    bars = axes.barh(labels, values, color="#3f51b5")
    for bar, (_, waarde) in zip(bars, ITEMS, strict=True):
        if waarde.status is Status.KLEIN:
            bar.set_width(4.5)
            bar.set_hatch("///")
            bar.set_facecolor("white")
            bar.set_edgecolor("black")
        text = {Status.KLEIN: "minder dan 5", Status.AFGESCHERMD: "afgeschermd"}.get(
            waarde.status, str(waarde.aantal))
        axes.text(bar.get_width() + 0.3, bar.get_y() + bar.get_height() / 2, text,
                  va="center", fontsize=8)
    axes.invert_yaxis()
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    plt.close(figure)
    return out.getvalue()


def measure(make: Callable[[], str], rounds: int) -> tuple[float, int]:
    make()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        svg = make()
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(svg.encode("utf-8"))


def main() -> None:
    charts = MUNICIPALITIES * CHARTS_PER_MUNICIPALITY + YEARS * 12 + 12
    print(f"{charts} charts for {MUNICIPALITIES} municipalities and {YEARS} years")
    rows = [("SVG template", *measure(template_svg, 200))]
    try:
        rows.append(("matplotlib (svg)", *measure(matplotlib_svg, 20)))
    except ImportError:
        print("matplotlib is not installed: only the templates are measured")
    print(f"{'':18} {'per chart':>10} {'bytes':>8} {'all charts':>11} {'all bytes':>10}")
    for name, seconds, size in rows:
        print(f"{name:18} {seconds * 1000:8.2f}ms {size:8d} {seconds * charts:10.1f}s "
              f"{size * charts / 1e6:8.1f}MB")


if __name__ == "__main__":
    main()
