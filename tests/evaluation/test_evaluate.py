"""Evaluating at the periods the data has: latest, newest, ranges, baselines, other frequencies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from beskplan.core.periods import parse_period
from beskplan.evaluation.context import Context
from beskplan.evaluation.evaluate import evaluate_plan
from beskplan.evaluation.timing import latest_period
from beskplan.plan.goalfile import load_plan
from tests.conftest import REAL as SHARED_REAL

# Two tables released on different days, as Y60J01 (to 2026M06) and the others (to 2026M07)
# in the real v3 figures; the municipality's 2026M07 figure in U is suppressed.
PLAN = """plan: p
title: Plan
municipality: A
period: 2026M07
goals:
  - id: T
    title: Andel
    measure: {table: T, column: Andel (pct.)}
    better: lower
    rule: national
  - id: U
    title: Ledighed
    measure: {table: U, column: Ledighed (pct.)}
    better: lower
    rule: national
"""
T = "Periode;Område;Andel (pct.)\n" + "".join(
    f"2026M{m:02d};A;1,{m}\n2026M{m:02d};Hele landet;2,0\n" for m in (4, 5, 6)
)
U = (
    "Periode;Område;Ledighed (pct.)\n"
    + "".join(f"2026M{m:02d};A;3,{m}\n2026M{m:02d};Hele landet;3,5\n" for m in (5, 6))
    + "2026M07;A;..\n2026M07;Hele landet;3,5\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "goals").mkdir()
    (tmp_path / "goals" / "p.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "T.csv").write_text(T, encoding="utf-8")
    (tmp_path / "data" / "U.csv").write_text(U, encoding="utf-8")
    return tmp_path


def _report(folder: Path, period: Any) -> Any:
    plan = load_plan("p", folder / "goals")
    return evaluate_plan(plan, Context.open(folder / "data", use_cache=False), period)


def test_latest_skips_a_suppressed_figure(folder: Path) -> None:
    """U's 2026M07 is '..' and T ends at 2026M06: the newest period every goal has is 2026M06."""
    plan = load_plan("p", folder / "goals")
    assert latest_period(plan, Context.open(folder / "data", use_cache=False)).code == "2026M06"
    report = _report(folder, "latest")
    # T: 1,6 against 2,0; U: 3,6 against 3,5
    assert [(g.period.code, g.status.value) for g in report.goals] == [
        ("2026M06", "met"),
        ("2026M06", "unmet"),
    ]


def test_newest_reads_each_goal_at_its_own_newest_figure(folder: Path) -> None:
    # U at 2026M07 is suppressed, so U's newest figure is 2026M06 too; make U reach 2026M07
    (folder / "data" / "U.csv").write_text(U.replace("2026M07;A;..", "2026M07;A;3,9"), "utf-8")
    report = _report(folder, "newest")
    assert [(g.id, g.period.code, str(g.outcome.value)) for g in report.goals] == [
        ("T", "2026M06", "1.6"),
        ("U", "2026M07", "3.9"),
    ]
    assert [p.code for p in report.newest] == ["2026M06", "2026M07"]


def test_newest_in_the_table_and_json(folder: Path, run: Any) -> None:
    (folder / "data" / "U.csv").write_text(U.replace("2026M07;A;..", "2026M07;A;3,9"), "utf-8")
    args = ("evaluate", "p", "--goals", str(folder / "goals"), "--data", str(folder / "data"))
    table = run(*args, "--period", "newest")
    assert table.exit_code == 0, table.stderr
    assert "Plan — A, nyeste tal, juni 2026–juli 2026" in table.stdout
    assert "1,6 (juni 2026)" in table.stdout and "3,9 (juli 2026)" in table.stdout
    doc = json.loads(run(*args, "--period", "newest", "--format", "json").stdout)
    assert doc["newest"] == ["2026M06", "2026M07"]
    assert [g["period"] for g in doc["goals"]] == ["2026M06", "2026M07"]


def test_newest_passes_a_period_without_the_reference(folder: Path) -> None:
    """A goal's newest figure without its reference is passed over for one with both."""
    (folder / "data" / "T.csv").write_text(
        T.replace("2026M06;Hele landet;2,0", "2026M06;Hele landet;"), "utf-8"
    )
    report = _report(folder, "newest")
    assert report.goals[0].period.code == "2026M05"
    assert report.goals[0].status.value == "met"


