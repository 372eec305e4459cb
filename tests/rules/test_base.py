"""What every rule shares: one comparison with one reference, and re-aiming at the national level."""

from __future__ import annotations

from decimal import Decimal

from beskplan.core.periods import parse_period
from beskplan.extracts.reading import Reading
from beskplan.rules import RULES
from beskplan.rules.base import (
    Requirement,
    baseline_problems,
    compared,
    own_missing,
    to_national,
    with_cluster,
)
from beskplan.rules.outcome import Msg, Status

NOW = parse_period("2018M06")


def test_compared_with_a_margin() -> None:
    own = Reading("Frederiksberg", Decimal("1.0"), NOW)
    outcome = compared(
        own,
        Decimal("2.0"),
        Msg("ref.national"),
        "lower",
        missing=Msg("no_reference"),
        margin=Decimal("1.0"),
    )
    assert (outcome.status, outcome.gap) == (Status.MET, Decimal("-1.0"))
    assert outcome.reason.args == {
        "gap": Decimal("-1.0"),
        "strict": False,
        "margin": Decimal("1.0"),
    }


def test_compared_without_a_reference_is_no_data_with_its_reason() -> None:
    own = Reading("Frederiksberg", Decimal("1.0"), NOW)
    outcome = compared(own, None, Msg("ref.national"), "lower", missing=Msg("reference_missing"))
    assert (outcome.status, outcome.reason.key, outcome.value) == (
        Status.NO_DATA,
        "reference_missing",
        Decimal("1.0"),
    )


def test_own_missing_keeps_the_token() -> None:
    outcome = own_missing(Reading("Frederiksberg", None, NOW, ".."))
    assert outcome.status is Status.NO_DATA and outcome.reason.args["raw"] == ".."


def test_baseline_problems() -> None:
    assert baseline_problems(parse_period("2018M01"), NOW) == []
    ((key, message),) = baseline_problems(parse_period("2019M01"), NOW)
    assert key == "baseline" and "after the evaluation period 2018M06" in message


def test_re_aiming() -> None:
    national = to_national(Requirement(Decimal("0.5"), True))
    assert (national.rule, national.national_instead) == ("national", True)
    assert RULES["national"].requirement(national.params) == Requirement(Decimal("0.5"), True)
    mean = RULES["cluster_mean"].Params.model_validate({"cluster": "a"})
    own = with_cluster("cluster_mean", mean, "b", Requirement())
    assert own.params == mean.model_copy(update={"cluster": "b"}) and not own.national_instead
