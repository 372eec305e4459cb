"""``cluster_mean``: its cases as data (tests/rules/cases.py), and what it declares to the rest of
beskplan: what it reads, how it is re-aimed at another municipality, what it requires."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from beskplan.results import Status
from beskplan.rules import RULES
from beskplan.rules.base import Reads, Requirement
from tests.rules.cases import CLUSTER, cases_of, check_case, check_improving_never_unmeets

RULE = RULES["cluster_mean"]


def params(**values: Any) -> Any:
    return RULE.Params.model_validate(values)


@pytest.mark.parametrize(
    ("params", "better", "now", "base", "status", "gap", "rank"), cases_of("cluster_mean")
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
    check_case("cluster_mean", params, better, now, base, status, gap, rank)


def test_improving_the_value_never_unmeets() -> None:
    check_improving_never_unmeets("cluster_mean")


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
