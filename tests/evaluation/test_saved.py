"""Two saved evaluations compared: data changes told from goal changes, other JSON refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, GOALS, write
from tests.evaluation.test_diff import _saved


def test_results_diff_tells_data_from_goal_changes(run: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    goals = tmp_path / "goals"
    shutil.copytree(GOALS, goals)
    before = _saved(
        run,
        tmp_path / "before.json",
        "frederiksberg-2019",
        "--data",
        str(data),
        "--goals",
        str(goals),
    )
    # Jobindsats revises a figure: Frederiksberg's a-dagpenge share June 2018 becomes 2,2
    y01 = data / "Y01A02_2018.csv"
    y01.write_text(
        y01.read_text(encoding="utf-8").replace(
            "Frederiksberg;2018M06;Køn i alt;Alder i alt;Herkomst i alt;2047;1706;3,1",
            "Frederiksberg;2018M06;Køn i alt;Alder i alt;Herkomst i alt;2047;1706;2,2",
        ),
        encoding="utf-8",
    )
    # and the plan's goal F is loosened to a threshold it meets (24,3 against at most 25)
    plan = goals / "frederiksberg-2019.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "rule: cluster_mean\n    cluster: frederiksberg-saerlige-vilkaar\n    strict: true\n\n"
            "  - id: G",
            "rule: threshold\n    target: 25\n\n  - id: G",
        ),
        encoding="utf-8",
    )
    after = _saved(
        run,
        tmp_path / "after.json",
        "frederiksberg-2019",
        "--data",
        str(data),
        "--goals",
        str(goals),
    )
    doc = json.loads(run("diff", str(before), str(after), "--results", "--format", "json").stdout)
    changes = {g["id"]: g for g in doc["goals"]}
    assert (changes["D"]["status_changed"], changes["D"]["causes"]) == (True, ["data"])
    assert (changes["F"]["status_changed"], changes["F"]["causes"]) == (True, ["goal"])
    fields = sorted(changes["F"]["fields"], key=lambda field: field["name"])
    assert fields == [
        {"name": "cluster", "old": "frederiksberg-saerlige-vilkaar", "new": None},
        {"name": "rule", "old": "cluster_mean", "new": "threshold"},
        {"name": "strict", "old": True, "new": None},
        {"name": "target", "old": None, "new": 25},
    ]
    assert changes["A"]["causes"] is None and not changes["A"]["status_changed"]


def test_a_value_that_moved_is_never_called_unchanged(run: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    args = ("frederiksberg-2019", "--data", str(data))
    before = _saved(run, tmp_path / "before.json", *args)
    # goal A's 10,4 is revised to 9,9: still under the cluster's 11,8, still met
    ptv = data / "PTV_A02.csv"
    old_row = "Frederiksberg;2018M06;Ydelsesgrupper i alt;Køn i alt;7423;10,4"
    new_row = "Frederiksberg;2018M06;Ydelsesgrupper i alt;Køn i alt;7066;9,9"
    ptv.write_text(ptv.read_text(encoding="utf-8").replace(old_row, new_row), encoding="utf-8")
    after = _saved(run, tmp_path / "after.json", *args)
    result = run("diff", str(before), str(after), "--results", "--format", "json")
    doc = json.loads(result.stdout)
    changes = {g["id"]: g["change"] for g in doc["goals"]}
    assert changes["A"] == "moved" and changes["B"] == "unchanged"
    assert (doc["summary"]["moved"], doc["summary"]["unchanged"]) == (1, 7)
    table = run("diff", str(before), str(after), "--results").stdout
    assert "1 med nye tal, 7 uændret" in table


def test_results_diff_refuses_other_json(run: Any, tmp_path: Path) -> None:
    other = write(tmp_path / "x.json", '{"a": 1}')
    result = run("diff", str(other), str(other), "--results")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{other}: not a saved evaluation")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["goals"][0].pop("status"), "goals.0.status: Field required"),
        (
            lambda d: d["goals"][1].update(rank="first"),
            "goals.1.rank: Input should be a valid integer",
        ),
        (
            lambda d: d["goals"][2].update(title="x\u001b[2J"),
            "goals.2.title: Value error, the text holds a control character (\\x1b)",
        ),
        (lambda d: d.update(goals="none"), "goals: Input should be a valid list"),
    ],
)
def test_results_diff_refuses_a_damaged_saved_evaluation(
    run: Any, tmp_path: Path, change: Any, message: str
) -> None:
    saved = run("evaluate", "frederiksberg-2019", "--format", "json").stdout
    (tmp_path / "a.json").write_text(saved, encoding="utf-8")
    damaged = json.loads(saved)
    change(damaged)
    (tmp_path / "b.json").write_text(json.dumps(damaged), encoding="utf-8")
    result = run("diff", "--results", str(tmp_path / "a.json"), str(tmp_path / "b.json"))
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr and "Traceback" not in result.output


def test_results_diff_refuses_deep_nesting(run: Any, tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text(
        '{"schema_version": 1, "goals": ' + "[" * 100_000 + "]" * 100_000 + "}", "utf-8"
    )
    result = run("diff", "--results", str(deep), str(deep))
    assert result.exit_code == 2 and "nested too deeply" in result.stderr
