"""Result records: a goal's period is where its figure was read; a report counts its statuses."""

from __future__ import annotations

from decimal import Decimal

from beskplan.core.periods import parse_period
from beskplan.evaluation.results import GoalResult, Report
from beskplan.rules.outcome import Msg, Outcome, Status

ASKED = parse_period("2018M06")


def goal(status: Status, read_at: str | None = None) -> GoalResult:
    outcome = Outcome(
        status, Msg("compare"), value=Decimal(1), period=parse_period(read_at) if read_at else None
    )
    return GoalResult("A", "T", None, "national", "lower", "pct.", "m", None, (), ASKED, outcome)


def test_a_goals_period_is_the_one_read_or_else_the_one_asked() -> None:
    assert goal(Status.MET, "2018").period == parse_period("2018")
    assert goal(Status.NO_DATA).period == ASKED


def test_the_summary_counts_each_status() -> None:
    goals = (goal(Status.MET), goal(Status.MET), goal(Status.UNMET), goal(Status.NO_DATA))
    report = Report("p", "P", "Frederiksberg", ASKED, None, goals)
    s = report.summary
    assert (s.met, s.unmet, s.no_data) == (2, 1, 1)
