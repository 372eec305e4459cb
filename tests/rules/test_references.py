"""References: the others of a cluster (the municipality left out), the national level, ranks."""

from __future__ import annotations

from decimal import Decimal

from beskplan.render.verdicts import say
from beskplan.rules import references
from tests.rules.cases import HOME, FakeView, figures

CLUSTER = [HOME, "A", "B", "C"]


def test_the_cluster_mean_leaves_the_municipality_and_missing_members_out() -> None:
    view = FakeView(figures({HOME: "9.0", "A": "1.9", "B": None, "C": "2.1"}))
    ref = references.cluster_mean(view, CLUSTER)
    assert ref.value == Decimal("2.0")  # (1,9 + 2,1) / 2; Frederiksberg's 9,0 is not in it
    assert ref.label.args == {"n": 2}
    (note,) = ref.notes
    assert say(note, "da") == "uden tal og udeladt: B ('..')"
    assert say(note, "en") == "left out, no figure: B ('..')"


def test_the_best_other_is_named() -> None:
    view = FakeView(figures({HOME: "1.0", "A": "1.9", "B": "1.5", "C": "2.1"}), better="lower")
    ref = references.cluster_best(view, CLUSTER)
    assert (ref.value, ref.label.args["area"]) == (Decimal("1.5"), "B")


def test_rank_counts_only_those_strictly_better() -> None:
    view = FakeView(figures({HOME: "1.5", "A": "1.5", "B": "1.0", "C": None}), better="lower")
    others = [r for r in references.others(view, CLUSTER, None) if r.value is not None]
    assert references.rank(Decimal("1.5"), others, "lower") == (2, 3)  # a tie shares the place


def test_the_national_level() -> None:
    ref = references.national(FakeView(figures({"Hele landet": "2.7"})))
    assert ref.value == Decimal("2.7") and ref.label.key == "ref.national"
