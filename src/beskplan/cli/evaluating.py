"""``beskplan evaluate``: one plan, or across municipalities or periods."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from beskplan.cli import (
    TABLE,
    DataOption,
    ExcelOption,
    FormatOption,
    GoalsOption,
    LangOption,
    NoCacheOption,
    NoColorOption,
    OutputOption,
    PeriodOption,
    QuietOption,
    _deliver,
    _excel,
    _fail,
    _lang,
    _period,
    _progress,
    _project,
    app,
)

if TYPE_CHECKING:
    from beskplan.api import Project
    from beskplan.core.periods import Choice
    from beskplan.evaluation.results import Report
    from beskplan.plan.goalfile import Plan


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
    format: FormatOption = TABLE,
    excel: ExcelOption = False,
    lang: LangOption = None,
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
    from beskplan.core.errors import InputError, Problem
    from beskplan.render import Options, render
    from beskplan.rules.outcome import Status

    try:
        options = Options(_lang(lang), trend=trend, excel=_excel(excel, format))
        at = _period(period)
        project = _project(goals, data, no_cache)
        loaded = project.plan(plan)
        if all_municipalities or periods:
            if all_municipalities and periods:
                raise InputError(Problem("give --all-municipalities or --periods, not both"))
            if compare or trend:
                raise InputError(
                    Problem(
                        "--compare and --trend go with one evaluation, not with "
                        "--all-municipalities or --periods"
                    )
                )
            if all_municipalities:
                applied = project.every_municipality(loaded, at, _progress("Kommuner"))
                shown = render("municipalities", format.value, applied, options)
            else:
                assert periods is not None
                line = project.timeline(loaded, periods, _progress("Perioder"))
                shown = render("timeline", format.value, line, options)
            _deliver(shown, output, quiet, no_color)
            return
        report = project.evaluate(loaded, at, history=trend)
        _no_figure_at(report, loaded, project, at, "--period")
        earlier = _period(compare, "--compare")
        if earlier is not None:
            previous = project.evaluate(loaded, earlier)
            _no_figure_at(previous, loaded, project, earlier, "--compare")
            options = Options(_lang(lang), previous=previous, trend=trend, excel=excel)
        if not quiet:
            for notice in report.notices:
                sys.stderr.write(f"{notice}\n")
        _deliver(render("evaluation", format.value, report, options), output, quiet, no_color)
    except InputError as exc:
        _fail(exc)
    if strict and any(g.status is not Status.MET for g in report.goals):
        raise typer.Exit(1)


def _no_figure_at(report: Report, plan: Plan, project: Project, at: Choice, option: str) -> None:
    """A period of another frequency than the data is said, with the period that would be
    read (``2018Q02`` on monthly data names ``2018M06``): refused where no goal has a figure,
    a note beside the result where some goals have none."""
    from beskplan.core.errors import InputError, Problem
    from beskplan.core.periods import KIND_NAMES, Period
    from beskplan.evaluation.timing import finer_periods

    if not isinstance(at, Period):
        return
    found = finer_periods(report, plan, project.context, at)
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
    many = len(found) > 1
    sys.stderr.write(
        f"note: {option} {at}: goal{'s' if many else ''} {', '.join(found)} "
        f"{'have' if many else 'has'} no figure for the {kind} {at}, "
        f"as {'their' if many else 'its'} data publishes {finer}s: {advice}\n"
    )
