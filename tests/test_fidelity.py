"""The bundled plans reproduce their own published status.

Frederiksberg Kommune, Beskæftigelsesplan 2019 (December 2018), section 2,
"Status" under each goal, June 2018:

- A: "10,4 pct. af befolkningen 16-66 år ... 1,4 pct.-point lavere end klyngen" (11,8)
- B: "48,2 pct. ... gennemsnittet for klyngen var 55,5 pct."
- C: "2,6 pct. ... markant under klyngegennemsnittet på 4,3 pct."
- D: "3,1 pct. ... 0,8 pct.-point højere end klyngegennemsnittet" (2,3); not met
- E: "1,8 pct. af arbejdsstyrken ... 0,2 pct.-point lavere end klyngegennemsnittet" (2,0)
- F: "24,3 pct. Gennemsnittet for kommunerne i klyngen lå på 17,2 pct."; not met
- G: "0,7 procent af arbejdsstyrken ... gennemsnittet for klyngen var 1,1 procent"
- H: "59,6 procent. Det betyder at Frederiksberg Kommune er bedst i klyngen."
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from beskplan.evaluate import Context, evaluate_plan
from beskplan.goalfile import load_plan
from beskplan.results import Report, Status
from tests.conftest import DATA, GOALS

PLAN_STATUS = {
    # goal: (status, value, cluster reference) as published in the plan
    "A": (Status.MET, "10.4", "11.8"),
    "B": (Status.MET, "48.2", "55.5"),
    "C": (Status.MET, "2.6", "4.3"),
    "D": (Status.UNMET, "3.1", "2.3"),
    "E": (Status.MET, "1.8", "2.0"),
    "F": (Status.UNMET, "24.3", "17.2"),
    "G": (Status.MET, "0.7", "1.1"),
    "H": (Status.MET, "59.6", None),
}


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate_plan(load_plan("frederiksberg-2019", GOALS), Context.open(DATA))


def test_frederiksberg_2019_reproduces_the_plans_status(report: Report) -> None:
    assert report.period.code == "2018M06"
    got = {g.id: g for g in report.goals}
    assert sorted(got) == sorted(PLAN_STATUS)
    for goal_id, (status, value, reference) in PLAN_STATUS.items():
        goal = got[goal_id]
        assert goal.status is status, goal_id
        assert goal.outcome.value == Decimal(value), goal_id
        if reference is not None:
            assert goal.outcome.reference == Decimal(reference), goal_id


def test_frederiksberg_is_best_in_its_integration_cluster(report: Report) -> None:
    h = next(g for g in report.goals if g.id == "H")
    assert h.outcome.rank == 1
    assert h.outcome.of == 6
    assert h.period.code == "2018"  # a yearly measure, read at the year containing 2018M06


def test_summary_counts(report: Report) -> None:
    s = report.summary
    assert (s.met, s.unmet, s.no_data) == (6, 2, 0)
