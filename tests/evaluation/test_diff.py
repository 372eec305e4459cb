"""beskplan diff: plans goal by goal, and saved evaluations with the cause of each change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import GOALS, write


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
    before = _saved(run, tmp_path / "a.json", "frederikssund-2024")
    after = _saved(run, tmp_path / "b.json", "frederikssund-2024", "--period", "2023M12")
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
