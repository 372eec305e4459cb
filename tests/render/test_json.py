"""The JSON report: stable keys, numbers as numbers, the newest span, the comparison beside."""

from __future__ import annotations

import json

from beskplan.api import Project
from beskplan.core.periods import parse_period
from beskplan.render import json as json_render


def test_keys_and_numbers() -> None:
    project = Project.open()
    plan = project.plan("frederiksberg-2019")
    doc = json.loads(json_render.render(project.evaluate(plan), "en"))
    assert doc["plan"] == "frederiksberg-2019" and doc["newest"] is None
    d = next(g for g in doc["goals"] if g["id"] == "D")
    # the plan: A-dagpenge 3,1 against the cluster's 2,3, unmet
    assert (d["value"], d["reference"], d["status"]) == (3.1, 2.3, "unmet")
    assert isinstance(d["value"], float) and d["explanation"].startswith(
        "0.8 percentage points above"
    )


def test_the_comparison_beside_and_the_newest_span() -> None:
    project = Project.open()
    plan = project.plan("frederiksberg-2019")
    earlier = project.evaluate(plan, parse_period("2017M06"))
    doc = json.loads(json_render.render(project.evaluate(plan), "da", earlier))
    assert doc["compare_period"] == "2017M06"
    assert all(g["compare"]["period"] for g in doc["goals"] if g["compare"])
    newest = json.loads(json_render.render(project.evaluate(plan, "newest")))
    assert newest["newest"][1] == newest["period"]
