"""Helper processes on a large build (``meldwijzer.worker``): the training family rendered
in a helper and the leak audit streamed while MkDocs writes pages give the same site, byte
for byte, and the same verdict; a warm cache never hides a new leak; helpers start only
when the work pays for them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import EPOCH, PYTHONPATH, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from synth import make_project

from meldwijzer.worker import LARGE_FROM

INTERNAL = "06 20000003"  # the synthetic region's fourth aandachtfunctionaris, internal


def _build(project: Path, site: Path, hulp: str, cache: str = "uit") -> tuple[int, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH,
           "PYTHONPATH": PYTHONPATH, "MELDWIJZER_HULP": hulp, "MELDWIJZER_CACHE": cache}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-v", "-f",
                             str(project / "mkdocs.yml"), "-d", str(site)],
                            capture_output=True, text=True, env=env, check=False, timeout=600)
    return result.returncode, result.stdout + result.stderr


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_helpers_give_the_same_site_byte_for_byte(tmp_path: Path) -> None:
    project = make_project(tmp_path / "regio", LARGE_FROM)
    code, log = _build(project, tmp_path / "met", "1")
    assert code == 0, log
    assert "1 hulpproces(sen) voor deze bouw" in log
    code, log = _build(project, tmp_path / "zonder", "uit")
    assert code == 0, log
    assert "hulpproces" not in log
    with_helpers, alone = _files(tmp_path / "met"), _files(tmp_path / "zonder")
    assert len(with_helpers) > 600
    assert with_helpers.keys() == alone.keys()
    assert [n for n in with_helpers if with_helpers[n] != alone[n]] == []


def _leak_in_every_footer(project: Path) -> None:
    """A value MkDocs prints on every page from mkdocs.yml, past every data check."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + f'\ncopyright: "Bel {INTERNAL}"\n', "utf-8")


def test_the_streamed_audit_stops_a_leak_in_pages_it_checked(tmp_path: Path) -> None:
    project = make_project(tmp_path / "regio", LARGE_FROM)
    _leak_in_every_footer(project)
    code, log = _build(project, tmp_path / "site", "1")
    assert "1 hulpproces(sen) voor deze bouw" in log
    assert code != 0
    assert f'gemeenten/{sorted(project.glob("routekaarten/gemeenten/*.yml"))[0].stem}.html: ' \
        f'bevat de interne waarde "{INTERNAL}"' in log
    assert not (tmp_path / "site").exists()


def test_a_warm_cache_never_hides_a_new_leak(tmp_path: Path) -> None:
    """Nothing of the audit is kept between builds (a memo in the cache could be planted,
    see test_cache.py); a leak after clean builds is found with and without helpers."""
    project = make_project(tmp_path / "regio", LARGE_FROM)
    cache = tmp_path / "cache"
    for run in ("eerste", "tweede"):
        code, log = _build(project, tmp_path / run, "1", str(cache))
        assert code == 0, log
    assert not (cache / "audit").exists()
    assert all(INTERNAL not in p.read_bytes().decode("latin-1") for p in cache.rglob("*")
               if p.is_file())
    _leak_in_every_footer(project)
    for hulp in ("1", "uit"):
        code, log = _build(project, tmp_path / f"lek-{hulp}", hulp, str(cache))
        assert code != 0, log
        assert f'bevat de interne waarde "{INTERNAL}"' in log


def test_helpers_start_only_when_the_work_pays(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule (``worker.pays``) decided from the input's size, as measured (the table in
    ``worker``): 20 routekaart-only municipalities build without helpers, 50 with; with three
    training modules 10 without, 20 with."""
    from meldwijzer.worker import PAYS_FROM, pays, wanted, work

    assert not pays(20, 0) and pays(50, 0) and pays(342, 0)
    assert not pays(10, 3) and pays(20, 3) and pays(342, 3)
    assert not pays(PAYS_FROM - 1, 0) and pays(PAYS_FROM, 0)
    bare = make_project(tmp_path / "kaal", 20, with_extras=False)
    full = make_project(tmp_path / "vol", 20)
    assert work(bare) == (20, 0) and work(full)[1] >= 3
    monkeypatch.delenv("MELDWIJZER_HULP", raising=False)
    assert not wanted(bare)
    assert wanted(full) == ((os.cpu_count() or 1) > 1)
    monkeypatch.setenv("MELDWIJZER_HULP", "1")
    assert wanted(bare)  # a number always starts them
    monkeypatch.setenv("MELDWIJZER_HULP", "uit")
    assert not wanted(full)
