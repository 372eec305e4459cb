"""``threshold``: its cases as data (tests/rules/cases.py), and what it declares to the rest of
beskplan: what it reads, how it is re-aimed at another municipality, what it requires."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from beskplan.results import Status
from beskplan.rules import RULES
from beskplan.rules.base import Reads, Requirement
from tests.rules.cases import cases_of, check_case, check_improving_never_unmeets

RULE = RULES["threshold"]


def params(**values: Any) -> Any:
    return RULE.Params.model_validate(values)


@pytest.mark.parametrize(
    ("params", "better", "now", "base", "status", "gap", "rank"), cases_of("threshold")
)
def test_case(
    params: dict[str, Any],
    better: str,
    now: dict[str, str | None],
    base: dict[str, str | None] | None,
    status: Status,
    gap: str | None,
    rank: int | None,
) -> None:
    check_case("threshold", params, better, now, base, status, gap, rank)


def test_improving_the_value_never_unmeets() -> None:
    check_improving_never_unmeets("threshold")


def test_it_reads_only_the_municipality_and_follows_it_anywhere() -> None:
    given = params(target=5, strict=True)
    assert RULE.reads(given) == Reads()
    assert RULE.retarget(given, ["Gentofte"]) is None
    assert RULE.requirement(given) == Requirement(Decimal(0), True)
