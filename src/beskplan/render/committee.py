"""What the committee's report holds, whichever format it is written in.

The overview that opens it (one row per goal: name, status, value, requirement,
distance and course) and each goal's charts. :mod:`beskplan.render.html` and
:mod:`beskplan.render.mdreport` lay them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

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
from beskplan.rules.outcome import Status


@dataclass(frozen=True)
class Row:
    """A goal in the overview, its cells as words; ``since`` and ``course`` are ``None``
    where the overview has no such column."""

    id: str
    name: str
    status: Status
    value: str
    required: str
    distance: str
    since: str | None
    course: str | None

    def cells(self) -> list[str]:
        """The cells after id, name and status, in the order of :func:`headings`."""
        found = [self.value, self.required, self.distance]
        return [*found, *(c for c in (self.since, self.course) if c is not None)]


def has_courses(report: Report) -> bool:
    """Whether any goal has a deadline: a column of "-" alone is not shown."""
    return any(goal.trajectory is not None for goal in report.goals)


def headings(report: Report, lang: Lang, previous: Report | None = None) -> list[str]:
    """The overview's column headings, in the order of :class:`Row`'s cells."""
    h, w = HEADERS[lang], section(lang, "html")
    found = [h["id"], h["title"], h["status"], h["value"], w["requirement"], h["gap"]]
    if previous is not None:
        found.append(w["since"].format(period=spoken(previous.period, lang)))
    return found + ([w["course"]] if has_courses(report) else [])


def overview(report: Report, lang: Lang, previous: Report | None = None) -> list[Row]:
    """A row per goal; with ``previous`` (the plan at an earlier period) what moved since."""
    before = {goal.id: goal for goal in previous.goals} if previous else {}
    courses = has_courses(report)
    return [
        Row(
            goal.id,
            goal.name or goal.title,
            goal.status,
            number(goal.outcome.value, lang) + period_note(goal, report, lang),
            required(goal, lang),
            distance(goal, lang),
            since(before.get(goal.id), goal, lang) if previous is not None else None,
            (course(goal, lang, detail=False) if goal.trajectory else "-") if courses else None,
        )
        for goal in report.goals
    ]


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


def requirement_line(goal: GoalResult) -> list[Decimal | None] | None:
    """Where a goal asks for a margin, the line its value must reach at each period."""
    margin = goal.margin
    if margin == 0:
        return None
    points = [*goal.history] or [(goal.period, goal.outcome)]
    sign = -1 if goal.better == "lower" else 1
    return [None if o.reference is None else o.reference + sign * margin for _, o in points]


def goal_charts(
    goal: GoalResult, report: Report, members: Sequence[Reading], lang: Lang
) -> list[Chart]:
    """The goal's value against its reference over the periods in the data (its baseline
    marked), and for a cluster goal the members in order with the mean of the others."""
    w = section(lang, "html")
    found = []
    points = [*goal.history] or [(goal.period, goal.outcome)]
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
