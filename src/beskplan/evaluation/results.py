"""Result records: what evaluating a plan produces, as plain frozen data.

Renderers turn a :class:`Report` into text; they never compute verdicts. Words
are kept as :class:`Msg` (a message key and its arguments) so that one result
can be told in Danish or English by :mod:`beskplan.render.wording`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from beskplan.core.periods import Period
from beskplan.core.sources import SourceFile
from beskplan.evaluation.trajectory import Assessment
from beskplan.rules.outcome import Outcome, Status


@dataclass(frozen=True)
class GoalResult:
    """A goal of the plan with its outcome."""

    id: str
    title: str
    name: str | None
    rule: str
    better: str
    unit: str
    measure: str
    focus: str | None
    ministermaal: tuple[int, ...]
    asked_period: Period
    outcome: Outcome
    sources: tuple[str, ...] = ()
    definition: str = ""
    trajectory: Assessment | None = None
    margin: Decimal = Decimal(0)  # how far better than its reference the goal asks to be
    strict: bool = False  # whether it asks to be strictly better than that
    baseline: Period | None = None  # the period it measures its progress from, if any
    # the goal as written in its goal file, key by key (numbers as their exact decimals)
    written: Mapping[str, object] = field(default_factory=dict)
    history: tuple[tuple[Period, Outcome], ...] = ()  # the goal at earlier periods, oldest first
    # months by which its figure is older than the plan's newest, where that is more than one
    # step of its own table's frequency (evaluation.timing.stale)
    stale: int | None = None

    @property
    def status(self) -> Status:
        return self.outcome.status

    @property
    def period(self) -> Period:
        """The period the municipality's figure was read at (or asked for, without one)."""
        return self.outcome.period or self.asked_period


@dataclass(frozen=True)
class Summary:
    met: int
    unmet: int
    no_data: int


@dataclass(frozen=True)
class Report:
    plan: str
    title: str
    municipality: str
    period: Period
    source: str | None
    goals: tuple[GoalResult, ...]
    sources: tuple[SourceFile, ...] = ()
    goal_file: SourceFile | None = None
    notices: tuple[str, ...] = ()
    # with --period newest: the oldest and newest of the goals' periods (each goal its newest)
    newest: tuple[Period, Period] | None = None

    @property
    def summary(self) -> Summary:
        count = dict.fromkeys(Status, 0)
        for goal in self.goals:
            count[goal.status] += 1
        return Summary(count[Status.MET], count[Status.UNMET], count[Status.NO_DATA])
