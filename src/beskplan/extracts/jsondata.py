"""The reader of JSON: Jobindsats API answers and the records pipelines save.

Four shapes, told apart by what the file holds, whatever its name:

- API v3: ``{"columns": ["Periode", "Område", ...], "rows": [["2026M04", ..., 0.6, null]]}``;
- API v2: ``[{"Variables": [{"Name": "area", "Label": "Area"}, ...],
  "Data": [["Hele landet", "2021M01", "Køn i alt", "2,3"], ...]}]``;
- records: ``[{"Area": "København", "Periode": "2020QMAT02", ...}, ...]``;
- JSON Lines: one such record per line (Node-RED and other pipelines write them, even into a
  file named ``.csv``).

Labels are the column names. A figure is a JSON number (exact as written: ``9.0`` keeps
its decimal) or a string in the file's form (``"9,08"``: the decimal comma, as v2 writes
them); both may stand in one file. ``null`` is a missing figure. An answer that is the
API's error (``{"code": 422, "cause": "..."}``, or v2's ``{"Forkert nøgle eller nøglen er
udløbet.":""}``) is refused with its cause. A cell is placed by its row (or, in JSON
Lines, its line) and its column label.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from beskplan.core.errors import InputError, Problem
from beskplan.core.sources import describe_file
from beskplan.extracts.jsontext import ExtraData, Number, load, plain
from beskplan.extracts.layout import (
    LINE,
    NUMBER_LOOSE,
    POINT_DECIMAL_NOT_THOUSANDS,
    Extract,
    build,
    check_header,
    find_header_columns,
)
from beskplan.extracts.locator import Locator

NAME = "json"
SUFFIXES = (".json", ".jsonl", ".ndjson")

WANT = (
    'expected an API answer ({"columns": [...], "rows": [...]} or '
    '[{"Variables": [...], "Data": [...]}]), a list of records, or one record per line'
)


def sniff(head: bytes) -> bool:
    """Whether the file's first character (after a byte-order mark and spaces) opens JSON."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return text[:1] in (b"{", b"[")


def read(path: Path, name: str | None = None) -> Extract:
    """Read one JSON file; raise :class:`InputError` naming file, row and column on a problem."""
    header, rows, kind = _table(path)
    locator = Locator(kind, tuple(header))
    check_header(header, lambda message, column: locator.problem(message, path, 1, column))
    if not find_header_columns(header):
        raise InputError(
            Problem(
                "holds no Jobindsats table: expected an area column (Område or Area) and a "
                f"period column (Periode); its columns are: {', '.join(header) or '(none)'}",
                path,
            )
        )
    if not rows:
        raise InputError(Problem("the answer has columns but no data rows", path))
    comma = _string_form(rows)
    columns: dict[str, list[str]] = {label: [] for label in header}
    for line, cells in rows:
        for index, (label, cell) in enumerate(zip(header, cells, strict=True)):
            columns[label].append(_text(cell, comma, locator, path, line, index))
    frame = pl.DataFrame(
        {**columns, LINE: [line for line, _ in rows]},
        schema={**dict.fromkeys(header, pl.String), LINE: pl.UInt32},
    )
    extract = build(path, header, lambda n: frame.lazy().head(n), len(rows), comma, locator)
    extract.reader = NAME
    extract.raw_cell = raw_reader(path)
    extract.source = describe_file(path, extract.frame.height, name)
    return extract


def raw_reader(path: Path, *reading: Any) -> Callable[[int, int], str]:
    """The cell at a row (or line) and column, as the file writes it."""
    found: dict[int, list[Any]] = {}

    def cell(line: int, column: int) -> str:
        if not found:
            found.update(_table(path)[1])
        cells = found.get(line, [])
        if not 0 < column <= len(cells):
            return ""
        value = cells[column - 1]
        return "" if value is None else str(value)

    return cell


def _table(path: Path) -> tuple[list[str], list[tuple[int, list[Any]]], str]:
    """The header, the rows with their row (or line) numbers, and how cells are placed."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(Problem(f"cannot read the file: {exc.strerror}", path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(
            Problem(f"the file is not UTF-8 (byte {exc.start + 1}); JSON is UTF-8", path)
        ) from None
    if not text.strip():
        raise InputError(Problem(f"the file is empty; {WANT}", path))
    try:
        return _shape(load(text, path, 1), path)
    except ExtraData:
        return _lines(text, path)


def _lines(text: str, path: Path) -> tuple[list[str], list[tuple[int, list[Any]]], str]:
    records: list[tuple[int, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                records.append((number, load(line, path, number)))
            except ExtraData:
                raise InputError(
                    Problem("the line holds more than one JSON value", path, number)
                ) from None
    header, rows = _records(records, path, "line")
    return header, rows, "jsonl"


def _shape(value: Any, path: Path) -> tuple[list[str], list[tuple[int, list[Any]]], str]:
    if isinstance(value, dict):
        _refuse_error(value, path, None)
        if "columns" in value and "rows" in value:
            return _v3(value, path)
        if "Variables" in value and "Data" in value:
            return _v2([value], path)
        if value and all(not isinstance(v, dict | list) for v in value.values()):
            header, rows = _records([(1, value)], path, "row")
            return header, rows, "row"
        keys = ", ".join(f"'{k}'" for k in list(value)[:8])
        raise InputError(Problem(f"holds no Jobindsats table ({WANT}); its keys are {keys}", path))
    if isinstance(value, list):
        if not value:
            raise InputError(Problem(f"the file holds an empty list; {WANT}", path))
        if all(isinstance(v, dict) and "Variables" in v and "Data" in v for v in value):
            return _v2(value, path)
        if all(isinstance(v, dict) for v in value):
            header, rows = _records(list(enumerate(value, start=1)), path, "row")
            return header, rows, "row"
    raise InputError(Problem(f"holds no Jobindsats table; {WANT}", path))


def _refuse_error(value: dict[str, Any], path: Path, line: int | None) -> None:
    """Refuse the API's error answer saved as if it were data."""
    cause: str | None = None
    if "cause" in value and ("code" in value or "request_id" in value):
        cause = str(value["cause"])
        if "code" in value:
            cause += f" (HTTP {value['code']})"
    elif len(value) == 1 and next(iter(value.values())) == "":
        cause = next(iter(value))
    if cause is not None:
        raise InputError(
            Problem(
                f"{'the line' if line else 'the file'} holds the API's error answer, not data: "
                f"{cause}; fetch the table again (with a valid key and query)",
                path,
                line,
            )
        )


