"""The YAML reader on real files: text only, lines kept, traps and attacks refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from meldwijzer.errors import ErrorLog
from meldwijzer.yamlread import Document, read_yaml


def read(tmp_path: Path, content: bytes | str) -> tuple[Document | None, list[str]]:
    file = tmp_path / "data.yml"
    file.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    log = ErrorLog(tmp_path)
    return read_yaml(file, log), [str(e) for e in log]


@pytest.mark.parametrize(("written", "kept"), [
    ("0351111111", "0351111111"), ("0800", "0800"), ("no", "no"), ("NO", "NO"), ("on", "on"),
    ("yes", "yes"), ("12:30", "12:30"), ("1e3", "1e3"), ("0o17", "0o17"), ("0x1F", "0x1F"),
    ("2026-10-18", "2026-10-18"), ("~", "~"), (".inf", ".inf"), ("1_000", "1_000"),
    ("'quoted'", "quoted"), ('""', ""),
])
def test_yaml_11_traps_stay_text(tmp_path: Path, written: str, kept: str) -> None:
    doc, errors = read(tmp_path, f"waarde: {written}\n")
    assert errors == [] and doc is not None
    assert doc.data == {"waarde": kept}


def test_empty_value_is_none_and_lines_are_kept(tmp_path: Path) -> None:
    doc, errors = read(tmp_path, "a:\nb:\n  - x: 1\n    y:\n      - z\n")
    assert errors == [] and doc is not None
    assert doc.data == {"a": None, "b": [{"x": "1", "y": ["z"]}]}
    assert doc.line(("b", 0, "y", 0)) == 5
    assert doc.line(("b", 0, "x")) == 3
    assert doc.line(("b", 0, "ontbreekt")) == 3


def test_crlf_and_bom_are_fine(tmp_path: Path) -> None:
    doc, errors = read(tmp_path, b"\xef\xbb\xbfnaam: Caf\xc3\xa9\r\nplaats: Huizen\r\n")
    assert errors == [] and doc is not None
    assert doc.data == {"naam": "Café", "plaats": "Huizen"}
    assert doc.line(("plaats",)) == 2


@pytest.mark.parametrize(("content", "line", "fragment"), [
    (b"a: 1\nb: caf\xe9\n", 2, "niet opgeslagen als UTF-8"),
    (b"a: 1\nb: \x93Word\x94\n", 2, "niet opgeslagen als UTF-8"),
    ("a: 1".encode("utf-16"), 1, "UTF-16"),
    (b"", 1, "leeg"),
    (b"# alleen commentaar\n", 1, "leeg"),
    (b"a: 1\n---\nb: 2\n", 2, "meer dan"),
    (b"a:\n\tb: 1\n", 2, "tab"),
    (b"a: &x 1\nb: *x\n", 1, "Ankers"),
    (b"a: *x\n", 1, "*"),
    (b"a: !!python/object:os.system ls\n", 1, "YAML-tags"),
    (b"a: !eigen 1\n", 1, "YAML-tags"),
    (b"a: !!str 1\n", 1, "YAML-tags"),
    (b"a: 1\nb: 2\na: 3\n", 3, "twee keer (ook op regel 1)"),
    (b"? [a, b]\n: 1\n", 1, "sleutel"),
    (b"a: b: c\n", 1, "dubbele punt"),
    (b"a: 'open\n", 2, "aanhalingsteken"),
    (b"a: x\x1fy\n", 1, "stuurteken"),
    ("naam: Huizen\u202e\n".encode(), 1, "U+202E"),
    ("naam: Hui\u200bzen\n".encode(), 1, "U+200B"),
])
def test_broken_or_hostile_files_give_a_located_dutch_error(tmp_path: Path, content: bytes,
                                                            line: int, fragment: str) -> None:
    _, errors = read(tmp_path, content)
    assert len(errors) >= 1
    assert errors[0].startswith(f"data.yml:{line}:"), errors
    assert fragment in errors[0], errors


def test_duplicate_key_does_not_hide_later_errors(tmp_path: Path) -> None:
    _, errors = read(tmp_path, "a: 1\na: 2\nb: 1\nb: 2\n")
    assert [e.split(":")[1] for e in errors] == ["2", "4"]


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    _, errors = read(tmp_path, "a: " + "[" * 50 + "]" * 50 + "\n")
    assert errors and "genest" in errors[0]


def test_very_long_value_is_refused(tmp_path: Path) -> None:
    _, errors = read(tmp_path, "a: " + "x" * 30_000 + "\n")
    assert errors and "langer dan" in errors[0]


def test_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    _, errors = read(tmp_path, bomb)  # expanding it would need 9**9 nodes: it must not expand
    assert errors and "Ankers" in errors[0]
