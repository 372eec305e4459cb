"""``beskplan report`` and ``beskplan schema``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from beskplan.cli import (
    DataOption,
    GoalsOption,
    Lang,
    LangOption,
    NoCacheOption,
    OutputOption,
    PeriodOption,
    ReportFormat,
    _emit,
    _fail,
    _period,
    app,
)

if TYPE_CHECKING:
    from beskplan.results import Report


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
        result = evaluate_plan(loaded, context, at, history=True)
        members = {
            goal.id: member_figures(loaded, goal, context, done.asked_period)
            for goal, done in zip(loaded.goals, result.goals, strict=True)
        }
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
