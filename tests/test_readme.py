"""The README starts with the two commands a newcomer runs, and CI runs exactly those."""

from __future__ import annotations

import re

from helpers import ROOT


def _first_commands() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.DOTALL)
    assert block is not None and text.index(block.group()) < 200, "commands come first"
    return [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_the_readme_starts_with_a_serve_and_a_test_command() -> None:
    serve, test = _first_commands()
    assert serve == "sh scripts/serve" and test == "sh scripts/test"
    for command in (serve, test):
        assert (ROOT / command.split()[1]).is_file()


def test_ci_runs_exactly_the_readme_commands() -> None:
    serve, test = _first_commands()
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert f"{serve} -a " in ci  # on a free port, checked over HTTP, then stopped
    assert ci.rstrip().endswith(f"exec {test}")
    # ... and that command runs every test with pytest in the project's venv.
    script = (ROOT / test.split()[1]).read_text("utf-8").rstrip().splitlines()
    assert script[-1] == 'exec .venv/bin/python -m pytest "$@"'


def test_nothing_installs_with_pip_outside_the_project_venv() -> None:
    """On Debian and Ubuntu pip outside a virtual environment is refused (PEP 668)."""
    for script in (ROOT / "scripts").iterdir():
        text = script.read_text("utf-8")
        for line in text.splitlines():
            if "pip install" in line and not line.lstrip().startswith("#"):
                assert '"$VENV/bin/python" -m pip' in line, (script.name, line)
