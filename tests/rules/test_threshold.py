"""``threshold``: its cases as data (tests/rules/cases.py), and what it declares to the rest of
beskplan: what it reads, how it is re-aimed at another municipality, what it requires."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from beskplan.rules import RULES
from beskplan.rules.base import Reads, Requirement
from tests.rules.cases import rule_tests

RULE = RULES["threshold"]


def params(**values: Any) -> Any:
    return RULE.Params.model_validate(values)


test_case, test_improving_the_value_never_unmeets = rule_tests("threshold")


def test_it_reads_only_the_municipality_and_follows_it_anywhere() -> None:
    given = params(target=5, strict=True)
    assert RULE.reads(given) == Reads()
    assert RULE.retarget(given, ["Gentofte"]) is None
    assert RULE.requirement(given) == Requirement(Decimal(0), True)
