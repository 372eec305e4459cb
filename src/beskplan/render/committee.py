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
from beskplan.render.wording import HEADERS, course, distance, number, period_note, required, spoken
from beskplan.rules.outcome import Status


@dataclass(frozen=True)
class Row:
    """A goal in the overview, its cells as words."""

    id: str
    name: str
    status: Status
    value: str
    required: str
    distance: str
    course: str


def headings(lang: Lang) -> list[str]:
    """The overview's column headings, in the order of :class:`Row`'s cells."""
    h, w = HEADERS[lang], section(lang, "html")
    return [h["id"], h["title"], h["status"], h["value"], w["requirement"], h["gap"], w["course"]]


def overview(report: Report, lang: Lang) -> list[Row]:
    return [
        Row(
            goal.id,
            goal.name or goal.title,
            goal.status,
            number(goal.outcome.value, lang) + period_note(goal, report, lang),
            required(goal, lang),
            distance(goal, lang),
            course(goal, lang, detail=False) if goal.trajectory else "-",
        )
        for goal in report.goals
    ]


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
            codes,
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
