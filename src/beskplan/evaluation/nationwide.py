"""A plan's goals applied to every municipality in the data, and over a range of periods.

Applied to another municipality, a goal compares it with *its own* cluster:
the cluster of the same benefit group in ``clusters.yaml`` that holds it. A
municipality without one is compared with the national level instead, and the
result says so. Every table slice is read once and shared by all municipalities
and periods (:meth:`beskplan.extracts.Table.read`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace

from beskplan.core.areas import area_key
from beskplan.core.errors import InputError, MeasureError, Problem
from beskplan.core.periods import (
    Choice,
    Period,
    PeriodError,
    PeriodRuns,
    between,
    parse_range,
    read_from,
)
from beskplan.core.sources import SourceFile, describe
from beskplan.evaluation import batches
from beskplan.evaluation.context import Context, columns
from beskplan.evaluation.evaluate import evaluate_plan, report_of
from beskplan.evaluation.results import GoalResult, Report
from beskplan.extracts.layout import AREA
from beskplan.plan.catalogue import Clusters
from beskplan.plan.goalfile import Goal, Plan
from beskplan.rules import RULES
from beskplan.rules.frames import Unfit
from beskplan.rules.outcome import Msg, Status

NOT_MUNICIPALITIES = ("hele landet", "uoplyst område", "rar ")


@dataclass(frozen=True)
class Applied:
    """The plan applied to one municipality."""

    municipality: str
    report: Report
    national_instead: tuple[
        str, ...
    ]  # goals compared with the national level for want of a cluster


def municipalities(plan: Plan, context: Context) -> list[str]:
    """Every municipality with figures in the tables the plan reads."""
    names: dict[str, str] = {}
    for goal in plan.goals:
        measure = context.measures.resolve(goal.fields.measure)
        for spec in columns(measure.spec):
            table = context.store.table(spec.table)
            for area in table.values(AREA):
                key = area_key(area)
                if area and not key.startswith(NOT_MUNICIPALITIES):
                    names.setdefault(key, area)
    return sorted(names.values(), key=str.casefold)


def _own_cluster(name: str, municipality: str, clusters: Clusters, period: Period) -> str | None:
    """The first cluster, by name, of the same benefit group as ``name`` that holds the
    municipality at ``period``."""
    versions = clusters.versions.get(name)
    if not versions:
        return None
    return clusters.holders(versions[0].benefit, period).get(area_key(municipality))


def _retarget(
    goal: Goal, municipality: str, clusters: Clusters, period: Period
) -> tuple[Goal, bool]:
    """The goal for another municipality, as its rule says: its own cluster, or the national
    level where it has none (and whether it fell back to it)."""
    cluster = goal.kind.reads(goal.params).cluster
    if cluster is None:
        return goal, False
    own: str | Sequence[str] | None
    if isinstance(cluster, str):
        own = _own_cluster(cluster, municipality, clusters, period)
    else:
        own = cluster if area_key(municipality) in {area_key(m) for m in cluster} else None
    found = goal.kind.retarget(goal.params, own)
    if found is None:
        return goal, False
    kind = RULES[found.rule]
    fields = goal.fields.model_copy(update={"rule": found.rule})
    return replace(goal, fields=fields, kind=kind, params=found.params), found.national_instead


def applied_to(
    plan: Plan, municipality: str, clusters: Clusters, at: Period
) -> tuple[Plan, tuple[str, ...]]:
    """The plan as applied to ``municipality``: each goal compared with the municipality's
    own cluster, and the goals compared with the national level for want of one."""
    goals, national = [], []
    for goal in plan.goals:
        changed, fell_back = _retarget(goal, municipality, clusters, goal.fields.period or at)
        goals.append(changed)
        if fell_back:
            national.append(goal.id)
    return replace(plan, municipality=municipality, goals=tuple(goals)), tuple(national)


def apply_all(
    plan: Plan,
    context: Context,
    period: Choice = None,
    step: Callable[[], None] | None = None,
    names: list[str] | None = None,
) -> list[Applied]:
    """The plan's goals for every municipality in the data, best first (most goals met).

    ``step`` is called after each municipality (for a progress bar); ``names`` are the
    municipalities when the caller has listed them already.
    """
    at = period if isinstance(period, Period) else plan.period
    listed = names if names is not None else municipalities(plan, context)
    results: list[Applied] | None = None
    if period is None or isinstance(period, Period):
        # where this fails, one municipality at a time below says what is wrong
        with suppress(Unfit, InputError, MeasureError):
            results = _all_at_once(plan, context, at, period is not None, listed, step)
    if results is None:
        results = []
        for municipality in listed:
            variant, national = applied_to(plan, municipality, context.clusters, at)
            report = evaluate_plan(variant, context, period, courses=False)
            results.append(Applied(municipality, report, national))
            if step is not None:
                step()
    results.sort(key=lambda a: (-a.report.summary.met, a.report.summary.unmet, a.municipality))
    return results


def _all_at_once(
    plan: Plan,
    context: Context,
    at: Period,
    asked: bool,
    names: list[str],
    step: Callable[[], None] | None,
) -> list[Applied]:
    """Every municipality at ``at``, each goal decided for all of them in one frame."""
    targets: list[batches.Target] = []
    national: list[tuple[str, ...]] = []
    for municipality in names:
        variant, fell_back = applied_to(plan, municipality, context.clusters, at)
        targets.extend(batches.Target(variant, goal, at) for goal in variant.goals)
        national.append(fell_back)
    found = batches.results(targets, context, asked)
    goal_file = describe(plan.path, plan.file.text.encode("utf-8"), None, plan.path.name)
    size = len(plan.goals)
    applied = []
    for i, municipality in enumerate(names):
        variant = targets[i * size].plan
        chosen = found[i * size : (i + 1) * size]
        report = report_of(variant, context, at, chosen, goal_file=goal_file)
        applied.append(Applied(municipality, report, national[i]))
        if step is not None:
            step()
    return applied


def period_range(text: str) -> list[Period]:
    """``--periods FROM..TO``: every period of FROM's frequency from FROM to TO."""
    try:
        return between(*parse_range(text))
    except PeriodError as exc:
        raise InputError(Problem(f"--periods: {exc}")) from None


