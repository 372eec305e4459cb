"""``cluster_rank``: its cases as data (tests/rules/cases.py), and what it declares to the rest of
beskplan: what it reads, how it is re-aimed at another municipality, what it requires."""

from __future__ import annotations

from typing import Any

from beskplan.rules import RULES
from beskplan.rules.base import Reads, Requirement
from tests.rules.cases import CLUSTER, rule_tests

RULE = RULES["cluster_rank"]


def params(**values: Any) -> Any:
    return RULE.Params.model_validate(values)


test_case, test_improving_the_value_never_unmeets = rule_tests("cluster_rank")


def test_it_reads_its_cluster_and_keeps_its_top_when_re_aimed() -> None:
    given = params(cluster=CLUSTER, top=2)
    assert RULE.reads(given) == Reads(cluster=CLUSTER)
    own = RULE.retarget(given, ["Gentofte", "Gladsaxe"])
    assert own is not None and own.params == params(cluster=["Gentofte", "Gladsaxe"], top=2)
    assert RULE.requirement(given) == Requirement()
