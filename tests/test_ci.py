"""The publish pipeline files in ci/: GitLab (Pages), GitHub (Actions/Pages) and a plain web
server (rsync of the built folder, switched in one step)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import yaml

from helpers import ROOT

CI = ROOT / "ci"


def test_gitlab_checks_every_proposal_and_publishes_only_main() -> None:
    config = yaml.safe_load((CI / "gitlab-ci.yml").read_text("utf-8"))
    assert config["default"]["before_script"] == ["sh scripts/setup-venv"]
    assert (ROOT / "scripts/setup-venv").is_file()
    controle = config["controle"]
    assert ".venv/bin/meldwijzer check" in controle["script"]
    assert {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'} in controle["rules"]
    pages = config["pages"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert all("MELDWIJZER_PROFIEL=intern" not in line for line in pages["script"])
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    intern = config["intern"]
    assert any(line.startswith("MELDWIJZER_PROFIEL=intern") for line in intern["script"])
    assert any("ci/publiceer-rsync site-intern" in line for line in intern["script"])
    assert "artifacts" not in intern  # never a Pages artifact
    assert config["verouderd"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "schedule"'}]
    notice = "\n".join(config["default"]["after_script"])
    assert "De site is NIET bijgewerkt" in notice


def test_github_checks_every_proposal_builds_nightly_and_keeps_intern_off_pages() -> None:
    workflow = yaml.safe_load((CI / "github-publiceren.yml").read_text("utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert "pull_request" in triggers and triggers["schedule"] == [{"cron": "0 5 * * *"}]
    steps = workflow["jobs"]["bouwen"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert runs.index("sh scripts/setup-venv") < runs.index(".venv/bin/meldwijzer check")
    upload = next(s for s in steps if s.get("uses", "").startswith(
        "actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "public"
    intern = next(s for s in steps if s.get("name") == "Interne versie")
    assert "-d site" in intern["run"] and "site-intern" in intern["run"]
    assert "-d public" not in intern["run"]
    failure = next(s for s in steps if s.get("if") == "failure()")
    assert "De site is NIET bijgewerkt" in failure["run"]
    assert workflow["jobs"]["publiceren"]["if"] == "github.ref == 'refs/heads/main'"


def _site(folder: Path, text: str) -> Path:
    (folder / "assets").mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(text, "utf-8")
    (folder / "assets" / "groot.css").write_text("body{}" * 1000, "utf-8")
    return folder


def _publish(site: Path, target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", str(CI / "publiceer-rsync"), str(site), str(target)],
                          capture_output=True, text=True, check=False)


def test_rsync_publishing_switches_versions_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "www"
    first = _publish(_site(tmp_path / "een", "eerste"), target)
    assert first.returncode == 0, first.stderr
    current = target / "huidig"
    assert current.is_symlink() and (current / "index.html").read_text("utf-8") == "eerste"
    old = os.readlink(current)
    time.sleep(1.1)
    second = _publish(_site(tmp_path / "twee", "tweede"), target)
    assert second.returncode == 0, second.stderr
    new = os.readlink(current)
    assert new != old and (current / "index.html").read_text("utf-8") == "tweede"
    # Unchanged files are hard links to the previous version: no double disk use.
    assert (target / old / "assets/groot.css").stat().st_ino == \
        (target / new / "assets/groot.css").stat().st_ino
    for text in ("derde", "vierde"):
        time.sleep(1.1)
        assert _publish(_site(tmp_path / text, text), target).returncode == 0
    versions = sorted(p.name for p in (target / "versies").iterdir())
    assert len(versions) == 3 and os.readlink(current) == f"versies/{versions[-1]}"
    assert (current / "index.html").read_text("utf-8") == "vierde"
    assert not (target / ".huidig.nieuw").exists()


def test_rsync_publishing_refuses_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    result = _publish(tmp_path / "leeg", tmp_path / "www")
    assert result.returncode == 2 and "gebruik:" in result.stderr
    assert not (tmp_path / "www").exists()
