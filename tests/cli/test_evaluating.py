"""``beskplan evaluate``: output, exit codes and error messages, as a user sees them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, GOALS, write


def test_evaluate_prints_the_table_in_danish(run: Any) -> None:
    result = run("evaluate", "frederiksberg-2019")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Beskæftigelsesplan 2019 — Frederiksberg, juni 2018" in out
    assert "6 opfyldt, 2 ikke opfyldt, 0 uden data (8 mål)" in out
    assert "ikke opfyldt" in out
    assert "klyngegennemsnit af 5 øvrige" in out
    assert "10,4" in out and "11,8" in out  # decimal comma
    assert "\x1b[" not in out  # no terminal codes off a terminal


def test_english(run: Any) -> None:
    result = run("evaluate", "frederiksberg-2019", "--lang", "en")
    assert result.exit_code == 0
    assert "6 met, 2 unmet, 0 without data (8 goals)" in result.stdout
    assert "cluster mean of 5 others" in result.stdout


def test_json_matches_the_plan(run: Any) -> None:
    result = run("evaluate", "frederiksberg-2019", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["plan"] == "frederiksberg-2019"
    assert doc["municipality"] == "Frederiksberg"
    assert doc["period"] == "2018M06"
    assert doc["summary"] == {"met": 6, "unmet": 2, "no_data": 0}
    d = next(g for g in doc["goals"] if g["id"] == "D")
    # the plan: 3,1 pct., 0,8 pct.-point above the cluster mean
    assert (d["status"], d["value"], d["reference"], d["gap"]) == ("unmet", 3.1, 2.3, 0.8)
    h = next(g for g in doc["goals"] if g["id"] == "H")
    assert (h["status"], h["rank"], h["of"], h["period"]) == ("met", 1, 6, "2018")
    for goal in doc["goals"]:
        assert set(goal) >= {
            "id",
            "title",
            "rule",
            "period",
            "status",
            "value",
            "reference",
            "gap",
            "rank",
            "of",
            "explanation",
        }


def test_strict_exits_1_when_a_goal_is_unmet(run: Any) -> None:
    assert run("evaluate", "frederiksberg-2019", "--strict").exit_code == 1


def test_strict_exits_0_when_all_are_met(run: Any, tmp_path: Path) -> None:
    text = (GOALS / "frederiksberg-2019.yaml").read_text(encoding="utf-8")
    kept = text.split("  - id: D")[0]  # goals A-C are met
    write(tmp_path / "frederiksberg-2019.yaml", kept)
    assert (
        run("evaluate", "frederiksberg-2019", "--goals", str(tmp_path), "--strict").exit_code == 0
    )


def test_other_period(run: Any) -> None:
    result = run("evaluate", "frederiksberg-2019", "--period", "2017M06", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["period"] == "2017M06"
    a = next(g for g in doc["goals"] if g["id"] == "A")
    assert a["value"] == 10.7  # data/README.md: illustrative June 2017 figure


def test_latest_period(run: Any) -> None:
    result = run("evaluate", "frederiksberg-2019", "--period", "latest", "--format", "json")
    # the newest month with every goal's figures: the illustrative series end in December 2019
    assert json.loads(result.stdout)["period"] == "2019M12"


def test_a_period_without_data_is_no_data_not_an_older_figure(run: Any) -> None:
    result = run("evaluate", "frederiksberg-2019", "--period", "2018M07", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    monthly = [g for g in doc["goals"] if g["id"] != "H"]
    assert all(g["status"] == "no_data" and g["value"] is None for g in monthly)
    assert next(g for g in doc["goals"] if g["id"] == "H")["status"] == "met"  # yearly 2018
    assert run("evaluate", "frederiksberg-2019", "--period", "2018M07", "--strict").exit_code == 1


TYPO_PLAN = """\
plan: typo
title: Plan med fejl
municipality: Frederiksberg
period: 2018M6x
goals:
  - id: A
    title: A
    measure: {table: PTV_A02, column: Fuldtidspersoner i pct. af befolkningen 16-66 år}
    rule: clustr_mean
    cluster: frederiksberg-alle-ydelser
  - id: B
    title: B
    measure: {table: PTV_A02, column: Fuldtidspersoner i pct. af befolkningen 16-66 år}
    rule: national
