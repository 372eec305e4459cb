"""Fuzz targets for the goal-file parser and the readers of extracts (CSV, JSON, workbooks).

Each target feeds one generated input to beskplan and lets only the documented
user-error types escape: :class:`~beskplan.core.errors.InputError` (and, where a goal
reads the data, :class:`~beskplan.extracts.MeasureError`). Anything else is a bug.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from beskplan.core.errors import InputError, MeasureError
from beskplan.core.periods import parse_period
from beskplan.core.yamlfile import parse_yaml
from beskplan.extracts import DataStore, delimited
from beskplan.plan.goalfile import parse_plan


def goal_text(text: str) -> None:
    with contextlib.suppress(InputError):
        parse_plan(parse_yaml(text, Path("p.yaml")))


def csv_bytes(data: bytes, folder: Path, name: str = "T.csv") -> None:
    """Read ``data`` as the file ``name`` of table T, and a few of its figures."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    try:
        table = DataStore(folder).table("T")
        for key in list(table.measures)[:2]:
            for code in list(table.periods)[:2]:
                table.read(
                    key,
                    table.filters({}),
                    {"a": "A", "hele landet": "Hele landet"},
                    parse_period(code),
                )
    except (InputError, MeasureError):
        pass


@contextlib.contextmanager
def line_by_line() -> Iterator[None]:
    """Every delimited file read line by line, as if none were plainly regular."""
    fast = delimited._regular_lines
    delimited._regular_lines = lambda *args: None  # type: ignore[assignment]
    try:
        yield
    finally:
        delimited._regular_lines = fast  # type: ignore[assignment]


def extract_or_message(path: Path) -> object:
    """What reading ``path`` gives: the extract's frame, columns and notices, or the
    message it is refused with."""
    try:
        extract = delimited.read(path)
    except InputError as exc:
        return str(exc)
    return (
        extract.frame.to_dict(as_series=False),
        extract.dimensions,
        extract.measures,
        extract.notices,
    )


def both_paths(path: Path) -> None:
    """The one-pass read and the line-by-line read of ``path`` give the same extract, or
    the same message."""
    fast = extract_or_message(path)
    with line_by_line():
        slow = extract_or_message(path)
    assert fast == slow, f"{path}: one pass gives\n{fast!r}\nline by line\n{slow!r}"
