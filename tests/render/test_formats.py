"""Every output format of evaluate and diff, against golden files (width 120, no colour).

Regenerate after a deliberate change with ``pytest --update-golden`` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

FORMATS = {"table": "txt", "json": "json", "csv": "csv", "markdown": "md", "junit": "xml"}


def _stable(text: str) -> str:
    """File times differ between checkouts: mask them."""
    return re.sub(r'"modified": "[^"]*"', '"modified": "<mtime>"', text)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_evaluate_formats(
    run: Any, golden: Callable[[str, str], None], tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "report"
    result = run("evaluate", "frederiksberg-2019", "--format", fmt, "--output", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    golden(f"evaluate-frederiksberg-2019.{FORMATS[fmt]}", _stable(out.read_text(encoding="utf-8")))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_diff_formats(
    run: Any, golden: Callable[[str, str], None], tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "diff"
    result = run(
        "diff", "frederiksberg-2018", "frederiksberg-2019", "--format", fmt, "--output", str(out)
    )
    assert result.exit_code == 0, result.stderr
    golden(f"diff-frederiksberg-2018-2019.{FORMATS[fmt]}", out.read_text(encoding="utf-8"))


def test_evaluate_with_compare(run: Any, golden: Callable[[str, str], None]) -> None:
    result = run("evaluate", "frederiksberg-2019", "--compare", "2017M06", "--format", "markdown")
    assert result.exit_code == 0
    golden("evaluate-frederiksberg-2019-compare-2017M06.md", result.stdout)
    doc = json.loads(
        run("evaluate", "frederiksberg-2019", "--compare", "2017M06", "--format", "json").stdout
    )
    assert doc["compare_period"] == "2017M06"
    h = next(g for g in doc["goals"] if g["id"] == "H")
    assert (h["compare"]["status"], h["status"]) == (
        "unmet",
        "met",
    )  # moved since the earlier period


def test_junit_parses_and_counts(run: Any) -> None:
    root = ET.fromstring(run("evaluate", "frederiksberg-2019", "--format", "junit").stdout)
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("8", "2", "0")
    failed = [c.get("name") for c in suite.iter("testcase") if c.find("failure") is not None]
    assert failed == ["D: A-dagpenge", "F: Fleksjobledighed"]
    sund = ET.fromstring(run("evaluate", "frederikssund-2024", "--format", "junit").stdout)
    assert sund.get("skipped") == "1" and sund.get("failures") == "3"


def test_csv_values_are_numbers(run: Any) -> None:
    rows = list(
        csv.DictReader(io.StringIO(run("evaluate", "frederiksberg-2019", "--format", "csv").stdout))
    )
    d = next(r for r in rows if r["id"] == "D")
    assert (d["value"], d["reference"], d["gap"], d["status"]) == ("3.1", "2.3", "0.8", "unmet")


def test_csv_never_carries_a_formula(run: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data).mkdir()
    (data / "own.csv").write_text(
        "Område;Periode;Andel (pct.)\nA;2020;1,0\nHele landet;2020;2,0\n", encoding="utf-8"
    )
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "plan: p\ntitle: '=HYPERLINK(\"http://x\")'\nmunicipality: A\nperiod: 2020\ngoals:\n"
        "  - id: '@SUM(1)'\n    title: '+cmd|calc'\n    name: '-2+3'\n"
        "    measure: {table: own, column: Andel (pct.)}\n    better: lower\n    rule: national\n",
        encoding="utf-8",
    )
    result = run("evaluate", str(plan), "--data", str(data), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert (row["id"], row["title"], row["name"]) == ("'@SUM(1)", "'+cmd|calc", "'-2+3")
    assert row["gap"] == "-1.0"  # a negative number stays a number
    text_cells = [v for k, v in row.items() if k not in ("value", "reference", "gap", "rank", "of")]
    assert not any(v.startswith(("=", "+", "-", "@")) for v in text_cells)


def test_markdown_escapes_text_from_goal_files(run: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "own.csv").write_text(
        "Område;Periode;Andel (pct.)\nA;2020;1,0\nHele landet;2020;2,0\n", encoding="utf-8"
    )
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "plan: p\ntitle: t\nmunicipality: A\nperiod: 2020\ngoals:\n"
        "  - id: x\n    title: '<script>alert(1)</script> | *bold*'\n"
        "    measure: {table: own, column: Andel (pct.)}\n    better: lower\n    rule: national\n",
        encoding="utf-8",
    )
    out = run("evaluate", str(plan), "--data", str(data), "--format", "markdown").stdout
    assert "<script>" not in out
    assert r"\<script\>alert(1)\</script\> \| \*bold\*" in out
