"""Evaluating a plan: each goal's rule applied to the figures its measure reads.

The evaluation period is the plan's ``period`` unless the caller gives another:
a period, ``latest`` (the newest period at which every goal has the
municipality's figure) or ``newest`` (each goal at its own newest such period).
A goal with its own ``period`` keeps it. Problems that make a goal impossible to
evaluate (an unknown measure, cluster or column) are input errors, collected
over all goals and raised together; missing figures are not errors but make a
goal ``no_data``, and so does a period the goal cannot be evaluated at (before
its baseline), said in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from beskplan.areas import area_key
from beskplan.catalogue import (
    CLUSTERS_FILE,
    MEASURES_FILE,
    Clusters,
    ColumnSpec,
    Measure,
    Measures,
    Spec,
    load_clusters,
    load_measures,
)
from beskplan.errors import InputError, MeasureError, Problem, UnknownCluster, did_you_mean
from beskplan.extracts import DataStore
from beskplan.extracts.reading import Reading
from beskplan.goalfile import Goal, Plan
from beskplan.periods import Choice, Period, parse_period
from beskplan.results import GoalResult, Msg, Outcome, Report, Status
from beskplan.rules.base import NATIONAL
from beskplan.sources import SourceFile, describe, fingerprint
from beskplan.trajectory import Assessment, assess


@dataclass
class Context:
    """What evaluation reads from: the extracts and the two catalogues."""

    store: DataStore
    measures: Measures
    clusters: Clusters
    catalogues: tuple[SourceFile, ...] = ()

    @classmethod
    def open(cls, data_dir: Path, use_cache: bool = True) -> Context:
        store = DataStore(data_dir, use_cache)
        catalogues = tuple(
            describe(path, path.read_bytes(), None, path.name)
            for path in (data_dir / MEASURES_FILE, data_dir / CLUSTERS_FILE)
            if path.is_file()
        )
        return cls(store, load_measures(data_dir), load_clusters(data_dir), catalogues)

    def sources(self) -> tuple[SourceFile, ...]:
        return (*self.catalogues, *self.store.sources())


def evaluate_plan(
    plan: Plan,
    context: Context,
    period: Choice = None,
    history: bool = False,
    courses: bool = True,
) -> Report:
    """Evaluate every goal of ``plan``; raise :class:`InputError` with all problems found.

    With ``history`` each goal also carries its outcome at every earlier period in the
    data (for trends and charts). Goals with a deadline get their course toward it
    unless ``courses`` is off (evaluations over many municipalities or periods, where
    the course is not shown, skip that work).
    """
    if period == "latest":
        period = latest_period(plan, context)
    at = plan.period if period is None or isinstance(period, str) else period
    problems: list[Problem] = []
    results: list[GoalResult] = []
    for goal in plan.goals:
        try:
            if period == "newest" and goal.fields.period is None:
                results.append(_newest(plan, goal, context, history, courses))
            else:
                asked = period is not None
                results.append(_evaluate_goal(plan, goal, context, at, history, courses, asked))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    newest: tuple[Period, Period] | None = None
    if period == "newest":
        read = sorted({g.period for g in results}, key=Period.sort_key)
        newest = (read[0], read[-1])
        at = read[-1]
    goal_file = describe(plan.path, plan.file.text.encode("utf-8"), None, plan.path.name)
    used = {name for result in results for name in result.sources}
    sources = tuple(s for s in context.sources() if s.path in used)
    return Report(
        plan.id,
        plan.title,
        plan.municipality,
        at,
        plan.source,
        tuple(results),
        sources,
        goal_file,
        tuple(context.store.notices()),
        newest,
    )


NEWEST_TRIES = 24  # periods tried back from a goal's newest figure for one with its references


def _newest(plan: Plan, goal: Goal, context: Context, history: bool, courses: bool) -> GoalResult:
    """The goal at the newest period with the municipality's figure and its references."""
    candidates = sorted(figure_periods(plan, goal, context), key=Period.sort_key, reverse=True)
    first: GoalResult | None = None
    for candidate in candidates[:NEWEST_TRIES]:
        result = _evaluate_goal(plan, goal, context, candidate, history, courses, asked=True)
        if result.status is not Status.NO_DATA:
            return result
        first = first or result
    return first or _evaluate_goal(plan, goal, context, plan.period, history, courses)


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


def columns(spec: Spec) -> list[ColumnSpec]:
    """The table columns a measure reads, a sum's parts in order."""
    if isinstance(spec, ColumnSpec):
        return [spec]
    return [c for part in spec.parts for c in columns(part)]


@dataclass(frozen=True)
class Prepared:
    """A goal checked against the catalogues and the data, ready to evaluate."""

    goal: Goal
    period: Period
    measure: Measure
    better: str
    cluster: str | Sequence[str] | None
    members: list[str]
    areas: list[str]
    named: tuple[str, ...] = ()  # areas the goal names (``than``), read besides its members
    later: Period | None = None  # a period the rule reads that comes after the goal's period

    def columns(self) -> list[ColumnSpec]:
        return columns(self.measure.spec)


