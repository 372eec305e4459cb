"""Why a figure is missing: the table's periods, an area no table has, a row that is not there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from beskplan.core.errors import InputError
from beskplan.core.periods import parse_period
from beskplan.evaluation.context import Context
from beskplan.evaluation.evaluate import evaluate_plan
from beskplan.plan.goalfile import load_plan
from beskplan.render.verdicts import explain
from tests.conftest import write

HEAD = """plan: p
title: P
municipality: {municipality}
period: 2020Q1
goals:
"""
NATIONAL = """  - id: N
    title: N
    measure: {table: T, column: Andel (pct.)}
    better: lower
    rule: national
"""
THAN = """  - id: M
    title: M
    measure: {table: T, column: Andel (pct.)}
    better: lower
    rule: municipality
    than: Rander
"""
CLUSTER = """  - id: C
    title: C
    measure: {table: T, column: Andel (pct.)}
    better: lower
    rule: cluster_mean
    cluster: [Aarhus, Randers, Odens]
"""
# monthly figures for January to March 2020; Odense has no row in March
T = "Område;Periode;Andel (pct.)\n" + "".join(
    f"{area};2020M0{m};{value}\n"
    for m in (1, 2, 3)
    for area, value in (
        ("Aarhus", "2,0"),
        ("Randers", "3,0"),
        ("Odense", "2,5"),
        ("Hele landet", "2,2"),
    )
    if not (area == "Odense" and m == 3)
)


def evaluate(
    folder: Path, goals: str, municipality: str = "Aarhus", period: str | None = None
) -> list[str]:
    write(folder / "goals" / "p.yaml", HEAD.format(municipality=municipality) + goals)
    write(folder / "data" / "T.csv", T)
    plan = load_plan("p", folder / "goals")
    context = Context.open(folder / "data", use_cache=False)
    report = evaluate_plan(plan, context, parse_period(period) if period else None)
    return [explain(goal) for goal in report.goals]


def test_a_period_the_table_has_no_figure_for_names_the_periods_it_has(tmp_path: Path) -> None:
    (said,) = evaluate(tmp_path, NATIONAL, period="2021Q1")
    assert said == "T har intet tal for 2021Q01; tabellen har 2020M01–2020M03"


def test_a_quarter_inside_the_tables_span_reads_its_last_month(tmp_path: Path) -> None:
    (said,) = evaluate(tmp_path, NATIONAL, period="2020Q1")
    assert said.startswith("0,2 pct.-point under landsgennemsnittet (2,2)")


def test_a_municipality_in_none_of_the_tables_is_refused_with_the_closest_name(
    tmp_path: Path,
) -> None:
    with pytest.raises(InputError) as caught:
        evaluate(tmp_path, NATIONAL, municipality="Randres")
    assert str(caught.value).endswith(
        "p.yaml:3:15: municipality Randres: not an area in T; did you mean Randers? "
        "Write the name as the tables write it"
    )


def test_the_command_line_refuses_it_with_exit_2_and_no_traceback(
    tmp_path: Path, run: Callable[..., object]
) -> None:
    write(tmp_path / "goals" / "p.yaml", HEAD.format(municipality="Randres") + NATIONAL)
    write(tmp_path / "data" / "T.csv", T)
    result = run(
        "evaluate", "p", "--goals", str(tmp_path / "goals"), "--data", str(tmp_path / "data")
    )
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert "did you mean Randers?" in result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in result.output  # type: ignore[attr-defined]


def test_a_named_municipality_no_table_has_is_said_with_the_closest_name(tmp_path: Path) -> None:
    (said,) = evaluate(tmp_path, THAN)
    assert said == "Rander findes ikke i T; nærmeste navne: Randers"


def test_a_cluster_member_no_table_has_is_noted_and_the_others_compared(tmp_path: Path) -> None:
    (said,) = evaluate(tmp_path, CLUSTER)
    # Aarhus 2,0 against Randers 3,0 alone: Odens is left out, with the name it may mean
    assert "gennemsnittet af 1 øvrige i klyngen (3,0)" in said
    assert said.endswith("Odens findes ikke i T; nærmeste navne: Odense")


def test_a_member_without_a_row_at_the_period_is_left_out_not_called_unknown(
    tmp_path: Path,
) -> None:
    goals = CLUSTER.replace("Odens]", "Odense]")
    (said,) = evaluate(tmp_path, goals)  # March 2020: Odense has no row
    assert "uden tal og udeladt: Odense" in said
    assert "findes ikke" not in said
