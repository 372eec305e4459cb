"""The report's goal × quarter table, the --periods workbook's goal × period sheet, and the
chart of a goal with no figure at the period."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from tests.conftest import write

PLAN = """plan: p
title: P
municipality: A
period: 2025M06
goals:
  - id: M
    title: Månedlig
    measure: {table: T, column: Andel (pct.)}
    better: lower
    rule: national
  - id: Y
    title: Årlig
    measure: {table: Y, column: Andel (pct.)}
    better: lower
    rule: national
"""


def _month(m: int) -> str:
    return f"{2023 + (m - 1) // 12}M{(m - 1) % 12 + 1:02d}"


def _tables(folder: Path) -> None:
    """T, monthly from January 2023 to June 2025 (30 months, ten quarters): A at m/10 in
    its m-th month, the country at 1,5 throughout, so that A meets the goal (lower than
    the country, or level: the goal is not strict) up to month 15 and misses it from month
    16. Y, yearly 2022-2024: A at
    2,0, 1,0 and 3,0 against the country's 1,5."""
    rows = "".join(
        f"A;{_month(m)};{m / 10:.1f}\nHele landet;{_month(m)};1,5\n" for m in range(1, 31)
    )
    write(folder / "T.csv", "Område;Periode;Andel (pct.)\n" + rows.replace(".", ","))
    yearly = "".join(
        f"A;{y};{v}\nHele landet;{y};1,5\n"
        for y, v in ((2022, "2,0"), (2023, "1,0"), (2024, "3,0"))
    )
    write(folder / "Y.csv", "Område;Periode;Andel (pct.)\n" + yearly)


def _project(tmp_path: Path) -> tuple[str, ...]:
    write(tmp_path / "goals" / "p.yaml", PLAN)
    _tables(tmp_path / "data")
    return ("--goals", str(tmp_path / "goals"), "--data", str(tmp_path / "data"))


