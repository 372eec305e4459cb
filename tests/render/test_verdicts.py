"""A verdict in words, from the texts the rules declare."""

from __future__ import annotations

from decimal import Decimal

import pytest

from beskplan.core.periods import parse_period
from beskplan.evaluation.results import GoalResult
from beskplan.render.verdicts import explain, label, say
from beskplan.rules.outcome import Msg, Outcome, Status

NOW = parse_period("2018M06")


def result(outcome: Outcome, better: str = "lower", unit: str = "pct.") -> GoalResult:
    return GoalResult(
        "D", "A-dagpenge", None, "national", better, unit, "m", None, (), NOW, outcome
    )


def compare(gap: str, margin: str = "0", strict: bool = False) -> Outcome:
    return Outcome(
        Status.UNMET,
        Msg("compare", {"gap": Decimal(gap), "strict": strict, "margin": Decimal(margin)}),
        value=Decimal("3.1"),
        reference=Decimal("2.3"),
        reference_label=Msg("ref.national"),
        gap=Decimal(gap),
    )


@pytest.mark.parametrize(
    ("outcome", "da", "en"),
    [
        (
            compare("0.8"),
            "0,8 pct.-point over landsgennemsnittet (2,3); kravet er at ligge på niveau eller under",
            "0.8 percentage points above the national level (2.3); the goal asks to be level or "
            "below",
        ),
        (
            compare("-0.8", margin="1.0"),
            "0,8 pct.-point under landsgennemsnittet (2,3); kravet er mindst 1,0 pct.-point under",
            "0.8 percentage points below the national level (2.3); the goal asks for at least 1.0 percentage points below",
        ),
        (
            compare("0", strict=True),
            "på niveau med landsgennemsnittet (2,3); kravet er at ligge under",
            "level with the national level (2.3); the goal asks to be below",
        ),
        (
            Outcome(Status.NO_DATA, Msg("own_missing", {"area": "Frederiksberg", "raw": ".."})),
            "Frederiksberg: tallet er undertrykt ('..')",
            "Frederiksberg: suppressed ('..')",
        ),
        (
            Outcome(Status.NO_DATA, Msg("own_missing", {"area": "Frederiksberg", "raw": None})),
            "Frederiksberg har intet tal for 2018M06",
            "Frederiksberg has no figure for 2018M06",
        ),
        (
            Outcome(
                Status.NO_DATA,
                Msg("not_evaluable", {"period": NOW, "later": parse_period("2019M01")}),
            ),
            "kan ikke vurderes ved 2018M06: basisperioden 2019M01 ligger senere",
            "cannot be evaluated at 2018M06: the baseline 2019M01 is later",
        ),
    ],
)
def test_explain(outcome: Outcome, da: str, en: str) -> None:
    assert explain(result(outcome), "da") == da
    assert explain(result(outcome), "en") == en


def test_labels_indefinite_and_definite() -> None:
    mean = Msg("ref.cluster_mean", {"n": 5})
    assert label(mean, "da") == "klyngegennemsnit af 5 øvrige"
    assert label(mean, "da", definite=True) == "gennemsnittet af 5 øvrige i klyngen"
    assert label(None, "en") == ""


def test_messages_nest() -> None:
    moved = Msg("shrink.larger", {"amount": Decimal("0.3")})
    assert say(moved, "da") == "øget med 0,3" and say(moved, "en") == "grown by 0.3"


def test_one_percentage_point_is_singular() -> None:
    one = compare("1")
    assert explain(result(one), "en").startswith("1 percentage point above")
    assert explain(result(compare("1.5")), "en").startswith("1.5 percentage points above")
    assert explain(result(one), "da").startswith("1 pct.-point over")