@dataclass(frozen=True)
class GoalLine:
    """One goal over a range: its result at each period its data publishes in the range."""

    id: str
    title: str
    name: str | None
    steps: tuple[GoalResult, ...]  # each evaluated at its own period (``asked_period``)
    absent: Msg | None = None  # why there are no steps: the tables' periods

    @property
    def met(self) -> int:
        return sum(step.status is Status.MET for step in self.steps)

    @property
    def with_data(self) -> int:
        """The steps with a verdict: those without data, or not evaluable, are not counted."""
        return sum(step.status is not Status.NO_DATA for step in self.steps)


@dataclass(frozen=True)
class Timeline:
    plan: str
    title: str
    municipality: str
    first: Period
    last: Period
    goals: tuple[GoalLine, ...]
    sources: tuple[SourceFile, ...] = ()  # the files the figures came from

    @property
    def periods(self) -> list[Period]:
        found = {step.asked_period for goal in self.goals for step in goal.steps}
        return sorted(found, key=Period.sort_key)


def steps(plan: Plan, goal: Goal, context: Context, span: list[Period]) -> list[Period]:
    """The periods a goal's data publishes over ``span``: for each period of the range, the
    one the goal reads there (a half-yearly table gives QMAT02 and QMAT04, a yearly one the
    years), each once; a goal with a period of its own has just that one."""
    if goal.fields.period is not None:
        return [goal.fields.period]
    measure = context.measures.resolve(goal.fields.measure)
    tables = [context.store.table(spec.table) for spec in columns(measure.spec)]
    published = set.intersection(*(set(table.periods) for table in tables))
    found: dict[Period, None] = {}
    for period in span:
        if (read := read_from(period, published)) is not None:
            found.setdefault(read)
    return list(found)


def _absent(goal: Goal, context: Context, span: list[Period]) -> Msg | None:
    """Why a goal has no period in ``span``: the periods its tables have."""
    measure = context.measures.resolve(goal.fields.measure)
    for spec in columns(measure.spec):
        table = context.store.table(spec.table)
        if all(read_from(period, table.periods) is None for period in span):
            have = PeriodRuns(tuple(table.periods.values()))
            args = {"table": table.id, "first": span[0], "last": span[-1], "has": have}
            return Msg("no_periods", args)
    return None


def timeline(
    plan: Plan, context: Context, span: list[Period], step: Callable[[], None] | None = None
) -> Timeline:
    """Each goal at each period its data publishes in ``span``; ``step`` after each period."""
    wanted = {goal.id: steps(plan, goal, context, span) for goal in plan.goals}
    periods = sorted({p for found in wanted.values() for p in found}, key=Period.sort_key)
    targets = [batches.Target(plan, g, p) for g in plan.goals for p in wanted[g.id]]
    try:
        decided = batches.results(targets, context, asked=True)
        results = {(t.goal.id, t.period): r for t, r in zip(targets, decided, strict=True)}
        framed = True
    except (Unfit, InputError, MeasureError):
        results, framed = {}, False  # period by period below, which says what is wrong
    for period in periods:
        if not framed:
            report = evaluate_plan(plan, context, period, courses=False)
            for result in report.goals:
                if period in wanted[result.id]:
                    results[(result.id, period)] = result
        if step is not None:
            step()
    lines = tuple(
        GoalLine(
            goal.id,
            goal.fields.title,
            goal.fields.name,
            tuple(results[(goal.id, p)] for p in wanted[goal.id]),
            None if wanted[goal.id] else _absent(goal, context, span),
        )
        for goal in plan.goals
    )
    return Timeline(
        plan.id, plan.title, plan.municipality, span[0], span[-1], lines, context.sources()
    )
