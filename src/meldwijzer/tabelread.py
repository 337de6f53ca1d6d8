"""Read a spreadsheet (CSV or .xlsx) as plain text cells, keeping where each cell stands.

The counts a region keeps (``cijfers/``) live in a spreadsheet, not in YAML: a ketenregisseur
exports a CSV from Excel (semicolon or comma separated, UTF-8 with or without a byte-order
mark) or saves the .xlsx itself. Like ``yamlread`` this reader decides no types: every cell
arrives as text (or None when empty) with its line and column letter, so that every later
error can say ``cijfers/signalen.csv:7: aantal (kolom D): ...`` or, in a workbook, ``(cel D7)``.

Refused, each with a located Dutch error: files that are not UTF-8 (a CSV saved as "CSV
(gescheiden door lijstscheidingsteken)" in Windows-1252; the message says how to save it as
"CSV UTF-8"), UTF-16 files, broken quoting, a workbook that is not a valid .xlsx (or a zip
that would unpack to far more than it weighs), and tables larger than ``MAX_ROWS``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import files
from .errors import ErrorLog

MAX_FILE_BYTES = 5_000_000
MAX_UNPACKED_BYTES = 100_000_000
MAX_ROWS = 200_000
MAX_COLUMNS = 40
SUFFIXES = (".csv", ".xlsx")

SAVE_AS_UTF8 = ("Sla het bestand op als UTF-8: in Excel via Bestand, Opslaan als, en kies bij "
                "het bestandstype 'CSV UTF-8 (door komma's gescheiden)'; in LibreOffice via "
                "Opslaan als, 'Filterinstellingen bewerken', Tekenset 'Unicode (UTF-8)'. Of sla "
                "het op als Excel-werkmap (.xlsx): die leest meldwijzer ook.")


def column_letter(index: int) -> str:
    """The spreadsheet letter of the column at ``index`` (0 is A, 26 is AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class Cell:
    """One cell: its text (stripped; None when empty), line and column letter."""

    text: str | None
    line: int
    column: str


@dataclass(frozen=True)
class Table:
    """A spreadsheet's first table: the header row and the rows below it (empty rows left
    out), every cell with its place."""

    file: Path
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    workbook: bool

    def place(self, cell: Cell, name: str) -> str:
        """The field path of an error in ``cell`` of column ``name``: ``aantal (kolom D)`` in a
        CSV, ``aantal (cel D7)`` in a workbook."""
        where = f"cel {cell.column}{cell.line}" if self.workbook else f"kolom {cell.column}"
        return f"{name} ({where})"


def read_table(file: Path, log: ErrorLog) -> Table | None:
    """Read ``file`` (.csv or .xlsx); log every problem and return None when it cannot be
    read at all."""
    try:
        raw = files.read_bytes(file, log.root, MAX_FILE_BYTES)
    except files.FileProblem as problem:
        log.add(file, 1, "", str(problem))
        return None
    except OSError as exc:
        log.add(file, 1, "", f"Het bestand kan niet worden gelezen ({exc.strerror}).")
        return None
    if file.suffix.lower() == ".xlsx":
        return _read_workbook(file, raw, log)
    return _read_csv(file, raw, log)


def _decode(file: Path, raw: bytes, log: ErrorLog) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        log.add(file, 1, "", "Het bestand is opgeslagen als UTF-16 ('Unicode-tekst'). "
                + SAVE_AS_UTF8)
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        try:
            raw.decode("cp1252")
            kind = ("Het bestand is opgeslagen in de Windows-codering (Windows-1252), niet als "
                    "UTF-8: een letter met accent, zoals in 'Súdwest-Fryslân', wordt dan "
                    "onleesbaar. ")
        except UnicodeDecodeError:
            kind = "Het bestand is niet opgeslagen als UTF-8. "
        log.add(file, line, "", kind + SAVE_AS_UTF8)
        return None


def _delimiter(first_line: str, known: Iterable[str]) -> str:
    """';' or ',', whichever splits the header into more known column names (then more
    columns); Dutch Excel writes ';'."""
    names = {name.casefold() for name in known}

    def score(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([first_line], delimiter=delimiter), [])
        return sum(header_name(c) in names for c in cells), len(cells)

    return max((";", ","), key=score)


def header_name(text: str | None) -> str:
    """A header as it is compared: case and surrounding space ignored."""
    return " ".join((text or "").split()).casefold()


KNOWN_HEADERS: set[str] = set()
"""Every column name any table kind knows (filled by ``cijfers``), for the choice of the
separator."""


def _read_csv(file: Path, raw: bytes, log: ErrorLog) -> Table | None:
    text = _decode(file, raw, log)
    if text is None:
        return None
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first, KNOWN_HEADERS),
                        strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for record in reader:
            records.append((start, record))
            start = reader.line_num + 1
            if len(records) > MAX_ROWS + 1:
                log.add(file, start, "", f"Het bestand heeft meer dan {MAX_ROWS} regels. "
                        "Splits het op of tel per jaar en gemeente.")
                return None
    except csv.Error:
        log.add(file, start, "", "Op deze regel wordt een aanhalingsteken (\") niet goed "
                "gesloten. Zet een tekst met een puntkomma of komma helemaal tussen "
                "aanhalingstekens, of haal het aanhalingsteken weg.")
        return None
    return _table(file, [(line, list(values)) for line, values in records], log, False)


