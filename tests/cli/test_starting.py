"""``beskplan init``, and the commands inside the project it makes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


def test_init_then_the_commands_use_the_project(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = run("init", str(tmp_path / "p"))
    assert made.exit_code == 0, made.stderr
    assert made.stdout.splitlines()[-2:] == [
        f"next: cd {tmp_path / 'p' / 'eksempel'} && beskplan evaluate eksempel-2026   "
        "(the example)",
        f"      your plans go in {tmp_path / 'p' / 'goals'}, their extracts in "
        f"{tmp_path / 'p' / 'data'}",
    ]
    monkeypatch.chdir(tmp_path / "p" / "eksempel" / "data")  # any folder inside the example
    listed = run("plans", "--format", "json")
    assert [p["plan"] for p in json.loads(listed.stdout)] == ["eksempel-2026"]
    bundled = run("plans", "--bundled", "--format", "json")
    assert "frederiksberg-2019" in [p["plan"] for p in json.loads(bundled.stdout)]
    evaluated = run("evaluate", "eksempel-2026", "--format", "json")
    assert evaluated.exit_code == 0, evaluated.stderr
    assert json.loads(evaluated.stdout)["municipality"] == "Roskilde"
    assert run("check").exit_code == 0
    # a bundled plan is not in the project: the message names the project file that chose
    missing = run("evaluate", "frederiksberg-2019")
    assert missing.exit_code == 2
    assert f"(chosen by {(tmp_path / 'p').resolve() / 'eksempel' / 'beskplan.toml'})" in (
        missing.stderr
    )
    # the project's own folder holds no plan yet, and says so
    monkeypatch.chdir(tmp_path / "p")
    assert json.loads(run("plans", "--format", "json").stdout) == []
    assert run("check").exit_code == 0


def test_the_project_file_sets_the_language_and_the_flag_wins(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("init", str(tmp_path))
    monkeypatch.chdir(tmp_path / "eksempel")
    (tmp_path / "eksempel" / "beskplan.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert "1 met, 2 unmet" in run("evaluate", "eksempel-2026").stdout
    assert "1 opfyldt, 2 ikke opfyldt" in run("evaluate", "eksempel-2026", "--lang", "da").stdout


def test_the_environment_wins_over_the_file_and_a_missing_folder_says_who_chose_it(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("init", str(tmp_path))
    monkeypatch.chdir(tmp_path / "eksempel")
    monkeypatch.setenv("BESKPLAN_DATA", str(tmp_path / "elsewhere"))
    result = run("evaluate", "eksempel-2026")
    assert result.exit_code == 2
    assert result.stderr == (
        f"{tmp_path / 'elsewhere'}: the data directory does not exist (chosen by "
        "BESKPLAN_DATA); point BESKPLAN_DATA at a folder of extracts\n"
    )


def test_init_refuses_to_overwrite(run: Any, tmp_path: Path) -> None:
    assert run("init", str(tmp_path)).exit_code == 0
    again = run("init", str(tmp_path))
    assert again.exit_code == 2
    assert "is there already; init writes nothing over existing files" in again.stderr
