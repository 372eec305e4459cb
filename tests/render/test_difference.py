"""A diff of two plans in words: added, removed, changed, and the verdicts beside."""

from __future__ import annotations

import json

from beskplan.api import Project
from beskplan.render import difference


def test_the_diff_in_json_and_markdown() -> None:
    result = Project.open().diff("frederiksberg-2018", "frederiksberg-2019")
    doc = json.loads(difference.render_json(result))
    changes = {g["id"]: g["change"] for g in doc["goals"]}
    assert changes["C"] == "added"  # goal C is new in the 2019 plan
    md = difference.render_markdown(result, "da")
    assert "tilføjet" in md
    assert difference.render_junit(result).startswith("<?xml")
