"""Nothing in the generator depends on the example data: no region or municipality names."""

from __future__ import annotations

import re

import yaml

from helpers import ROOT


def example_names() -> set[str]:
    folder = ROOT / "routekaarten"
    names = {yaml.safe_load((folder / "regio.yml").read_text("utf-8"))["naam"]}
    for file in (folder / "gemeenten").glob("*.yml"):
        names |= {file.stem, yaml.safe_load(file.read_text("utf-8"))["naam"]}
    return names | {part for name in names for part in name.split() if len(part) > 4}


def test_no_example_names_in_the_generator() -> None:
    names = example_names()
    assert len(names) > 6
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)),
                         re.IGNORECASE)
    found = []
    for file in [*sorted((ROOT / "src").rglob("*")), *sorted((ROOT / "hooks").rglob("*.py"))]:
        if file.is_file() and file.suffix in {".py", ".j2", ".html", ".js", ".css"}:
            for number, line in enumerate(file.read_text("utf-8").splitlines(), start=1):
                if pattern.search(line):
                    found.append(f"{file.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []
