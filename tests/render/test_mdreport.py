"""The Markdown report: a section per goal, its charts as files beside."""

from __future__ import annotations

from beskplan.api import Project
from beskplan.render import mdreport


def test_sections_and_charts() -> None:
    project = Project.open()
    report, members = project.report(project.plan("frederiksberg-2019"))
    text, files = mdreport.render(report, members, "rapport-charts", "da")
    assert text.startswith("# Beskæftigelsesplan 2019 — Frederiksberg")
    assert text.count("\n## ") == 8  # a section per goal
    assert files and all(name.endswith(".svg") for name in files)
    assert all(f"rapport-charts/{name}" in text for name in files)
