"""A goal's view of the data: a measure's figure for any area, a sum read part by part."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from beskplan.core.periods import parse_period
from beskplan.evaluation.context import Context
from beskplan.evaluation.view import View, members_at
from beskplan.plan.catalogue import ColumnSpec, Measure, SumSpec
from tests.conftest import write

T = "Område;Periode;Andel (pct.);Antal\nA;2020;1,5;10\nB;2020;..;20\nHele landet;2020;2,0;30\n"


def view(folder: Path, spec: ColumnSpec | SumSpec) -> View:
    write(folder / "T.csv", T)
    return View(
        "A",
        parse_period("2020"),
        "lower",
        Measure(spec, "m"),
        Context.open(folder, use_cache=False),
        ["A", "Hele landet"],
    )


def test_a_column(tmp_path: Path) -> None:
    v = view(tmp_path, ColumnSpec("T", "Andel (pct.)"))
    assert v.read("A").value == Decimal("1.5")
    assert v.read("hele landet").value == Decimal("2.0")  # areas matched as names are
    b = v.read("B")
    assert (b.value, b.raw) == (None, "..")  # suppressed, not zero
    assert v.read("C").value is None and v.read("C").raw is None  # no row at all


def test_a_sum_adds_exactly_and_is_missing_when_a_part_is(tmp_path: Path) -> None:
    v = view(tmp_path, SumSpec((ColumnSpec("T", "Andel (pct.)"), ColumnSpec("T", "Antal"))))
    assert v.read("A").value == Decimal("11.5")
    assert v.read("B").value is None and v.read("B").raw == ".."


def test_an_inline_cluster_is_its_members() -> None:
    from beskplan.plan.catalogue import Clusters

    assert members_at(["A", "B"], Clusters(), parse_period("2020")) == ["A", "B"]
