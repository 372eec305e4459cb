"""``beskplan diff`` and ``beskplan check`` as commands: formats, exit codes, warnings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from beskplan.render import formats


@pytest.mark.parametrize("fmt", formats("diff"))
def test_diff_offers_every_format_the_registry_has(run: Any, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"diff.{fmt}"
    result = run(
        "diff", "frederiksberg-2018", "frederiksberg-2019", "--format", fmt, "--output", str(out)
    )
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_size > 0


def test_diff_refuses_a_format_it_has_not(run: Any) -> None:
    result = run("diff", "frederiksberg-2018", "frederiksberg-2019", "--format", "html")
    assert result.exit_code == 2
    assert "'html' is not one of" in result.stderr


def test_check_is_quiet_and_exits_0_on_the_bundled_plans(run: Any) -> None:
    result = run("check", "frederiksberg-2019", "--quiet")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_check_with_a_bad_period_names_the_option(run: Any) -> None:
    result = run("check", "frederiksberg-2019", "--period", "2019M13")
    assert result.exit_code == 2 and result.stderr.startswith("--period: period '2019M13'")


def test_check_counts_in_words_a_reader_expects(run: Any) -> None:
    assert run("check", "frederiksberg-2019").stdout == "1 plan, 8 goals: no problems\n"
