"""``beskplan diff`` and ``beskplan check``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

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
                evaluate_plan(old_plan, context, at),
                new_plan,
                evaluate_plan(new_plan, context, at),
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
        problems, warnings = [], []
        for each in loaded:
            found = check_plan(each, context, at)
            problems.extend(found.problems)
            warnings.extend(found.warnings)
        for warning in warnings:
            sys.stderr.write(f"warning: {warning}\n")
        if problems:
            raise InputError(problems)
    except InputError as exc:
        _fail(exc)
    if not quiet:
        count = sum(len(p.goals) for p in loaded)
        sys.stdout.write(f"{len(loaded)} plans, {count} goals: no problems\n")
