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
