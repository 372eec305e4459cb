from __future__ import annotations

from decimal import Decimal

import pytest

from beskplan.wording import number


@pytest.mark.parametrize(
    ("value", "da", "en"),
    [
        (Decimal("10.4"), "10,4", "10.4"),
        (Decimal("1.00"), "1,00", "1.00"),  # published decimals kept
        (Decimal(7423), "7.423", "7,423"),
        (Decimal(1) / Decimal(3), "0,33", "0.33"),  # computed figures to two decimals
        (Decimal("-0.0"), "0,0", "0.0"),
    ],
)
def test_number(value: Decimal, da: str, en: str) -> None:
    assert number(value, "da") == da
    assert number(value, "en") == en


def test_signed() -> None:
    assert number(Decimal("0.8"), "da", signed=True) == "+0,8"
    assert number(Decimal("-1.4"), "da", signed=True) == "-1,4"
