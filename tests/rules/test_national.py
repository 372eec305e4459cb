"""``national``: its cases as data (tests/rules/cases.py), and what it declares to the rest of
beskplan: what it reads, how it is re-aimed at another municipality, what it requires."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from beskplan.rules import RULES
from beskplan.rules.base import Reads, Requirement
from tests.rules.cases import rule_tests

RULE = RULES["national"]


def params(**values: Any) -> Any:
    return RULE.Params.model_validate(values)


test_case, test_improving_the_value_never_unmeets = rule_tests("national")


def test_it_reads_the_national_level() -> None:
    given = params(margin=Decimal("1.0"))
    assert RULE.reads(given) == Reads(national=True)
    assert RULE.retarget(given, None) is None
    assert RULE.requirement(given) == Requirement(Decimal("1.0"), False)
