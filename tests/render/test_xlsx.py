"""Workbooks: a sheet per table, numbers as numbers with their published decimals, statuses as
words, the header frozen, the sources on their own sheet; read back as Excel would."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from beskplan.api import Project
from beskplan.render import Options, render


def _xml(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as book:
        return book.read(name).decode("utf-8")


def test_the_evaluation_workbook(run: Any, tmp_path: Path) -> None:
    out = tmp_path / "f.xlsx"
    result = run("evaluate", "frederiksberg-2019", "--format", "xlsx", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    goals = pl.read_excel(out, sheet_name="Mål")
    assert goals["Mål"].to_list() == list("ABCDEFGH")
    assert goals["Status"].to_list()[:4] == ["opfyldt", "opfyldt", "opfyldt", "ikke opfyldt"]
    # Beskæftigelsesplan 2019, section 2: A is 10,4 against the cluster's 11,8
    assert goals.schema["Værdi"] == pl.Float64 and goals["Værdi"][0] == 10.4
    assert goals["Reference"][0] == 11.8
    assert goals["Til målet"][3] == "0,8 pct.-point fra målet"
    sources = pl.read_excel(out, sheet_name="Kilder")
    assert "PTV_A02.csv" in sources["Fil"].to_list()
    assert all(len(s) == 64 for s in sources["SHA-256"].to_list())
    # how far the data reaches: data/README.md, the last month of every quarter 2016-2019
    series = sources.filter(pl.col("Fil") == "PTV_A02_series.csv")
    assert series.select("Første periode", "Nyeste periode").row(0) == ("2016M03", "2019M12")
    plan = pl.read_excel(out, sheet_name="Plan")
    assert plan.row(0) == ("Plan", "frederiksberg-2019")
    # one decimal as published, and the header row frozen
    assert 'formatCode="#,##0.0"' in _xml(out, "xl/styles.xml")
    assert re.search(r'<pane ySplit="1"[^>]*state="frozen"', _xml(out, "xl/worksheets/sheet1.xml"))


def test_a_mean_keeps_its_exact_value_and_shows_the_published_decimals(tmp_path: Path) -> None:
    project = Project.open()
    report = project.evaluate(project.plan("kobenhavn-2018"))
    rendered = render("evaluation", "xlsx", report, Options("en"))
    assert rendered.data is not None
    out = tmp_path / "g.xlsx"
    out.write_bytes(rendered.data)
    goals = pl.read_excel(out, sheet_name="Goals")
    assert goals.columns[:6] == ["Goal", "Title", "Status", "Period", "Value", "Reference"]
    for result, row in zip(report.goals, goals.iter_rows(named=True), strict=True):
        reference = result.outcome.reference
        if reference is not None:  # the exact figure, means included, not a rounded one
            assert row["Reference"] == float(reference)
        assert (
            row["Status"] == {"met": "met", "unmet": "unmet", "no_data": "no data"}[result.status]
        )


def test_municipalities_timeline_and_diff_workbooks(run: Any, tmp_path: Path) -> None:
    every = tmp_path / "all.xlsx"
    assert (
        run(
            "evaluate",
            "frederiksberg-2019",
            "--all-municipalities",
            "--format",
            "xlsx",
            "--output",
            str(every),
        ).exit_code
        == 0
    )
    overview = pl.read_excel(every, sheet_name="Kommuner")
    assert "Frederiksberg" in overview["Kommune"].to_list()
    # each goal's column says which goal it is; Furesø is in no a-dagpenge cluster, so its D
    # is compared with the national level and marked, as the table marks it
    assert "D. A-dagpenge" in overview.columns
    furesoe = overview.filter(pl.col("Kommune") == "Furesø")
    assert furesoe["D. A-dagpenge"][0].endswith(" *")
    figures = pl.read_excel(every, sheet_name="Tal")
    assert figures.height == overview.height * 8
    line = tmp_path / "line.xlsx"
    assert (
        run(
            "evaluate",
            "frederiksberg-2019",
            "--periods",
            "2018M01..2018M06",
            "--format",
            "xlsx",
            "--output",
            str(line),
        ).exit_code
        == 0
    )
    assert pl.read_excel(line, sheet_name="Forløb")["Vurderet ved"].n_unique() >= 2
    assert "PTV_A02.csv" in pl.read_excel(line, sheet_name="Kilder")["Fil"].to_list()
    changes = tmp_path / "diff.xlsx"
    assert (
        run(
            "diff",
            "frederiksberg-2018",
            "frederiksberg-2019",
            "--format",
            "xlsx",
            "--output",
            str(changes),
        ).exit_code
        == 0
    )
    rows = {r["Mål"]: r for r in pl.read_excel(changes, sheet_name="Forskelle").to_dicts()}
    assert rows["C"]["Ændring"] == "tilføjet"
    assert "ministermaal: [1] → [1, 6, 7]" in rows["F"]["Ændringer"]
    files = pl.read_excel(changes, sheet_name="Kilder")
    # both plans read the same data folder: a file both read is unchanged
    assert set(files["Uændret"].to_list()) == {"ja", None}


def test_a_workbook_needs_a_file(run: Any) -> None:
    result = run("evaluate", "frederiksberg-2019", "--format", "xlsx")
    assert result.exit_code == 2
    assert result.stderr == "--format xlsx writes a workbook, not text: give --output FILE.xlsx\n"


def test_a_figure_is_formatted_with_the_decimals_the_text_shows(tmp_path: Path, run: Any) -> None:
    """A cluster mean of 2,375 is shown 2,38 in the text; its cell keeps 2,375 and shows two
    decimals, not one."""
    from tests.conftest import write

    write(
        tmp_path / "goals" / "p.yaml",
        "plan: p\ntitle: P\nmunicipality: A\nperiod: 2020\ngoals:\n  - id: M\n    title: M\n"
        "    measure: {table: T, column: Andel}\n    better: lower\n    rule: cluster_mean\n"
        "    cluster: [A, B, C, D, E]\n",
    )
    rows = [
        ("A", "2,0"),
        ("B", "2,1"),
        ("C", "2,2"),
        ("D", "2,6"),
        ("E", "2,6"),
        ("Hele landet", "2,4"),
    ]
    write(
        tmp_path / "data" / "T.csv",
        "Område;Periode;Andel\n" + "".join(f"{a};2020;{v}\n" for a, v in rows),
    )
    out = tmp_path / "m.xlsx"
    args = ("--goals", str(tmp_path / "goals"), "--data", str(tmp_path / "data"))
    assert run("evaluate", "p", *args, "--format", "xlsx", "--output", str(out)).exit_code == 0
    goals = pl.read_excel(out, sheet_name="Mål")
    assert goals["Reference"][0] == pytest.approx(2.375)  # (2,1 + 2,2 + 2,6 + 2,6) / 4, exact
    styles = _xml(out, "xl/styles.xml")
    assert 'formatCode="#,##0.00"' in styles  # the mean's and the gap's two decimals
    assert "(2,38)" in goals["Forklaring"][0]
