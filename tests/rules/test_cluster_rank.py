"""``cluster_rank``: its cases as data (tests/rules/cases.py), and what it declares to the rest of
beskplan: what it reads, how it is re-aimed at another municipality, what it requires."""

from __future__ import annotations

from typing import Any

import pytest

from beskplan.results import Status
from beskplan.rules import RULES
from beskplan.rules.base import Reads, Requirement
from tests.rules.cases import CLUSTER, cases_of, check_case, check_improving_never_unmeets

RULE = RULES["cluster_rank"]


def params(**values: Any) -> Any:
    return RULE.Params.model_validate(values)


@pytest.mark.parametrize(
    ("params", "better", "now", "base", "status", "gap", "rank"), cases_of("cluster_rank")
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
    check_case("cluster_rank", params, better, now, base, status, gap, rank)


def test_improving_the_value_never_unmeets() -> None:
    check_improving_never_unmeets("cluster_rank")


def test_it_reads_its_cluster_and_keeps_its_top_when_re_aimed() -> None:
    given = params(cluster=CLUSTER, top=2)
    assert RULE.reads(given) == Reads(cluster=CLUSTER)
    own = RULE.retarget(given, ["Gentofte", "Gladsaxe"])
    assert own is not None and own.params == params(cluster=["Gentofte", "Gladsaxe"], top=2)
    assert RULE.requirement(given) == Requirement()
