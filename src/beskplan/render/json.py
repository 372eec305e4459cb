"""The JSON report: stable keys and status codes in every language.

``{"plan", "municipality", "period", "summary": {"met", "unmet", "no_data"},
"goals": [{"id", "title", "rule", "period", "status", "value", "reference",
"gap", "rank", "of", "explanation", ...}]}``. Numbers are JSON numbers in the
measure's unit; ``status`` is ``met``, ``unmet`` or ``no_data``.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from beskplan import __version__
from beskplan.results import GoalResult, Report
from beskplan.wording import Lang, explain, label

SCHEMA_VERSION = 1


def _num(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    rounded = value.quantize(Decimal("0.000001")) if value.as_tuple().exponent < -6 else value  # type: ignore[operator]
    if rounded == rounded.to_integral_value() and rounded.as_tuple().exponent >= 0:  # type: ignore[operator]
        return int(rounded)
    return float(rounded)


def goal_record(goal: GoalResult, lang: Lang) -> dict[str, Any]:
    o = goal.outcome
    return {
        "id": goal.id,
        "title": goal.title,
        "name": goal.name,
        "rule": goal.rule,
        "period": goal.period.code,
        "status": goal.status.value,
        "value": _num(o.value),
        "reference": _num(o.reference),
        "reference_label": label(o.reference_label, lang) or None,
        "gap": _num(o.gap),
        "rank": o.rank,
        "of": o.of,
        "explanation": explain(goal, lang),
        "better": goal.better,
        "unit": goal.unit or None,
        "measure": goal.measure,
        "focus": goal.focus,
        "ministermaal": list(goal.ministermaal),
    }


def report_record(report: Report, lang: Lang = "da") -> dict[str, Any]:
    s = report.summary
    return {
        "schema_version": SCHEMA_VERSION,
        "beskplan_version": __version__,
        "plan": report.plan,
        "title": report.title,
        "municipality": report.municipality,
        "period": report.period.code,
        "summary": {"met": s.met, "unmet": s.unmet, "no_data": s.no_data},
        "goals": [goal_record(g, lang) for g in report.goals],
    }


def render(report: Report, lang: Lang = "da") -> str:
    return json.dumps(report_record(report, lang), ensure_ascii=False, indent=2) + "\n"
