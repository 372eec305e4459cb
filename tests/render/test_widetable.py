"""The console tables across municipalities and across periods."""

from __future__ import annotations

import io

from rich.console import Console

from beskplan.api import Project
from beskplan.render import widetable
from beskplan.rules.outcome import Status


def _drawn(draw: object, *args: object) -> str:
    buffer = io.StringIO()
    draw(*args, Console(file=buffer, width=200, no_color=True), "da")  # type: ignore[operator]
    return buffer.getvalue()


def test_the_timeline_strip_counts_periods_with_figures() -> None:
    project = Project.open()
    line = project.timeline(project.plan("frederiksberg-2019"), "2018M01..2018M06")
    text = _drawn(widetable.timeline_table, line)
    assert "Perioder med tal" in text and "opfyldt tælles blandt perioderne med tal" in text
    a = next(g for g in line.goals if g.id == "A")
    row = next(r for r in text.splitlines() if r.startswith("A "))
    marks = sum(row.count(m) for m in "✔✘·")
    assert marks == len(a.steps) and f"{a.met} af {a.with_data}" in row


def test_the_municipalities_table_ranks_them_with_a_mark_per_goal() -> None:
    project = Project.open()
    applied = project.every_municipality(project.plan("frederiksberg-2019"))
    text = _drawn(widetable.all_table, applied)
    for place, a in enumerate(applied, start=1):
        row = next(r for r in text.splitlines() if f" {a.municipality} " in f" {r} ")
        assert row.split()[0] == str(place)
        met = sum(g.status is Status.MET for g in a.report.goals)
        assert row.count("✔") == met and f"{met} af {len(a.report.goals)}" in row
