"""Two builds of the same data with the same SOURCE_DATE_EPOCH are byte-identical."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import FIXTURES, run_mkdocs
from test_atomic import snapshot


def test_two_builds_are_byte_identical(klein_project: Path) -> None:
    config = klein_project / "mkdocs.yml"
    config.write_text("site_url: https://meldwijzer.example.org/\n" + config.read_text("utf-8"),
                      "utf-8")
    shutil.copytree(FIXTURES / "campagne" / "campaign", klein_project / "campaign")
    shutil.copytree(FIXTURES / "training" / "trainingen", klein_project / "trainingen")
    # Different hash seeds shake out any dependence on set or dict ordering.
    first = run_mkdocs(klein_project, klein_project / "een", env={"PYTHONHASHSEED": "1"})
    second = run_mkdocs(klein_project, klein_project / "twee", env={"PYTHONHASHSEED": "2"})
    assert first.returncode == 0 and second.returncode == 0, first.log + second.log
    a, b = snapshot(first.site), snapshot(second.site)
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    kinds = {Path(name).suffix for name in a}
    assert {".html", ".json", ".xml", ".gz", ".svg", ".jpg", ".ics", ".js", ".css"} <= kinds
    assert "search/search_index.json" in a and "campagne/campagne.ics" in a


def test_a_warm_cache_gives_the_same_site_as_none(klein_project: Path, tmp_path: Path) -> None:
    """Photos from the cache are the files the build would make; only photos are cached
    (QR codes and the audit are done anew, see ``cache``); the cache stays out of the site."""
    config = klein_project / "mkdocs.yml"
    config.write_text("site_url: https://meldwijzer.example.org/\n" + config.read_text("utf-8"),
                      "utf-8")
    shutil.copytree(FIXTURES / "campagne" / "campaign", klein_project / "campaign")
    cache = tmp_path / "cache"
    none = run_mkdocs(klein_project, tmp_path / "zonder", env={"MELDWIJZER_CACHE": "uit"})
    cold = run_mkdocs(klein_project, tmp_path / "koud", env={"MELDWIJZER_CACHE": str(cache)})
    stored = sorted(p.relative_to(cache).parts[0] for p in cache.rglob("*") if p.is_file())
    assert set(stored) == {"foto"}
    warm = run_mkdocs(klein_project, tmp_path / "warm", env={"MELDWIJZER_CACHE": str(cache)})
    for build in (none, cold, warm):
        assert build.returncode == 0, build.log
    assert snapshot(none.site) == snapshot(cold.site) == snapshot(warm.site)
    default = run_mkdocs(klein_project, tmp_path / "standaard")
    assert default.returncode == 0, default.log
    assert (klein_project / ".cache" / "meldwijzer").is_dir()
    assert not [p for p in default.site.rglob("*") if ".cache" in p.parts]
