"""Code quality gates that CI runs with the tests: ruff and mypy (strict) must be clean."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT

CHECKED = ["src", "tests", "hooks", "campaign", "benchmarks"]


def test_ruff_is_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", *CHECKED], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
