"""The command line: parse options, call the library, render, exit.

Exit codes: 0 done; 1 with ``--strict`` when a goal is unmet or has no data
(and with ``diff --exit-code`` when the plans differ); 2 for bad input (goal
file, data or options), one line per problem. Heavy modules are imported inside
the commands so that ``--help`` stays fast.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from beskplan import __version__

if TYPE_CHECKING:
    from beskplan.errors import InputError
    from beskplan.results import Report

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
        help="Evaluation period (2018M06, 2024Q01, 2021QMAT02, 2019) or 'latest'. "
        "Default: the plan's."
    ),
]


def _fail(error: InputError) -> NoReturn:
    for problem in error.problems:
        sys.stderr.write(f"{problem}\n")
    raise typer.Exit(2)


def _period(text: str | None) -> object:
    """``None``, ``"latest"`` or a parsed period; a bad one is an input error."""
    from beskplan.errors import InputError, Problem
    from beskplan.periods import PeriodError, parse_period

    if text is None or text == "latest":
        return text
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise InputError(Problem(f"--period: {exc}")) from None


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


@app.command()
def evaluate(
    plan: Annotated[
        str, typer.Argument(help="A plan id from the goals directory, or a path to a .yaml file.")
    ],
    period: PeriodOption = None,
    compare: Annotated[
        str | None,
        typer.Option(help="Also show each goal's status and value at this period, beside."),
    ] = None,
    data: DataOption = None,
    goals: GoalsOption = None,
    format: FormatOption = Format.table,
    lang: LangOption = Lang.da,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when any goal is unmet or has no data.")
    ] = False,
    trend: Annotated[
        bool,
        typer.Option(
            "--trend", help="Add a small chart of each goal's value over the last periods."
        ),
    ] = False,
    all_municipalities: Annotated[
        bool,
        typer.Option(
            "--all-municipalities",
            help="Apply the goals to every municipality in the data, each with its own cluster.",
        ),
    ] = False,
    periods: Annotated[
        str | None,
        typer.Option(help="Every goal's status for every period FROM..TO (2018M01..2018M12)."),
    ] = None,
    output: OutputOption = None,
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Evaluate a plan's goals: met or unmet, with the figures and the reference."""
    if all_municipalities or periods:
        _wide(
            plan,
            period,
            periods,
            all_municipalities,
            data,
            goals,
            format,
            lang,
            output,
            quiet,
            no_color,
            no_cache,
        )
        return
    from beskplan.bundled import bundled
    from beskplan.errors import InputError
    from beskplan.evaluate import Context, evaluate_plan
    from beskplan.goalfile import load_plan
    from beskplan.results import Status

    try:
        at = _period(period)
        earlier = _period(compare)
        loaded = load_plan(plan, goals or bundled("goals"))
        context = Context.open(data or bundled("data"), use_cache=not no_cache)
        report = evaluate_plan(loaded, context, at, history=trend)  # type: ignore[arg-type]
        previous = evaluate_plan(loaded, context, earlier) if compare else None  # type: ignore[arg-type]
        if not quiet:
            for notice in report.notices:
                sys.stderr.write(f"{notice}\n")
        _render_report(report, previous, format, lang, output, quiet, no_color, trend)
    except InputError as exc:
        _fail(exc)
    if strict and any(g.status is not Status.MET for g in report.goals):
        raise typer.Exit(1)


def _wide(
    plan: str,
    period: str | None,
    periods: str | None,
    all_municipalities: bool,
    data: Path | None,
    goals: Path | None,
    format: Format,
    lang: Lang,
    output: Path | None,
    quiet: bool,
    no_color: bool,
    no_cache: bool,
) -> None:
    """``evaluate --all-municipalities`` or ``evaluate --periods``."""
    from beskplan.bundled import bundled
    from beskplan.errors import InputError, Problem
    from beskplan.evaluate import Context
    from beskplan.goalfile import load_plan
    from beskplan.nationwide import apply_all, period_range, timeline
    from beskplan.render import wide

    try:
        if all_municipalities and periods:
            raise InputError(Problem("give --all-municipalities or --periods, not both"))
        if format not in (Format.table, Format.json, Format.csv):
            raise InputError(
                Problem(f"--format {format.value} is not available here; use table, json or csv")
            )
        loaded = load_plan(plan, goals or bundled("goals"))
        context = Context.open(data or bundled("data"), use_cache=not no_cache)
        if all_municipalities:
            at = _period(period)
            from beskplan.nationwide import municipalities
            from beskplan.output import progress

            count = len(municipalities(loaded, context))
            with progress(count, "Kommuner") as step:
                applied = apply_all(loaded, context, at if not isinstance(at, str) else None, step)  # type: ignore[arg-type]
            if format is Format.table:
                _show_table(
                    lambda c: wide.all_table(applied, c, lang.value), output, quiet, no_color
                )
            else:
                text = (
                    wide.dumps(wide.all_record(applied))
                    if format is Format.json
                    else wide.all_csv(applied)
                )
                _emit(text, output, quiet)
        else:
            assert periods is not None
            from beskplan.output import progress

            span = period_range(periods)
            with progress(len(span), "Perioder") as step:
                reports = timeline(loaded, context, span, step)
            if format is Format.table:
                _show_table(
                    lambda c: wide.timeline_table(reports, c, lang.value), output, quiet, no_color
                )
            else:
                text = (
                    wide.dumps(wide.timeline_record(reports))
                    if format is Format.json
                    else wide.timeline_csv(reports)
                )
                _emit(text, output, quiet)
    except InputError as exc:
        _fail(exc)


