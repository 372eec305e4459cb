"""``beskplan plans`` and ``beskplan overview``."""

from __future__ import annotations

from typing import Annotated

import typer

from beskplan.cli import (
    LIST_TABLE,
    DataOption,
    GoalsOption,
    LangOption,
    ListFormatOption,
    NoCacheOption,
    NoColorOption,
    QuietOption,
    _deliver,
    _fail,
    _lang,
    _progress,
    _project,
    app,
)


@app.command()
def plans(
    goals: GoalsOption = None,
    bundled: Annotated[
        bool, typer.Option("--bundled", help="The bundled plans, whatever the project.")
    ] = False,
    format: ListFormatOption = LIST_TABLE,
    lang: LangOption = None,
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
) -> None:
    """List the plans in the goals directory: municipality, year, goals and source.

    Inside a project (a folder with beskplan.toml) its plans; --bundled for the bundled ones."""
    from beskplan.core.errors import InputError, Problem
    from beskplan.render import Options, render

    try:
        if bundled and goals is not None:
            raise InputError(Problem("--bundled and --goals choose different plans: give one"))
        loaded = _project(goals, None, bundled_only=bundled).plans()
        _deliver(render("plans", format.value, loaded, Options(_lang(lang))), None, quiet, no_color)
    except InputError as exc:
        _fail(exc)


@app.command()
def overview(
    plan: Annotated[
        list[str] | None,
        typer.Argument(help="Plan ids or paths. Default: every plan in the goals directory."),
    ] = None,
    data: DataOption = None,
    goals: GoalsOption = None,
    format: ListFormatOption = LIST_TABLE,
    lang: LangOption = None,
    no_color: NoColorOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Which ministerial goals each plan sets a measurable goal for, and its share of goals met."""
    from beskplan.core.errors import InputError
    from beskplan.render import Options, render

    try:
        result = _project(goals, data, no_cache).overview(plan or [], _progress("Planer"))
        shown = render("overview", format.value, result, Options(_lang(lang)))
        _deliver(shown, None, False, no_color)
    except InputError as exc:
        _fail(exc)
