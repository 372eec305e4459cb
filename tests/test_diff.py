"""beskplan diff: plans goal by goal, and saved evaluations with the cause of each change."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, GOALS, write


def test_frederiksberg_2018_to_2019_adds_goal_c(run: Any) -> None:
    """Beskæftigelsesplan 2019, footnote 3: goal C is new; the other goals continue."""
    result = run("diff", "frederiksberg-2018", "frederiksberg-2019", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    changes = {g["id"]: g for g in doc["goals"]}
    assert changes["C"]["change"] == "added"
    for goal_id in "ABDEFGH":
        assert changes[goal_id]["change"] == "changed", goal_id
        names = [f["name"] for f in changes[goal_id]["fields"]]
        assert "rule" not in names and "cluster" not in names
        assert changes[goal_id]["old"]["period"] in ("2017M06", "2017")
        assert changes[goal_id]["new"]["period"] in ("2018M06", "2018")
    # the 2019 plan maps F and G to ministerial goals 6 and 7, which 2018 did not have, and
    # sets every goal's deadline to 2019 (the reconstructed 2018 plan has none)
    assert changes["F"]["fields"] == [
        {"name": "ministermaal", "old": [1], "new": [1, 6, 7]},
        {"name": "deadline", "old": None, "new": 2019},
    ]
    # H flips, read in 2018 instead of 2017: the deadline cannot flip a status, the period can
    assert (changes["H"]["status_changed"], changes["H"]["causes"]) == (True, ["period"])
    assert (changes["B"]["movement"], changes["A"]["movement"]) == ("worse", "better")


def test_the_table_names_each_change_with_its_values_in_the_output_language(
    run: Any, tmp_path: Path
) -> None:
    text = (GOALS / "frederikssund-2024.yaml").read_text(encoding="utf-8")
    changed = text.replace("    margin: 1.0\n", "    margin: 0.5\n", 1)
    assert changed != text
    write(tmp_path / "frederikssund-2024.yaml", changed)
    args = ("diff", str(tmp_path / "frederikssund-2024.yaml"), "frederikssund-2024")
    danish = run(*args).stdout
    row = next(line for line in danish.splitlines() if line.startswith("2a "))
    # Frederikssund 2a, 1,7 against 2,7 (Bilag 1): met with the plan's margin of 1,0, and with
    # 0,5; the margin is the one change
    assert "margin: 0,5 → 1,0" in row and "ændret" in row and "ny status" not in row
    english = run(*args, "--lang", "en").stdout
    assert "margin: 0.5 → 1.0" in english


def test_a_flip_is_a_change_and_counts_for_the_exit_code(run: Any, tmp_path: Path) -> None:
    text = (GOALS / "frederikssund-2024.yaml").read_text(encoding="utf-8")
    write(
        tmp_path / "frederikssund-2024.yaml",
        text.replace("    margin: 1.0\n", "    margin: 1.5\n", 1),
    )
    result = run(
        "diff", "frederikssund-2024", str(tmp_path / "frederikssund-2024.yaml"), "--format", "json"
    )
    goal = next(g for g in json.loads(result.stdout)["goals"] if g["id"] == "2a")
    # 1,7 against 2,7 is 1,0 below: met at a margin of 1,0, unmet at 1,5
    assert (goal["change"], goal["status_changed"], goal["causes"]) == ("changed", True, ["goal"])
    assert goal["fields"] == [{"name": "margin", "old": 1.0, "new": 1.5}]
    # the same evaluation at two periods: a flip with the period as its cause
    before = _saved(run, tmp_path / "a.json", "frederiksberg-2018")
    after = _saved(run, tmp_path / "b.json", "frederiksberg-2018", "--period", "2018M06")
    compared = run("diff", "--results", str(before), str(after), "--format", "json")
    flips = [g for g in json.loads(compared.stdout)["goals"] if g["status_changed"]]
    assert flips and all(g["change"] == "flipped" for g in flips)
    assert all(g["causes"] == ["period"] for g in flips)
    assert run("diff", "--results", str(before), str(after), "--exit-code").exit_code == 1
    assert run("diff", "--results", str(before), str(before), "--exit-code").exit_code == 0


def test_exit_code(run: Any) -> None:
    assert run("diff", "frederiksberg-2018", "frederiksberg-2019", "--exit-code").exit_code == 1
    assert run("diff", "frederiksberg-2019", "frederiksberg-2019", "--exit-code").exit_code == 0
    assert run("diff", "frederiksberg-2019", "nonexistent-plan", "--exit-code").exit_code == 2


def test_both_at_one_period(run: Any) -> None:
    doc = json.loads(
        run(
            "diff",
            "frederiksberg-2018",
            "frederiksberg-2019",
            "--period",
            "2018M06",
            "--format",
            "json",
        ).stdout
    )
    assert doc["old"]["period"] == doc["new"]["period"] == "2018M06"
    a = next(g for g in doc["goals"] if g["id"] == "A")
    assert a["old"]["value"] == a["new"]["value"] == 10.4


def test_a_changed_id_is_named_not_guessed(run: Any, tmp_path: Path) -> None:
    text = (GOALS / "frederiksberg-2019.yaml").read_text(encoding="utf-8")
    write(tmp_path / "frederiksberg-2019.yaml", text.replace("  - id: D\n", "  - id: D2\n"))
    doc = json.loads(
        run(
            "diff",
            "frederiksberg-2019",
            str(tmp_path / "frederiksberg-2019.yaml"),
            "--format",
            "json",
        ).stdout
    )
    changes = {g["id"]: g for g in doc["goals"]}
    assert (changes["D"]["change"], changes["D"]["maybe_renamed"]) == ("removed", "D2")
    assert (changes["D2"]["change"], changes["D2"]["maybe_renamed"]) == ("added", "D")


def _saved(run: Any, path: Path, *args: str) -> Path:
    result = run("evaluate", *args, "--format", "json", "--output", str(path))
    assert result.exit_code == 0, result.stderr
    return path


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
    # and the plan's goal F is loosened to "at least as good as" with a margin it meets
    plan = goals / "frederiksberg-2019.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "cluster: frederiksberg-saerlige-vilkaar\n    strict: true\n\n  - id: G",
            "cluster: frederiksberg-saerlige-vilkaar\n    margin: -10\n\n  - id: G",
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
    assert changes["F"]["fields"] == [
        {"name": "margin", "old": None, "new": -10},
        {"name": "strict", "old": True, "new": None},
    ]
    assert changes["A"]["causes"] is None and not changes["A"]["status_changed"]


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
