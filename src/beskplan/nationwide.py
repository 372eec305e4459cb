"""A plan's goals applied to every municipality in the data, and over a range of periods.

Applied to another municipality, a goal compares it with *its own* cluster:
the cluster of the same benefit group in ``clusters.yaml`` that holds it. A
municipality without one is compared with the national level instead, and the
result says so. Every table slice is read once and shared by all municipalities
and periods (:meth:`beskplan.extracts.Table.read`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from beskplan.areas import area_key
from beskplan.catalogue import Clusters
from beskplan.errors import InputError, Problem
from beskplan.evaluate import Context, columns, evaluate_plan
from beskplan.goalfile import Goal, Plan
from beskplan.periods import Period, parse_period
from beskplan.results import Report
from beskplan.rules import RULES

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
            for area in table.frame.get_column("_area").cast(str).unique().to_list():
                key = area_key(area)
                if area and not key.startswith(NOT_MUNICIPALITIES):
                    names.setdefault(key, area)
    return sorted(names.values(), key=str.casefold)


def _own_cluster(name: str, municipality: str, clusters: Clusters, period: Period) -> str | None:
    versions = clusters.versions.get(name)
    if not versions:
        return None
    benefit = versions[0].benefit
    for other, found in sorted(clusters.versions.items()):
        if found[0].benefit != benefit:
            continue
        try:
            members = clusters.members(other, period)
        except Exception:  # a version not valid at the period is no cluster here
            continue
        if area_key(municipality) in {area_key(m) for m in members}:
            return other
    return None


def _retarget(
    goal: Goal, municipality: str, clusters: Clusters, period: Period
) -> tuple[Goal, bool]:
    """The goal for another municipality: its own cluster, or the national level."""
    cluster = getattr(goal.params, "cluster", None)
    if cluster is None:
        return goal, False
    if isinstance(cluster, str):
        own = _own_cluster(cluster, municipality, clusters, period)
    else:
        own = cluster if area_key(municipality) in {area_key(m) for m in cluster} else None
    if own is not None:
        return replace(goal, params=goal.params.model_copy(update={"cluster": own})), False
    if goal.kind.NAME == "gap_shrink":
        params = goal.params.model_copy(update={"against": "national", "cluster": None})
        return replace(goal, params=params), True
    national = RULES["national"]
    params = national.Params.model_validate(
        {
            "strict": getattr(goal.params, "strict", False),
            "margin": getattr(goal.params, "margin", 0),
        }
    )
    fields = goal.fields.model_copy(update={"rule": "national"})
    return replace(goal, fields=fields, kind=national, params=params), True


def apply_all(
    plan: Plan,
    context: Context,
    period: Period | None = None,
    step: Callable[[], None] | None = None,
    names: list[str] | None = None,
) -> list[Applied]:
    """The plan's goals for every municipality in the data, best first (most goals met).

    ``step`` is called after each municipality (for a progress bar); ``names`` are the
    municipalities when the caller has listed them already.
    """
    at = period or plan.period
    results: list[Applied] = []
    for municipality in names if names is not None else municipalities(plan, context):
        goals, national = [], []
        for goal in plan.goals:
            changed, fell_back = _retarget(
                goal, municipality, context.clusters, goal.fields.period or at
            )
            goals.append(changed)
            if fell_back:
                national.append(goal.id)
        variant = replace(plan, municipality=municipality, goals=tuple(goals))
        report = evaluate_plan(variant, context, at, courses=False)
        results.append(Applied(municipality, report, tuple(national)))
        if step is not None:
            step()
    results.sort(key=lambda a: (-a.report.summary.met, a.report.summary.unmet, a.municipality))
    return results


def period_range(text: str) -> list[Period]:
    """``FROM..TO``: every period of FROM's frequency from FROM to TO."""
    if ".." not in text:
        raise InputError(
            Problem(f"--periods: '{text}' is not a range; write FROM..TO, as 2018M01..2018M12")
        )
    first_text, last_text = text.split("..", 1)
    try:
        first, last = parse_period(first_text), parse_period(last_text)
    except ValueError as exc:
        raise InputError(Problem(f"--periods: {exc}")) from None
    if first.kind != last.kind:
        raise InputError(Problem(f"--periods: {first} and {last} are not of the same frequency"))
    if last.is_after(first) is False and last != first:
        raise InputError(Problem(f"--periods: {last} comes before {first}"))
    periods = [first]
    while periods[-1] != last:
        periods.append(periods[-1].next())
        if len(periods) > 10_000:  # pragma: no cover - the checks above keep the range finite
            raise InputError(Problem("--periods: the range is too long"))
    return periods


def timeline(
    plan: Plan, context: Context, periods: list[Period], step: Callable[[], None] | None = None
) -> list[Report]:
    """The plan evaluated at each period, in order; ``step`` is called after each."""
    reports = []
    for period in periods:
        reports.append(evaluate_plan(plan, context, period, courses=False))
        if step is not None:
            step()
    return reports