def test_the_plans_period_with_a_lagging_table_is_no_data_for_that_goal(folder: Path) -> None:
    report = _report(folder, None)
    assert [g.status.value for g in report.goals] == ["no_data", "no_data"]  # T lags, U is '..'


BASELINE_PLAN = """plan: b
title: Basis
municipality: A
period: 2026M06
goals:
  - id: B
    title: Under niveauet i maj
    measure: {table: T, column: Andel (pct.)}
    better: lower
    rule: baseline
    baseline: 2026M05
  - id: N
    title: Under landsgennemsnittet
    measure: {table: T, column: Andel (pct.)}
    better: lower
    rule: national
"""


def test_a_period_before_the_baseline_is_not_evaluable_and_aborts_nothing(
    folder: Path, run: Any
) -> None:
    (folder / "goals" / "b.yaml").write_text(BASELINE_PLAN, encoding="utf-8")
    args = ("evaluate", "b", "--goals", str(folder / "goals"), "--data", str(folder / "data"))
    result = run(*args, "--periods", "2026M04..2026M06", "--format", "json")
    assert result.exit_code == 0, result.stderr
    goals = {g["id"]: g for g in json.loads(result.stdout)["goals"]}
    first = goals["B"]["timeline"][0]
    assert (first["evaluated_at"], first["status"]) == ("2026M04", "no_data")
    assert (
        first["explanation"] == "kan ikke vurderes ved 2026M04: basisperioden 2026M05 ligger senere"
    )
    assert (goals["B"]["met"], goals["B"]["with_data"]) == (1, 2)  # 2026M05 and 2026M06 counted
    assert [p["status"] for p in goals["N"]["timeline"]] == ["met", "met", "met"]
    compare = run(*args, "--compare", "2026M04", "--format", "json")
    assert compare.exit_code == 0, compare.stderr
    assert json.loads(compare.stdout)["goals"][0]["compare"]["status"] == "no_data"
    bad = run(*args, "--compare", "2026M13")
    assert bad.exit_code == 2 and bad.stderr.startswith("--compare: period '2026M13'")


def test_the_plans_own_period_before_its_baseline_stays_a_goal_file_mistake(
    folder: Path, run: Any
) -> None:
    (folder / "goals" / "b.yaml").write_text(BASELINE_PLAN.replace("2026M05", "2026M07"), "utf-8")
    result = run("evaluate", "b", "--goals", str(folder / "goals"), "--data", str(folder / "data"))
    assert result.exit_code == 2
    assert "baseline 2026M07 is after the evaluation period 2026M06" in result.stderr


