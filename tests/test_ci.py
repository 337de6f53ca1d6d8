"""The publish pipeline files in ci/: GitLab (Pages), GitHub (Actions/Pages) and a plain web
server (rsync of the built folder, switched in one step)."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import time
from pathlib import Path
from typing import Any

import yaml

from helpers import ROOT

CI = ROOT / "ci"


def test_gitlab_checks_every_proposal_and_publishes_only_main() -> None:
    config = yaml.safe_load((CI / "gitlab-ci.yml").read_text("utf-8"))
    assert config["default"]["before_script"] == ["sh scripts/setup-venv --alleen-bouwen"]
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
    assert 'sh ci/publiceer-rsync site-intern "$INTERN_DOEL"' in intern["script"]
    assert "artifacts" not in intern  # never a Pages artifact
    assert config["verouderd"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "schedule"'}]
    notice = "\n".join(config["default"]["after_script"])
    assert "De site is NIET bijgewerkt" in notice


def test_gitlab_caches_per_branch_and_never_falls_back_to_another() -> None:
    config = yaml.safe_load((CI / "gitlab-ci.yml").read_text("utf-8"))
    caches = [job["cache"] for job in config.values() if isinstance(job, dict) and "cache" in job]
    assert caches
    for cache in caches:
        key = cache["key"]
        assert isinstance(key, str)
        # The branch, and whether it is protected: a branch whose slug equals main's
        # ("MAIN", "main_") is not protected, so it gets a key of its own.
        assert "$CI_COMMIT_REF_SLUG" in key and "$CI_COMMIT_REF_PROTECTED" in key
        assert "fallback_keys" not in cache
    assert "CACHE_FALLBACK_KEY" not in (config.get("variables") or {})


def _workflow() -> dict[str, Any]:
    workflow: dict[str, Any] = yaml.safe_load((CI / "github-publiceren.yml").read_text("utf-8"))
    return workflow


def test_github_checks_every_proposal_builds_nightly_and_keeps_intern_off_pages() -> None:
    workflow = _workflow()
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert "pull_request" in triggers and triggers["schedule"] == [{"cron": "0 5 * * *"}]
    jobs = workflow["jobs"]
    steps = jobs["bouwen"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert runs.index("sh scripts/setup-venv --alleen-bouwen") < runs.index(
        ".venv/bin/meldwijzer check")
    upload = next(s for s in steps if s.get("uses", "").startswith(
        "actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "public"
    assert all("intern" not in run.lower() for run in runs)
    failure = next(s for s in steps if s.get("if") == "failure()")
    assert "De site is NIET bijgewerkt" in failure["run"]
    assert jobs["publiceren"]["if"] == "github.ref == 'refs/heads/main'"
    assert jobs["publiceren"]["needs"] == "bouwen"
    # The internal site: its own job on main, never a Pages artifact or deployment.
    intern = jobs["intern"]
    assert intern["if"] == "github.ref == 'refs/heads/main'" and intern["needs"] == "bouwen"
    intern_runs = "\n".join(step.get("run", "") for step in intern["steps"])
    assert "MELDWIJZER_PROFIEL=intern" in intern_runs and "-d site" in intern_runs
    assert 'sh ci/publiceer-rsync site-intern "$INTERN_DOEL"' in intern_runs
    assert "-d public" not in intern_runs
    assert all("pages" not in step.get("uses", "") for step in intern["steps"])


def test_github_step_conditions_read_only_env_that_github_sets_before_them() -> None:
    """GitHub evaluates a step's if: before that step's own env: exists (the bug that never
    published the internal site); a step's condition may read env only from the job or the
    workflow."""
    workflow = _workflow()
    outer = set(workflow.get("env") or {})
    checked = 0
    for job in workflow["jobs"].values():
        available = outer | set(job.get("env") or {})
        for step in job["steps"]:
            for name in re.findall(r"\benv\.([A-Za-z_][A-Za-z0-9_]*)", str(step.get("if", ""))):
                checked += 1
                assert name in available, f"{step.get('name')}: env.{name} bestaat nog niet"
    assert checked  # the intern job is gated on INTERN_DOEL
    intern = workflow["jobs"]["intern"]
    assert intern["env"]["INTERN_DOEL"] == "${{ secrets.INTERN_DOEL }}"
    assert all(step.get("if") == "env.INTERN_DOEL != ''" for step in intern["steps"]
               if step.get("if") != "failure()")


def test_github_gives_the_key_only_to_the_step_that_publishes() -> None:
    workflow = _workflow()
    text = (CI / "github-publiceren.yml").read_text("utf-8")
    assert text.count("secrets.INTERN_SSH_KEY") == 1
    assert "INTERN_SSH_KEY" not in str(workflow.get("env")) and all(
        "INTERN_SSH_KEY" not in str(job.get("env")) for job in workflow["jobs"].values())
    publish = next(step for step in workflow["jobs"]["intern"]["steps"]
                   if "publiceer-rsync" in step.get("run", ""))
    assert publish["env"]["INTERN_SSH_KEY"] == "${{ secrets.INTERN_SSH_KEY }}"
    assert "INTERN_SSH_KEY" not in publish["run"]  # never an argument


def test_github_caches_per_branch_and_never_falls_back_to_another() -> None:
    for job in _workflow()["jobs"].values():
        for step in job["steps"]:
            if not step.get("uses", "").startswith("actions/cache@"):
                continue
            key, restore = step["with"]["key"], step["with"]["restore-keys"]
            # The branch's full ref, closed by ":" (never part of a ref name), so no other
            # branch's key starts with this one's prefix.
            assert "${{ github.ref }}:" in key
            assert isinstance(restore, str) and "\n" not in restore.strip()
            assert restore.endswith("${{ github.ref }}:") and key.startswith(restore)


def test_github_actions_are_pinned_by_commit() -> None:
    for job in _workflow()["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]


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


AWKWARD = "www met spatie/'enkel' en \"dubbel\" [*]/-site"


def test_rsync_publishing_to_a_local_folder_with_an_awkward_name(tmp_path: Path) -> None:
    target = tmp_path / AWKWARD
    for text in ("eerste", "tweede"):
        result = _publish(_site(tmp_path / text, text), target)
        assert result.returncode == 0, result.stderr
        time.sleep(1.1)
    assert (target / "huidig" / "index.html").read_text("utf-8") == "tweede"
    assert len(list((target / "versies").iterdir())) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["eerste", "tweede", "www met spatie"]


def test_a_local_transfer_that_fails_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / AWKWARD
    assert _publish(_site(tmp_path / "een", "eerste"), target).returncode == 0
    before = os.readlink(target / "huidig")
    big = _site(tmp_path / "twee", "tweede")
    (big / "assets" / "foto.bin").write_bytes(os.urandom(1024 * 1024))

    def full_disk() -> None:  # files over 64 KB cannot be written: a disk that is full
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    result = subprocess.run(["sh", str(CI / "publiceer-rsync"), str(big), str(target)],
                            capture_output=True, text=True, check=False, preexec_fn=full_disk)
    assert result.returncode != 0 and "FOUT: publiceren" in result.stderr
    assert os.readlink(target / "huidig") == before
    assert (target / "huidig" / "index.html").read_text("utf-8") == "eerste"
    assert [p.name for p in (target / "versies").iterdir()] == [before.split("/")[-1]]
    assert sorted(p.name for p in target.iterdir()) == ["huidig", "versies"]