def prepare_goal(
    plan: Plan, goal: Goal, context: Context, at: Period, asked: bool = False
) -> Prepared:
    """Resolve a goal's measure, direction and cluster; raise every problem found, at its line.

    ``asked``: the period is the caller's, not the goal file's. A period the rule reads
    that comes after it (a later baseline) is then no mistake in the goal file: the goal
    cannot be evaluated at that period, and :attr:`Prepared.later` says why.
    """
    source = plan.file
    period = goal.fields.period or at
    reads = goal.kind.reads(goal.params)
    later = next((p for p in reads.periods if p.is_after(period)), None)
    if not asked or goal.fields.period is not None:
        later = None
    problems: list[Problem] = []

    def problem(key: str, message: str) -> None:
        problems.append(source.problem((*goal.loc, key), f"goal {goal.id}: {message}"))

    measure: Measure | None = None
    try:
        measure = context.measures.resolve(goal.fields.measure)
        for spec in columns(measure.spec):
            table = context.store.table(spec.table)
            table.column(spec.column)
            table.filters(dict(spec.where))
    except MeasureError as exc:
        problem("measure", str(exc))
    better = goal.fields.better or (measure.better if measure else None)
    if better is None and measure is not None:
        problem(
            "better",
            "missing key 'better' (lower or higher): the measure catalogue gives no direction "
            "for this measure",
        )
    cluster = reads.cluster
    members: list[str] = []
    if cluster is not None:
        try:
            members = _members(cluster, context.clusters, period)
            if area_key(plan.municipality) not in {area_key(m) for m in members}:
                problem(
                    reads.cluster_key,
                    f"cluster {_cluster_name(cluster)} does not contain the plan's municipality "
                    f"{plan.municipality}; members: {', '.join(members)}",
                )
        except UnknownCluster:
            known = sorted(context.clusters.versions)
            problem(
                reads.cluster_key,
                f"unknown cluster '{cluster}'{did_you_mean(str(cluster), known)}; clusters in "
                f"clusters.yaml: {', '.join(known) or '(none: there is no clusters.yaml)'}. "
                "Or list the members inline: cluster: [Frederiksberg, Gentofte, ...]",
            )
        except MeasureError as exc:
            problem(reads.cluster_key, str(exc))
    if later is None:
        for key, message in goal.kind.problems(goal.params, period):
            problem(key, message)
    if problems or measure is None or better is None:
        raise InputError(problems)
    areas = [plan.municipality, NATIONAL, *members, *reads.areas]
    return Prepared(goal, period, measure, better, cluster, members, areas, reads.areas, later)


def _evaluate_goal(
    plan: Plan,
    goal: Goal,
    context: Context,
    at: Period,
    with_history: bool = False,
    courses: bool = True,
    asked: bool = False,
) -> GoalResult:
    ready = prepare_goal(plan, goal, context, at, asked)
    period, measure, better, cluster, areas = (
        ready.period,
        ready.measure,
        ready.better,
        ready.cluster,
        ready.areas,
    )
    source = plan.file
    if ready.later is not None:
        outcome = Outcome(
            Status.NO_DATA, Msg("not_evaluable", {"period": period, "later": ready.later})
        )
    else:
        view = _View(plan.municipality, period, better, measure, context, areas)
        outcome = goal.kind.evaluate(goal.params, view)
    course = bool(goal.fields.deadline) and courses and ready.later is None
    history = _history(plan, ready, context, outcome.period) if course or with_history else ()
    files = {
        s.path for spec in columns(measure.spec) for s in context.store.table(spec.table).sources
    }
    if isinstance(goal.fields.measure, str):
        files.add(MEASURES_FILE)
    if isinstance(cluster, str):
        files.add(CLUSTERS_FILE)
    return GoalResult(
        id=goal.id,
        title=goal.fields.title,
        name=goal.fields.name,
        rule=goal.kind.NAME,
        better=better,
        unit=goal.fields.unit or measure.unit or "",
        measure=measure.label,
        focus=goal.fields.focus,
        ministermaal=tuple(goal.fields.ministermaal),
        asked_period=period,
        outcome=outcome,
        sources=tuple(sorted(files)),
        definition=fingerprint(source.data["goals"][goal.loc[1]]),
        trajectory=_course(ready, history, outcome) if course else None,
        history=history,
        margin=goal.kind.requirement(goal.params).margin,
    )


