"""``beskplan report`` and ``beskplan schema``."""

from __future__ import annotations

from typing import Annotated

import typer

from beskplan.cli import (
    HTML,
    AllPlansOption,
    CompareOption,
    DataOption,
    GoalsOption,
    LangOption,
    NoCacheOption,
    OutputOption,
    PeriodOption,
    PlansArgument,
    PlansOutputOption,
    QuietOption,
    ReportFormat,
    _deliver,
    _earlier,
    _fail,
    _lang,
    _outputs,
    _period,
    _plans,
    _project,
    app,
)


@app.command()
def report(
    plan: PlansArgument = None,
    all_plans: AllPlansOption = False,
    period: PeriodOption = None,
    compare: CompareOption = None,
    data: DataOption = None,
    goals: GoalsOption = None,
    lang: LangOption = None,
    output: PlansOutputOption = None,
    format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            help="html; markdown with the charts as SVG files beside; or xlsx, the goals and "
            "the goal × quarter table as sheets.",
        ),
    ] = HTML,
    history: Annotated[
        int,
        typer.Option(
            min=0,
            max=40,
            help="Quarters in the goal × quarter table: the last N that have figures (0: none).",
        ),
    ] = 8,
    quiet: QuietOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Write the report for the committee: one self-contained HTML file with a chart per goal
    (a file per plan with several plans)."""
    from beskplan.core.errors import InputError
    from beskplan.render import Options, render

    try:
        at, language = _period(period), _lang(lang)
        project = _project(goals, data, no_cache)
        chosen = _plans(project, plan, all_plans)
        for loaded, place in zip(chosen, _outputs(output, chosen, False), strict=True):
            result, members = project.report(loaded, at)
            previous = _earlier(project, loaded, result, compare)
            charts = (place.stem if place else "report") + "-charts"
            options = Options(
                language, previous=previous, members=members, charts=charts, history=history
            )
            _deliver(render("report", format.value, result, options), place, quiet)
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
