"""Data errors: one located, Dutch message per problem, all collected before the build stops.

Every error names the file (relative to the project folder), the line, the field path and a
message that tells the editor what was expected and how to fix it:

    routekaarten/gemeenten/zeedorp.yml:12: contacten.aandachtfunctionaris.telefoon: ...
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .safety import printable


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one data file."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        # Values from data (and file names) can hold terminal escape codes or carriage
        # returns that would hide or rewrite the line: shown as codes, never executed.
        location = f"{printable(self.file)}:{self.line}"
        message = printable(self.message)
        return f"{location}: {printable(self.path)}: {message}" if self.path else (
            f"{location}: {message}"
        )


class DataErrors(Exception):
    """Raised once, after reading and checking everything, when any error was found."""

    def __init__(self, errors: Iterable[DataError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        noun = "fout" if count == 1 else "fouten"
        lines = [f"De gegevens bevatten {count} {noun}:", *map(str, self.errors)]
        return "\n".join(lines)


def warnings_report(warnings: Iterable[DataError]) -> str:
    """The advice as ``meldwijzer check`` prints it: one located line each."""
    unique = sorted(set(warnings))
    if not unique:
        return "Geen adviezen."
    noun = "advies" if len(unique) == 1 else "adviezen"
    return "\n".join([f"Let op, {len(unique)} {noun} (de site bouwt wel):", *map(str, unique)])


def format_path(parts: Iterable[str | int]) -> str:
    """Render a field path as editors read it: ``routes[0].stappen[2].bellen``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass
class ErrorLog:
    """Collects errors across files so that all are reported at once."""

    root: Path
    errors: list[DataError] = field(default_factory=list)
    warnings: list[DataError] = field(default_factory=list)
    """Advice that does not stop the build (see ``advies``): reported, never fatal, so data
    written for an earlier contract keeps building."""

    def relative(self, file: Path) -> str:
        """The file's path from the project folder (symlinks are not followed)."""
        path, root = Path(os.path.abspath(file)), Path(os.path.abspath(self.root))
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, file: Path, line: int, path: Iterable[str | int] | str, message: str) -> None:
        rendered = path if isinstance(path, str) else format_path(path)
        self.errors.append(DataError(self.relative(file), line, rendered, message))

    def warn(self, file: Path | str, line: int, path: Iterable[str | int] | str,
             message: str) -> None:
        rendered = path if isinstance(path, str) else format_path(path)
        name = file if isinstance(file, str) else self.relative(file)
        self.warnings.append(DataError(name, line, rendered, message))

    def __iter__(self) -> Iterator[DataError]:
        return iter(self.errors)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise DataErrors(self.errors)
