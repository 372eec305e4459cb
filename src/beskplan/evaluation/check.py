"""Checking plans against the data without evaluating them.

Beyond what evaluation refuses (an unknown measure, cluster or column), the
check asks whether the data covers what each goal will read: a figure row for
the municipality, every cluster member, the named municipality and the
national level where the rule compares with it, at the goal's period and at
its baseline. A suppressed figure is a row: it is data, not a gap in coverage.

Tables are released on different days: a table whose newest period is one
release before the period asked for is lagging, not missing, and is a warning
(``--period newest`` reads each goal at its newest figure). A period the table
lacks within its span, or long after it, is a gap: the message says which
periods are there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from beskplan.core.areas import area_key
from beskplan.core.errors import InputError, MeasureError, Problem
from beskplan.core.periods import Choice, Period, runs
from beskplan.evaluation.absent import closest_areas, unknown_municipality
from beskplan.evaluation.context import Context, columns
from beskplan.evaluation.evaluate import Prepared, prepare_goal
from beskplan.evaluation.timing import behind, read_at, schedule
from beskplan.extracts import Table
from beskplan.plan.goalfile import Plan
from beskplan.rules.base import NATIONAL


@dataclass
class Checked:
    """What the check found: problems (exit 2) and warnings (said, exit 0)."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    plans: int = 0  # how many plans, and goals, were checked
    goals: int = 0


def check_plan(plan: Plan, context: Context, period: Choice = None) -> Checked:
    """Every problem with ``plan`` on this data, one per line, each at its goal."""
    found = Checked(plans=1, goals=len(plan.goals))
    if (unknown := unknown_municipality(plan, context)) is not None:
        found.problems.append(plan.file.problem(("municipality",), unknown))
        return found
    published = _published(plan, context)
    for goal_slot in schedule(plan, context, period).slots:
        goal = goal_slot.goal
        try:
            ready = prepare_goal(plan, goal, context, goal_slot.period, goal_slot.asked)
        except InputError as exc:
            found.problems.extend(exc.problems)
            continue
        if ready.blocked is not None:
            continue  # not evaluable at this period: nothing to cover
        try:
            _coverage(plan, ready, context, found, published)
        except InputError as exc:
            found.problems.extend(exc.problems)
    if period == "newest":
        _stale(plan, context, found)
    return found


def _stale(plan: Plan, context: Context, found: Checked) -> None:
    """Under ``newest``, a warning for each goal whose table ends more than one release
    before the newest figure of the plan's other tables: its figure would be stale."""
    ends: list[tuple[str, str, Period]] = []  # goal, table, the table's newest period
    for goal in plan.goals:
        if goal.fields.period is not None:
            continue
        try:
            for spec in columns(context.measures.resolve(goal.fields.measure).spec):
                table = context.store.table(spec.table)
                if table.periods:
                    newest = max(table.periods.values(), key=Period.sort_key)
                    ends.append((goal.id, table.id, newest))
        except (InputError, MeasureError):
            continue
    late = behind([end for _, _, end in ends], [True] * len(ends))
    for (goal_id, table_id, end), said in zip(ends, late, strict=True):
        if said is None:
            continue
        months, newest = said
        goal = next(g for g in plan.goals if g.id == goal_id)
        found.warnings.append(
            plan.file.problem(
                (*goal.loc, "measure"),
                f"goal {goal_id}: table {table_id} ends at {end}, {_age(months)} before "
                f"the plan's newest figure ({newest}): its figure is stale",
            )
        )


def _age(months: int) -> str:
    years, rest = divmod(months, 12)
    parts = [
        f"{years} year{'s' * (years != 1)}" if years else "",
        f"{rest} month{'s' * (rest != 1)}" if rest else "",
    ]
    return " and ".join(p for p in parts if p)


def _needed_areas(plan: Plan, ready: Prepared) -> list[str]:
    reads = ready.goal.kind.reads(ready.goal.params)
    areas = [plan.municipality, *ready.members, *reads.areas]
    if reads.national:
        areas.append(NATIONAL)
    unique: dict[str, str] = {}
    for area in areas:
        unique.setdefault(area_key(area), area)
    return list(unique.values())


def _published(plan: Plan, context: Context) -> set[str]:
    """Every period some table of the plan has figures for (a table that fails is left out:
    its problem is said where a goal reads it)."""
    codes: set[str] = set()
    for goal in plan.goals:
        try:
            for spec in columns(context.measures.resolve(goal.fields.measure).spec):
                codes |= set(context.store.table(spec.table).periods)
        except (InputError, MeasureError):
            continue
    return codes


def _coverage(
    plan: Plan, ready: Prepared, context: Context, found: Checked, published: set[str]
) -> None:
    goal = ready.goal
    periods = [ready.period, *goal.kind.reads(goal.params).periods]
    areas = {area_key(a): a for a in _needed_areas(plan, ready)}

    def problem(message: str, warning: bool = False) -> None:
        said = plan.file.problem((*goal.loc, "measure"), f"goal {goal.id}: {message}")
        (found.warnings if warning else found.problems).append(said)

    for spec in ready.columns():
        table = context.store.table(spec.table)
        column = table.column(spec.column)
        filters = table.filters(dict(spec.where))
        for period in periods:
            found_at = read_at(table, period)
            if found_at is None:
                problem(*_absent(table, period, published))
                continue
            readings = table.read(column, filters, areas, found_at)
            missing = [r.area for r in readings.values() if r.value is None and r.raw is None]
            if missing:
                unknown = [a for a in missing if not table.has_area(a)]
                hints = "".join(
                    f"; {area} is not an area in it"
                    + (
                        f" (closest: {', '.join(near)})"
                        if (near := closest_areas(area, [table]))
                        else ""
                    )
                    for area in unknown
                )
                problem(
                    f"table {table.id} has no row for {', '.join(missing)} at {found_at} "
                    f"('{table.measures[column]}'){hints}"
                )


def _absent(table: Table, period: Period, published: set[str]) -> tuple[str, bool]:
    """Why ``table`` has no figures for ``period``, and whether it is only lagging: it ends
    one release before the period, which another table of the plan has."""
    have = sorted(table.periods.values(), key=Period.sort_key)
    if not have:
        return f"table {table.id} has no periods at all", False
    newest = have[-1]
    order = period.lookup_order()
    others = any(p.code in published for p in order)
    if others and any(p == newest.next() for p in order):
        return (
            f"table {table.id} ends at {newest}, one release before {period}; "
            "--period newest reads each goal at its newest figure",
            True,
        )
    if have[0].last_month <= period.last_month <= newest.last_month:
        return (
            f"table {table.id} has no figures for {period}: {period} is missing; "
            f"{runs(have)} are there",
            False,
        )
    return f"table {table.id} has no figures for {period}; it has {runs(have)}", False
