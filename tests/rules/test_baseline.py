"""``baseline``: its cases as data (tests/rules/cases.py), and what it declares to the rest of
beskplan: what it reads, how it is re-aimed at another municipality, what it requires."""

from __future__ import annotations

from typing import Any

from beskplan.core.periods import parse_period
from beskplan.rules import RULES
from beskplan.rules.base import Reads, Requirement
from tests.rules.cases import rule_tests

RULE = RULES["baseline"]


def params(**values: Any) -> Any:
    return RULE.Params.model_validate(values)


test_case, test_improving_the_value_never_unmeets = rule_tests("baseline")


def test_it_reads_its_baseline_and_follows_each_municipality() -> None:
    given = params(baseline="2020M02")
    assert RULE.reads(given) == Reads(periods=(parse_period("2020M02"),))
    assert RULE.retarget(given, ["Gentofte"]) is None
    assert RULE.requirement(given) == Requirement()
    assert [key for key, _ in RULE.problems(given, parse_period("2020M01"))] == ["baseline"]