"""


def test_a_goal_file_with_typos_exits_2_with_one_line_per_problem(run: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "typo.yaml", TYPO_PLAN)
    result = run("evaluate", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(f"{path}:4:9: period: period '2018M6x' does not parse")
    assert lines[1].startswith(
        f"{path}:9:11: unknown rule 'clustr_mean' (did you mean 'cluster_mean'?)"
    )
    assert len(lines) == 2
    assert "Traceback" not in result.output


def test_missing_better_is_reported_at_the_goal(run: Any, tmp_path: Path) -> None:
    text = TYPO_PLAN.replace("2018M6x", "2018M06").replace("clustr_mean", "cluster_mean")
    path = write(tmp_path / "typo.yaml", text)
    result = run("evaluate", str(path))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"{path}:6:5: goal A: missing key 'better' (lower or higher): the measure catalogue gives "
        "no direction for this measure",
        f"{path}:11:5: goal B: missing key 'better' (lower or higher): the measure catalogue gives "
        "no direction for this measure",
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("cluster: frederiksberg-alle-ydelser", "cluster: frederiksberg-alle-ydelsr"),
            "unknown cluster 'frederiksberg-alle-ydelsr' (did you mean 'frederiksberg-alle-ydelser'?)",
        ),
        (
            ("cluster: frederiksberg-alle-ydelser", "cluster: [Gentofte, Aarhus]"),
            "does not contain the plan's municipality Frederiksberg",
        ),
        (
            (
                "column: Fuldtidspersoner i pct. af befolkningen 16-66 år}\n    rule: cluster_mean",
                "column: Fuldtidspersoner i pct af befolkningen}\n    rule: cluster_mean",
            ),
            "did you mean 'Fuldtidspersoner i pct. af befolkningen 16-66 år'?",
        ),
    ],
)
def test_goal_problems_against_the_data(
    run: Any, tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    text = TYPO_PLAN.replace("2018M6x", "2018M06").replace("clustr_mean", "cluster_mean")
    text = text.replace("rule: national", "rule: national\n    better: lower")
    text = text.replace("rule: cluster_mean", "rule: cluster_mean\n    better: lower")
    text = text.replace(*change)
    path = write(tmp_path / "typo.yaml", text)
    result = run("evaluate", str(path))
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.startswith(f"{path}:")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["evaluate", "../../etc/passwd"], "'../../etc/passwd' is not a plan id"),
        (["evaluate", "frederiksberg-2091"], "did you mean 'frederiksberg-2019'"),
        (
            ["evaluate", "frederiksberg-2019", "--period", "18M06"],
            "--period: period '18M06' does not parse",
        ),
        (
            ["evaluate", "frederiksberg-2019", "--data", "/nonexistent/beskplan"],
            "the data directory does not exist",
        ),
    ],
)
def test_bad_options_exit_2(run: Any, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_bad_data_exits_2_naming_the_file(run: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    bad = data / "Y01A02_2018.csv"
    bad.write_text(
        bad.read_text(encoding="utf-8").replace("2018M06", "2018M13", 1), encoding="utf-8"
    )
    result = run("evaluate", "frederiksberg-2019", "--data", str(data))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}:2:2: period '2018M13' does not parse")


def test_inline_measures_and_clusters_run_on_any_directory_of_extracts(
    run: Any, tmp_path: Path
) -> None:
    write(
        tmp_path / "data" / "Y01A02.csv",
        "Område;Periode;Køn;Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år\n"
        "Aarhus;2021M01;Køn i alt;3,0\nOdense;2021M01;Køn i alt;3,4\nVejle;2021M01;Køn i alt;..\n"
        "Hele landet;2021M01;Køn i alt;4,2\nAarhus;2021M01;Kvinder;1,4\n",
    )
    plan = write(
        tmp_path / "aarhus-2021.yaml",
        "plan: aarhus-2021\ntitle: Plan\nmunicipality: Aarhus Kommune\nperiod: 2021M01\ngoals:\n"
        "  - id: '1'\n    title: Under klyngen\n"
        "    measure: {table: y01a02, column: Fuldtidspersoner i pct. af arbejdsstyrken}\n"
        "    better: lower\n    rule: cluster_mean\n    cluster: [Aarhus, Odense, Vejle]\n",
    )
    result = run("evaluate", str(plan), "--data", str(tmp_path / "data"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    goal = json.loads(result.stdout)["goals"][0]
    assert (goal["status"], goal["value"], goal["reference"]) == ("met", 3.0, 3.4)
    assert "Vejle ('..')" in goal["explanation"]  # a suppressed member is left out and named


def test_a_file_without_the_measures_column_gives_no_data_not_a_crash(run: Any) -> None:
    """Y38A02's 2021 files say '... i pct. af befolkningen' where the others say '...
    arbejdsstyrken': goal C reads no figure for 2021M01 from them."""
    result = run("evaluate", "frederiksberg-2019", "--period", "2021M01", "--format", "json")
    assert result.exit_code == 0, result.stderr
    c = next(g for g in json.loads(result.stdout)["goals"] if g["id"] == "C")
    assert (c["status"], c["value"]) == ("no_data", None)
    assert run("check", "frederiksberg-2019", "--period", "2021M01").exit_code == 2


