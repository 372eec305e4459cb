"""``beskplan plans`` and ``beskplan overview``."""

from __future__ import annotations

import json
from typing import Any


def test_plans_lists_the_six_bundled_plans(run: Any) -> None:
    result = run("plans", "--format", "json")
    assert result.exit_code == 0
    plans = {p["plan"]: p for p in json.loads(result.stdout)}
    assert sorted(plans) == [
        "frederiksberg-2018",
        "frederiksberg-2019",
        "frederiksberg-unge-2019",
        "frederiksberg-vaekst-2021",
        "frederikssund-2024",
        "kobenhavn-2018",
    ]
    assert (plans["frederikssund-2024"]["municipality"], plans["frederikssund-2024"]["year"]) == (
        "Frederikssund",
        2024,
    )
    assert plans["frederiksberg-2019"]["goals"] == 8
    assert plans["frederiksberg-2018"]["reconstructed"]
    table = run("plans")
    assert table.exit_code == 0 and "Frederikssund" in table.stdout


def test_overview_marks_the_ministerial_goals_each_plan_serves(run: Any) -> None:
    result = run("overview", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    rows = {r["plan"]: r for r in doc["plans"]}
    # RAR Hovedstaden, Kommunernes beskæftigelsesplaner 2018 (seed 003), row København:
    # X under goals 1 and 4, (X) under goal 5
    kbh = rows["kobenhavn-2018"]["marks"]
    assert (kbh["1"], kbh["4"], kbh["5"]) == ("X", "X", "(X)")
    # Frederiksberg 2019, section 1.4: goal 3 through H, goals 6 and 7 through F and G
    fb = rows["frederiksberg-2019"]["marks"]
    assert all(fb[n] == "X" for n in ("1", "3", "6", "7"))
    assert rows["frederiksberg-2019"]["met"] == 6 and rows["frederiksberg-2019"]["goals"] == 8
    assert len(doc["ministermaal"]["2019"]) == 7 and len(doc["ministermaal"]["2018"]) == 5


def test_overview_of_named_plans(run: Any) -> None:
    result = run("overview", "kobenhavn-2018")
    assert result.exit_code == 0
    assert "kobenhavn-2018" in result.stdout and "frederiksberg-2019" not in result.stdout
    assert "Ministermål 2018" in result.stdout


def test_plans_quiet_prints_nothing(run: Any) -> None:
    result = run("plans", "--quiet")
    assert (result.exit_code, result.stdout) == (0, "")
