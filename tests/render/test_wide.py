"""Across municipalities and across periods: the strip, the counts, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from beskplan.api import Project
from beskplan.render import wide


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


def test_the_timeline_json_lists_the_periods_with_figures() -> None:
    project = Project.open()
    line = project.timeline(project.plan("frederiksberg-2019"), "2018M01..2018M06")
    record = json.loads(wide.dumps(wide.timeline_record(line)))
    a = next(g for g in record["goals"] if g["id"] == "A")
    # quarter-end figures (data/README.md): 2018M03 and 2018M06 in the range
    assert [p["evaluated_at"] for p in a["timeline"]] == ["2018M03", "2018M06"]
    assert a["with_data"] == 2


def test_json_and_csv_are_written_without_the_console_library() -> None:
    code = (
        "import sys, beskplan.render.wide; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))"
    )
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
