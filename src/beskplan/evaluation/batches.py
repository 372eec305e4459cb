"""Goals at many rows at once: every municipality, or every period, in one frame per goal.

``--all-municipalities`` and ``--periods`` evaluate one goal at many rows, a
municipality at a period each. A rule with a frame form (``evaluate_frame`` and
``outcome``, :mod:`beskplan.rules.frames`) decides all of a goal's rows in one Polars
evaluation; a rule without one, or a goal of few rows, is evaluated row by row. Where
figures cannot be put in a frame (a cell that is not a number, two rows that disagree) or
a goal has a problem in its file, :class:`~beskplan.rules.frames.Unfit` or the problem is
raised, and the caller evaluates one row at a time, which says what is wrong and where, as
it always has.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Protocol

import polars as pl

from beskplan.core.areas import area_key
from beskplan.core.errors import NoMembersYet
from beskplan.core.periods import Period
from beskplan.evaluation.context import Context
from beskplan.evaluation.evaluate import (
    Prepared,
    evaluate_goal,
    explained,
    goal_result,
    not_evaluable,
    prepare_goal,
)
from beskplan.evaluation.figures import read_batch
from beskplan.evaluation.results import GoalResult
from beskplan.evaluation.timing import read_tables, slot
from beskplan.evaluation.view import members_at
from beskplan.extracts import Table
from beskplan.plan.goalfile import Goal, Plan
from beskplan.rules.base import RuleKind
from beskplan.rules.frames import Batch, Row, Unfit, rows
from beskplan.rules.outcome import Outcome

# A frame costs 5 to 7 ms a goal however few its rows (Polars plans and runs a dozen
# joins); evaluated alone, a municipality or a period costs 0.3 to 0.5 ms here, where each
# row's goal is prepared anew. A goal with fewer rows than this is evaluated a row at a
# time (benchmarks/RESULTS.md measures both).
FRAME_ROWS = 48


class FrameRule(Protocol):
    """A rule's frame form: its verdict for many rows in Polars, and each row worded."""

    def evaluate_frame(self, params: Any, batch: Batch) -> pl.LazyFrame: ...

    def outcome(self, params: Any, row: Row) -> Outcome: ...


def framed(kind: RuleKind) -> FrameRule | None:
    """The rule's frame form, if it has one."""
    if hasattr(kind, "evaluate_frame") and hasattr(kind, "outcome"):
        return kind  # type: ignore[return-value]
    return None


@dataclass(frozen=True)
class Target:
    """One row: a goal as applied to a plan's municipality, asked at a period."""

    plan: Plan
    goal: Goal
    period: Period


def outcomes(
    goal: Goal,
    ready: Prepared,
    context: Context,
    at: Sequence[tuple[str, Period, str | Sequence[str] | None]],
) -> list[Outcome]:
    """The goal's outcome at each of ``at`` (a municipality, a period and the cluster it is
    compared with), decided in one frame; :class:`Unfit` where the figures cannot be or
    the rule has no frame form."""
    rule = framed(goal.kind)
    if rule is None:
        raise Unfit(goal.kind.NAME)
    reads = goal.kind.reads(goal.params)
    batch = read_batch(
        context,
        ready.measure.spec,
        ready.better,
        at,
        areas=reads.areas,
        periods=reads.periods,
        numbers=_numbers(goal.params),
    )
    frame = rule.evaluate_frame(goal.params, batch)
    return [rule.outcome(goal.params, row) for row in rows(frame, batch)]


