"""``beskplan plans`` and ``beskplan overview``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from beskplan.cli import (
    DataOption,
    GoalsOption,
    Lang,
    LangOption,
    ListFormat,
    ListFormatOption,
    NoCacheOption,
    NoColorOption,
    _fail,
    _show_table,
    app,
)


@app.command()
def plans(
    goals: GoalsOption = None,
    format: ListFormatOption = ListFormat.table,
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
    format: ListFormatOption = ListFormat.table,
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
