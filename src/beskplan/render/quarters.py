"""A goal × period table: each goal's value, reference and status period by period.

The committee's report holds one quarter by quarter (:func:`by_quarter`), built from each
goal's history: a goal read from a monthly table is shown at each quarter's last month, a
yearly one at the fourth quarter, a moving year at the quarter it ends with, as the one
rule for which period a goal reads (:meth:`~beskplan.core.periods.Period.lookup_order`)
reads it for that quarter. ``evaluate --periods`` gets the same table over the periods it
asked for (:func:`by_period`). The HTML and Markdown reports and the workbooks lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from beskplan.core.periods import Kind, Period, ending_at
from beskplan.core.words import Lang, section
from beskplan.render.wording import number, spoken, status

if TYPE_CHECKING:
    from beskplan.evaluation.nationwide import Timeline
    from beskplan.evaluation.results import Report
    from beskplan.rules.outcome import Outcome, Status

HISTORY = 8  # quarters in the report's table unless --history says otherwise


@dataclass(frozen=True)
class Line:
    """A goal's row: its outcome at each of the grid's periods, ``None`` where it has none."""

    id: str
    name: str
    cells: tuple[Outcome | None, ...]


@dataclass(frozen=True)
class Grid:
    periods: tuple[Period, ...]
    lines: tuple[Line, ...]


def quarter(period: Period) -> Period | None:
    """The quarter a period ends with (June 2026 and the first half of 2026: 2026Q2);
    ``None`` for a month inside a quarter."""
    return next((p for p in ending_at(period.last_month) if p.kind is Kind.QUARTER), None)


def by_quarter(report: Report, count: int = HISTORY) -> Grid:
    """The last ``count`` quarters at which any goal has a figure, oldest first."""
    at: list[dict[Period, Outcome]] = []
    for goal in report.goals:
        points = [*goal.history] or [(goal.period, goal.outcome)]
        found = {}
        for period, outcome in points:
            if (q := quarter(period)) is not None:
                found[q] = outcome
        # a figure read for the report that ends after the report's period (a year read
        # for June, ``59,6 (2018)``) sits at the report's quarter, as the overview shows it
        read, now = goal.outcome.period, quarter(report.period)
        if read is not None and now is not None and read.is_after(report.period):
            found = {q: o for q, o in found.items() if not q.is_after(now)}
            found[now] = goal.outcome
        at.append(found)
    with_figures = {q for found in at for q, o in found.items() if o.value is not None}
    periods = tuple(sorted(with_figures, key=Period.sort_key)[-count:] if count else ())
    lines = tuple(
        Line(goal.id, goal.name or goal.title, tuple(found.get(q) for q in periods))
        for goal, found in zip(report.goals, at, strict=True)
    )
    return Grid(periods, lines)


def by_period(line: Timeline) -> Grid:
    """Every goal at every period ``evaluate --periods`` asked for."""
    periods = tuple(line.periods)
    lines = []
    for goal in line.goals:
        steps = {step.asked_period: step.outcome for step in goal.steps}
        first = goal.steps[0] if goal.steps else None
        name = (first.name or first.title) if first else goal.id
        lines.append(Line(goal.id, name, tuple(steps.get(p) for p in periods)))
    return Grid(periods, tuple(lines))


def cell(outcome: Outcome | None, lang: Lang) -> tuple[str, str, Status | None]:
    """A cell's value, its reference and its status, as words (``-`` where none)."""
    if outcome is None:
        return "-", "-", None
    return number(outcome.value, lang), number(outcome.reference, lang), outcome.status


def headings(grid: Grid, lang: Lang) -> list[str]:
    """The goal's id and name, then each period in words."""
    h = section(lang, "html")
    return [h["goal"], *(spoken(p, lang) for p in grid.periods)]


def note(lang: Lang) -> str:
    """What a cell holds and how a goal that is not read quarterly is placed."""
    return section(lang, "html")["quarters_note"]


def short(outcome: Outcome | None, lang: Lang) -> str:
    """``2,3 (2,2) ikke opfyldt`` in one line, for Markdown and text."""
    value, reference, said = cell(outcome, lang)
    if said is None:
        return "-"
    shown = value if reference == "-" else f"{value} ({reference})"
    return f"{shown} {status(said, lang)}"
