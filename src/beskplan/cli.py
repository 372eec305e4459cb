"""The command line: parse options, call the library, render, exit.

Exit codes: 0 evaluated; 1 with ``--strict`` when a goal is unmet or has no
data; 2 for bad input (goal file, data or options), one line per problem.
Heavy modules are imported inside the commands so that ``--help`` stays fast.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from beskplan import __version__

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


class Lang(StrEnum):
    da = "da"
    en = "en"


def _fail(error: Exception) -> typer.Exit:
    from beskplan.errors import InputError

    assert isinstance(error, InputError)
    for problem in error.problems:
        sys.stderr.write(f"{problem}\n")
    return typer.Exit(2)


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


@app.command()
def evaluate(
    plan: Annotated[
        str, typer.Argument(help="A plan id from the goals directory, or a path to a .yaml file.")
    ],
    period: Annotated[
        str | None,
        typer.Option(
            help="Evaluation period (2018M06, 2024Q01, 2021QMAT02, 2019) or 'latest'. "
            "Default: the plan's."
        ),
    ] = None,
    data: Annotated[
        Path | None, typer.Option(help="Directory of extracts. Default: the bundled data.")
    ] = None,
    goals: Annotated[
        Path | None, typer.Option(help="Directory of goal files. Default: the bundled goals.")
    ] = None,
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
    lang: Annotated[Lang, typer.Option(help="Language of the table and explanations.")] = Lang.da,
    strict: Annotated[
        bool, typer.Option(help="Exit 1 when any goal is unmet or has no data.")
    ] = False,
) -> None:
    """Evaluate a plan's goals: met or unmet, with the figures and the reference."""
    from beskplan.bundled import bundled
    from beskplan.errors import InputError, Problem
    from beskplan.evaluate import Context, evaluate_plan
    from beskplan.goalfile import load_plan
    from beskplan.periods import PeriodError, parse_period
    from beskplan.results import Status

    try:
        at = None
        if period is not None and period != "latest":
            try:
                at = parse_period(period)
            except PeriodError as exc:
                raise InputError(Problem(f"--period: {exc}")) from None
        loaded = load_plan(plan, goals or bundled("goals"))
        report = evaluate_plan(loaded, Context.open(data or bundled("data")), at or period)
    except InputError as exc:
        raise _fail(exc) from None

    if format is Format.json:
        from beskplan.render import json as json_render

        sys.stdout.write(json_render.render(report, lang.value))
    else:
        from rich.console import Console

        from beskplan.render import table

        table.render(report, Console(), lang.value)
    if strict and any(g.status is not Status.MET for g in report.goals):
        raise typer.Exit(1)


@app.command()
def plans(
    goals: Annotated[
        Path | None, typer.Option(help="Directory of goal files. Default: the bundled goals.")
    ] = None,
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
    lang: Annotated[Lang, typer.Option(help="Language of the table.")] = Lang.da,
) -> None:
    """List the plans in the goals directory: municipality, year, goals and source."""
    from beskplan.bundled import bundled
    from beskplan.errors import InputError
    from beskplan.goalfile import load_plans
    from beskplan.render import listing

    try:
        loaded = load_plans([], goals or bundled("goals"))
    except InputError as exc:
        raise _fail(exc) from None
    if format is Format.json:
        sys.stdout.write(listing.render_json(listing.plans_record(loaded)))
    else:
        from rich.console import Console

        listing.render_plans(loaded, Console(), lang.value)


@app.command()
def overview(
    plan: Annotated[
        list[str] | None,
        typer.Argument(help="Plan ids or paths. Default: every plan in the goals directory."),
    ] = None,
    data: Annotated[
        Path | None, typer.Option(help="Directory of extracts. Default: the bundled data.")
    ] = None,
    goals: Annotated[
        Path | None, typer.Option(help="Directory of goal files. Default: the bundled goals.")
    ] = None,
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
    lang: Annotated[Lang, typer.Option(help="Language of the table.")] = Lang.da,
) -> None:
    """Which ministerial goals each plan sets a measurable goal for, and its share of goals met."""
    from beskplan.bundled import bundled
    from beskplan.catalogue import load_ministermaal
    from beskplan.errors import InputError
    from beskplan.evaluate import Context, evaluate_plan
    from beskplan.goalfile import load_plans
    from beskplan.overview import build_overview
    from beskplan.render import listing

    data_dir = data or bundled("data")
    try:
        loaded = load_plans(plan or [], goals or bundled("goals"))
        context = Context.open(data_dir)
        reports = [evaluate_plan(p, context) for p in loaded]
        result = build_overview(loaded, reports, load_ministermaal(data_dir))
    except InputError as exc:
        raise _fail(exc) from None
    if format is Format.json:
        sys.stdout.write(listing.render_json(listing.overview_record(result)))
    else:
        from rich.console import Console

        listing.render_overview(result, Console(), lang.value)


def main() -> None:
    app()
