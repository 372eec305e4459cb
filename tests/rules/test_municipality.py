"""``municipality``: its cases as data (tests/rules/cases.py), and what it declares to the rest of
beskplan: what it reads, how it is re-aimed at another municipality, what it requires."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from beskplan.results import Status
from beskplan.rules import RULES
from beskplan.rules.base import Reads, Requirement
from tests.rules.cases import cases_of, check_case, check_improving_never_unmeets

RULE = RULES["municipality"]


def params(**values: Any) -> Any:
    return RULE.Params.model_validate(values)


@pytest.mark.parametrize(
    ("params", "better", "now", "base", "status", "gap", "rank"), cases_of("municipality")
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
    check_case("municipality", params, better, now, base, status, gap, rank)


def test_improving_the_value_never_unmeets() -> None:
    check_improving_never_unmeets("municipality")


def test_it_reads_the_named_municipality() -> None:
    given = params(than="Aarhus", margin=Decimal("0.5"))
    assert RULE.reads(given) == Reads(areas=("Aarhus",))
    assert RULE.retarget(given, ["Gentofte"]) is None  # the named municipality stays
    assert RULE.requirement(given) == Requirement(Decimal("0.5"), False)