def _text(value: Any) -> str | None:
    """A workbook value as text: whole numbers without ".0", dates as JJJJ-MM-DD."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _read_workbook(file: Path, raw: bytes, log: ErrorLog) -> Table | None:
    broken = ("Dit bestand kan niet worden geopend als Excel-werkmap (.xlsx): het is beschadigd "
              "of het is een ander soort bestand met de naam .xlsx (bijvoorbeeld een oud "
              ".xls). Open het in Excel en sla het op als 'Excel-werkmap (.xlsx)', of als "
              "'CSV UTF-8'.")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        log.add(file, 1, "", broken)
        return None
    if unpacked > MAX_UNPACKED_BYTES:
        limit = MAX_UNPACKED_BYTES // 1_000_000
        log.add(file, 1, "", f"Deze werkmap pakt uit tot meer dan {limit} MB. Bewaar alleen "
                "de tabel met de aantallen, zonder afbeeldingen of andere "
                "bladen.")
        return None
    try:
        return _workbook_table(file, raw, log)
    except (KeyError, ValueError, TypeError, OSError, zipfile.BadZipFile, AttributeError,
            IndexError, SyntaxError):
        # openpyxl raises these on a workbook whose parts are missing or not valid XML
        # (SyntaxError is ElementTree's ParseError; defusedxml's refusals derive from it).
        log.add(file, 1, "", broken)
        return None


def _workbook_table(file: Path, raw: bytes, log: ErrorLog) -> Table | None:
    import openpyxl  # imported here: a region without a workbook never pays for it

    book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    try:
        sheets = book.worksheets
        if not sheets:
            log.add(file, 1, "", "Deze werkmap heeft geen werkblad met een tabel.")
            return None
        sheet = next((s for s in sheets if s.title.casefold() == file.stem.casefold()), sheets[0])
        sheet.reset_dimensions()  # some programs write a wrong size; read what is there
        records: list[tuple[int, list[str | None]]] = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if len(records) > MAX_ROWS + 1:
                log.add(file, number, "", f"Het werkblad heeft meer dan {MAX_ROWS} regels. "
                        "Splits het op of tel per jaar en gemeente.")
                return None
            records.append((number, [_text(v) for v in row[:MAX_COLUMNS + 1]]))
    finally:
        book.close()
    return _table(file, records, log, True)


def _table(file: Path, records: Sequence[tuple[int, Sequence[str | None]]], log: ErrorLog,
           workbook: bool) -> Table | None:
    def cells(line: int, values: Sequence[str | None]) -> tuple[Cell, ...]:
        return tuple(Cell((v or "").strip() or None, line, column_letter(i))
                     for i, v in enumerate(values))

    rows = [cells(line, values) for line, values in records]
    rows = [row for row in rows if any(c.text is not None for c in row)]
    if not rows:
        log.add(file, 1, "", "Het bestand is leeg. Zet op de eerste regel de kolomnamen "
                "(bijvoorbeeld jaar, gemeente, vorm, aantal) en daaronder de aantallen.")
        return None
    header = rows[0]
    while header and header[-1].text is None:
        header = header[:-1]
    if len(header) > MAX_COLUMNS:
        log.add(file, header[0].line, "", f"De tabel heeft meer dan {MAX_COLUMNS} kolommen. "
                "Bewaar alleen de kolommen met de indeling en de aantallen.")
        return None
    width = len(header)
    body = []
    for row in rows[1:]:
        extra = [c for c in row[width:] if c.text is not None]
        if extra:
            where = f"cel {extra[0].column}{extra[0].line}" if workbook else \
                f"kolom {extra[0].column}"
            log.add(file, extra[0].line, where, "In deze kolom staat een waarde, maar de "
                    "kolom heeft geen naam op de eerste regel. Geef de kolom een naam, of "
                    "haal de waarde weg (een puntkomma of komma te veel?).")
        padded = (*row[:width], *(Cell(None, row[0].line, column_letter(i))
                                  for i in range(len(row), width)))
        body.append(tuple(padded))
    return Table(file, header, tuple(body), workbook)
