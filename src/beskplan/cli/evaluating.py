"""``beskplan evaluate``: one plan, or across municipalities or periods."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from beskplan.cli import (
    DataOption,
    Format,
    FormatOption,
    GoalsOption,
    Lang,
    LangOption,
    NoCacheOption,
    NoColorOption,
    OutputOption,
    PeriodOption,
    QuietOption,
    _emit,
    _fail,
    _period,
    _show_table,
    app,
)

if TYPE_CHECKING:
    from beskplan.evaluate import Context
    from beskplan.goalfile import Plan
    from beskplan.periods import Choice
    from beskplan.results import Report


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
        earlier = _period(compare, "--compare")
        loaded = load_plan(plan, goals or bundled("goals"))
        context = Context.open(data or bundled("data"), use_cache=not no_cache)
        report = evaluate_plan(loaded, context, at, history=trend)
        _no_figure_at(report, loaded, context, at, "--period")
        previous = None
        if earlier is not None:
            previous = evaluate_plan(loaded, context, earlier)
            _no_figure_at(previous, loaded, context, earlier, "--compare")
        if not quiet:
            for notice in report.notices:
                sys.stderr.write(f"{notice}\n")
        _render_report(report, previous, format, lang, output, quiet, no_color, trend)
    except InputError as exc:
        _fail(exc)
    if strict and any(g.status is not Status.MET for g in report.goals):
        raise typer.Exit(1)


def _no_figure_at(report: Report, plan: Plan, context: Context, at: Choice, option: str) -> None:
    """A period of another frequency than the data is said, with the period that would be
    read (``2018Q02`` on monthly data names ``2018M06``): refused where no goal has a figure,
    a note beside the result where some goals have none."""
    from beskplan.errors import InputError, Problem
    from beskplan.evaluate import finer_periods
    from beskplan.periods import KIND_NAMES, Period

    if not isinstance(at, Period):
        return
    found = finer_periods(report, plan, context, at)
    if not found:
        return
    better = min(found.values(), key=lambda p: p.kind)
    kind, finer = KIND_NAMES[at.kind], KIND_NAMES[better.kind]
    advice = f"use {better}, the {kind}'s last {finer}, or {option} newest"
    if len(found) == len(report.goals):
        raise InputError(
            Problem(
                f"{option} {at}: no goal has a figure for the {kind} {at}; the data publishes "
                f"{finer}s: {advice}"
            )
        )
    goals = ", ".join(found)
    sys.stderr.write(
        f"note: {option} {at}: goal{'s' if len(found) > 1 else ''} {goals} "
        f"{'have' if len(found) > 1 else 'has'} no figure for the {kind} {at}, "
        f"as {'their' if len(found) > 1 else 'its'} data publishes {finer}s: {advice}\n"
    )


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
        from collections.abc import Callable

        from rich.console import Console

        from beskplan.output import progress

        table: Callable[[Console], None]
        record: Callable[[], object]
        csv: Callable[[], str]
        if all_municipalities:
            at = _period(period)
            from beskplan.evaluate import latest_period
            from beskplan.nationwide import municipalities

            if at == "latest":  # the plan's municipality decides, so that every row is comparable
                at = latest_period(loaded, context)
            names = municipalities(loaded, context)
            with progress(len(names), "Kommuner") as step:
                applied = apply_all(loaded, context, at, step, names)
            table, record, csv = (
                lambda c: wide.all_table(applied, c, lang.value),
                lambda: wide.all_record(applied),
                lambda: wide.all_csv(applied),
            )
        else:
            assert periods is not None
            span = period_range(periods)
            with progress(len(span), "Perioder") as step:
                line = timeline(loaded, context, span, step)
            table, record, csv = (
                lambda c: wide.timeline_table(line, c, lang.value),
                lambda: wide.timeline_record(line),
                lambda: wide.timeline_csv(line),
            )
        if format is Format.table:
            _show_table(table, output, quiet, no_color)
        else:
            _emit(wide.dumps(record()) if format is Format.json else csv(), output, quiet)
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
