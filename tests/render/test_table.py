"""The terminal table: Danish by default, a trend column, the value's period where it differs."""

from __future__ import annotations

import io
from decimal import Decimal

from rich.console import Console

from beskplan.api import Project
from beskplan.render import table


def shown(report: object, **options: object) -> str:
    buffer = io.StringIO()
    table.render(report, Console(file=buffer, width=200, no_color=True), **options)  # type: ignore[arg-type]
    return buffer.getvalue()


def test_the_table_in_danish_and_english() -> None:
    project = Project.open()
    report = project.evaluate(project.plan("frederiksberg-2019"))
    da = shown(report)
    assert "Beskæftigelsesplan 2019 — Frederiksberg, juni 2018" in da
    assert "6 opfyldt, 2 ikke opfyldt, 0 uden data (8 mål)" in da
    en = shown(report, lang="en")
    assert "6 met, 2 unmet, 0 without data (8 goals)" in en
    assert "1 of 6" in en  # goal H's rank in its cluster (the plan: best of six)


def test_the_trend_column() -> None:
    project = Project.open()
    report = project.evaluate(project.plan("frederiksberg-2019"), history=True)
    assert "Udvikling" in shown(report, trend=True)
    assert table.sparkline([Decimal(1), None, Decimal(3)]) == "▁ █"
    assert table.sparkline([]) == ""
