"""``gap_shrink``: its cases as data (tests/rules/cases.py), and what it declares to the rest of
beskplan: what it reads, how it is re-aimed at another municipality, what it requires."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from beskplan.core.periods import parse_period
from beskplan.rules import RULES
from beskplan.rules.base import Reads
from tests.rules.cases import CLUSTER, rule_tests

RULE = RULES["gap_shrink"]


def params(**values: Any) -> Any:
    return RULE.Params.model_validate(values)


test_case, test_improving_the_value_never_unmeets = rule_tests("gap_shrink")


def test_it_reads_its_reference_and_its_baseline() -> None:
    national = params(against="national", baseline="2023M01", by=Decimal("0.2"))
    assert RULE.reads(national) == Reads(national=True, periods=(parse_period("2023M01"),))
    assert RULE.retarget(national, None) is None
    best = params(against="cluster_best", cluster=CLUSTER, baseline="2016Q02", by_percent=25)
    assert RULE.reads(best) == Reads(cluster=CLUSTER, periods=(parse_period("2016Q02"),))


def test_without_a_cluster_the_gap_is_to_the_national_level() -> None:
    best = params(against="cluster_best", cluster=CLUSTER, baseline="2016Q02", by_percent=25)
    fallback = RULE.retarget(best, None)
    assert fallback is not None and fallback.national_instead
    assert RULE.reads(fallback.params).national


def test_a_baseline_after_the_period_is_a_problem() -> None:
    late = params(against="national", baseline="2024M01", by=Decimal("0.2"))
    assert [key for key, _ in RULE.problems(late, parse_period("2023M08"))] == ["baseline"]
    assert RULE.problems(late, parse_period("2024M02")) == []
