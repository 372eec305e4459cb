"""``beskplan diff`` and ``beskplan check``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from beskplan.cli import (
    DIFF_TABLE,
    AllPlansOption,
    DataOption,
    DiffFormatOption,
    ExcelOption,
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
    _one_of,
    _period,
    _project,
    app,
)


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
    format: DiffFormatOption = DIFF_TABLE,
    excel: ExcelOption = False,
    lang: LangOption = None,
    output: OutputOption = None,
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Compare two plans (or two saved evaluations) goal by goal."""
    from beskplan.api import diff_results
    from beskplan.core.errors import InputError
    from beskplan.render import Options, render

    try:
        if results:
            result = diff_results(Path(old), Path(new))
        else:
            result = _project(goals, data, no_cache).diff(old, new, _period(period))
            for note in result.notes:
                sys.stderr.write(f"note: {note}\n")
        options = Options(_lang(lang), excel=_excel(excel, format))
        shown = render("diff", format.value, result, options)
        _deliver(shown, output, quiet, no_color)
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
    all_plans: AllPlansOption = False,
    period: PeriodOption = None,
    data: DataOption = None,
    goals: GoalsOption = None,
    quiet: QuietOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Check goal files, and that the data covers every measure, member and period they need."""
    from beskplan.core.errors import InputError

    try:
        _one_of(plan, all_plans)
        project = _project(goals, data, no_cache)
        found = project.check(plan or [], _period(period))
        for warning in found.warnings:
            sys.stderr.write(f"warning: {warning}\n")
        if found.problems:
            raise InputError(found.problems)
    except InputError as exc:
        _fail(exc)
    if not quiet:
        said = f"{found.plans} plan{'' if found.plans == 1 else 's'}"
        said += f", {found.goals} goal{'' if found.goals == 1 else 's'}"
        sys.stdout.write(f"{said}: no problems\n")
