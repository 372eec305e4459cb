"""Writing reports: atomic files, quiet runs, no colour codes off a terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from beskplan import output


def test_output_replaces_the_file(run: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")
    assert (
        run("evaluate", "frederiksberg-2019", "--format", "json", "--output", str(out)).exit_code
        == 0
    )
    assert out.read_text(encoding="utf-8").startswith("{")
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_failed_run_leaves_the_old_report(run: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")
    result = run("evaluate", "frederiksberg-2019", "--period", "2018M13", "--output", str(out))
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "old"


def test_an_interrupted_write_leaves_the_old_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.md"
    out.write_text("old", encoding="utf-8")

    def crash(self: Path, target: Path) -> Path:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(out, "new report")
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temporary file left


def test_output_to_a_missing_folder_is_an_input_error(run: Any, tmp_path: Path) -> None:
    result = run("evaluate", "frederiksberg-2019", "--output", str(tmp_path / "no" / "r.txt"))
    assert result.exit_code == 2
    assert "--output: the folder does not exist" in result.stderr


def test_quiet_prints_nothing_and_keeps_the_exit_code(run: Any) -> None:
    result = run("evaluate", "frederiksberg-2019", "--quiet", "--strict")
    assert (result.exit_code, result.stdout) == (1, "")


def test_no_colour_codes(run: Any) -> None:
    for args in (["--no-color"], []):
        result = run("evaluate", "frederiksberg-2019", *args)
        assert "\x1b[" not in result.stdout


def test_colour_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert output.console().no_color is False
    assert output.console(no_color=True).no_color is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert output.console().no_color is True