def results(targets: Sequence[Target], context: Context, asked: bool) -> list[GoalResult]:
    """Each target's result as :func:`~beskplan.evaluation.evaluate.evaluate_goal` gives it
    (``asked``: at the caller's period, not the plan's). Targets are grouped by rule and
    parameters, their clusters aside; a group whose rule has no frame form, or of fewer than
    :data:`FRAME_ROWS` targets, is evaluated target by target. Raises what preparing a
    goal raises, and :class:`Unfit`."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    for i, target in enumerate(targets):
        groups.setdefault(_group(target.goal), []).append(i)
    found: dict[int, GoalResult] = {}
    for indices in groups.values():
        chosen = [targets[i] for i in indices]
        if framed(chosen[0].goal.kind) is None or len(chosen) < FRAME_ROWS:
            found.update(
                (i, evaluate_goal(t.plan, t.goal, context, t.period, asked))
                for i, t in zip(indices, chosen, strict=True)
            )
        else:
            found.update(zip(indices, _decided(chosen, context, asked), strict=True))
    return [found[i] for i in range(len(targets))]


def _group(goal: Goal) -> tuple[str, str, str]:
    """A goal as applied to different municipalities goes in one frame where it differs
    only in the cluster it compares them with."""
    return goal.id, goal.kind.NAME, repr(goal.params.model_dump(exclude={"cluster"}))


def _decided(targets: Sequence[Target], context: Context, asked: bool) -> list[GoalResult]:
    """One group's targets: checked as :func:`prepare_goal` checks each, then decided."""
    first = targets[0].goal
    reads = first.kind.reads(first.params)
    prepared: dict[tuple[object, tuple[str, ...]], Prepared] = {}  # by cluster and members
    listed: dict[tuple[object, Period], tuple[str, ...]] = {}  # (cluster, period) -> members
    templates: dict[object, GoalResult] = {}
    rows_at: list[tuple[str, Period, str | Sequence[str] | None]] = []
    placed: list[tuple[GoalResult, Period, Period | None, Prepared]] = []
    for target in targets:
        goal, plan = target.goal, target.plan
        period = goal.fields.period or target.period
        later = next((p for p in reads.periods if p.is_after(period)), None)
        if not asked or goal.fields.period is not None:
            later = None
        cluster = goal.kind.reads(goal.params).cluster
        ident = cluster if cluster is None or isinstance(cluster, str) else tuple(cluster)
        members = listed.get((ident, period))
        if members is None:
            try:
                members = tuple(members_at(cluster, context.clusters, period)) if cluster else ()
            except NoMembersYet:
                raise Unfit(goal.id) from None  # said by prepare_goal, at this period
            listed[(ident, period)] = members
        ready = prepared.get((ident, members))
        if ready is None:
            ready = prepare_goal(plan, goal, context, target.period, asked)
            prepared[(ident, members)] = ready
        if cluster and area_key(plan.municipality) not in map(area_key, members):
            raise Unfit(goal.id)  # said by prepare_goal, for this municipality
        if later is None and goal.kind.problems(goal.params, period):
            raise Unfit(goal.id)  # said by prepare_goal, at this period
        if ident not in templates:
            templates[ident] = goal_result(plan, ready, context)
        placed.append((templates[ident], period, later, ready))
        if later is None:
            rows_at.append((plan.municipality, period, cluster))
    ready = next(iter(prepared.values()))
    decided = iter(outcomes(first, ready, context, rows_at)) if rows_at else iter(())
    tables: dict[Period, list[tuple[Table, Period | None]]] = {}

    def said(period: Period, ready: Prepared) -> Outcome:
        """The next decided outcome, with why a figure is missing, as evaluate_goal says it."""
        if period not in tables:
            at = slot(first, context, period, asked)
            tables[period] = read_tables(at, ready.columns(), context)
        return explained(next(decided), replace(ready, period=period), tables[period])

    return [
        replace(
            template,
            asked_period=period,
            outcome=not_evaluable(period, later) if later is not None else said(period, ready),
        )
        for template, period, later, ready in placed
    ]


def _numbers(params: Any) -> list[Decimal]:
    """The goal's own numbers (margins, targets), whose decimals a frame's scale holds."""
    return [v for v in vars(params).values() if isinstance(v, Decimal)]
