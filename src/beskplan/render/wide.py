"""Renderers for a plan across municipalities and across periods.

``evaluate --all-municipalities`` and ``evaluate --periods FROM..TO``.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.text import Text

from beskplan.nationwide import Applied, Timeline
from beskplan.render import Options, Rendered
from beskplan.render import csv as csv_render
from beskplan.render.grid import fixed, grid, prose
from beskplan.results import GoalResult, Status
from beskplan.rules.words import explain
from beskplan.wording import spoken, trimmed
from beskplan.words import Lang, section

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


def all_table(applied: list[Applied], console: Console, lang: Lang = "da") -> None:
    w = section(lang, "wide")
    first = applied[0].report
    table = grid(console, w["all"].format(title=first.title, period=spoken(first.period, lang)))
    fixed(table, "#", "right")
    fixed(table, w["municipality"])
    fixed(table, w["met"], "right")
    for goal in first.goals:
        fixed(table, goal.id, "center")
    for place, a in enumerate(applied, start=1):
        s = a.report.summary
        marks = [
            Text(
                MARK[g.status] + ("*" if g.id in a.national_instead else ""), style=STYLE[g.status]
            )
            for g in a.report.goals
        ]
        table.add_row(
            str(place), Text(a.municipality), f"{s.met} {w['of']} {len(a.report.goals)}", *marks
        )
    console.print(table)
    console.print(Text(w["legend"], style="dim"))


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


def timeline_table(line: Timeline, console: Console, lang: Lang = "da") -> None:
    """A strip per goal, a mark at each period its data publishes in the range."""
    w = section(lang, "wide")
    title = w["timeline"].format(
        title=line.title,
        municipality=line.municipality,
        first=spoken(line.first, lang),
        last=spoken(line.last, lang),
    )
    table = grid(console, title)
    fixed(table, w["goal"])
    prose(table, w["name"])
    prose(table, w["periods"], ratio=2)
    fixed(table, w["met"], "right")
    for goal in line.goals:
        strip = Text()
        for result in goal.steps:
            strip.append(MARK[result.status], style=STYLE[result.status])
        if goal.steps:
            first, last = goal.steps[0].asked_period, goal.steps[-1].asked_period
            strip.append(f" {first}" + (f"–{last}" if last != first else ""), style="dim")
        table.add_row(
            Text(goal.id),
            Text(goal.name or goal.title),
            strip,
            f"{goal.met} {w['of']} {goal.with_data}",
        )
    console.print(table)
    console.print(Text(w["legend"].split(";")[0] + w["counted"], style="dim"))


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
                "timeline": [
                    _goal(r) | {"evaluated_at": r.asked_period.code, "explanation": explain(r)}
                    for r in goal.steps
                ],
            }
            for goal in line.goals
        ],
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


def municipalities_table(applied: list[Applied], options: Options) -> Rendered:
    return Rendered(paint=lambda console: all_table(applied, console, options.lang))


def municipalities_json(applied: list[Applied], options: Options) -> Rendered:
    return Rendered(dumps(all_record(applied)))


def municipalities_csv(applied: list[Applied], options: Options) -> Rendered:
    return Rendered(all_csv(applied, options.excel))


def timeline_table_(line: Timeline, options: Options) -> Rendered:
    return Rendered(paint=lambda console: timeline_table(line, console, options.lang))


def timeline_json(line: Timeline, options: Options) -> Rendered:
    return Rendered(dumps(timeline_record(line)))


def timeline_csv_(line: Timeline, options: Options) -> Rendered:
    return Rendered(timeline_csv(line, options.excel))


# this module's renderers in the registry (beskplan.render.RENDERERS), by kind and format
RENDERS = {
    ("municipalities", "table"): municipalities_table,
    ("municipalities", "json"): municipalities_json,
    ("municipalities", "csv"): municipalities_csv,
    ("timeline", "table"): timeline_table_,
    ("timeline", "json"): timeline_json,
    ("timeline", "csv"): timeline_csv_,
}
