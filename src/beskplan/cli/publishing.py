"""``beskplan report`` and ``beskplan schema``."""

from __future__ import annotations

from typing import Annotated

import typer

from beskplan.cli import (
    HTML,
    CompareOption,
    DataOption,
    GoalsOption,
    LangOption,
    NoCacheOption,
    OutputOption,
    PeriodOption,
    QuietOption,
    ReportFormat,
    _deliver,
    _earlier,
    _fail,
    _lang,
    _period,
    _project,
    app,
)


@app.command()
def report(
    plan: Annotated[
        str, typer.Argument(help="A plan id from the goals directory, or a path to a .yaml file.")
    ],
    period: PeriodOption = None,
    compare: CompareOption = None,
    data: DataOption = None,
    goals: GoalsOption = None,
    lang: LangOption = None,
    output: OutputOption = None,
    format: Annotated[
        ReportFormat,
        typer.Option("--format", help="html, or markdown with the charts as SVG files beside."),
    ] = HTML,
    quiet: QuietOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Write the report for the committee: one self-contained HTML file with a chart per goal."""
    from beskplan.core.errors import InputError
    from beskplan.render import Options, render

    try:
        project = _project(goals, data, no_cache)
        loaded = project.plan(plan)
        result, members = project.report(loaded, _period(period))
        previous = _earlier(project, loaded, result, compare)
        charts = (output.stem if output else "report") + "-charts"
        options = Options(_lang(lang), previous=previous, members=members, charts=charts)
        _deliver(render("report", format.value, result, options), output, quiet)
    except InputError as exc:
        _fail(exc)


@app.command()
def schema(output: OutputOption = None) -> None:
    """Print the JSON Schema of the goal-file format."""
    from beskplan.core.errors import InputError
    from beskplan.plan.goalschema import render
    from beskplan.render import Rendered

    try:
        _deliver(Rendered(render()), output)
    except InputError as exc:
        _fail(exc)
