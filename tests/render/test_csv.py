"""CSV for spreadsheets: numbers as numbers, and never a formula from a goal file."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import polars as pl


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


def test_the_excel_dialect_reads_back_to_the_same_numbers(run: Any) -> None:
    plain = run("evaluate", "frederiksberg-2019", "--format", "csv")
    excel = run("evaluate", "frederiksberg-2019", "--format", "csv", "--excel")
    assert excel.exit_code == 0
    raw = excel.stdout_bytes
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw
    # for people: headers and statuses in the output's language, Danish by default
    assert raw.decode("utf-8-sig").splitlines()[0].startswith("Plan;Kommune;Mål;Navn;")
    assert ";10,4;11,8;" in raw.decode("utf-8")  # Frederiksberg's A, as Danish Excel writes it
    a = pl.read_csv(io.StringIO(plain.stdout))
    b = pl.read_csv(io.BytesIO(raw), separator=";", decimal_comma=True)
    assert a["value"].to_list() == b["Værdi"].to_list()
    assert a["distance"].to_list() == b["Til målet"].to_list()
    assert a["explanation"].to_list() == b["Forklaring"].to_list()
    assert b["Status"].to_list()[:4] == ["opfyldt", "opfyldt", "opfyldt", "ikke opfyldt"]
    english = run("evaluate", "frederiksberg-2019", "--format", "csv", "--excel", "--lang", "en")
    assert english.stdout.splitlines()[0].lstrip("\ufeff").startswith("Plan;Municipality;Goal;")


def test_excel_goes_only_with_csv(run: Any) -> None:
    result = run("evaluate", "frederiksberg-2019", "--excel")
    assert result.exit_code == 2
    assert result.stderr == (
        "--excel goes with --format csv (for a workbook, --format xlsx), not table\n"
    )
    diff = run("diff", "frederiksberg-2018", "frederiksberg-2019", "--format", "csv", "--excel")
    assert diff.exit_code == 0 and diff.stdout_bytes.startswith("\ufeff".encode())
