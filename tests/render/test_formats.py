"""Every output format of evaluate and diff, against golden files (width 120, no colour).

Regenerate after a deliberate change with ``pytest --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

FORMATS = {"table": "txt", "json": "json", "csv": "csv", "markdown": "md", "junit": "xml"}


def _stable(text: str) -> str:
    """File times differ between checkouts: mask them."""
    return re.sub(r'"modified": "[^"]*"', '"modified": "<mtime>"', text)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_evaluate_formats(
    run: Any, golden: Callable[[str, str], None], tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "report"
    result = run("evaluate", "frederiksberg-2019", "--format", fmt, "--output", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    golden(f"evaluate-frederiksberg-2019.{FORMATS[fmt]}", _stable(out.read_text(encoding="utf-8")))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_diff_formats(
    run: Any, golden: Callable[[str, str], None], tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "diff"
    result = run(
        "diff", "frederiksberg-2018", "frederiksberg-2019", "--format", fmt, "--output", str(out)
    )
    assert result.exit_code == 0, result.stderr
    golden(f"diff-frederiksberg-2018-2019.{FORMATS[fmt]}", out.read_text(encoding="utf-8"))


def test_evaluate_with_compare(run: Any, golden: Callable[[str, str], None]) -> None:
    result = run("evaluate", "frederiksberg-2019", "--compare", "2017M06", "--format", "markdown")
    assert result.exit_code == 0
    golden("evaluate-frederiksberg-2019-compare-2017M06.md", result.stdout)
    doc = json.loads(
        run("evaluate", "frederiksberg-2019", "--compare", "2017M06", "--format", "json").stdout
    )
    assert doc["compare_period"] == "2017M06"
    # each goal's "then" is what evaluating at the earlier period gives
    then = run("evaluate", "frederiksberg-2019", "--period", "2017M06", "--format", "json")
    earlier = {g["id"]: g for g in json.loads(then.stdout)["goals"]}
    for goal in doc["goals"]:
        was = earlier[goal["id"]]
        assert goal["compare"]["period"] == was["period"]
        assert (goal["compare"]["value"], goal["compare"]["status"]) == (
            was["value"],
            was["status"],
        )
    h = next(g for g in doc["goals"] if g["id"] == "H")
    assert h["compare"]["period"] == h["period"] == "2018"  # a goal's own period is kept
