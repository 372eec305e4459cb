"""A plan beside an earlier evaluation of itself: ``--compare previous`` and ``year-ago``.

Under ``--period newest`` each goal is read at its own newest figure, so "the
period before" is each goal's own: the quarter before its quarter, the month
before its month. At one asked period it is the period before that one.
"""

from __future__ import annotations

from beskplan.core.periods import Period
from beskplan.evaluation.context import Context
from beskplan.evaluation.evaluate import evaluate_goal, evaluate_plan, report_of
from beskplan.evaluation.results import Report
from beskplan.evaluation.timing import compared_with
from beskplan.plan.goalfile import Plan


def earlier(plan: Plan, report: Report, context: Context, how: str) -> Report:
    """``report``'s plan at the period ``how`` (``previous`` or ``year-ago``) says: beside
    the report's period, or under ``newest`` beside each goal's own."""
    if report.newest is None:
        return evaluate_plan(plan, context, compared_with(report.period, how))
    results = [
        evaluate_goal(plan, goal, context, compared_with(now.period, how), asked=True)
        for goal, now in zip(plan.goals, report.goals, strict=True)
    ]
    read = sorted({r.period for r in results}, key=Period.sort_key)
    return report_of(plan, context, compared_with(report.period, how), results, (read[0], read[-1]))
