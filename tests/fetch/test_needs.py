"""A table as a fetch asks for it: its earliest period is where the request starts."""

from __future__ import annotations

from beskplan.core.periods import parse_period
from beskplan.fetch.needs import Need


def test_the_earliest_period_is_the_one_that_starts_first() -> None:
    # a moving year ending in March 2024 starts in April 2023, before a month of 2023M06
    need = Need("Y01A02", periods={parse_period("2023M06"), parse_period("2024QMAT01")})
    assert need.earliest == parse_period("2024QMAT01")
