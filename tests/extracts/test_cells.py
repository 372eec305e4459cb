"""A cell's figure as published, its missing-value token, and the hint for a number
written the other way."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from beskplan.extracts.cells import format_hint, published, shown, token
from beskplan.extracts.layout import TOKEN_CODES
from tests.conftest import ROOT


def test_the_figure_keeps_its_published_decimals() -> None:
    assert str(published(2.7, 2)) == "2.70"
    assert published(2.7, None) is None  # the row's file has no such column
    assert published(None, TOKEN_CODES[".."]) is None


@pytest.mark.parametrize("raw", ["", "-", ".", "..", "x", "X", "null"])
def test_every_missing_token_comes_back_as_written(raw: str) -> None:
    assert token(TOKEN_CODES[raw]) == raw
    assert published(0.0, TOKEN_CODES[raw]) is None


def test_a_figure_is_shown_with_its_decimals_or_its_token() -> None:
    assert shown(1.5, 1) == "'1.5'"
    assert shown(None, TOKEN_CODES[".."]) == "'..'"
    assert token(0) is None and token(None) is None


def test_the_hint_names_the_other_way_of_writing_numbers() -> None:
    assert "Danish way" in format_hint("1.234,5")
    assert "decimal point" in format_hint("2.5")
    assert format_hint("2,5") == ""
    assert Decimal("2.70") == published(2.7, 2)


def test_a_negative_zero_is_zero_as_in_the_frames() -> None:
    found = published(-0.0, 1)
    assert found == Decimal("0.0") and str(found) == "0.0" and not found.is_signed()


def test_a_negative_zero_is_zero_in_every_output(tmp_path: Any, run: Any) -> None:
    from tests.conftest import write

    goals = (ROOT / "tests/bad_inputs/data-short-row/goals/p.yaml").read_text(encoding="utf-8")
    write(tmp_path / "goals" / "p.yaml", goals)
    write(
        tmp_path / "data" / "T.csv",
        "Område;Periode;Andel (pct.)\nA;2020;-0.0\nHele landet;2020;1.0\n",
    )
    args = ("evaluate", "p", "--goals", str(tmp_path / "goals"), "--data", str(tmp_path / "data"))
    doc = json.loads(run(*args, "--format", "json").stdout)
    assert str(doc["goals"][0]["value"]) == "0.0"
    assert ",0.0,1.0," in run(*args, "--format", "csv").stdout
    assert " 0,0 " in run(*args).stdout
