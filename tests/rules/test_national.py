"""``national``: its cases as data (tests/rules/cases.py), and what it declares to the rest of
beskplan: what it reads, how it is re-aimed at another municipality, what it requires."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from beskplan.results import Status
from beskplan.rules import RULES
from beskplan.rules.base import Reads, Requirement
from tests.rules.cases import cases_of, check_case, check_improving_never_unmeets

RULE = RULES["national"]


def params(**values: Any) -> Any:
    return RULE.Params.model_validate(values)


@pytest.mark.parametrize(
    ("params", "better", "now", "base", "status", "gap", "rank"), cases_of("national")
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
    check_case("national", params, better, now, base, status, gap, rank)


def test_improving_the_value_never_unmeets() -> None:
    check_improving_never_unmeets("national")


def test_it_reads_the_national_level() -> None:
    given = params(margin=Decimal("1.0"))
    assert RULE.reads(given) == Reads(national=True)
    assert RULE.retarget(given, None) is None
    assert RULE.requirement(given) == Requirement(Decimal("1.0"), False)
