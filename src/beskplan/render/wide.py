"""Renderers for a plan across municipalities and across periods, as JSON and CSV.

``evaluate --all-municipalities`` and ``evaluate --periods FROM..TO``; their tables
on the console are :mod:`beskplan.render.widetable`'s, so that JSON and CSV are
written without the console library.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from beskplan.evaluation.nationwide import Applied, Timeline
from beskplan.evaluation.results import GoalResult
from beskplan.render import Options, Rendered
from beskplan.render import csv as csv_render
from beskplan.render.verdicts import explain, say
from beskplan.render.wording import trimmed
from beskplan.rules.outcome import Status

SCHEMA_VERSION = 1
MARK = {Status.MET: "✔", Status.UNMET: "✘", Status.NO_DATA: "·"}
STYLE = {Status.MET: "green", Status.UNMET: "red", Status.NO_DATA: "yellow"}


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(trimmed(value))


def _goal(goal: GoalResult) -> dict[str, Any]:
    o = goal.outcome
    return {
        "id": goal.id,
        "period": goal.period.code,
        "status": goal.status.value,
        "value": _num(o.value),
        "reference": _num(o.reference),
        "gap": _num(o.gap),
        "distance": _num(o.distance),
        "rank": o.rank,
        "of": o.of,
    }


def all_record(applied: list[Applied]) -> dict[str, Any]:
    first = applied[0].report if applied else None
    return {
        "schema_version": SCHEMA_VERSION,
        "plan": first.plan if first else None,
        "period": first.period.code if first else None,
        "municipalities": [
            {
                "municipality": a.municipality,
                "summary": {
                    "met": a.report.summary.met,
                    "unmet": a.report.summary.unmet,
                    "no_data": a.report.summary.no_data,
                },
                "national_instead": list(a.national_instead),
                "goals": [_goal(g) for g in a.report.goals],
            }
            for a in applied
        ],
        "sources": [s.record() for s in first.sources] if first else [],
    }


def all_csv(applied: list[Applied], excel: bool = False) -> str:
    rows = [
        (
            a.municipality,
            g.id,
            g.period.code,
            g.status.value,
            g.outcome.value,
            g.outcome.reference,
            g.outcome.gap,
            g.outcome.distance,
            g.id in a.national_instead,
        )
        for a in applied
        for g in a.report.goals
    ]
    header = (
        "municipality",
        "id",
        "period",
        "status",
        "value",
        "reference",
        "gap",
        "distance",
        "national_instead",
    )
    return csv_render.write_rows(header, rows, excel)


def timeline_record(line: Timeline) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "plan": line.plan,
        "municipality": line.municipality,
        "range": [line.first.code, line.last.code],
        "periods": [p.code for p in line.periods],
        "goals": [
            {
                "id": goal.id,
                "title": goal.title,
                "met": goal.met,
                "with_data": goal.with_data,
                "absent": say(goal.absent, "da") if goal.absent else None,
                "timeline": [
                    _goal(r) | {"evaluated_at": r.asked_period.code, "explanation": explain(r)}
                    for r in goal.steps
                ],
            }
            for goal in line.goals
        ],
        "sources": [s.record() for s in line.sources],
    }


def timeline_csv(line: Timeline, excel: bool = False) -> str:
    rows = [
        (
            line.plan,
            r.asked_period.code,
            r.id,
            r.period.code,
            r.status.value,
            r.outcome.value,
            r.outcome.reference,
            r.outcome.gap,
            r.outcome.distance,
        )
        for goal in line.goals
        for r in goal.steps
    ]
    header = (
        "plan",
        "evaluated_at",
        "id",
        "period",
        "status",
        "value",
        "reference",
        "gap",
        "distance",
    )
    return csv_render.write_rows(header, rows, excel)


def dumps(record: object) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def municipalities_json(applied: list[Applied], options: Options) -> Rendered:
    return Rendered(dumps(all_record(applied)))


def municipalities_csv(applied: list[Applied], options: Options) -> Rendered:
    return Rendered(all_csv(applied, options.excel))


def timeline_json(line: Timeline, options: Options) -> Rendered:
    return Rendered(dumps(timeline_record(line)))


def timeline_csv_(line: Timeline, options: Options) -> Rendered:
    return Rendered(timeline_csv(line, options.excel))


# this module's renderers in the registry (beskplan.render.RENDERERS), by kind and format
RENDERS = {
    ("municipalities", "json"): municipalities_json,
    ("municipalities", "csv"): municipalities_csv,
    ("timeline", "json"): timeline_json,
    ("timeline", "csv"): timeline_csv_,
}
