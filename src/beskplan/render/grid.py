"""Tables drawn on a console, the same way in every table renderer.

On a terminal a table is boxed and fits the window: long titles and explanations
wrap at spaces, while ids, numbers, statuses and periods never wrap. Off a terminal
(a pipe, ``--output``) it is plain, a line under the header and no box, at the
width of its content, so that no word is broken and a line can be grepped.
"""

from __future__ import annotations

from typing import Literal

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

Justify = Literal["left", "center", "right"]


def grid(console: Console, title: str | None = None) -> Table:
    """An empty table for ``console``: boxed on a terminal, plain elsewhere."""
    return Table(
        title=Text(title) if title is not None else None,
        title_justify="left",
        box=box.HEAVY_HEAD if console.is_terminal else box.SIMPLE_HEAD,
        expand=False,
        pad_edge=console.is_terminal,
        show_edge=console.is_terminal,
    )


def fixed(table: Table, header: str, justify: Justify = "left") -> None:
    """A column of ids, numbers, statuses or periods: never wrapped."""
    table.add_column(header, justify=justify, no_wrap=True)


def prose(table: Table, header: str, ratio: int = 1, justify: Justify = "left") -> None:
    """A column of words (titles, explanations): on a terminal it takes its ``ratio`` of the
    room and wraps at spaces; off one it is as wide as its longest cell."""
    plain = table.box is box.SIMPLE_HEAD
    table.add_column(header, justify=justify, ratio=None if plain else ratio, overflow="fold")
