"""The reader of workbooks: tables downloaded from the Jobindsats portal as Excel.

The first sheet that holds a header row (an area and a period column) is read;
title and selection lines above the header and ``Kilde:`` or note lines below
the rows are passed over. Figures are numeric cells, or text written the Danish
way (``10,4``, ``1.234,5``); suppressed figures are ``..``, ``.``, ``-``, ``x`` or
an empty cell. A cell is placed as Excel shows it: ``sheet 'Data', cell D12``.

Read with calamine through ``fastexcel`` (the engine behind Polars'
``read_excel``), called directly because it says in which column of the sheet a
table starts, which a cell's address needs.

Calamine gives every numeric cell as a number with a decimal point and no
trailing zeros: a whole number in a column whose other figures carry decimals
is shown with as many (``9`` beside ``10,4`` is ``9,0``). In a workbook that
writes figures as Danish text, text such as ``1.180`` (a trailing zero no
numeric cell has) is 1180; ``7.423`` cannot be told from the number 7.423 and
is refused rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from beskplan.core.errors import InputError, Problem
from beskplan.core.sources import describe_file
from beskplan.extracts import workbookparts
from beskplan.extracts.layout import LINE, Extract, build, check_header, find_header_columns
from beskplan.extracts.locator import Locator

NAME = "xlsx"
SUFFIXES = (".xlsx", ".xlsm", ".xls")
HEADER_SCAN = 50

_POINT = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_DANISH = re.compile(r"-?([0-9]+|[1-9][0-9]{0,2}(\.[0-9]{3})+),[0-9]+")
_THOUSANDS = re.compile(r"-?[1-9][0-9]{0,2}(\.[0-9]{3})+")
_TEXT_THOUSANDS = re.compile(r"-?[1-9][0-9]{0,2}(\.[0-9]{3})*\.[0-9][0-9]0")  # no number ends in 0


def sniff(head: bytes) -> bool:
    """A zip archive (``.xlsx``) or an OLE document (``.xls``)."""
    return head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0"))


def read(path: Path, name: str | None = None) -> Extract:
    """Read the table of a workbook; raise :class:`InputError` naming sheet and cell."""
    sheet, grid, first_column = _find(path)
    locator = Locator("cell", (), sheet)
    header_row = next(i for i, row in enumerate(grid) if find_header_columns(_cells(row)))
    width = max(i for i, cell in enumerate(grid[header_row]) if cell) + 1
    header = _cells(grid[header_row])[:width]

    def place(message: str, line: int, column: int) -> Problem:
        return locator.problem(message, path, line, column + first_column)

    check_header(header, lambda message, column: place(message, header_row + 1, column))
    body = [(i + 1, _cells(row)) for i, row in enumerate(grid) if i > header_row]
    filled = [n for n, cells in body if sum(1 for c in cells if c) > 1]
    if not filled:
        raise InputError(place("the sheet has a header but no data rows", header_row + 1, 1))
    rows = [(n, cells) for n, cells in body if n <= filled[-1] and any(cells)]
    for number, cells in rows:
        for index, cell in enumerate(cells[width:], start=width + 1):
            if cell:
                raise InputError(
                    place(
                        f"'{cell}' stands right of the header's last column; "
                        "name its column or delete it",
                        number,
                        index,
                    )
                )
    texts = _figures([cells[:width] for _, cells in rows], place, [n for n, _ in rows])
    frame = pl.DataFrame(
        {
            **{label: [row[i] for row in texts] for i, label in enumerate(header)},
            LINE: [n for n, _ in rows],
        },
        schema={**dict.fromkeys(header, pl.String), LINE: pl.UInt32},
    )
    extract = build(
        path, header, lambda n: frame.lazy().head(n), len(rows), True, locator, first_column
    )
    extract.reader = NAME
    extract.reading = (sheet,)
    extract.raw_cell = raw_reader(path, sheet)
    extract.source = describe_file(path, extract.frame.height, name)
    return extract


def raw_reader(path: Path, *reading: Any) -> Callable[[int, int], str]:
    """The cell at a sheet row and column (both from 1), as calamine gives it."""

    def cell(line: int, column: int) -> str:
        grid, first_column = _load(_open(path), str(reading[0]))
        index = column - 1 - first_column
        if not 0 < line <= len(grid) or not 0 <= index < len(grid[line - 1]):
            return ""
        return _cells(grid[line - 1])[index]

    return cell


def _find(path: Path) -> tuple[str, list[tuple[Any, ...]], int]:
    """The first sheet with a header row in its first rows, its rows and first column.

    The workbook is opened once; its parts are checked first
    (:mod:`~beskplan.extracts.workbookparts`): the sheets looked at, each one's used range
    before it is loaded, and the error values and formulas of the sheet read."""
    parts = workbookparts.inspect(path)
    reader = _open(path)
    names = list(reader.sheet_names)
    looked = names[: workbookparts.MAX_SHEETS]
    checked = {sheet.name: sheet for sheet in parts.sheets} if parts else {}
    firsts: list[str] = []
    for name in looked:
        sheet = checked.get(name)
        if sheet is not None:
            workbookparts.check_range(sheet, path)
        grid, first_column = _load(reader, name)
        if any(find_header_columns(_cells(row)) for row in grid[:HEADER_SCAN]):
            if sheet is not None and parts is not None:
                workbookparts.check_cells(sheet, parts.calculate_on_load, path)
            return name, grid, first_column
        row = next((r for r in grid[:HEADER_SCAN] if any(_cells(r))), ())
        firsts.append(
            f"sheet '{name}' begins {', '.join(repr(c) for c in _cells(row) if c) or '(empty)'}"
        )
    shown = "; ".join(firsts[:5]) + (f"; and {len(firsts) - 5} more" if len(firsts) > 5 else "")
    of = (
        f" (the first {len(looked)} of its {len(names):,} sheets)"
        if len(looked) < len(names)
        else ""
    )
    raise InputError(
        Problem(
            f"the workbook holds no Jobindsats table{of}: no sheet has a header row with an "
            f"area column (Område or Area) and a period column (Periode) in its first "
            f"{HEADER_SCAN} rows ({shown})",
            path,
        )
    )


def _open(path: Path) -> Any:
    import fastexcel

    try:
        return fastexcel.read_excel(path)
    except Exception as exc:  # fastexcel's errors share no base class beyond Exception
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(
            Problem(f"cannot read the file as a workbook: {first}; save it again from Excel", path)
        ) from None


def _load(reader: Any, sheet: str) -> tuple[list[tuple[Any, ...]], int]:
    """Every row of ``sheet`` from row 1, cells as text, and the column its cells start in."""
    loaded = reader.load_sheet(sheet, header_row=None, skip_rows=0, dtypes="string")
    columns = loaded.available_columns()
    first_column = columns[0].absolute_index if columns else 0
    return loaded.to_polars().rows(), first_column


def _cells(row: tuple[Any, ...]) -> list[str]:
    return ["" if cell is None else re.sub(r"\s+", " ", str(cell)).strip() for cell in row]


def _figures(
    rows: list[list[str]], place: Callable[[str, int, int], Problem], lines: list[int]
) -> list[list[str]]:
    """The cells with every figure in the Danish form, as :func:`build` then reads them."""
    danish = any(_DANISH.fullmatch(cell) for row in rows for cell in row)
    decimals: dict[int, int] = {}
    for row in rows:
        for index, cell in enumerate(row):
            if _POINT.fullmatch(cell) and "." in cell:
                decimals[index] = max(decimals.get(index, 0), len(cell.split(".")[1]))
    out: list[list[str]] = []
    for line, row in zip(lines, rows, strict=True):
        texts: list[str] = []
        for index, cell in enumerate(row):
            if danish and _TEXT_THOUSANDS.fullmatch(cell):
                texts.append(cell)  # Danish text: build reads 1.180 as 1180
                continue
            if danish and _THOUSANDS.fullmatch(cell):
                raise InputError(
                    place(
                        f"'{cell}' could be {cell.replace('.', '')} written the Danish way or "
                        f"the number {cell}; make it a number cell",
                        line,
                        index + 1,
                    )
                )
            if _POINT.fullmatch(cell):
                whole, _, part = cell.partition(".")
                part = part.ljust(decimals.get(index, 0), "0")
                texts.append(f"{whole},{part}" if part else whole)
            else:
                texts.append(cell)
        out.append(texts)
    return out
