"""The benchmark's synthetic regions are valid data: a benchmark that cannot build measures
nothing (the example data's form changed once under it)."""

from __future__ import annotations

import sys
from pathlib import Path

from helpers import ROOT, run_mkdocs

sys.path.insert(0, str(ROOT / "benchmarks"))
from synth import make_project


def test_a_synthetic_region_with_campaign_and_training_builds(tmp_path: Path) -> None:
    project = make_project(tmp_path / "regio", 8)
    build = run_mkdocs(project, tmp_path / "site")
    assert build.returncode == 0, build.log
    names = sorted(p.stem for p in (project / "routekaarten" / "gemeenten").glob("*.yml"))
    assert len(names) == 8
    for name in names:
        assert (build.site / "gemeenten" / f"{name}.html").is_file()
        assert list((build.site / "trainingen").glob(f"*/presentatie/{name}.html"))
    assert list((build.site / "campagne").rglob("*.html"))


def test_a_broken_budget_is_reported_and_a_kept_one_is_not() -> None:
    from budgets import FIRST_VISIT_GZIP, LIGHTHOUSE, verdict

    line, broken = verdict(FIRST_VISIT_GZIP, 80.4, "index.html")
    assert broken == line and "BROKEN" in line and "80.4 KB" in line
    assert verdict(FIRST_VISIT_GZIP, 79.9, "index.html")[1] is None
    assert verdict(LIGHTHOUSE["performance"], 0.99, "index.html")[1] is not None
    assert verdict(LIGHTHOUSE["accessibility"], 1.0, "index.html")[1] is None
