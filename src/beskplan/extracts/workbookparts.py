"""A workbook's parts checked before calamine loads them (``.xlsx`` and ``.xlsm``).

Calamine builds a dense grid of a sheet's used range, and unpacks what it reads
whole: one value in cell XFD1048576 of a 2 KB file asks for billions of cells, and
a small file may unpack to gigabytes. So the archive is read here first, once:
its unpacked size, its sheets (only the first :data:`MAX_SHEETS` are looked at),
and for each sheet looked at, streamed, the range its cells use, the formulas and
the error values (``#DIV/0!``, ``#N/A``) it holds. A formula's stored result is
the figure only where Excel calculated it: a formula with no stored result, or in a
workbook marked to be calculated when opened (as writers that do not calculate
mark it, storing 0), has no figure to read, and is said so.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from beskplan.core.errors import InputError, Problem

MAX_UNPACKED = 256 * 1024 * 1024  # bytes, every part together
MAX_SHEETS = 50  # sheets looked at for a table
MAX_CELLS = 20_000_000  # cells in a sheet's used range
CHUNK = 1024 * 1024

_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')
_RELATION = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_CELL = re.compile(rb"<c\b([^>]*?)(/>|>(.*?)</c>)", re.DOTALL)
_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


@dataclass
class Sheet:
    """What a sheet's part holds, as far as reading it safely needs."""

    name: str
    part: str
    first: tuple[int, int] | None = None  # (row, column), both from 1
    last: tuple[int, int] | None = None
    formulas: list[tuple[str, bool]] = field(default_factory=list)  # cell, has a stored value
    errors: list[tuple[str, str]] = field(default_factory=list)  # cell, error value

    @property
    def cells(self) -> int:
        if self.first is None or self.last is None:
            return 0
        return (self.last[0] - self.first[0] + 1) * (self.last[1] - self.first[1] + 1)


@dataclass
class Parts:
    """The sheets looked at, in the workbook's order, and what the workbook says besides."""

    sheets: list[Sheet]
    count: int  # every sheet in the workbook
    calculate_on_load: bool


def inspect(path: Path) -> Parts | None:
    """The workbook's parts, checked; ``None`` for a file that is no zip archive (an
    ``.xls``, or no workbook: calamine says which)."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return None
    with archive:
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED:
            raise InputError(
                Problem(
                    f"the workbook unpacks to {unpacked // 2**20:,} MB, more than the "
                    f"{MAX_UNPACKED // 2**20} MB beskplan reads; save the table alone as a new "
                    "workbook or as CSV",
                    path,
                )
            )
        book = _part(archive, "xl/workbook.xml")
        listed = [dict(_ATTRIBUTE.findall(tag)) for tag in _SHEET.findall(book)]
        targets = _targets(archive)
        sheets = []
        for attributes in listed[:MAX_SHEETS]:
            rid = next((v for k, v in attributes.items() if k.endswith(b":id")), b"")
            target = targets.get(rid.decode("utf-8", "replace"))
            name = attributes.get(b"name", b"").decode("utf-8", "replace")
            sheet = Sheet(_unescape(name), target or "")
            if target is not None and target in archive.namelist():
                _scan(archive, sheet)
            sheets.append(sheet)
        calculate = re.search(rb"<(?:\w+:)?calcPr\b[^>]*fullCalcOnLoad=\"(1|true)\"", book)
        return Parts(sheets, len(listed), calculate is not None)


def check_range(sheet: Sheet, path: Path) -> None:
    """Refuse a sheet whose used range calamine would have to build cell by cell."""
    if sheet.cells > MAX_CELLS:
        assert sheet.first is not None and sheet.last is not None
        span = f"{_address(*sheet.first)}:{_address(*sheet.last)}"
        raise InputError(
            Problem(
                f"sheet '{sheet.name}' uses the range {span}, {sheet.cells:,} cells, more than "
                f"the {MAX_CELLS:,} beskplan reads; delete what stands far from the table "
                f"(cell {_address(*sheet.last)}), or save the table alone",
                path,
            )
        )


def check_cells(sheet: Sheet, calculate_on_load: bool, path: Path) -> None:
    """Refuse the sheet's error values and the formulas whose stored result is no figure."""
    if sheet.errors:
        cell, value = sheet.errors[0]
        raise InputError(
            Problem(
                f"sheet '{sheet.name}', cell {cell}: the cell holds Excel's error {value}, not "
                "a figure; correct the formula, or write .. for a suppressed figure",
                path,
            )
        )
    for cell, stored in sheet.formulas:
        if not stored or calculate_on_load:
            why = (
                "with no stored result"
                if not stored
                else "whose stored result the workbook marks to be calculated anew when opened"
            )
            raise InputError(
                Problem(
                    f"sheet '{sheet.name}', cell {cell}: the cell holds a formula {why}, so "
                    "its figure is unknown; open and save the workbook in Excel, or paste the "
                    "values in place of the formulas",
                    path,
                )
            )


def _part(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        with archive.open(name) as handle:
            return handle.read(MAX_UNPACKED)
    except KeyError:
        return b""


def _targets(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each relationship id of the workbook, with the part it points to."""
    found: dict[str, str] = {}
    for tag in _RELATION.findall(_part(archive, "xl/_rels/workbook.xml.rels")):
        attributes = dict(_ATTRIBUTE.findall(tag))
        target = attributes.get(b"Target", b"").decode("utf-8", "replace")
        rid = attributes.get(b"Id", b"").decode("utf-8", "replace")
        if target.startswith("/"):
            found[rid] = target.lstrip("/")
        else:
            found[rid] = str(PurePosixPath("xl") / target)
    return found


def _scan(archive: zipfile.ZipFile, sheet: Sheet) -> None:
    """The sheet's used range, formulas and error values, from its part, streamed."""
    rows: list[int] = []
    columns: list[int] = []
    rest = b""
    with archive.open(sheet.part) as handle:
        while chunk := handle.read(CHUNK):
            text = rest + chunk
            end = 0
            for found in _CELL.finditer(text):
                end = found.end()
                attributes = dict(_ATTRIBUTE.findall(found.group(1)))
                ref = attributes.get(b"r", b"").decode("ascii", "replace")
                place = _REF.fullmatch(ref)
                if place is None:
                    continue
                row, column = int(place.group(2)), _column(place.group(1))
                rows.append(row)
                columns.append(column)
                body = found.group(3) or b""
                if attributes.get(b"t") == b"e":
                    value = re.search(rb"<v>([^<]*)</v>", body)
                    sheet.errors.append((ref, value.group(1).decode() if value else "#?"))
                elif b"<f" in body:
                    sheet.formulas.append((ref, b"<v>" in body))
            rest = text[end:][-CHUNK:]  # a cell cut at the chunk's end is read with the next
            if len(rows) > 4096:  # keep the extremes only
                rows[:] = [min(rows), max(rows)]
                columns[:] = [min(columns), max(columns)]
    if rows:
        sheet.first = (min(rows), min(columns))
        sheet.last = (max(rows), max(columns))


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _address(row: int, column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"


def _unescape(name: str) -> str:
    return (
        name.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )
