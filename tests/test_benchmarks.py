"""The benchmark scripts keep working (on a small directory; timings are not asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl

from tests.conftest import ROOT

BENCH = ROOT / "benchmarks"


def test_generate_writes_every_table(tmp_path: Path) -> None:
    out = tmp_path / "national"
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "generate.py"),
            str(out),
            "--first-year",
            "2018",
            "--last-year",
            "2018",
            "--municipalities",
            "5",
        ],
        check=True,
        capture_output=True,
    )
    tables = sorted(p.stem for p in out.glob("*.csv"))
    assert len([t for t in tables if t.endswith("A02")]) == 12
    y01 = pl.read_csv(out / "Y01A02.csv", separator=";", infer_schema=False)
    # 12 months x (5 municipalities + Frederiksberg + Hele landet + 8 RAR areas) x 3 x 3 x 3 categories
    assert y01.height == 12 * (5 + 1 + 1 + 8) * 27
    assert (out / "clusters.yaml").exists() and (out / "measures.yaml").exists()


def test_run_prints_every_figure() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--small", "--repeat", "1"],
        check=True,
        capture_output=True,
        text=True,
    )
    for label in (
        "stack import floor",
        "`beskplan --help`",
        "cold (empty cache)",
        "warm (cache)",
        "peak memory",
        "How time grows with the work",
        "`--all-municipalities`, 2 municipalities, warm",
        "`--periods` over 12 months, warm",
    ):
        assert label in result.stdout, label
