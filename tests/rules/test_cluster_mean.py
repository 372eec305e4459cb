"""``cluster_mean``: its cases as data (tests/rules/cases.py), and what it declares to the rest of
beskplan: what it reads, how it is re-aimed at another municipality, what it requires."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from beskplan.rules import RULES
from beskplan.rules.base import Reads, Requirement
from tests.rules.cases import CLUSTER, rule_tests

RULE = RULES["cluster_mean"]


def params(**values: Any) -> Any:
    return RULE.Params.model_validate(values)


test_case, test_improving_the_value_never_unmeets = rule_tests("cluster_mean")


def test_it_reads_its_cluster_and_takes_the_municipalitys_own() -> None:
    given = params(cluster="frederiksberg-a-dagpenge", strict=True, margin=Decimal("0.2"))
    assert RULE.reads(given) == Reads(cluster="frederiksberg-a-dagpenge")
    own = RULE.retarget(given, "gentofte-a-dagpenge")
    assert own is not None and (own.rule, own.national_instead) == ("cluster_mean", False)
    assert RULE.reads(own.params).cluster == "gentofte-a-dagpenge"


def test_without_a_cluster_it_compares_with_the_national_level_as_strictly() -> None:
    fallback = RULE.retarget(params(cluster=CLUSTER, strict=True, margin=Decimal("0.2")), None)
    assert fallback is not None and (fallback.rule, fallback.national_instead) == ("national", True)
    assert RULES["national"].requirement(fallback.params) == Requirement(Decimal("0.2"), True)
