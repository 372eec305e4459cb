"""Which period each goal is read at, and how old each figure is.

One rule for every command: a goal reads its table's period that ends where the
asked period ends (:func:`read_at`, by :func:`~beskplan.core.periods.read_from`):
``2026Q2`` reads June 2026 from a monthly table. ``latest`` is the newest period at
which every goal has the municipality's figure; ``newest`` each goal's own newest such
period, found among :func:`figure_periods`. A figure is a number: suppressed or absent
figures do not count. :func:`schedule` decides it for every goal of a plan before
evaluation; ``evaluate``, ``check``, ``--periods``, ``--compare``, the reports and
``diff`` take its decision, and ``fetch`` asks for the periods the same rule reads.

A figure older than the plan's newest by more than one step of its own table's
frequency is stale (:func:`stale`): a table one release behind is not.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from beskplan.core.errors import InputError, MeasureError, Problem
from beskplan.core.periods import Choice, Kind, Period, parse_period, read_from
from beskplan.evaluation.context import Context, columns
from beskplan.evaluation.results import GoalResult
from beskplan.extracts import Table
from beskplan.plan.catalogue import ColumnSpec
from beskplan.plan.goalfile import Goal, Plan
from beskplan.rules.outcome import Msg


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


def read_at(table: Table, asked: Period) -> Period | None:
    """The period ``table`` is read at for ``asked``: its period that ends where ``asked``
    ends (the asked one itself first, then the finest); ``None`` where it has none."""
    return read_from(asked, table.periods)


def decided(
    reads: Mapping[str, Period | None], key: str, table: Table, asked: Period
) -> Period | None:
    """The period ``table`` (``key``: its id in lower case) is read at for ``asked``: as the
    schedule decided in ``reads`` where it did, else by the same rule, :func:`read_at`."""
    return reads[key] if key in reads else read_at(table, asked)


NEWEST_TRIES = 24  # periods tried back from a goal's newest figure for one with its references


@dataclass(frozen=True)
class Slot:
    """The period one goal is evaluated at, decided before it is evaluated."""

    goal: Goal
    period: Period
    asked: bool  # the caller's period (or the goal's newest), not the goal file's
    reads: Mapping[str, Period | None] = field(default_factory=dict)  # table id -> period read
    # under ``newest``: the goal's earlier periods with its figure, tried in turn where the
    # newest lacks a reference's figure
    earlier: tuple[Slot, ...] = ()


@dataclass(frozen=True)
class Schedule:
    """Which period every goal of a plan reads; ``at`` is the period the plan is asked at."""

    at: Period
    slots: tuple[Slot, ...]


def schedule(plan: Plan, context: Context, choice: Choice = None) -> Schedule:
    """Each goal's period for ``choice`` (the plan's period, a period, ``latest`` or
    ``newest``), and the period each of its tables is read at. A goal with a period of its
    own keeps it. A goal whose measure cannot be resolved gets its period and no reads:
    evaluating it says what is wrong, at its line."""
    if choice == "latest":
        choice = latest_period(plan, context)
    at = plan.period if choice is None or isinstance(choice, str) else choice
    slots = []
    for goal in plan.goals:
        own = goal.fields.period
        if choice == "newest" and own is None:
            slots.append(_newest(plan, goal, context))
        else:
            slots.append(slot(goal, context, own or at, choice is not None))
    return Schedule(at, tuple(slots))


def slot(goal: Goal, context: Context, period: Period, asked: bool) -> Slot:
    """``goal`` at ``period``, with the period each of its tables is read at."""
    try:
        specs = columns(context.measures.resolve(goal.fields.measure).spec)
        reads = {s.table.casefold(): read_at(context.store.table(s.table), period) for s in specs}
    except MeasureError:
        return Slot(goal, period, asked)
    return Slot(goal, period, asked, reads)


def read_tables(
    goal_slot: Slot, specs: Sequence[ColumnSpec], context: Context
) -> list[tuple[Table, Period | None]]:
    """Each table of ``specs`` with the period the slot reads it at (``None``: it has none)."""
    found = []
    for spec in specs:
        table = context.store.table(spec.table)
        found.append(
            (table, decided(goal_slot.reads, spec.table.casefold(), table, goal_slot.period))
        )
    return found


def _newest(plan: Plan, goal: Goal, context: Context) -> Slot:
    try:
        have = sorted(figure_periods(plan, goal, context), key=Period.sort_key, reverse=True)
    except MeasureError:
        have = []
    if not have:
        return slot(goal, context, plan.period, False)
    first, *earlier = [slot(goal, context, p, True) for p in have[:NEWEST_TRIES]]
    return replace(first, earlier=tuple(earlier))


STEP = {Kind.MONTH: 1, Kind.QUARTER: 3, Kind.HALF_YEAR: 6, Kind.MOVING_YEAR: 3, Kind.YEAR: 12}


def step_months(period: Period) -> int:
    """Months between two releases of a table of ``period``'s frequency (a moving year is
    published every quarter)."""
    return STEP[period.kind]


def age(months: int) -> Msg:
    """An age in words: "3 år og 7 måneder", "1 måned"."""
    years, rest = divmod(months, 12)
    parts = [
        Msg("age.year" if years == 1 else "age.years", {"n": years}) if years else None,
        Msg("age.month" if rest == 1 else "age.months", {"n": rest}) if rest else None,
    ]
    said = [part for part in parts if part is not None]
    return said[0] if len(said) == 1 else Msg("age.and", {"a": said[0], "b": said[1]})


def behind(
    periods: Sequence[Period | None], counts: Sequence[bool]
) -> list[tuple[int, Period] | None]:
    """For each period, the months by which it is older than the newest of the others that
    ``counts``, with that newest, where that is more than one step of its own frequency (a
    table one release behind is not stale); ``None`` elsewhere and for a missing period."""
    found: list[tuple[int, Period] | None] = []
    for i, period in enumerate(periods):
        others = [p for j, p in enumerate(periods) if p is not None and counts[j] and j != i]
        if period is None or not others:
            found.append(None)
            continue
        newest = max(others, key=Period.sort_key)
        months = newest.last_month - period.last_month
        found.append((months, newest) if months > step_months(period) else None)
    return found


def stale(results: list[GoalResult], fixed: Sequence[bool]) -> list[GoalResult]:
    """Each goal with a figure older than the newest figure of the plan's other goals by
    more than one step of its own table's frequency marked stale, with a note saying by how
    much. Goals whose period the goal file ``fixed`` (a yearly survey's year) are not what
    the data's newest is measured by, but may be stale themselves."""
    read = [r.period if r.outcome.value is not None else None for r in results]
    counts = [not f for f in fixed]
    marked = []
    for result, late in zip(results, behind(read, counts), strict=True):
        if late is None:
            marked.append(result)
            continue
        months, newest = late
        note = Msg("stale", {"age": age(months), "newest": newest})
        outcome = replace(result.outcome, notes=(*result.outcome.notes, note))
        marked.append(replace(result, outcome=outcome, stale=months))
    return marked


RELATIVE = ("previous", "year-ago")


def compared_with(asked: Period, how: str) -> Period:
    """The period ``--compare previous`` or ``year-ago`` means beside ``asked``: one step of
    its own frequency earlier (the quarter before a quarter), or the same period a year
    earlier."""
    return asked.previous() if how == "previous" else asked.year_ago()
