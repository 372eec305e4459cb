"""Which period a goal is read at: figures that are numbers, the latest shared, finer periods."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from beskplan.core.periods import parse_period
from beskplan.evaluation.context import Context
from beskplan.evaluation.evaluate import evaluate_plan
from beskplan.evaluation.timing import figure_periods, latest_period
from beskplan.plan.goalfile import Plan, load_plan
from tests.conftest import write

PLAN = """plan: p
title: P
municipality: A
period: 2020M03
goals:
  - id: G
    title: G
    measure: {table: T, column: Andel (pct.)}
    better: lower
    rule: national
"""
T = "Område;Periode;Andel (pct.)\n" + "".join(
    f"A;2020M0{m};{v}\nHele landet;2020M0{m};2,0\n" for m, v in ((1, "1,0"), (2, "1,1"), (3, ".."))
)


def setup(folder: Path) -> tuple[Plan, Context]:
    write(folder / "goals" / "p.yaml", PLAN)
    write(folder / "data" / "T.csv", T)
    return load_plan("p", folder / "goals"), Context.open(folder / "data", use_cache=False)


def test_only_numbers_count_as_figures(tmp_path: Path) -> None:
    plan, context = setup(tmp_path)
    goal = plan.goals[0]
    assert {p.code for p in figure_periods(plan, goal, context)} == {"2020M01", "2020M02"}
    assert latest_period(plan, context).code == "2020M02"


def test_a_quarter_of_monthly_data_reads_its_last_month(tmp_path: Path) -> None:
    plan, context = setup(tmp_path)
    report = evaluate_plan(plan, context, parse_period("2020Q01"))
    assert [g.period.code for g in report.goals] == ["2020M03"]


def test_compare_previous_is_the_quarter_before_and_year_ago_the_same_quarter() -> None:
    from beskplan.evaluation.timing import compared_with

    assert compared_with(parse_period("2026Q2"), "previous") == parse_period("2026Q1")
    assert compared_with(parse_period("2026Q2"), "year-ago") == parse_period("2025Q2")


def test_the_schedule_decides_each_goals_period_before_evaluation(tmp_path: Path) -> None:
    from beskplan.evaluation.timing import schedule

    plan, context = setup(tmp_path)
    # a quarter: the goal is asked at the quarter and its monthly table read at March
    asked = schedule(plan, context, parse_period("2020Q1"))
    (quarter,) = asked.slots
    assert (quarter.period.code, quarter.asked) == ("2020Q01", True)
    assert {k: p.code if p else None for k, p in quarter.reads.items()} == {"t": "2020M03"}
    # newest: March is suppressed, so February, with January to try after it
    (newest,) = schedule(plan, context, "newest").slots
    assert newest.period.code == "2020M02"
    assert [s.period.code for s in newest.earlier] == ["2020M01"]
    # no choice: the plan's own period, not asked
    (own,) = schedule(plan, context).slots
    assert (own.period.code, own.asked) == ("2020M03", False)


def test_evaluation_reads_the_period_the_schedule_decided(tmp_path: Path) -> None:
    from dataclasses import replace

    from beskplan.evaluation.evaluate import _evaluate_goal
    from beskplan.evaluation.timing import schedule

    plan, context = setup(tmp_path)
    (decided,) = schedule(plan, context, parse_period("2020Q1")).slots
    # were the decision another, the figure read is that one: evaluation makes none of its own
    moved = replace(decided, reads={"t": parse_period("2020M01")})
    assert _evaluate_goal(plan, moved, context).outcome.value == Decimal("1.0")
    assert _evaluate_goal(plan, decided, context).outcome.value is None  # March: ".."
