"""What evaluation reads from: the extracts and the catalogues, and the columns a measure reads."""

from __future__ import annotations

from pathlib import Path

from beskplan.evaluation.context import Context, columns
from beskplan.plan.catalogue import ColumnSpec, SumSpec
from tests.conftest import DATA


def test_a_sum_reads_its_parts_in_order() -> None:
    a, b, c = ColumnSpec("T", "a"), ColumnSpec("U", "b"), ColumnSpec("T", "c")
    assert columns(a) == [a]
    assert columns(SumSpec((a, SumSpec((b, c))))) == [a, b, c]


def test_the_catalogues_are_sources_once_read(tmp_path: Path) -> None:
    context = Context.open(DATA)
    names = [s.path for s in context.sources()]
    assert names[:2] == ["measures.yaml", "clusters.yaml"]
    empty = tmp_path / "data"
    empty.mkdir()
    assert Context.open(empty).sources() == ()  # no catalogue files, no extracts read yet