def _v3(value: dict[str, Any], path: Path) -> tuple[list[str], list[tuple[int, list[Any]]], str]:
    header = [_label(c, path) for c in _list(value["columns"], "columns", path)]
    rows = _list(value["rows"], "rows", path)
    return header, _rows(rows, header, path), "row"


def _v2(
    blocks: list[dict[str, Any]], path: Path
) -> tuple[list[str], list[tuple[int, list[Any]]], str]:
    header: list[str] | None = None
    data: list[Any] = []
    for block in blocks:
        labels = [_label(v, path) for v in _list(block["Variables"], "Variables", path)]
        if header is not None and labels != header:
            raise InputError(
                Problem("the answer's tables have different variables; save one table a file", path)
            )
        header = labels
        data.extend(_list(block["Data"], "Data", path))
    assert header is not None
    return header, _rows(data, header, path), "row"


def _list(value: Any, key: str, path: Path) -> list[Any]:
    if not isinstance(value, list):
        raise InputError(Problem(f"'{key}' must be a list, not {_kind(value)}", path))
    return value


def _label(column: Any, path: Path) -> str:
    """A column's label: v3 and most answers write it, v2 gives ``{"Name", "Label"}``."""
    if isinstance(column, dict):
        for key in ("Label", "label", "Name", "name"):
            if isinstance(column.get(key), str):
                return re.sub(r"\s+", " ", column[key]).strip()
    if isinstance(column, str) and not isinstance(column, Number):
        return re.sub(r"\s+", " ", column).strip()
    raise InputError(Problem(f"a column must be named by text, not {_kind(column)}", path))


def _rows(rows: list[Any], header: list[str], path: Path) -> list[tuple[int, list[Any]]]:
    out: list[tuple[int, list[Any]]] = []
    for number, given in enumerate(rows, start=1):
        row = [given.get(label) for label in header] if isinstance(given, dict) else given
        if not isinstance(row, list):
            raise InputError(Problem(f"row {number} is {_kind(row)}, not a list of values", path))
        if len(row) != len(header):
            raise InputError(
                Problem(
                    f"the row has {len(row)} values but there are {len(header)} columns",
                    path,
                    number,
                    where=f"row {number}",
                )
            )
        out.append((number, row))
    return out


def _records(
    records: list[tuple[int, Any]], path: Path, noun: str
) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    header: list[str] | None = None
    rows: list[tuple[int, list[Any]]] = []
    for number, record in records:
        line = number if noun == "line" else None
        if not isinstance(record, dict):
            raise InputError(
                Problem(f"{noun} {number} is {_kind(record)}, not a record {{...}}", path, line)
            )
        _refuse_error(record, path, line)
        labels = [_label(k, path) for k in record]
        if header is None:
            header = labels
        elif labels != header:
            missing = [k for k in header if k not in labels]
            extra = [k for k in labels if k not in header]
            said = "; ".join(
                part
                for part in (
                    f"without {', '.join(map(repr, missing))}" if missing else "",
                    f"with {', '.join(map(repr, extra))}" if extra else "",
                    "in another order" if not missing and not extra else "",
                )
                if part
            )
            raise InputError(
                Problem(
                    f"the record has other keys than the first ({said}); "
                    "every record holds the same columns",
                    path,
                    number,
                    where=f"{noun} {number}",
                )
            )
        rows.append((number, list(record.values())))
    return header or [], rows


def _string_form(rows: list[tuple[int, list[Any]]]) -> bool:
    """Whether the figures written as strings use a decimal comma (v2) or a point.

    A comma between digits decides for the comma, a point that cannot be a
    thousands separator for the point, and otherwise the Danish form: JSON
    numbers are then written in the same form, so that one file has one form.
    """
    loose = re.compile(NUMBER_LOOSE)
    point = re.compile(POINT_DECIMAL_NOT_THOUSANDS)
    seen_point = False
    for _, cells in rows:
        for cell in cells:
            if type(cell) is str and loose.match(cell):
                if re.search(r"[0-9],[0-9]", cell):
                    return True
                seen_point = seen_point or bool(point.match(cell))
    return not seen_point


def _text(cell: Any, comma: bool, locator: Locator, path: Path, line: int, index: int) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Number):
        text = plain(str(cell), locator, path, line, index)
        return text.replace(".", ",") if comma else text
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, bool):
        return "true" if cell else "false"
    raise InputError(
        locator.problem(
            f"the cell holds {_kind(cell)}, not a value; a cell is text, a number or null",
            path,
            line,
            index + 1,
        )
    )


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "an object {...}"
    if isinstance(value, list):
        return "a list [...]"
    if isinstance(value, Number):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'"
    return "null" if value is None else f"'{json.dumps(value)}'"
