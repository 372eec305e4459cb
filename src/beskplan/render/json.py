"""The JSON report: stable keys and status codes in every language.

``{"plan", "municipality", "period", "summary": {"met", "unmet", "no_data"},
"goals": [{"id", "title", "rule", "period", "status", "value", "reference",
"gap", "rank", "of", "explanation", ...}]}``. Numbers are JSON numbers in the
measure's unit; ``status`` is ``met``, ``unmet`` or ``no_data``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from beskplan import __version__
from beskplan.core.words import Lang
from beskplan.evaluation.results import GoalResult, Report
from beskplan.render import Options, Rendered
from beskplan.render.verdicts import explain, label
from beskplan.render.wording import trimmed

SCHEMA_VERSION = 1


def _num(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    value = trimmed(value)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return int(value)
    return float(value)


def _trajectory(goal: GoalResult) -> dict[str, Any] | None:
    t = goal.trajectory
    if t is None:
        return None
    return {
        "course": t.course.value,
        "deadline": t.deadline,
        "periods": list(t.periods),
        "slope_per_year": t.slope,
        "projected_gap": t.projected,
        "target_gap": t.target,
        "required_slope_per_year": t.required,
        "faster_by_per_year": t.faster_by,
    }


def as_json(value: object) -> object:
    """The goal as written, for JSON: exact decimals as numbers."""
    if isinstance(value, Decimal):
        return _num(value)
    if isinstance(value, Mapping):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def goal_record(goal: GoalResult, lang: Lang) -> dict[str, Any]:
    o = goal.outcome
    return {
        "id": goal.id,
        "title": goal.title,
        "name": goal.name,
        "rule": goal.rule,
        "period": goal.period.code,
        # older than the plan's newest figure by more than one release of its table
        "stale": goal.stale is not None,
        "stale_months": goal.stale,
        "status": goal.status.value,
        "value": _num(o.value),
        "reference": _num(o.reference),
        "reference_label": label(o.reference_label, lang) or None,
        "gap": _num(o.gap),
        "distance": _num(o.distance),
        "rank": o.rank,
        "of": o.of,
        **{key: _num(value) for key, value in o.details.items()},
        "explanation": explain(goal, lang),
        "better": goal.better,
        "unit": goal.unit or None,
        "measure": goal.measure,
        "focus": goal.focus,
        "ministermaal": list(goal.ministermaal),
        "trajectory": _trajectory(goal),
        "sources": list(goal.sources),
        "definition_sha256": goal.definition,
        "definition": as_json(goal.written),
    }


def report_record(
    report: Report, lang: Lang = "da", previous: Report | None = None
) -> dict[str, Any]:
    s = report.summary
    goals = [goal_record(g, lang) for g in report.goals]
    if previous is not None:
        before = {g.id: g for g in previous.goals}
        for record in goals:
            old = before.get(record["id"])
            record["compare"] = old and {
                "period": old.period.code,
                "status": old.status.value,
                "value": _num(old.outcome.value),
                "reference": _num(old.outcome.reference),
                "gap": _num(old.outcome.gap),
            }
    return {
        "schema_version": SCHEMA_VERSION,
        "beskplan_version": __version__,
        "plan": report.plan,
        "title": report.title,
        "municipality": report.municipality,
        "period": report.period.code,
        # --period newest: each goal at its own newest figure, between these two periods
        "newest": [p.code for p in report.newest] if report.newest else None,
        "summary": {"met": s.met, "unmet": s.unmet, "no_data": s.no_data},
        "compare_period": previous.period.code if previous else None,
        "goals": goals,
        "goal_file": report.goal_file.record() if report.goal_file else None,
        "sources": [s.record() for s in report.sources],
        "notices": list(report.notices),
    }


def render(report: Report, lang: Lang = "da", previous: Report | None = None) -> str:
    return json.dumps(report_record(report, lang, previous), ensure_ascii=False, indent=2) + "\n"


def evaluation(report: Report, options: Options) -> Rendered:
    return Rendered(render(report, options.lang, options.previous))


# this module's renderers in the registry (beskplan.render.RENDERERS), by kind and format
RENDERS = {
    ("evaluation", "json"): evaluation,
}