def _render_report(
    report: Report,
    previous: Report | None,
    format: Format,
    lang: Lang,
    output: Path | None,
    quiet: bool,
    no_color: bool,
    trend: bool = False,
) -> None:
    from beskplan.render import csv, junit, markdown, table
    from beskplan.render import json as json_render

    if format is Format.table:
        _show_table(
            lambda c: table.render(report, c, lang.value, previous, trend), output, quiet, no_color
        )
        return
    text = {
        Format.json: json_render.render,
        Format.csv: csv.render,
        Format.markdown: markdown.render,
        Format.junit: junit.render,
    }[format](report, lang.value, previous)
    _emit(text, output, quiet)


@app.command()
def diff(
    old: Annotated[
        str, typer.Argument(help="The old plan (id or .yaml path), or with --results a saved JSON.")
    ],
    new: Annotated[
        str, typer.Argument(help="The new plan (id or .yaml path), or with --results a saved JSON.")
    ],
    period: Annotated[
        str | None,
        typer.Option(help="Evaluate both plans at this period. Default: each at its own."),
    ] = None,
    results: Annotated[
        bool,
        typer.Option(
            "--results",
            help="Compare two saved evaluations (evaluate --format json) and say what changed.",
        ),
    ] = False,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when the plans differ, 0 when they do not.")
    ] = False,
    data: DataOption = None,
    goals: GoalsOption = None,
    format: FormatOption = Format.table,
    lang: LangOption = Lang.da,
    output: OutputOption = None,
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Compare two plans (or two saved evaluations) goal by goal."""
    from beskplan.bundled import bundled
    from beskplan.diff import diff_plans, diff_results
    from beskplan.errors import InputError
    from beskplan.render import difference

    try:
        if results:
            result = diff_results(Path(old), Path(new))
        else:
            from beskplan.evaluate import Context, evaluate_plan
            from beskplan.goalfile import load_plan

            at = _period(period)
            goals_dir = goals or bundled("goals")
            old_plan, new_plan = load_plan(old, goals_dir), load_plan(new, goals_dir)
            context = Context.open(data or bundled("data"), use_cache=not no_cache)
            result = diff_plans(
                old_plan,
                evaluate_plan(old_plan, context, at),  # type: ignore[arg-type]
                new_plan,
                evaluate_plan(new_plan, context, at),  # type: ignore[arg-type]
            )
        if format is Format.table:
            _show_table(
                lambda c: difference.render_table(result, c, lang.value), output, quiet, no_color
            )
        else:
            text = {
                Format.json: difference.render_json,
                Format.csv: difference.render_csv,
                Format.markdown: difference.render_markdown,
                Format.junit: difference.render_junit,
            }[format](result, lang.value)
            _emit(text, output, quiet)
    except InputError as exc:
        _fail(exc)
    if exit_code and result.differs:
        raise typer.Exit(1)


@app.command()
def check(
    plan: Annotated[
        list[str] | None,
        typer.Argument(help="Plan ids or paths. Default: every plan in the goals directory."),
    ] = None,
    period: PeriodOption = None,
    data: DataOption = None,
    goals: GoalsOption = None,
    quiet: QuietOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Check goal files, and that the data covers every measure, member and period they need."""
    from beskplan.bundled import bundled
    from beskplan.check import check_plan
    from beskplan.errors import InputError
    from beskplan.evaluate import Context
    from beskplan.goalfile import load_plans

    try:
        at = _period(period)
        loaded = load_plans(plan or [], goals or bundled("goals"))
        context = Context.open(data or bundled("data"), use_cache=not no_cache)
        problems = []
        for each in loaded:
            when = at if not isinstance(at, str) else None
            problems.extend(check_plan(each, context, when))  # type: ignore[arg-type]
        if problems:
            raise InputError(problems)
    except InputError as exc:
        _fail(exc)
    if not quiet:
        count = sum(len(p.goals) for p in loaded)
        sys.stdout.write(f"{len(loaded)} plans, {count} goals: no problems\n")


