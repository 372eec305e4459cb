"""A cell's figure as published, its missing-value token, and the hint for a number
written the other way."""

from __future__ import annotations

from decimal import Decimal

import pytest

from beskplan.extracts.cells import format_hint, published, shown, token
from beskplan.extracts.layout import TOKEN_CODES


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
