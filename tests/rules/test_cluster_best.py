"""``cluster_best``: its cases as data (tests/rules/cases.py), and what it declares to the rest of
beskplan: what it reads, how it is re-aimed at another municipality, what it requires."""

from __future__ import annotations

from typing import Any

from beskplan.rules import RULES
from beskplan.rules.base import Reads, Requirement
from tests.rules.cases import CLUSTER, rule_tests

RULE = RULES["cluster_best"]


def params(**values: Any) -> Any:
    return RULE.Params.model_validate(values)


test_case, test_improving_the_value_never_unmeets = rule_tests("cluster_best")


def test_it_reads_its_cluster_and_asks_to_be_strictly_ahead() -> None:
    given = params(cluster=CLUSTER)
    assert RULE.reads(given) == Reads(cluster=CLUSTER)
    assert RULE.requirement(given) == Requirement(strict=True)
    own = RULE.retarget(given, ["Gentofte", "Lyngby-Taarbæk"])
    assert own is not None and RULE.reads(own.params).cluster == ["Gentofte", "Lyngby-Taarbæk"]


def test_it_names_the_leader() -> None:
    from tests.rules.cases import HOME, FakeView, figures

    view = FakeView(figures({HOME: "2.0", "A": "1.9", "B": "2.5"}), better="lower")
    outcome = RULE.evaluate(params(cluster=[HOME, "A", "B"]), view)
    assert outcome.reference_label is not None
    assert outcome.reference_label.args["area"] == "A"
    assert outcome.of == 3