def test_compare_previous_reads_the_quarter_before_per_goal(run: Any) -> None:
    """Since last quarter in one flag: the second quarter of 2018 beside the first, each
    monthly goal at the quarter's last month (June beside March)."""
    result = run(
        "evaluate",
        "frederiksberg-2019",
        "--period",
        "2018Q2",
        "--compare",
        "previous",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["compare_period"] == "2018Q01"
    a = next(g for g in doc["goals"] if g["id"] == "A")
    assert (a["period"], a["compare"]["period"]) == ("2018M06", "2018M03")
    ago = run(
        "evaluate",
        "frederiksberg-2019",
        "--period",
        "2018Q2",
        "--compare",
        "year-ago",
        "--format",
        "json",
    )
    assert json.loads(ago.stdout)["compare_period"] == "2017Q02"


def test_several_plans_write_a_file_each(run: Any, tmp_path: Path) -> None:
    """{plan} in --output is each plan's id; each file is the plan's own evaluation."""
    target = tmp_path / "{plan}.json"
    result = run(
        "evaluate",
        "frederiksberg-2019",
        "kobenhavn-2018",
        "--format",
        "json",
        "--output",
        str(target),
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "frederiksberg-2019.json",
        "kobenhavn-2018.json",
    ]
    for name in ("frederiksberg-2019", "kobenhavn-2018"):
        doc = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
        assert doc["plan"] == name


def test_all_plans_is_every_plan_in_the_goals_folder(run: Any, tmp_path: Path) -> None:
    goals = tmp_path / "goals"
    goals.mkdir()
    for name in ("frederiksberg-2019", "kobenhavn-2018"):
        shutil.copy(GOALS / f"{name}.yaml", goals)
    out = tmp_path / "out"
    out.mkdir()
    result = run(
        "evaluate",
        "--all-plans",
        "--goals",
        str(goals),
        "--format",
        "junit",
        "--output",
        str(out / "{plan}.xml"),
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["frederiksberg-2019.xml", "kobenhavn-2018.xml"]


def test_several_plans_read_one_after_another_in_the_terminal(run: Any) -> None:
    result = run("evaluate", "frederiksberg-2019", "kobenhavn-2018")
    assert result.exit_code == 0, result.output
    first = result.stdout.index("Frederiksberg, juni 2018")
    assert result.stdout.index("København", first) > first


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["frederiksberg-2019", "kobenhavn-2018", "--format", "json"], "{plan} in the file name"),
        (["frederiksberg-2019", "kobenhavn-2018", "--output", "x.md"], "{plan} in the file name"),
        (["frederiksberg-2019", "--all-plans"], "not both"),
        ([], "or --all-plans"),
    ],
)
def test_several_plans_need_a_file_each(run: Any, args: list[str], said: str) -> None:
    result = run("evaluate", *args)
    assert result.exit_code == 2
    assert said in result.stderr
    assert "Traceback" not in result.output


def test_strict_over_several_plans_exits_1_when_any_goal_is_unmet(run: Any, tmp_path: Path) -> None:
    text = (GOALS / "frederiksberg-2019.yaml").read_text(encoding="utf-8")
    write(tmp_path / "frederiksberg-2019.yaml", text.split("  - id: D")[0])  # A-C are met
    args = ["--goals", str(tmp_path), "--strict", "--quiet"]
    assert run("evaluate", "--all-plans", *args).exit_code == 0
    shutil.copy(GOALS / "kobenhavn-2018.yaml", tmp_path)
    assert run("evaluate", "--all-plans", *args).exit_code == 1


def test_all_plans_in_an_empty_goals_folder_says_so(run: Any, tmp_path: Path) -> None:
    result = run("evaluate", "--all-plans", "--goals", str(tmp_path), "--strict")
    assert result.exit_code == 0
    assert "no plans in" in result.stderr