@app.command()
def report(
    plan: Annotated[
        str, typer.Argument(help="A plan id from the goals directory, or a path to a .yaml file.")
    ],
    period: PeriodOption = None,
    data: DataOption = None,
    goals: GoalsOption = None,
    lang: LangOption = Lang.da,
    output: OutputOption = None,
    format: Annotated[
        ReportFormat,
        typer.Option("--format", help="html, or markdown with the charts as SVG files beside."),
    ] = ReportFormat.html,
    no_cache: NoCacheOption = False,
) -> None:
    """Write the report for the committee: one self-contained HTML file with a chart per goal."""
    from beskplan.bundled import bundled
    from beskplan.errors import InputError
    from beskplan.evaluate import Context, evaluate_plan, member_figures
    from beskplan.goalfile import load_plan
    from beskplan.render import html

    try:
        at = _period(period)
        loaded = load_plan(plan, goals or bundled("goals"))
        context = Context.open(data or bundled("data"), use_cache=not no_cache)
        result = evaluate_plan(loaded, context, at, history=True)  # type: ignore[arg-type]
        members = {g.id: member_figures(loaded, g, context, result.period) for g in loaded.goals}
        if format is ReportFormat.html:
            _emit(html.render(result, members, lang.value), output, False)
        else:
            _markdown_report(result, members, lang, output)
    except InputError as exc:
        _fail(exc)


def _markdown_report(result: Report, members: object, lang: Lang, output: Path | None) -> None:
    from beskplan.errors import InputError, Problem
    from beskplan.output import write_atomic
    from beskplan.render import mdreport

    if output is None:
        raise InputError(
            Problem("--format markdown writes chart files beside the report: give --output")
        )
    folder = output.with_name(output.stem + "-charts")
    text, files = mdreport.render(result, members, folder.name, lang.value)  # type: ignore[arg-type]
    folder.mkdir(exist_ok=True)
    for name, svg in files.items():
        write_atomic(folder / name, svg)
    write_atomic(output, text)


@app.command()
def schema(output: OutputOption = None) -> None:
    """Print the JSON Schema of the goal-file format."""
    from beskplan.errors import InputError
    from beskplan.goalschema import render

    try:
        _emit(render(), output, False)
    except InputError as exc:
        _fail(exc)


@app.command()
def plans(
    goals: GoalsOption = None,
    format: Annotated[
        ListFormat, typer.Option("--format", help="Output format.")
    ] = ListFormat.table,
    lang: LangOption = Lang.da,
    no_color: NoColorOption = False,
) -> None:
    """List the plans in the goals directory: municipality, year, goals and source."""
    from beskplan.bundled import bundled
    from beskplan.errors import InputError
    from beskplan.goalfile import load_plans
    from beskplan.render import listing

    try:
        loaded = load_plans([], goals or bundled("goals"))
    except InputError as exc:
        _fail(exc)
    if format is ListFormat.json:
        sys.stdout.write(listing.render_json(listing.plans_record(loaded)))
    else:
        _show_table(lambda c: listing.render_plans(loaded, c, lang.value), None, False, no_color)


@app.command()
def overview(
    plan: Annotated[
        list[str] | None,
        typer.Argument(help="Plan ids or paths. Default: every plan in the goals directory."),
    ] = None,
    data: DataOption = None,
    goals: GoalsOption = None,
    format: Annotated[
        ListFormat, typer.Option("--format", help="Output format.")
    ] = ListFormat.table,
    lang: LangOption = Lang.da,
    no_color: NoColorOption = False,
    no_cache: NoCacheOption = False,
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
        context = Context.open(data_dir, use_cache=not no_cache)
        from beskplan.output import progress

        reports = []
        with progress(len(loaded), "Planer") as step:
            for each in loaded:
                reports.append(evaluate_plan(each, context))
                step()
        result = build_overview(loaded, reports, load_ministermaal(data_dir))
    except InputError as exc:
        _fail(exc)
    if format is ListFormat.json:
        sys.stdout.write(listing.render_json(listing.overview_record(result)))
    else:
        _show_table(lambda c: listing.render_overview(result, c, lang.value), None, False, no_color)


def main() -> None:
    app()
