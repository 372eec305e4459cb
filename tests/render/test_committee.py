"""The report's overview and charts, shared by the HTML and Markdown reports."""

from __future__ import annotations

from typing import Any

from beskplan.api import Project
from beskplan.render.committee import anchor, goal_charts, overview


def test_the_overview_has_a_row_per_goal_with_its_requirement_and_course() -> None:
    project = Project.open()
    report = project.evaluate(project.plan("frederiksberg-2019"), history=True)
    columns, found = overview(report, "da")
    assert [key for key, _ in columns] == ["value", "required", "distance", "course"]
    rows = {row.id: row.cells for row in found}
    assert list(rows) == list("ABCDEFGH")
    # Beskæftigelsesplan 2019: D is 3,1 against the cluster's 2,3 and must be strictly below
    d = rows["D"]
    assert (d["value"], d["required"], d["distance"]) == (
        "3,1",
        "under 2,3",
        "0,8 pct.-point fra målet",
    )
    assert d["course"].startswith("går den forkerte vej mod 2019")
    assert "tendens" not in d["course"]  # the overview gives the course, the section the trend
    assert rows["H"]["value"] == "59,6 (2018)"


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


PLAN = """plan: p
title: P
municipality: A
period: 2020Q2
goals:
  - id: N
    title: N
    measure: {table: T, column: Andel (pct.)}
    better: lower
    rule: national
"""
# A at 2,5 against the country's 2,0 in March (unmet), at 1,5 in June (met)
T = (
    "Område;Periode;Andel (pct.)\n"
    "A;2020M03;2,5\nHele landet;2020M03;2,0\nA;2020M06;1,5\nHele landet;2020M06;2,0\n"
)


def test_a_report_beside_last_quarter_says_what_moved(tmp_path: Any, run: Any) -> None:
    from tests.conftest import write

    write(tmp_path / "goals" / "p.yaml", PLAN)
    write(tmp_path / "data" / "T.csv", T)
    out = tmp_path / "r.md"
    args = ("--goals", str(tmp_path / "goals"), "--data", str(tmp_path / "data"))
    result = run(
        "report", "p", *args, "--compare", "previous", "--format", "markdown", "--output", str(out)
    )
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "1 mål har skiftet status siden 1. kvt. 2020: N (ikke opfyldt → opfyldt)." in text
    assert "| Siden 1. kvt. 2020 |" in text
    assert "ikke opfyldt 2,5 → opfyldt 1,5, bedre" in text
    # no goal has a deadline: no column of "-" and no note about it
    assert "Kurs" not in text
    html = tmp_path / "r.html"
    assert run("report", "p", *args, "--compare", "2020Q1", "--output", str(html)).exit_code == 0
    assert "N (ikke opfyldt → opfyldt)" in html.read_text(encoding="utf-8")


def test_without_compare_the_overview_has_no_since_column() -> None:
    project = Project.open()
    report = project.evaluate(project.plan("frederiksberg-2019"), history=True)
    columns, rows = overview(report, "da")
    assert "since" not in [key for key, _ in columns]
    assert all("since" not in row.cells for row in rows)


def test_chart_axes_say_periods_in_words() -> None:
    import re

    project = Project.open()
    report = project.evaluate(project.plan("frederiksberg-2019"), history=True)
    (trend, *_) = goal_charts(report.goals[0], report, [], "da")
    # the series: the last month of every quarter from March 2016 to June 2018
    # (data/README.md); the newest is always labelled, then every other quarter back
    labels = re.findall(r">([^<>]*\d{4})<", trend.svg)
    assert labels[-2:] == ["dec. 2017", "jun. 2018"]
    assert "2018M06" not in trend.svg
