"""Renderers for ``beskplan diff``: table, JSON, CSV, Markdown and JUnit."""

from __future__ import annotations

import json as json_lib
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.text import Text

from beskplan.core.periods import PeriodError, parse_period
from beskplan.core.words import Lang, section
from beskplan.evaluation.diff import CHANGES, FieldChange, GoalDiff, PlanDiff, Side
from beskplan.render import Options, Rendered
from beskplan.render import csv as csv_render
from beskplan.render import junit as junit_render
from beskplan.render import markdown as md
from beskplan.render.grid import fixed, grid, prose
from beskplan.render.json import as_json
from beskplan.render.wording import gap_unit, number, spoken, status, trimmed
from beskplan.rules.outcome import Status

# 2: fields name each key with its old and new value; causes and movement
SCHEMA_VERSION = 2


def _side_text(side: Side | None, lang: Lang) -> str:
    if side is None:
        return "-"
    return f"{status(side.status, lang)} {number(side.value, lang)}"


def movement_text(goal: GoalDiff, lang: Lang) -> str:
    """``0,3 pct.-point dårligere``: how far the value moved, and whether that is the way the
    goal wants; a signed number where the goal has no direction."""
    change = goal.value_change
    if change is None:
        return ""
    w = section(lang, "diff")
    moved = goal.movement
    if moved is None:
        return number(trimmed(change), lang, signed=True)
    if moved == "same":
        return w["same"]
    unit = gap_unit(goal.new.unit if goal.new else "", lang, abs(change))
    return f"{number(trimmed(abs(change)), lang)} {unit} {w[moved]}".replace("  ", " ")


def _value(value: object, lang: Lang) -> str:
    """A value of a goal file's key as the output's language writes it."""
    w = section(lang, "diff")
    if value is None:
        return w["absent"]
    if isinstance(value, bool):
        return w["yes"] if value else w["no"]
    if isinstance(value, Decimal | int):  # as written: no thousands separator in a year
        return str(value).replace(".", "," if lang == "da" else ".")
    if isinstance(value, list):
        return "[" + ", ".join(_value(v, lang) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v, lang)}" for k, v in value.items()) + "}"
    return str(value)


def _field(change: FieldChange, lang: Lang) -> str:
    if change.name == "definition" and change.old is None and change.new is None:
        return section(lang, "diff")["definition"]
    return f"{change.name}: {_value(change.old, lang)} → {_value(change.new, lang)}"


def _causes(goal: GoalDiff, lang: Lang) -> str:
    if goal.causes is None:
        return ""
    w = section(lang, "diff")
    if not goal.causes:
        return w["neither"]
    said = []
    for cause in goal.causes:
        if cause == "period" and goal.old and goal.new:
            said.append(w["period"].format(old=goal.old.period, new=goal.new.period))
        else:
            said.append(w[cause])
    return ", ".join(said)


def field_text(goal: GoalDiff, lang: Lang) -> list[str]:
    """What changed, one item each: the keys with their values, a possible new id, and why
    the status flipped."""
    w = section(lang, "diff")
    notes = [_field(f, lang) for f in goal.fields]
    if goal.maybe_renamed:
        notes.append(w["renamed"].format(other=goal.maybe_renamed))
    if goal.causes is not None:
        notes.append(_causes(goal, lang))
    return notes


def _note(goal: GoalDiff, lang: Lang) -> str:
    return "; ".join(field_text(goal, lang))


def change_text(goal: GoalDiff, lang: Lang) -> str:
    """``ændret``, ``ny status``, or both where a changed goal also changed status."""
    w = section(lang, "diff")
    if goal.change == "changed" and goal.status_changed:
        return f"{w['changed']}, {w['flipped']}"
    return w[goal.change]


def _title(diff: PlanDiff, lang: Lang) -> str:
    """``frederiksberg-2018 (juni 2017) mod frederiksberg-2019 (juni 2018)``."""
    return section(lang, "diff")["title"].format(
        old=diff.old,
        old_period=_period(diff.old_period, lang),
        new=diff.new,
        new_period=_period(diff.new_period, lang),
    )


def _period(code: str, lang: Lang) -> str:
    """A period in words; a saved evaluation's period that does not parse, as written."""
    try:
        return spoken(parse_period(code), lang)
    except PeriodError:
        return code


def _summary(diff: PlanDiff, lang: Lang) -> str:
    """The counts by kind of change; "med ny status" counts every goal whose status
    differs, a changed goal's too."""
    counts = {k: diff.count(k) for k in CHANGES} | {"flipped": diff.new_status}
    return section(lang, "diff")["summary"].format(**counts)


def render_table(diff: PlanDiff, console: Console, lang: Lang = "da") -> None:
    w = section(lang, "diff")
    title = _title(diff, lang)
    table = grid(console, title)
    fixed(table, w["id"])
    prose(table, w["name"])
    fixed(table, w["change"])
    fixed(table, w["old"])
    fixed(table, w["new"])
    prose(table, w["movement"])
    prose(table, w["fields"], ratio=2)
    for g in diff.goals:
        flip = g.status_changed
        table.add_row(
            Text(g.id),
            Text(g.title),
            Text(change_text(g, lang), style="bold" if flip else ""),
            Text(_side_text(g.old, lang)),
            Text(_side_text(g.new, lang), style="bold" if flip else ""),
            Text(movement_text(g, lang)),
            Text(_note(g, lang)),
        )
    console.print(table)
    console.print(_summary(diff, lang))


