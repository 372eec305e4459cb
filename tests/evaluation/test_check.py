"""beskplan check: goal files and data coverage, without evaluating."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from tests.conftest import DATA, GOALS, write


def test_the_bundled_plans_pass(run: Any) -> None:
    result = run("check")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "6 plans, 38 goals: no problems\n"


def test_missing_coverage_is_reported_at_the_goal(run: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    # drop Gentofte's row from the a-dagpenge extract for June 2018
    y01 = data / "Y01A02_2018.csv"
    y01.write_text(
        "".join(
            row
            for row in y01.read_text(encoding="utf-8").splitlines(keepends=True)
            if not row.startswith("Gentofte;")
        ),
        encoding="utf-8",
    )
    result = run("check", "frederiksberg-2019", "--data", str(data))
    assert result.exit_code == 2
    plan = GOALS / "frederiksberg-2019.yaml"
    line = next(
        i
        for i, text in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1)
        if text.strip() == "measure: adagpenge_pct_arbejdsstyrke"
    )
    assert result.stderr == (
        f"{plan}:{line}:14: goal D: table Y01A02 has no row for Gentofte at 2018M06 "
        "('Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år')\n"
    )


def test_a_period_without_figures(run: Any) -> None:
    result = run("check", "frederiksberg-2019", "--period", "2020M06")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    # one line per table each goal reads: C sums three tables, E and G two each; H reads
    # its own period (2018), which the data has
    assert len(lines) == 11
    # the data has the quarter ends 2016-2019 (data/README.md), and the message says so
    assert lines[0].endswith(
        "table PTV_A02 has no figures for 2020M06; it has 2016M03–2019M12 every 3 months"
    )


def test_a_broken_goal_file_fails_with_file_and_line(run: Any, tmp_path: Path) -> None:
    goals = tmp_path / "goals"
    shutil.copytree(GOALS, goals)
    plan = goals / "kobenhavn-2018.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("than: Aarhus", "than: Aarhus\n    top: 3"),
        encoding="utf-8",
    )
    result = run("check", "--goals", str(goals))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{plan}:")
    assert "unknown key 'top' for rule municipality" in result.stderr


def test_a_table_years_behind_the_others_is_a_warning(tmp_path: Path) -> None:
    """A table ending at 2022QMAT04 beside one reaching 2026M07: its goal's figure would be
    3 years and 7 months older than the plan's newest, so check warns (exit 0); a table one
    release behind does not."""
    from beskplan.evaluation.check import check_plan
    from beskplan.evaluation.context import Context
    from beskplan.plan.goalfile import load_plan

    data, goals = tmp_path / "data", tmp_path / "goals"
    write(data / "T.csv", "Periode;Område;Andel (pct.)\n2026M07;A;1,0\n2026M07;Hele landet;2,0\n")
    write(data / "S.csv", "Periode;Område;Andel (pct.)\n2026M06;A;1,0\n2026M06;Hele landet;2,0\n")
    write(
        data / "Y.csv",
        "Periode;Område;Andel (pct.)\n2022QMAT04;A;9,1\n2022QMAT04;Hele landet;9,5\n",
    )
    goal = "  - id: {0}\n    title: {0}\n    measure: {{table: {0}, column: Andel (pct.)}}\n    better: lower\n    rule: national\n"
    write(
        goals / "p.yaml",
        "plan: p\ntitle: P\nmunicipality: A\nperiod: 2026M07\ngoals:\n"
        + "".join(goal.format(g) for g in "TSY"),
    )
    found = check_plan(load_plan("p", goals), Context.open(data, use_cache=False), "newest")
    assert found.problems == []
    assert [w.message for w in found.warnings] == [
        "goal Y: table Y ends at 2022QMAT04, 3 years and 7 months before the plan's newest "
        "figure (2026M07): its figure is stale"
    ]
