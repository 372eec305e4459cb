"""The measure catalogue and the clusters: names resolved, sums, versions by date."""

from __future__ import annotations

from pathlib import Path

import pytest

from beskplan.core.errors import InputError, MeasureError, UnknownCluster
from beskplan.core.periods import parse_period
from beskplan.plan.catalogue import ColumnSpec, SumSpec, load_clusters, load_measures
from tests.conftest import write

MEASURES = """measures:
  a: {table: T, column: Andel (pct.), better: lower}
  b: {table: U, column: Andel (pct.), where: {Køn: Kvinder}}
  both: {sum: [a, b], better: lower}
  loop1: {sum: [loop2, a]}
  loop2: {sum: [loop1, a]}
"""
CLUSTERS = """clusters:
  - {name: k, title: K, benefit: Alle, valid_from: 2014-01-01, members: [A, B]}
  - {name: k, title: K, benefit: Alle, valid_from: 2019-01-01, members: [A, C, D]}
"""


def test_names_and_sums_resolve(tmp_path: Path) -> None:
    write(tmp_path / "measures.yaml", MEASURES)
    measures = load_measures(tmp_path)
    a = measures.resolve("a")
    assert (a.spec, a.better, a.unit) == (ColumnSpec("T", "Andel (pct.)"), "lower", "pct.")
    both = measures.resolve("both").spec
    assert isinstance(both, SumSpec)
    assert both.parts[1] == ColumnSpec("U", "Andel (pct.)", (("Køn", "Kvinder"),))
    with pytest.raises(MeasureError, match="in a circle"):
        measures.resolve("loop1")
    with pytest.raises(MeasureError, match="did you mean 'both'"):
        measures.resolve("bothh")


def test_cluster_versions_by_date(tmp_path: Path) -> None:
    write(tmp_path / "clusters.yaml", CLUSTERS)
    clusters = load_clusters(tmp_path)
    assert clusters.members("k", parse_period("2018M06")) == ["A", "B"]
    assert clusters.members("k", parse_period("2019M01")) == ["A", "C", "D"]
    with pytest.raises(MeasureError, match="no member list valid at the end of 2013M06"):
        clusters.members("k", parse_period("2013M06"))
    # a list applies by the period's end: the moving year ending in March 2014 began in
    # April 2013, before the first list, and is read with it; so is 2013 at its last month
    assert clusters.members("k", parse_period("2014QMAT01")) == ["A", "B"]
    assert clusters.members("k", parse_period("2018QMAT04")) == ["A", "B"]
    assert clusters.members("k", parse_period("2019QMAT01")) == ["A", "C", "D"]
    with pytest.raises(MeasureError, match="end of 2013QMAT04"):
        clusters.members("k", parse_period("2013QMAT04"))
    with pytest.raises(UnknownCluster):
        clusters.members("x", parse_period("2018M06"))


def test_no_catalogue_files_is_an_empty_catalogue(tmp_path: Path) -> None:
    assert load_clusters(tmp_path).versions == {}
    with pytest.raises(MeasureError):
        load_measures(tmp_path).resolve("a")


def test_a_broken_catalogue_is_placed(tmp_path: Path) -> None:
    write(tmp_path / "measures.yaml", "measures:\n  a: {table: T}\n")
    with pytest.raises(InputError, match=r"measures.yaml:2:\d+: .*needs table and column, or sum"):
        load_measures(tmp_path)
