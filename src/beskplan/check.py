"""Checking plans against the data without evaluating them.

Beyond what evaluation refuses (an unknown measure, cluster or column), the
check asks whether the data covers what each goal will read: a figure row for
the municipality, every cluster member, the named municipality and the
national level where the rule compares with it, at the goal's period and at
its baseline. A suppressed figure is a row: it is data, not a gap in coverage.
"""

from __future__ import annotations

from beskplan.areas import area_key
from beskplan.errors import InputError, Problem
from beskplan.evaluate import Context, Prepared, prepare_goal
from beskplan.goalfile import Plan
from beskplan.periods import Period
from beskplan.rules.base import NATIONAL


def check_plan(plan: Plan, context: Context, period: Period | None = None) -> list[Problem]:
    """Every problem with ``plan`` on this data, one per line, each at its goal."""
    problems: list[Problem] = []
    for goal in plan.goals:
        try:
            ready = prepare_goal(plan, goal, context, period or plan.period)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        try:
            problems.extend(_coverage(plan, ready, context))
        except InputError as exc:
            problems.extend(exc.problems)
    return problems


def _needed_areas(plan: Plan, ready: Prepared) -> list[str]:
    params = ready.goal.params
    areas = [plan.municipality, *ready.members]
    if (than := getattr(params, "than", None)) is not None:
        areas.append(than)
    if ready.goal.kind.NAME == "national" or getattr(params, "against", None) == "national":
        areas.append(NATIONAL)
    unique: dict[str, str] = {}
    for area in areas:
        unique.setdefault(area_key(area), area)
    return list(unique.values())


def _coverage(plan: Plan, ready: Prepared, context: Context) -> list[Problem]:
    goal = ready.goal
    periods = [ready.period]
    baseline = getattr(goal.params, "baseline", None)
    if isinstance(baseline, Period):
        periods.append(baseline)
    areas = {area_key(a): a for a in _needed_areas(plan, ready)}
    problems: list[Problem] = []

    def problem(message: str) -> None:
        problems.append(plan.file.problem((*goal.loc, "measure"), f"goal {goal.id}: {message}"))

    for spec in ready.columns():
        table = context.store.table(spec.table)
        column = table.column(spec.column)
        filters = table.filters(dict(spec.where))
        for period in periods:
            found = table.period_for(period.lookup_order())
            if found is None:
                have = sorted(table.periods.values(), key=Period.sort_key)
                span = f"{have[0]} to {have[-1]}" if have else "no periods"
                problem(f"table {table.id} has no figures for {period} (it has {span})")
                continue
            readings = table.read(column, filters, areas, found)
            missing = [r.area for r in readings.values() if r.value is None and r.raw is None]
            if missing:
                problem(
                    f"table {table.id} has no row for {', '.join(missing)} at {found} "
                    f"('{table.measures[column]}')"
                )
    return problems
