"""Tables: boxed and fitted on a terminal, plain and content-wide elsewhere; ids and numbers
never wrap."""

from __future__ import annotations

import io
import re

from rich.console import Console
from rich.text import Text

from beskplan.render.grid import fixed, grid, prose

ID = "frederiksberg-2018"
TITLE = "Beskæftigelsesplan for Frederiksberg Kommune, med reference til landsgennemsnittet"


def _drawn(terminal: bool, width: int) -> list[str]:
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=terminal, no_color=True)
    table = grid(console, "Planer")
    fixed(table, "Plan")
    fixed(table, "Værdi", "right")
    prose(table, "Titel", ratio=2)
    table.add_row(Text(ID), Text("1.234,5"), Text(TITLE))
    console.print(table)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())  # a terminal's styles
    return [line.rstrip() for line in plain.splitlines()]


def test_off_a_terminal_the_table_is_plain_and_as_wide_as_its_content() -> None:
    lines = _drawn(terminal=False, width=10_000)
    assert lines[0] == "Planer"
    assert not any(c in "".join(lines) for c in "┏┃│└")  # no box
    row = next(line for line in lines if line.startswith(ID))
    assert TITLE in row and "1.234,5" in row
    assert max(map(len, lines)) == len(row.rstrip())  # no column wider than its content


def test_on_a_narrow_terminal_words_wrap_but_ids_and_numbers_stay_whole() -> None:
    lines = _drawn(terminal=True, width=60)
    text = "\n".join(lines)
    assert "┃" in text and max(map(len, lines)) <= 60
    assert ID in text and "1.234,5" in text  # whole, on one line
    assert TITLE not in text  # the title wrapped ...
    for word in TITLE.split():
        assert word.strip(",") in text  # ... at spaces, no word broken
