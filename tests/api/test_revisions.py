"""``diff`` of a plan's own versions: PLAN@REV from git, and goal files of any name."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from beskplan.api.revisions import split

GIT = shutil.which("git")


def test_plan_at_revision_is_told_from_a_plan_id_and_a_path() -> None:
    assert split("randers-2026@HEAD~1") == ("randers-2026", "HEAD~1")
    assert split("randers-2026.yaml@v2026.1") == ("randers-2026", "v2026.1")
    assert split("randers-2026") is None
    assert split("goals/randers-2026.yaml") is None


def _project(root: Path, run: Any) -> Path:
    """A project made by init, committed, then its example plan's first goal given a margin
    of 0,5; the example's goals folder is two folders below the repository's top."""
    assert run("init", str(root)).exit_code == 0
    git = ["git", "-C", str(root), "-c", "user.email=a@b.dk", "-c", "user.name=A"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "the plan as adopted"], check=True)
    plan = root / "eksempel" / "goals" / "eksempel-2026.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "margin: 1.0" in text
    plan.write_text(text.replace("margin: 1.0", "margin: 0.5", 1), encoding="utf-8")
    return root


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_a_plan_against_its_last_commit(tmp_path: Path, run: Any, monkeypatch: Any) -> None:
    root = _project(tmp_path / "p", run)
    monkeypatch.chdir(root / "eksempel")
    result = run("diff", "eksempel-2026@HEAD", "eksempel-2026", "--format", "json")
    assert result.exit_code == 0, result.stderr
    import json

    goals = {g["id"]: g for g in json.loads(result.stdout)["goals"]}
    assert goals["1"]["change"] == "changed"
    assert goals["1"]["fields"] == [{"name": "margin", "old": 1.0, "new": 0.5}]


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_an_unknown_revision_is_said(tmp_path: Path, run: Any, monkeypatch: Any) -> None:
    root = _project(tmp_path / "p", run)
    monkeypatch.chdir(root / "eksempel")
    result = run("diff", "eksempel-2026@nosuch", "eksempel-2026")
    assert result.exit_code == 2
    assert "cannot read eksempel-2026.yaml at revision 'nosuch': invalid object name" in (
        result.stderr
    )
    assert "Traceback" not in result.output


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_a_goals_folder_outside_a_repository_is_said(tmp_path: Path, run: Any) -> None:
    assert run("init", str(tmp_path / "p")).exit_code == 0
    goals = tmp_path / "p" / "eksempel" / "goals"
    result = run(
        "diff",
        "eksempel-2026@HEAD",
        "eksempel-2026",
        "--goals",
        str(goals),
        "--data",
        str(tmp_path / "p" / "eksempel" / "data"),
    )
    assert result.exit_code == 2
    assert "not a git repository" in result.stderr


def test_an_old_version_saved_under_another_name_is_compared_with_a_note(
    tmp_path: Path, run: Any
) -> None:
    assert run("init", str(tmp_path / "p")).exit_code == 0
    plan = tmp_path / "p" / "eksempel" / "goals" / "eksempel-2026.yaml"
    old = tmp_path / "old.yaml"
    old.write_text(plan.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("diff", str(old), str(plan), "--data", str(tmp_path / "p" / "eksempel" / "data"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"note: {old}: holds the plan 'eksempel-2026', compared as such\n"
    assert "0 ændret" in result.stdout