def _side_record(side: Side | None) -> dict[str, Any] | None:
    if side is None:
        return None

    def num(v: Decimal | None) -> float | None:
        return None if v is None else float(trimmed(v))

    return {
        "status": side.status.value,
        "period": side.period,
        "value": num(side.value),
        "reference": num(side.reference),
        "gap": num(side.gap),
        "rank": side.rank,
        "of": side.of,
    }


def record(diff: PlanDiff) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "old": {"plan": diff.old, "period": diff.old_period},
        "new": {"plan": diff.new, "period": diff.new_period},
        "differs": diff.differs,
        "summary": {k: diff.count(k) for k in CHANGES} | {"status_changed": diff.new_status},
        "goals": [
            {
                "id": g.id,
                "title": g.title,
                "change": g.change,
                "fields": [
                    {"name": f.name, "old": as_json(f.old), "new": as_json(f.new)} for f in g.fields
                ],
                "maybe_renamed": g.maybe_renamed,
                "status_changed": g.status_changed,
                "causes": None if g.causes is None else list(g.causes),
                "movement": g.movement,
                "old": _side_record(g.old),
                "new": _side_record(g.new),
                "value_change": None if g.value_change is None else float(trimmed(g.value_change)),
                "gap_change": None if g.gap_change is None else float(trimmed(g.gap_change)),
            }
            for g in diff.goals
        ],
    }


def render_json(diff: PlanDiff, lang: Lang = "da") -> str:
    return json_lib.dumps(record(diff), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = (
    "id",
    "title",
    "change",
    "fields",
    "old_status",
    "new_status",
    "old_value",
    "new_value",
    "value_change",
    "old_gap",
    "new_gap",
    "gap_change",
    "movement",
    "causes",
    "maybe_renamed",
)


def render_csv(diff: PlanDiff, lang: Lang = "da", excel: bool = False) -> str:
    rows = []
    for g in diff.goals:
        rows.append(
            (
                g.id,
                g.title,
                g.change,
                ";".join(f.name for f in g.fields),
                g.old and g.old.status.value,
                g.new and g.new.status.value,
                g.old and g.old.value,
                g.new and g.new.value,
                g.value_change,
                g.old and g.old.gap,
                g.new and g.new.gap,
                g.gap_change,
                g.movement,
                None if g.causes is None else ";".join(g.causes) or "neither",
                g.maybe_renamed,
            )
        )
    return csv_render.write_rows(CSV_COLUMNS, rows, excel)


def render_markdown(diff: PlanDiff, lang: Lang = "da") -> str:
    w = section(lang, "diff")
    title = _title(diff, lang)
    rows = [
        [
            md.escape(g.id),
            md.escape(g.title),
            ("**" + change_text(g, lang) + "**") if g.status_changed else change_text(g, lang),
            md.escape(_side_text(g.old, lang)),
            ("**" + md.escape(_side_text(g.new, lang)) + "**")
            if g.status_changed
            else md.escape(_side_text(g.new, lang)),
            movement_text(g, lang),
            md.escape(_note(g, lang)),
        ]
        for g in diff.goals
    ]
    header = [
        w["id"],
        w["name"],
        w["change"],
        w["old"],
        w["new"],
        w["movement"],
        w["fields"],
    ]
    return f"## {md.escape(title)}\n\n{_summary(diff, lang)}\n\n" + md.table(header, rows)


def render_junit(diff: PlanDiff, lang: Lang = "da") -> str:
    """A case per goal: a failure where the goal is now unmet, skipped where it has no data."""
    cases = []
    for g in diff.goals:
        message = f"{change_text(g, lang)}: {_side_text(g.old, lang)} -> {_side_text(g.new, lang)}"
        note = _note(g, lang)
        if note:
            message += f" ({note})"
        if g.new is None:
            outcome = "skipped"
        elif g.new.status is Status.UNMET:
            outcome = "failure"
        elif g.new.status is Status.NO_DATA:
            outcome = "skipped"
        else:
            outcome = "pass"
        cases.append(
            junit_render.Case(
                f"{g.id}: {g.title}", f"{diff.new}.{diff.new_period}", outcome, message
            )
        )
    return junit_render.document(f"{diff.old} -> {diff.new}", cases)


def table(diff: PlanDiff, options: Options) -> Rendered:
    return Rendered(paint=lambda console: render_table(diff, console, options.lang))


def json(diff: PlanDiff, options: Options) -> Rendered:
    return Rendered(render_json(diff, options.lang))


def csv(diff: PlanDiff, options: Options) -> Rendered:
    return Rendered(render_csv(diff, options.lang, options.excel))


def markdown(diff: PlanDiff, options: Options) -> Rendered:
    return Rendered(render_markdown(diff, options.lang))


def junit(diff: PlanDiff, options: Options) -> Rendered:
    return Rendered(render_junit(diff, options.lang))


# this module's renderers in the registry (beskplan.render.RENDERERS), by kind and format
RENDERS = {
    ("diff", "table"): table,
    ("diff", "json"): json,
    ("diff", "csv"): csv,
    ("diff", "markdown"): markdown,
    ("diff", "junit"): junit,
}
