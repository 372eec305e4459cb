"""What the committee's report holds, whichever format it is written in.

The overview that opens it (one row per goal: name, status, value, requirement,
distance and course) and each goal's charts. :mod:`beskplan.render.html` and
:mod:`beskplan.render.mdreport` lay them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from beskplan.core.periods import Period
from beskplan.core.words import Lang, section
from beskplan.evaluation.results import GoalResult, Report
from beskplan.extracts.reading import Reading
from beskplan.render import charts
from beskplan.render.verdicts import label
from beskplan.render.wording import (
    HEADERS,
    axis_label,
    course,
    distance,
    number,
    period_note,
    required,
    spoken,
    status,
)
from beskplan.rules import compare
from beskplan.rules.outcome import Outcome, Status


@dataclass(frozen=True)
class Row:
    """A goal in the overview: its id, name and status, and its other cells as words by
    column (:data:`COLUMNS`)."""

    id: str
    name: str
    status: Status
    cells: dict[str, str]


# the overview's columns after id, name and status, in order; "since" with an earlier
# report beside, "course" where a goal has a deadline
COLUMNS = ("value", "required", "distance", "since", "course")
EMPTY = ("", "-")


def overview(
    report: Report, lang: Lang, previous: Report | None = None
) -> tuple[list[tuple[str, str]], list[Row]]:
    """The overview's columns (key and heading) and a row per goal; with ``previous`` (the
    plan at an earlier period) what moved since. A column empty for every goal is left out:
    a column of "-" alone says nothing."""
    h, w = HEADERS[lang], section(lang, "html")
    before = {goal.id: goal for goal in previous.goals} if previous else {}
    rows = []
    for goal in report.goals:
        cells = {
            "value": number(goal.outcome.value, lang) + period_note(goal, report, lang),
            "required": required(goal, lang),
            "distance": distance(goal, lang),
            "course": course(goal, lang, detail=False) if goal.trajectory else "-",
        }
        if previous is not None:
            cells["since"] = since(before.get(goal.id), goal, lang)
        rows.append(Row(goal.id, goal.name or goal.title, goal.status, cells))
    heads = {
        "value": h["value"],
        "required": w["requirement"],
        "distance": h["gap"],
        "since": w["since"].format(period=spoken(previous.period, lang)) if previous else "",
        "course": w["course"],
    }
    shown = [
        (key, heads[key])
        for key in COLUMNS
        if any(row.cells.get(key, "-").strip() not in EMPTY for row in rows)
    ]
    return shown, rows


def fixed_headings(lang: Lang) -> list[str]:
    """The headings of the columns every overview has: id, name and status."""
    h = HEADERS[lang]
    return [h["id"], h["title"], h["status"]]


def since(then: GoalResult | None, now: GoalResult, lang: Lang) -> str:
    """``ikke opfyldt 3,1 → opfyldt 2,9, bedre``: the status and value then and now, and
    whether the value moved the goal's way."""
    w = section(lang, "html")
    if then is None:
        return "-"
    was = f"{status(then.status, lang)} {number(then.outcome.value, lang)}"
    is_ = f"{status(now.status, lang)} {number(now.outcome.value, lang)}"
    old, new = then.outcome.value, now.outcome.value
    if old is None or new is None:
        return f"{was} → {is_}"
    ahead = compare.advantage(new, old, now.better)
    way = w["same"] if ahead == 0 else w["better"] if ahead > 0 else w["worse"]
    return f"{was} → {is_}, {way}"


def moved(report: Report, previous: Report, lang: Lang) -> str:
    """The sentence that opens a report beside an earlier one: which goals changed status."""
    w = section(lang, "html")
    before = {goal.id: goal for goal in previous.goals}
    flipped = [
        f"{goal.id} ({status(before[goal.id].status, lang)} → {status(goal.status, lang)})"
        for goal in report.goals
        if goal.id in before and before[goal.id].status is not goal.status
    ]
    period = spoken(previous.period, lang)
    if not flipped:
        return w["moved.none"].format(period=period)
    key = "moved.one" if len(flipped) == 1 else "moved"
    return w[key].format(n=len(flipped), period=period, listed=", ".join(flipped))


def anchor(goal_id: str) -> str:
    """The id of a goal's section, for links from the overview."""
    return "goal-" + "".join(c if c.isalnum() or c in "-_." else "_" for c in goal_id)


@dataclass(frozen=True)
class Chart:
    kind: str  # "trend" or "cluster"
    svg: str
    caption: str  # plain text


def chart_points(goal: GoalResult) -> tuple[list[tuple[Period, Outcome]], int | None]:
    """The periods a goal's chart shows, oldest first, and the index of the period evaluated
    where the municipality has no figure there: its history ends before it, and the axis
    runs on to it, so that the gap shows, whatever its frequency (a yearly table's history
    runs on to the June it was asked for)."""
    points = [*goal.history] or [(goal.period, goal.outcome)]
    if goal.outcome.value is None and goal.period.is_after(points[-1][0]):
        return [*points, (goal.period, goal.outcome)], len(points)
    return points, None


def requirement_line(goal: GoalResult) -> list[Decimal | None] | None:
    """Where a goal asks for a margin, the line its value must reach at each period."""
    margin = goal.margin
    if margin == 0:
        return None
    points, _ = chart_points(goal)
    sign = -1 if goal.better == "lower" else 1
    return [None if o.reference is None else o.reference + sign * margin for _, o in points]


def goal_charts(
    goal: GoalResult, report: Report, members: Sequence[Reading], lang: Lang
) -> list[Chart]:
    """The goal's value against its reference over the periods in the data (its baseline
    marked), and for a cluster goal the members in order with the mean of the others."""
    w = section(lang, "html")
    found = []
    points, missing = chart_points(goal)
    if any(o.value is not None or o.reference is not None for _, o in points):
        ref_label = label(goal.outcome.reference_label, lang) or w["reference"]
        codes = [p.code for p, _ in points]
        baseline = goal.baseline.code if goal.baseline else None
        svg = charts.trend(
            [axis_label(p, lang) for p, _ in points],  # words, not codes
            [o.value for _, o in points],
            [o.reference for _, o in points],
            report.municipality,
            ref_label,
            lang,
            requirement_line(goal),
            goal.unit,
            codes.index(baseline) if baseline in codes else None,
            missing,
        )
        caption = w["trend"].format(name=report.municipality, reference=ref_label)
        found.append(Chart("trend", svg, caption))
    present = [(r.area, r.value) for r in members if r.value is not None]
    if present:
        svg = charts.cluster(present, report.municipality, goal.better, lang, goal.unit)
        caption = w["members"].format(
            period=spoken(goal.period, lang), municipality=report.municipality
        )
        found.append(Chart("cluster", svg, caption))
    return found
