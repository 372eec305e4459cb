"""A batch read from the data: figures as integers of their published decimals, at one
scale, a sum exact and missing where a part is."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from beskplan.core.periods import parse_period
from beskplan.evaluation.context import Context
from beskplan.evaluation.figures import read_batch
from beskplan.plan.catalogue import ColumnSpec, SumSpec
from beskplan.rules import frames
from tests.conftest import write

JUNE = parse_period("2020M06")
CLUSTER = ["A", "B", "C", "D"]
SHARE = ColumnSpec("T", "Andel (pct.)")
COUNT = ColumnSpec("T", "Antal")


def _context(tmp_path: Path, rows: str) -> Context:
    write(tmp_path / "data" / "T.csv", "Område;Periode;Andel (pct.);Antal\n" + rows)
    return Context.open(tmp_path / "data", use_cache=False)


def _batch(context: Context, spec: object, numbers: list[Decimal] | None = None) -> frames.Batch:
    rows = [(name, JUNE, CLUSTER) for name in CLUSTER]
    return read_batch(context, spec, "lower", rows, numbers=numbers or [])  # type: ignore[arg-type]


def test_figures_are_integers_at_one_scale(tmp_path: Path) -> None:
    context = _context(
        tmp_path,
        "A;2020M06;2,7;1\nB;2020M06;2,65;2\nC;2020M06;..;3\nHele landet;2020M06;3;4\n",
    )
    batch = _batch(context, SHARE, [Decimal("0.125")])  # a margin with three decimals
    assert batch.scale == 3
    own = batch.own().collect().sort("row").select("name", "m", "dec", "units", "raw").rows()
    assert own == [
        ("A", 27, 1, 2700, None),
        ("B", 265, 2, 2650, None),
        ("C", None, None, None, ".."),
        ("D", None, None, None, None),  # no row at all
    ]
    national = batch.area("Hele landet").collect().get_column("units").unique().to_list()
    assert national == [3000]


def test_a_sum_is_exact_and_missing_where_a_part_is(tmp_path: Path) -> None:
    """0,1 + 0,2 is 0,3 exactly (as floats it is 0.30000000000000004); a part without a
    figure makes the sum missing, with that part's token."""
    context = _context(tmp_path, "A;2020M06;0,1;0,2\nB;2020M06;0,1;x\n")
    batch = _batch(context, SumSpec((SHARE, COUNT)))
    row = frames.rows(frames.prefixed(batch.own(), "own"), batch)
    a, b = row[0].reading("own"), row[1].reading("own")
    assert (a.value, str(a.value)) == (Decimal("0.3"), "0.3")
    assert (b.value, b.raw) == (None, "x")