def _history(
    plan: Plan, ready: Prepared, context: Context, read_at: Period | None
) -> tuple[tuple[Period, Outcome], ...]:
    """The goal at every period of its data's frequency, up to its period, oldest first.

    ``read_at`` is the period its figure was read at: a yearly measure read for a month
    has a history of years.
    """
    goal, now = ready.goal, ready.period
    last = read_at or now
    kind = last.kind
    available = [
        {p.code for p in context.store.table(spec.table).periods_of(plan.municipality)}
        for spec in ready.columns()
    ]
    codes = set.intersection(*available) if available else set()
    periods = sorted(
        (p for p in map(parse_period, codes) if p.kind == kind and not p.is_after(last)),
        key=Period.sort_key,
    )
    points = []
    for period in periods:
        members = _members(ready.cluster, context.clusters, period) if ready.cluster else []
        areas = [plan.municipality, NATIONAL, *members, *ready.named]
        view = _View(plan.municipality, period, ready.better, ready.measure, context, areas)
        points.append((period, goal.kind.evaluate(goal.params, view)))
    return tuple(points)


def _course(
    ready: Prepared, history: tuple[tuple[Period, Outcome], ...], outcome: Outcome
) -> Assessment:
    """The goal's course toward its deadline, from its gap at every period up to now."""
    goal = ready.goal
    assert goal.fields.deadline is not None
    series = [(period, past.gap) for period, past in history if past.gap is not None]
    asks = goal.kind.requirement(goal.params)
    return assess(
        series,
        goal.fields.deadline,
        ready.period,
        outcome.status is Status.MET,
        asks.margin,
        asks.strict,
    )


def _cluster_name(cluster: str | Sequence[str]) -> str:
    return f"'{cluster}'" if isinstance(cluster, str) else "(inline list)"


def _members(cluster: str | Sequence[str], clusters: Clusters, period: Period) -> list[str]:
    if isinstance(cluster, str):
        return clusters.members(cluster, period)
    return list(cluster)


@dataclass
class _View:
    """The figures of one goal, read in one query per period and table."""

    municipality: str
    period: Period
    better: str
    measure: Measure
    context: Context
    areas: list[str]
    _cache: dict[tuple[str, str], Reading] = field(default_factory=dict)

    def members(self, cluster: str | Sequence[str]) -> list[str]:
        return _members(cluster, self.context.clusters, self.period)

    def read(self, area: str, period: Period | None = None) -> Reading:
        at = period or self.period
        key = (area_key(area), at.code)
        if key not in self._cache:
            wanted = {area_key(a): a for a in [*self.areas, area]}
            for k, reading in self._read_spec(self.measure.spec, wanted, at).items():
                self._cache[(k, at.code)] = reading
        cached = self._cache[key]
        return Reading(area, cached.value, cached.period, cached.raw)

    def _read_spec(self, spec: Spec, areas: dict[str, str], at: Period) -> dict[str, Reading]:
        if isinstance(spec, ColumnSpec):
            table = self.context.store.table(spec.table)
            found = table.period_for(at.lookup_order())
            if found is None:
                return {k: Reading(name, None, None, None) for k, name in areas.items()}
            return table.read(
                table.column(spec.column), table.filters(dict(spec.where)), areas, found
            )
        parts = [self._read_spec(part, areas, at) for part in spec.parts]
        return {k: _sum_readings(name, [p[k] for p in parts]) for k, name in areas.items()}


def _sum_readings(area: str, parts: list[Reading]) -> Reading:
    period = next((p.period for p in parts if p.period is not None), None)
    values = [p.value for p in parts]
    if any(v is None for v in values):
        missing = next(p for p in parts if p.value is None)
        return Reading(area, None, missing.period, missing.raw)
    return Reading(area, sum((v for v in values if v is not None), Decimal(0)), period)


def member_figures(plan: Plan, goal: Goal, context: Context, at: Period) -> list[Reading]:
    """The figures of every member of the goal's cluster at the goal's period (none without one)."""
    ready = prepare_goal(plan, goal, context, at, asked=True)
    if not ready.members:
        return []
    view = _View(plan.municipality, ready.period, ready.better, ready.measure, context, ready.areas)
    return [view.read(member) for member in ready.members]


def finer_periods(report: Report, plan: Plan, context: Context, at: Period) -> dict[str, Period]:
    """The goals without a figure at ``at`` because their data publishes only finer periods
    (``2018Q02`` asked of a monthly table), each with the period that would be read: the
    finest one its data publishes that ends with ``at`` (``2018M06``)."""
    found: dict[str, Period] = {}
    for goal, result in zip(plan.goals, report.goals, strict=True):
        if goal.fields.period is not None or result.outcome.value is not None:
            continue
        best: Period | None = None
        for spec in columns(context.measures.resolve(goal.fields.measure).spec):
            table = context.store.table(spec.table)
            if table.period_for(at.lookup_order()) is not None:
                best = None  # the table has the period: its figure is missing, not finer
                break
            for period in table.periods.values():
                inside = at.contains(period) and period.last_month == at.last_month
                if inside and period != at and (best is None or period.kind < best.kind):
                    best = period
        if best is not None:
            found[goal.id] = best
    return found
