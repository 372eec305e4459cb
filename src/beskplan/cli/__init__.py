"""The command line: parse options, call the library, render, exit.

The commands live in modules named for what they do (``evaluating``, ``comparing``,
``publishing``, ``listing``); this module holds the app, the shared options and helpers.

Exit codes: 0 done; 1 with ``--strict`` when a goal is unmet or has no data
(and with ``diff --exit-code`` when the plans differ); 2 for bad input (goal
file, data or options), one line per problem. Heavy modules are imported inside
the commands so that ``--help`` stays fast.
"""

from __future__ import annotations

import importlib
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from beskplan import __version__

if TYPE_CHECKING:
    from beskplan.errors import InputError
    from beskplan.periods import Choice

app = typer.Typer(
    name="beskplan",
    help="Follow up the goals of a Danish employment plan (beskæftigelsesplan) "
    "against Jobindsats data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    junit = "junit"


class ListFormat(StrEnum):
    table = "table"
    json = "json"


class ReportFormat(StrEnum):
    html = "html"
    markdown = "markdown"


class Lang(StrEnum):
    da = "da"
    en = "en"


DataOption = Annotated[
    Path | None, typer.Option(help="Directory of extracts. Default: the bundled data.")
]
GoalsOption = Annotated[
    Path | None, typer.Option(help="Directory of goal files. Default: the bundled goals.")
]
FormatOption = Annotated[Format, typer.Option("--format", help="Output format.")]
ListFormatOption = Annotated[ListFormat, typer.Option("--format", help="Output format.")]
LangOption = Annotated[Lang, typer.Option(help="Language of tables and explanations.")]
OutputOption = Annotated[
    Path | None,
    typer.Option(help="Write the report to this file (atomically) instead of standard output."),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print nothing; the exit code tells.")
]
NoColorOption = Annotated[
    bool, typer.Option("--no-color", help="No colours (also when NO_COLOR is set).")
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Parse every extract again; do not use the cache.")
]
PeriodOption = Annotated[
    str | None,
    typer.Option(
        help="Evaluation period (2018M06, 2024Q01, 2021QMAT02, 2019), 'latest' (the newest "
        "period at which every goal has the municipality's figure) or 'newest' (each goal at "
        "its own newest figure). Default: the plan's."
    ),
]


def _fail(error: InputError) -> NoReturn:
    for problem in error.problems:
        sys.stderr.write(f"{problem}\n")
    raise typer.Exit(2)


def _period(text: str | None, option: str = "--period") -> Choice:
    """``None``, ``latest``, ``newest`` or a parsed period; a bad one is an input error."""
    from beskplan.errors import InputError, Problem
    from beskplan.periods import PeriodError, parse_choice

    try:
        return parse_choice(text)
    except PeriodError as exc:
        raise InputError(Problem(f"{option}: {exc}")) from None


def _emit(text: str, output: Path | None, quiet: bool) -> None:
    from beskplan.output import write_atomic

    if output is not None:
        write_atomic(output, text)
    elif not quiet:
        sys.stdout.write(text)


def _show_table(draw: object, output: Path | None, quiet: bool, no_color: bool) -> None:
    """A rich table to the terminal, or as plain text to ``--output``."""
    from collections.abc import Callable

    from rich.console import Console

    from beskplan.output import console, rendered

    assert callable(draw)
    paint: Callable[[Console], None] = draw
    if output is not None:
        _emit(rendered(paint), output, quiet)
    elif not quiet:
        paint(console(no_color))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"beskplan {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Follow up the goals of a Danish employment plan against Jobindsats data."""


def main() -> None:
    app()


# the commands register themselves on the app, in the order --help lists them
for _module in ("evaluating", "comparing", "publishing", "listing", "fetching"):
    importlib.import_module(f"beskplan.cli.{_module}")
