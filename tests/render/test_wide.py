"""Across municipalities and across periods: the strip, the counts, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json

from rich.console import Console

from beskplan.api import Project
from beskplan.render import wide, widetable


def test_municipalities_json_and_csv() -> None:
    project = Project.open()
    applied = project.every_municipality(project.plan("frederiksberg-2019"))
    record = wide.all_record(applied)
    assert (
        record["municipalities"][0]["summary"]["met"]
        >= record["municipalities"][-1]["summary"]["met"]
    )
    rows = list(csv.DictReader(io.StringIO(wide.all_csv(applied))))
    assert {r["municipality"] for r in rows} >= {"Frederiksberg", "Gentofte"}


def test_the_timeline_strip_counts_periods_with_figures() -> None:
    project = Project.open()
    line = project.timeline(project.plan("frederiksberg-2019"), "2018M01..2018M06")
    buffer = io.StringIO()
    widetable.timeline_table(line, Console(file=buffer, width=200, no_color=True), "da")
    text = buffer.getvalue()
    assert "Perioder med tal" in text and "opfyldt tælles blandt perioderne med tal" in text
    record = json.loads(wide.dumps(wide.timeline_record(line)))
    a = next(g for g in record["goals"] if g["id"] == "A")
    # quarter-end figures (data/README.md): 2018M03 and 2018M06 in the range
    assert [p["evaluated_at"] for p in a["timeline"]] == ["2018M03", "2018M06"]
    assert a["with_data"] == 2
