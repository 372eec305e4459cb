"""``beskplan evaluate``: one plan or several, or across municipalities or periods."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Annotated

import typer

from beskplan.cli import (
    TABLE,
    AllPlansOption,
    CompareOption,
    DataOption,
    ExcelOption,
    FormatOption,
    GoalsOption,
    LangOption,
    NoCacheOption,
    NoColorOption,
    PeriodOption,
    PlansArgument,
    PlansOutputOption,
    QuietOption,
    _deliver,
    _earlier,
    _excel,
    _fail,
    _lang,
    _outputs,
    _period,
    _plans,
    _progress,
    _project,
    app,
)


@app.command()
def evaluate(
    plan: PlansArgument = None,
    all_plans: AllPlansOption = False,
    period: PeriodOption = None,
    compare: CompareOption = None,
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
    output: PlansOutputOption = None,
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Evaluate a plan's goals: met or unmet, with the figures and the reference."""
    from beskplan.core.errors import InputError, Problem
    from beskplan.render import Options, render
    from beskplan.rules.outcome import Status

    unmet = False
    try:
        options = Options(_lang(lang), trend=trend, excel=_excel(excel, format))
        at = _period(period)
        project = _project(goals, data, no_cache)
        chosen = _plans(project, plan, all_plans)
        if all_municipalities and periods:
            raise InputError(Problem("give --all-municipalities or --periods, not both"))
        if (all_municipalities or periods) and (compare or trend):
            raise InputError(
                Problem(
                    "--compare and --trend go with one evaluation, not with "
                    "--all-municipalities or --periods"
                )
            )
        places = _outputs(output, chosen, format.value in JOINABLE)
        for number, (loaded, place) in enumerate(zip(chosen, places, strict=True)):
            if number and place is None and not quiet:
                sys.stdout.write("\n")  # a blank line between plans on the terminal
            if all_municipalities:
                applied = project.every_municipality(loaded, at, _progress("Kommuner"))
                shown = render("municipalities", format.value, applied, options)
            elif periods:
                line = project.timeline(loaded, periods, _progress("Perioder"))
                shown = render("timeline", format.value, line, options)
            else:
                report = project.evaluate(loaded, at, history=trend)
                each = options
                if (previous := _earlier(project, loaded, report, compare)) is not None:
                    each = replace(options, previous=previous)
                if not quiet:
                    for notice in report.notices:
                        said = f"{loaded.id}: {notice}" if len(chosen) > 1 else str(notice)
                        sys.stderr.write(f"{said}\n")
                unmet = unmet or any(g.status is not Status.MET for g in report.goals)
                shown = render("evaluation", format.value, report, each)
            _deliver(shown, place, quiet, no_color)
    except InputError as exc:
        _fail(exc)
    if strict and unmet:
        raise typer.Exit(1)


# formats whose outputs of several plans read one after another on the terminal
JOINABLE = frozenset({"table", "markdown"})
