"""Workbooks: a sheet per table, numbers as numbers with their published decimals, statuses as
words, the header frozen, the sources on their own sheet; read back as Excel would."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import polars as pl

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
