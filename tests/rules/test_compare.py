"""The comparisons every rule shares, in exact decimals."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from beskplan.rules import compare


@pytest.mark.parametrize(
    ("value", "reference", "better", "strict", "margin", "met"),
    [
        (D("2.0"), D("2.0"), "lower", False, D(0), True),  # level counts as at least as good
        (D("2.0"), D("2.0"), "lower", True, D(0), False),  # but not as strictly better
        (D("1.0"), D("2.0"), "lower", False, D("1.0"), True),  # exactly the margin
        (D("1.1"), D("2.0"), "lower", False, D("1.0"), False),
        (D("3.0"), D("2.0"), "higher", True, D(0), True),
        (D("0.3"), D("0.1") + D("0.2"), "lower", True, D(0), False),  # no float trap: equal
    ],
)
def test_meets(value: D, reference: D, better: str, strict: bool, margin: D, met: bool) -> None:
    assert compare.meets(value, reference, better, strict=strict, margin=margin) is met


def test_the_gap_is_how_far_behind() -> None:
    assert compare.behind(D("3.1"), D("2.3"), "lower") == D("0.8")
    assert compare.behind(D("3.1"), D("2.3"), "higher") == D("-0.8")


def test_best_and_mean() -> None:
    assert compare.best([D(3), D(1), D(2)], "lower") == 1
    assert compare.best([D(3), D(1), D(2)], "higher") == 3
    assert compare.mean([D("2.6"), D("2.0"), D("2.5"), D("2.3")]) == D("2.35")
    assert compare.strictly_better(D(1), D(2), "lower") and not compare.strictly_better(
        D(2), D(2), "lower"
    )
