"""Writing one table in every shape beskplan reads, for tests that compare the readers.

A table is a header and rows of cells: text (``str``, suppression tokens included), a
figure (``Decimal``, written with exactly its decimals) or ``None`` (missing). Each
writer puts it in the form the real files have (see ../shared/JOBINDSATS.md): the
API's CSV with a decimal comma; v2's JSON with strings; v3's JSON with numbers and
``null``; records with whole numbers as numbers and rates as comma strings, as
Randers' pipeline saved them; the same records one per line in a file named
``.csv``; a portal workbook with title lines above and a ``Kilde`` line below.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

Cell = str | Decimal | None
Rows = list[list[Cell]]


def _comma(value: Decimal) -> str:
    return str(value).replace(".", ",")


def _json_cell(value: Cell) -> str:
    """A cell as JSON text: a figure as a JSON number written with its decimals."""
    if isinstance(value, Decimal):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def write_csv(path: Path, header: list[str], rows: Rows) -> Path:
    lines = [";".join(header)]
    for row in rows:
        lines.append(
            ";".join("" if c is None else _comma(c) if isinstance(c, Decimal) else c for c in row)
        )
    path = path.with_suffix(".csv")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_v2(path: Path, header: list[str], rows: Rows) -> Path:
    variables = [{"Name": f"v{i}", "Label": label} for i, label in enumerate(header)]
    data = [
        ["" if c is None else _comma(c) if isinstance(c, Decimal) else c for c in row]
        for row in rows
    ]
    path = path.with_suffix(".json")
    path.write_text(
        json.dumps([{"Variables": variables, "Data": data}], ensure_ascii=False), encoding="utf-8"
    )
    return path


def write_v3(path: Path, header: list[str], rows: Rows) -> Path:
    body = ",\n  ".join("[" + ", ".join(_json_cell(c) for c in row) + "]" for row in rows)
    path = path.with_suffix(".json")
    path.write_text(
        f'{{"columns": {json.dumps(header, ensure_ascii=False)},\n "rows": [\n  {body}]}}\n',
        encoding="utf-8",
    )
    return path


def _record(header: list[str], row: list[Cell]) -> str:
    def cell(value: Cell) -> str:
        if (
            isinstance(value, Decimal)
            and value == value.to_integral_value()
            and "." not in str(value)
        ):
            return str(value)  # whole numbers as JSON numbers
        if isinstance(value, Decimal):
            return json.dumps(_comma(value))  # rates as the API's strings
        return json.dumps(value, ensure_ascii=False)

    pairs = ", ".join(
        f"{json.dumps(k, ensure_ascii=False)}: {cell(v)}" for k, v in zip(header, row, strict=True)
    )
    return "{" + pairs + "}"


def write_records(path: Path, header: list[str], rows: Rows) -> Path:
    path = path.with_suffix(".json")
    path.write_text("[" + ",\n".join(_record(header, r) for r in rows) + "]\n", encoding="utf-8")
    return path


def write_jsonl(path: Path, header: list[str], rows: Rows) -> Path:
    path = path.with_name(path.name + "-api.csv")  # named .csv, as Randers' pipeline did
    path.write_text("".join(_record(header, r) + "\n" for r in rows), encoding="utf-8")
    return path


def write_xlsx(path: Path, header: list[str], rows: Rows) -> Path:
    import xlsxwriter

    path = path.with_suffix(".xlsx")
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Data")
    sheet.write_string(0, 1, "Antal personer og fuldtidspersoner")
    sheet.write_string(1, 1, "Område: Udvalgte kommuner og hele landet")
    for c, label in enumerate(header):
        sheet.write_string(3, 1 + c, label)
    for r, row in enumerate(rows, start=4):
        for c, value in enumerate(row):
            if isinstance(value, Decimal):
                sheet.write_number(r, 1 + c, float(value))
            elif value:
                sheet.write_string(r, 1 + c, value)
    sheet.write_string(len(rows) + 5, 1, "Kilde: Jobindsats.dk")
    book.close()
    return path


WRITERS: dict[str, Callable[[Path, list[str], Rows], Path]] = {
    "csv": write_csv,
    "v2": write_v2,
    "v3": write_v3,
    "records": write_records,
    "jsonl": write_jsonl,
    "xlsx": write_xlsx,
}

_DANISH = re.compile(r"-?(\d+|[1-9]\d{0,2}(\.\d{3})+)(,\d+)?")


def read_api_csv(path: Path) -> tuple[list[str], Rows]:
    """A bundled CSV's header and rows, parsed here with the csv module, not by beskplan.

    The header is the first line naming Område/Area and Periode; rows end at a blank
    or ``Kilde`` line. Danish numbers become figures, empty cells ``None``.
    """
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    start = next(
        i
        for i, line in enumerate(lines)
        if re.match(r"(Område|Area);", line) and ";Periode" in line
    )
    header = next(csv.reader([lines[start]], delimiter=";"))
    rows: Rows = []
    for line in lines[start + 1 :]:
        if not line.strip() or line.lower().startswith("kilde"):
            break
        cells = next(csv.reader([line], delimiter=";"))
        row: list[Cell] = [cells[0], cells[1]]
        for cell in cells[2:]:
            if cell == "":
                row.append(None)
            elif _DANISH.fullmatch(cell):
                row.append(Decimal(cell.replace(".", "").replace(",", ".")))
            else:
                row.append(cell)
        rows.append(row)
    return header, rows
