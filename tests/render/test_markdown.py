"""Markdown: a table per report, text from goal files escaped."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _own(tmp_path: Path, title: str) -> tuple[str, ...]:
    """A plan of one national comparison, titled ``title``, and its data: the arguments."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "own.csv").write_text(
        "Område;Periode;Andel (pct.)\nA;2020;1,0\nHele landet;2020;2,0\n", encoding="utf-8"
    )
    plan = tmp_path / "p.yaml"
    plan.write_text(
        f"plan: p\ntitle: t\nmunicipality: A\nperiod: 2020\ngoals:\n  - id: x\n    title: {title}\n"
        "    measure: {table: own, column: Andel (pct.)}\n    better: lower\n    rule: national\n",
        encoding="utf-8",
    )
    return (str(plan), "--data", str(data), "--format", "markdown")


def test_markdown_escapes_text_from_goal_files(run: Any, tmp_path: Path) -> None:
    out = run("evaluate", *_own(tmp_path, "'<script>alert(1)</script> | *bold*'")).stdout
    assert "<script>" not in out
    assert r"\<script\>alert(1)\</script\> \| \*bold\*" in out


def test_no_column_of_ranks_where_no_goal_is_ranked(run: Any, tmp_path: Path) -> None:
    """As the terminal table: a plan of national comparisons alone has no rank to show,
    while Frederiksberg 2019 ranks goal H ("nr. 1 af 6" in its plan)."""
    out = run("evaluate", *_own(tmp_path, "x")).stdout
    assert "| Mål | Titel | Status | Værdi | Reference | Til målet | Forklaring |" in out
    ranked = run("evaluate", "frederiksberg-2019", "--format", "markdown").stdout
    assert "| Til målet | Placering | Forklaring |" in ranked
