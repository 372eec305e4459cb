"""Which period each goal is read at: the newest the data has, and the period a finer
frequency would give.

``latest`` is the newest period at which every goal has the municipality's
figure; ``newest`` (in :mod:`beskplan.evaluation.evaluate`) each goal's own newest such
period, found among :func:`figure_periods`. A figure is a number: suppressed or
absent figures do not count.
"""

from __future__ import annotations

from beskplan.core.errors import InputError, MeasureError, Problem
from beskplan.core.periods import Period, parse_period
from beskplan.evaluation.context import Context, columns
from beskplan.plan.goalfile import Goal, Plan


def figure_periods(plan: Plan, goal: Goal, context: Context) -> set[Period]:
    """The periods at which the municipality has a figure in every column the goal reads."""
    measure = context.measures.resolve(goal.fields.measure)
    found: list[set[str]] = []
    for spec in columns(measure.spec):
        table = context.store.table(spec.table)
        column, filters = table.column(spec.column), table.filters(dict(spec.where))
        found.append(table.figure_periods(plan.municipality, column, filters))
    return {parse_period(code) for code in set.intersection(*found)} if found else set()


def latest_period(plan: Plan, context: Context) -> Period:
    """The newest period at which every goal has the municipality's figure.

    A figure is a number: a period where it is suppressed (``..``) or absent does
    not count. Goals with a period of their own are left out. Where no period
    serves every goal, the newest at which any goal has a figure; where none
    has, the plan's.
    """
    available: list[set[str]] = []
    problems: list[Problem] = []
    for goal in plan.goals:
        if goal.fields.period is not None:
            continue
        try:
            available.append({p.code for p in figure_periods(plan, goal, context)})
        except MeasureError as exc:
            problems.append(plan.file.problem((*goal.loc, "measure"), f"goal {goal.id}: {exc}"))
    if problems:
        raise InputError(problems)
    candidates = sorted(
        {parse_period(code) for codes in available for code in codes}, key=Period.sort_key
    )
    if not candidates:
        return plan.period
    finest = min(p.kind for p in candidates)
    candidates = [p for p in candidates if p.kind == finest]
    for candidate in reversed(candidates):
        order = {p.code for p in candidate.lookup_order()}
        if all(order & codes for codes in available):
            return candidate
    return candidates[-1]
