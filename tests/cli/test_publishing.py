"""``beskplan report`` and ``beskplan schema`` as commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def test_a_markdown_report_needs_a_file_for_its_charts(run: Any) -> None:
    result = run("report", "frederiksberg-2019", "--format", "markdown")
    assert result.exit_code == 2
    assert (
        result.stderr == "--format markdown writes chart files beside the report: give --output\n"
    )


def test_a_markdown_report_with_its_charts_beside(run: Any, tmp_path: Path) -> None:
    out = tmp_path / "rapport.md"
    result = run("report", "frederiksberg-2019", "--format", "markdown", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    charts = sorted(p.name for p in (tmp_path / "rapport-charts").iterdir())
    assert charts and all(name.endswith(".svg") for name in charts)
    assert f"rapport-charts/{charts[0]}" in out.read_text(encoding="utf-8")


def test_schema_to_a_file(run: Any, tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    assert run("schema", "--output", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "beskplan goal file"


def test_report_quiet_prints_nothing(run: Any) -> None:
    result = run("report", "frederiksberg-2019", "--quiet")
    assert (result.exit_code, result.stdout) == (0, "")


def test_report_of_several_plans_writes_a_file_each(run: Any, tmp_path: Path) -> None:
    result = run(
        "report", "frederiksberg-2019", "kobenhavn-2018", "--output", str(tmp_path / "{plan}.html")
    )
    assert result.exit_code == 0, result.output
    for name, town in (("frederiksberg-2019", "Frederiksberg"), ("kobenhavn-2018", "København")):
        assert town in (tmp_path / f"{name}.html").read_text(encoding="utf-8")
    refused = run("report", "frederiksberg-2019", "kobenhavn-2018", "--output", "r.html")
    assert refused.exit_code == 2
    assert "{plan}" in refused.stderr