@pytest.mark.parametrize("quarter", ["2026Q02", "2026Q2", "2026K2", "2026-Q2", "2026 Q2"])
def test_a_quarter_reads_the_month_that_ends_it(folder: Path, run: Any, quarter: str) -> None:
    """The rule of the quarterly follow-up: each goal reads its table's period that ends where
    the asked period ends, so the second quarter of 2026 reads June 2026 from monthly data."""
    args = ("evaluate", "p", "--goals", str(folder / "goals"), "--data", str(folder / "data"))
    result = run(*args, "--period", quarter, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    goals = json.loads(result.stdout)["goals"]
    # T: 1,6 against 2,0 in June; U: 3,6 against 3,5
    assert [(g["period"], g["value"], g["status"]) for g in goals] == [
        ("2026M06", 1.6, "met"),
        ("2026M06", 3.6, "unmet"),
    ]
    table = run(*args, "--period", quarter)
    assert "1,6 (juni 2026)" in table.stdout


def test_a_month_inside_a_quarter_does_not_read_the_quarter(tmp_path: Path) -> None:
    """May 2026 asked of quarterly data: no quarter ends in May, so there is no figure (the
    quarter ending in June is not read in its place)."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "T.csv").write_text(
        "Periode;Område;Andel (pct.)\n2026Q02;A;1,0\n2026Q02;Hele landet;2,0\n", "utf-8"
    )
    goals = tmp_path / "goals"
    goals.mkdir()
    (goals / "p.yaml").write_text(PLAN.split("  - id: U", maxsplit=1)[0], "utf-8")
    plan = load_plan("p", goals)
    context = Context.open(data, use_cache=False)
    assert evaluate_plan(plan, context, parse_period("2026M06")).goals[0].status.value == "met"
    assert evaluate_plan(plan, context, parse_period("2026M05")).goals[0].status.value == "no_data"


def test_a_quarter_where_one_goal_has_a_year_of_its_own(run: Any) -> None:
    """Goal H of Frederiksberg's plan reads its own period, the year 2018; the seven monthly
    goals read June 2018 for the second quarter."""
    result = run("evaluate", "frederiksberg-2019", "--period", "2018Q02", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == ""
    periods = {g["id"]: g["period"] for g in json.loads(result.stdout)["goals"]}
    assert periods == {**dict.fromkeys("ABCDEFG", "2018M06"), "H": "2018"}


QMAT = "Område;Periode;Andel (pct.)\n" + "".join(
    f"A;{y}QMAT{q:02d};{q}{y % 10},0\nHele landet;{y}QMAT{q:02d};30,0\n"
    for y in (2020, 2021)
    for q in (2, 4)
)


def test_a_half_yearly_table_steps_through_its_own_periods(tmp_path: Path, run: Any) -> None:
    """Y30R21 publishes QMAT02 and QMAT04 only: a monthly range gives those four periods."""
    (tmp_path / "goals").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "goals" / "q.yaml").write_text(
        PLAN.replace("plan: p", "plan: q").replace("2026M07", "2021QMAT04"), encoding="utf-8"
    )
    (tmp_path / "data" / "T.csv").write_text(QMAT, encoding="utf-8")
    (tmp_path / "data" / "U.csv").write_text(QMAT.replace("Andel", "Ledighed"), encoding="utf-8")
    result = run(
        "evaluate",
        "q",
        "--goals",
        str(tmp_path / "goals"),
        "--data",
        str(tmp_path / "data"),
        "--periods",
        "2020M01..2021M12",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    goal = json.loads(result.stdout)["goals"][0]
    assert [p["evaluated_at"] for p in goal["timeline"]] == [
        "2020QMAT02",
        "2020QMAT04",
        "2021QMAT02",
        "2021QMAT04",
    ]
    # A's share is 20,0 / 40,0 / 21,0 / 41,0 against 30,0: met, unmet, met, unmet
    assert [p["status"] for p in goal["timeline"]] == ["met", "unmet", "met", "unmet"]
    assert (goal["met"], goal["with_data"]) == (2, 4)


REAL = SHARED_REAL / "kommunal-beskaeftigelsesindsats"
REAL_PLAN = """plan: r
title: Randers
municipality: Randers
period: 2026M07
goals:
  - id: "1"
    title: Ledighed
    measure: {table: Y25I01, column: Ledige fuldtidspersoner i pct. af arbejdsstyrken, where: {Ydelsesgrupper: Ydelsesgrupper i alt}}
    better: lower
    rule: national
  - id: "3"
    title: Ordinære løntimer
    measure: {table: Y60J01, column: Andel personer med ordinære løntimer}
    better: higher
    rule: national
"""


@pytest.mark.skipif(
    not REAL.is_dir(), reason="the real Jobindsats files are not beside the project"
)
def test_real_tables_released_on_different_days(tmp_path: Path, run: Any) -> None:
    """In the real v3 figures Y60J01 ends at 2026M06 while Y25I01 reaches 2026M07."""
    (tmp_path / "r.yaml").write_text(REAL_PLAN, encoding="utf-8")
    data = str(REAL / "data")
    check = run("check", str(tmp_path / "r.yaml"), "--data", data)
    assert check.exit_code == 0, check.stderr
    assert "table Y60J01 ends at 2026M06, one release before 2026M07" in check.stderr
    newest = run(
        "evaluate",
        str(tmp_path / "r.yaml"),
        "--data",
        data,
        "--period",
        "newest",
        "--format",
        "json",
    )
    doc = json.loads(newest.stdout)
    assert [g["period"] for g in doc["goals"]] == ["2026M07", "2026M06"]
    assert all(g["status"] != "no_data" for g in doc["goals"])
    args = ("evaluate", str(tmp_path / "r.yaml"), "--data", data, "--format", "json")
    # since last time, under newest: each goal beside the month before its own
    since = json.loads(run(*args, "--period", "newest", "--compare", "previous").stdout)
    assert [g["compare"]["period"] for g in since["goals"]] == ["2026M06", "2026M05"]
    # the quarter as the portal writes it reads June from both monthly tables
    quarter = json.loads(run(*args, "--period", "2026K2").stdout)
    assert [g["period"] for g in quarter["goals"]] == ["2026M06", "2026M06"]
    assert all(g["status"] != "no_data" for g in quarter["goals"])


def test_a_figure_years_older_than_the_plans_newest_is_stale(folder: Path, run: Any) -> None:
    """Y30R21 ends at 2022QMAT04 while the other tables reach July 2026: under newest its
    figure is 3 years and 7 months older (December 2022 to July 2026), more than one release
    of a moving-year table (a quarter). A table one release behind (T at June beside U at
    July) is not stale."""
    (folder / "data" / "U.csv").write_text(U.replace("2026M07;A;..", "2026M07;A;3,9"), "utf-8")
    (folder / "data" / "Y.csv").write_text(
        "Periode;Område;Andel (pct.)\n2022QMAT04;A;9,1\n2022QMAT04;Hele landet;9,5\n", "utf-8"
    )
    plan = (folder / "goals" / "p.yaml").read_text(encoding="utf-8")
    plan += "  - id: Y\n    title: Benchmark\n    measure: {table: Y, column: Andel (pct.)}\n"
    plan += "    better: lower\n    rule: national\n"
    (folder / "goals" / "p.yaml").write_text(plan, encoding="utf-8")
    report = _report(folder, "newest")
    assert [(g.id, g.period.code, g.stale) for g in report.goals] == [
        ("T", "2026M06", None),
        ("U", "2026M07", None),
        ("Y", "2022QMAT04", 43),
    ]
    args = ("evaluate", "p", "--goals", str(folder / "goals"), "--data", str(folder / "data"))
    doc = json.loads(run(*args, "--period", "newest", "--format", "json").stdout)
    assert [g["stale"] for g in doc["goals"]] == [False, False, True]
    assert "3 år og 7 måneder ældre end planens nyeste tal" in doc["goals"][2]["explanation"]
    english = run(*args, "--period", "newest", "--format", "json", "--lang", "en").stdout
    assert "3 years and 7 months older than the plan's newest" in english
    table = run(*args, "--period", "newest").stdout
    # the table marks the stale value beside the period it was read at, and only that one
    assert "(året til og med 4. kvt. 2022, forældet)" in table
    assert table.count("forældet)") == 1
    # since last time, under newest: each goal beside the period before its own
    since = run(*args, "--period", "newest", "--compare", "previous", "--format", "json")
    compared = [g["compare"]["period"] for g in json.loads(since.stdout)["goals"]]
    assert compared == ["2026M05", "2026M06", "2022QMAT03"]


def test_a_period_before_the_clusters_first_list_cannot_be_evaluated(
    tmp_path: Path, run: Any
) -> None:
    """A cluster valid from 2020-07-01: the moving year ending June 2020 has no member list
    at its end, so that goal is "kan ikke vurderes" there, said once, and the run goes on;
    the moving year ending December 2020 is evaluated."""
    data, goals = tmp_path / "data", tmp_path / "goals"
    data.mkdir()
    goals.mkdir()
    rows = "".join(
        f"{area};{p};{v}\n"
        for p in ("2020QMAT02", "2020QMAT04")
        for area, v in (("A", "1,0"), ("B", "2,0"), ("Hele landet", "3,0"))
    )
    (data / "Y.csv").write_text("Område;Periode;Andel (pct.)\n" + rows, "utf-8")
    (data / "clusters.yaml").write_text(
        "clusters:\n  - {name: k, title: K, benefit: Alle, valid_from: 2020-07-01, members: [A, B]}\n",
        "utf-8",
    )
    (goals / "p.yaml").write_text(
        "plan: p\ntitle: P\nmunicipality: A\nperiod: 2020QMAT04\ngoals:\n"
        "  - id: K\n    title: K\n    measure: {table: Y, column: Andel (pct.)}\n"
        "    better: lower\n    rule: cluster_mean\n    cluster: k\n",
        "utf-8",
    )
    args = ("--goals", str(goals), "--data", str(data))
    result = run("evaluate", "p", *args, "--periods", "2020QMAT02..2020QMAT04", "--format", "json")
    assert result.exit_code == 0, result.stderr
    steps = json.loads(result.stdout)["goals"][0]["timeline"]
    assert [(s["evaluated_at"], s["status"]) for s in steps] == [
        ("2020QMAT02", "no_data"),
        ("2020QMAT04", "met"),  # 1,0 against B's 2,0
    ]
    assert "klyngen har ingen medlemsliste" in steps[0]["explanation"]
