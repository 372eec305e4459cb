"""Where a cell stands, said in words that fit its file's format.

A text file's line and column (``Y01A02.csv:12:4``), a JSON answer's row and column
label, a JSON Lines file's line and key, a workbook's sheet and cell (``sheet 'Data',
cell D12``). Every reader gives its extract one, and every message about a cell is
placed by it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from beskplan.core.errors import Problem


@dataclass(frozen=True)
class Locator:
    """How a cell's place is said for one file.

    ``line`` is a text file's line and column number (``Y01A02.csv:12:4``);
    ``row`` a JSON answer's row and column label; ``jsonl`` a JSON Lines file's
    line and key; ``cell`` a workbook's sheet and cell (``sheet 'Data', cell D12``).
    """

    kind: str = "line"
    header: tuple[str, ...] = ()
    sheet: str | None = None

    def problem(
        self, message: str, path: Path | str, line: int | None, column: int | None = None
    ) -> Problem:
        if self.kind == "line" or line is None:
            return Problem(message, path, line, column)
        label = self.header[column - 1] if column and 0 < column <= len(self.header) else None
        if self.kind == "cell":
            cell = f"{column_letters(column)}{line}" if column else f"row {line}"
            where = f"sheet '{self.sheet}', " + (f"cell {cell}" if column else cell)
        else:
            noun = "line" if self.kind == "jsonl" else "row"
            where = f"{noun} {line}" + (f", column '{label}'" if label is not None else "")
        return Problem(message, path, line, column, where)

    def record(self) -> dict[str, Any]:
        return {"kind": self.kind, "header": list(self.header), "sheet": self.sheet}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Locator:
        return cls(str(record["kind"]), tuple(record["header"]), record["sheet"])


def column_letters(number: int) -> str:
    """A spreadsheet column's letters: 1 is A, 27 is AA."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
