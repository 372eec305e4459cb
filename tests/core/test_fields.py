"""The value types of every file: numbers exactly as written, periods parsed, text kept."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from beskplan.core.fields import Number, PeriodValue, Text
from beskplan.core.periods import parse_period


class Holder(BaseModel):
    number: Number | None = None
    period: PeriodValue | None = None
    text: Text | None = None


@pytest.mark.parametrize(
    ("value", "expected"), [(1.0, Decimal("1.0")), (0.1, Decimal("0.1")), (2, Decimal(2))]
)
def test_numbers_exactly_as_written(value: Any, expected: Decimal) -> None:
    found = Holder(number=value).number
    assert found == expected and str(found) == str(expected)  # 1.0 keeps its decimal


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1,5", "decimal comma; write the number as 1.5"),
        ("5", "without quotes"),
        (True, "got true"),
    ],
)
def test_numbers_refused(value: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Holder(number=value)


def test_periods_and_text() -> None:
    assert Holder(period="2024Y01").period == parse_period("2024")
    assert Holder(period=2019).period == parse_period("2019")
    assert Holder(text=7).text == "7"
    with pytest.raises(ValidationError):
        Holder(text="")
