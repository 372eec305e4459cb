"""The report's overview and charts, shared by the HTML and Markdown reports."""

from __future__ import annotations

from beskplan.api import Project
from beskplan.render.committee import anchor, goal_charts, overview


def test_the_overview_has_a_row_per_goal_with_its_requirement_and_course() -> None:
    project = Project.open()
    report = project.evaluate(project.plan("frederiksberg-2019"), history=True)
    rows = {row.id: row for row in overview(report, "da")}
    assert list(rows) == list("ABCDEFGH")
    # Beskæftigelsesplan 2019: D is 3,1 against the cluster's 2,3 and must be strictly below
    d = rows["D"]
    assert (d.value, d.required, d.distance) == ("3,1", "under 2,3", "0,8 pct.-point fra målet")
    assert d.course.startswith("går den forkerte vej mod 2019")
    assert "tendens" not in d.course  # the overview gives the course, the section the trend
    assert rows["H"].value == "59,6 (2018)"


def test_a_gap_shrink_chart_marks_its_baseline_and_a_cluster_chart_its_mean() -> None:
    project = Project.open()
    plan = project.plan("kobenhavn-2018")
    report, members = project.report(plan)
    goal = next(g for g in report.goals if g.id == "4.7b")  # baseline 2016Q02 in the goal file
    charts = goal_charts(goal, report, members[goal.id], "da")
    kinds = {c.kind: c for c in charts}
    assert 'id="beskplan-baseline"' in kinds["trend"].svg
    assert 'id="beskplan-mean"' in kinds["cluster"].svg


def test_anchors_are_safe_ids() -> None:
    assert anchor("4.3a") == "goal-4.3a"
    assert anchor('a "b"') == "goal-a__b_"


def test_a_baseline_goal_marks_its_baseline() -> None:
    project = Project.open()
    plan = project.plan("frederiksberg-vaekst-2021")
    report, members = project.report(plan)
    goal = next(g for g in report.goals if g.id == "V1")  # baseline: 2020M02 in the goal file
    trend = next(c for c in goal_charts(goal, report, members[goal.id], "da") if c.kind == "trend")
    assert 'id="beskplan-baseline"' in trend.svg and "basis 2020M02" in trend.svg
