"""The plan beside an earlier evaluation of itself: the period before, per goal under newest."""

from __future__ import annotations

from pathlib import Path

from beskplan.core.periods import parse_period
from beskplan.evaluation.compare import earlier
from beskplan.evaluation.evaluate import evaluate_plan
from tests.evaluation.test_timing import setup


def test_at_one_period_the_period_before_it(tmp_path: Path) -> None:
    plan, context = setup(tmp_path)
    report = evaluate_plan(plan, context, parse_period("2020Q1"))
    before = earlier(plan, report, context, "previous")
    assert before.period.code == "2019Q04"
    assert before.newest is None


def test_under_newest_each_goal_beside_the_period_before_its_own(tmp_path: Path) -> None:
    plan, context = setup(tmp_path)
    report = evaluate_plan(plan, context, "newest")  # March is suppressed: February
    before = earlier(plan, report, context, "previous")
    assert [g.period.code for g in before.goals] == ["2020M01"]
    assert before.goals[0].outcome.value is not None
    year_ago = earlier(plan, report, context, "year-ago")
    assert [g.period.code for g in year_ago.goals] == ["2019M02"]
