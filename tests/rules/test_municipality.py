"""``municipality``: its cases as data (tests/rules/cases.py), and what it declares to the rest of
beskplan: what it reads, how it is re-aimed at another municipality, what it requires."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from beskplan.rules import RULES
from beskplan.rules.base import Reads, Requirement
from tests.rules.cases import rule_tests

RULE = RULES["municipality"]


def params(**values: Any) -> Any:
    return RULE.Params.model_validate(values)


test_case, test_improving_the_value_never_unmeets = rule_tests("municipality")


def test_it_reads_the_named_municipality() -> None:
    given = params(than="Aarhus", margin=Decimal("0.5"))
    assert RULE.reads(given) == Reads(areas=("Aarhus",))
    assert RULE.retarget(given, ["Gentofte"]) is None  # the named municipality stays
    assert RULE.requirement(given) == Requirement(Decimal("0.5"), False)