def test_the_last_eight_quarters_with_figures(tmp_path: Path, run: Any) -> None:
    args = _project(tmp_path)
    out = tmp_path / "r.md"
    result = run("report", "p", *args, "--format", "markdown", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    table = text.split("**Kvartal for kvartal**")[1].split("Værdi, i parentes")[0]
    head, _, monthly, yearly = [line for line in table.splitlines() if line.startswith("|")]
    # ten quarters have figures (1. kvt. 2023 to 2. kvt. 2025); the last eight are shown
    quarters = [f"{q}. kvt. 2023" for q in (3, 4)] + [f"{q}. kvt. 2024" for q in (1, 2, 3, 4)]
    assert head == "| Mål | " + " | ".join([*quarters, "1. kvt. 2025", "2. kvt. 2025"]) + " |"
    # each quarter at its last month: months 9, 12, ..., 30, so 0,9 to 3,0
    cells = monthly.strip("| ").split(" | ")[1:]
    assert cells[0] == "✅ 0,9 (1,5) opfyldt"
    assert cells[1] == "✅ 1,2 (1,5) opfyldt"
    assert cells[2] == "✅ 1,5 (1,5) opfyldt"  # month 15: level with the country
    assert cells[3] == "❌ 1,8 (1,5) ikke opfyldt"
    assert cells[-1] == "❌ 3,0 (1,5) ikke opfyldt"
    # the yearly goal at the fourth quarter of each year, nothing at the others
    ycells = yearly.strip("| ").split(" | ")[1:]
    assert ycells[1] == "✅ 1,0 (1,5) opfyldt" and ycells[5] == "❌ 3,0 (1,5) ikke opfyldt"
    assert [c for i, c in enumerate(ycells) if i not in (1, 5)] == ["-"] * 6


def test_history_sets_the_number_of_quarters(tmp_path: Path, run: Any) -> None:
    args = _project(tmp_path)
    out = tmp_path / "r.html"
    assert run("report", "p", *args, "--history", "3", "--output", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    table = html.split('<table class="quarters">')[1].split("</table>")[0]
    assert table.count("<th>") == 4  # the goal and three quarters
    assert "<th>4. kvt.<br>2024</th><th>1. kvt.<br>2025</th><th>2. kvt.<br>2025</th>" in table
    assert run("report", "p", *args, "--history", "0", "--output", str(out)).exit_code == 0
    assert '<table class="quarters">' not in out.read_text(encoding="utf-8")


def test_the_report_workbook_has_the_quarters_as_a_sheet(tmp_path: Path, run: Any) -> None:
    args = _project(tmp_path)
    out = tmp_path / "r.xlsx"
    result = run("report", "p", *args, "--format", "xlsx", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    sheets = pl.read_excel(out, sheet_id=0)
    assert list(sheets) == ["Mål", "Kvartaler", "Plan", "Kilder"]
    quarters = sheets["Kvartaler"]
    assert quarters.columns[:5] == [
        "Mål",
        "Titel",
        "3. kvt. 2023: værdi",
        "3. kvt. 2023: reference",
        "3. kvt. 2023: status",
    ]
    row = quarters.row(0, named=True)
    assert row["2. kvt. 2025: værdi"] == 3.0 and row["2. kvt. 2025: status"] == "ikke opfyldt"
    assert row["3. kvt. 2023: værdi"] == 0.9


def test_the_periods_workbook_has_a_goal_by_period_sheet(tmp_path: Path, run: Any) -> None:
    args = _project(tmp_path)
    out = tmp_path / "t.xlsx"
    result = run(
        "evaluate",
        "p",
        *args,
        "--periods",
        "2025M01..2025M03",
        "--format",
        "xlsx",
        "--output",
        str(out),
    )
    assert result.exit_code == 0, result.stderr
    sheets = pl.read_excel(out, sheet_id=0)
    assert list(sheets) == ["Forløb", "Mål og perioder", "Kilder"]
    wide = sheets["Mål og perioder"]
    assert wide.height == 2  # a row per goal, beside the long sheet's row per goal and period
    row = wide.row(0, named=True)
    # months 25, 26 and 27: 2,5, 2,6 and 2,7
    assert [row[f"{m} 2025: værdi"] for m in ("januar", "februar", "marts")] == [2.5, 2.6, 2.7]


def test_a_goal_with_no_figure_at_the_period_still_gets_its_chart(tmp_path: Path, run: Any) -> None:
    args = _project(tmp_path)
    data = tmp_path / "data" / "T.csv"
    data.write_text(
        data.read_text(encoding="utf-8").replace("A;2025M06;3,0\n", ""), encoding="utf-8"
    )
    out = tmp_path / "r.html"
    assert run("report", "p", *args, "--output", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    monthly = html.split('id="goal-M"')[1].split("</section>")[0]
    assert "ingen data" in monthly
    assert 'id="beskplan-value"' in monthly  # its history, up to May 2025
    assert 'id="beskplan-missing"' in monthly and "intet tal for jun. 2025" in monthly


def test_a_column_empty_for_every_goal_is_not_shown(tmp_path: Path, run: Any) -> None:
    """Neither goal has a figure at June 2025 (the yearly table has no period that ends
    there, and the monthly figure is taken out): the overview has no column of "-"."""
    args = _project(tmp_path)
    data = tmp_path / "data" / "T.csv"
    data.write_text(
        data.read_text(encoding="utf-8").replace("A;2025M06;3,0\n", ""), encoding="utf-8"
    )
    out = tmp_path / "r.md"
    assert run("report", "p", *args, "--format", "markdown", "--output", str(out)).exit_code == 0
    heading = next(
        line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("| Mål |")
    )
    assert heading == "| Mål | Titel | Status |"


def test_a_goal_whose_table_has_no_period_there_marks_the_gap_too(tmp_path: Path, run: Any) -> None:
    """Y is yearly (2022-2024): no period of it ends in June 2025, so the chart of its years
    runs on to June 2025 with the gap marked."""
    args = _project(tmp_path)
    out = tmp_path / "r.html"
    assert run("report", "p", *args, "--output", str(out)).exit_code == 0
    yearly = out.read_text(encoding="utf-8").split('id="goal-Y"')[1].split("</section>")[0]
    assert 'id="beskplan-value"' in yearly
    assert 'id="beskplan-missing"' in yearly and "intet tal for jun. 2025" in yearly
