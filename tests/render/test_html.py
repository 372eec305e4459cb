"""The HTML report: self-contained, escaped, one section and chart per goal."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

ARTEFACTS = Path(os.environ.get("BESKPLAN_ARTEFACTS", ROOT / "build" / "artefacts"))


def _report(run: Any, tmp_path: Path, *args: str) -> str:
    out = tmp_path / "report.html"
    result = run("report", *args, "--output", str(out))
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def _text(html: str) -> str:
    """What a reader sees, without the charts' drawing: tags and SVG bodies stripped."""
    html = re.sub(r"<svg.*?</svg>", "[chart]", html, flags=re.DOTALL)
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.DOTALL)
    text = re.sub(r"<[^>]+>", " ", html)
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


@pytest.mark.parametrize(
    ("plan", "sections", "charts"),
    # Frederikssund 4b has no figure at all (the plan publishes none): no chart to draw
    [("frederiksberg-2019", 8, 8), ("kobenhavn-2018", 8, 8), ("frederikssund-2024", 11, 10)],
)
def test_a_section_and_a_chart_per_goal(
    run: Any, tmp_path: Path, plan: str, sections: int, charts: int
) -> None:
    html = _report(run, tmp_path, plan)
    assert html.count('<section class="goal"') == sections
    assert html.count('<figure class="trend">') == charts
    inline = re.sub(r'xmlns(:\w+)?="[^"]*"', "", html)  # SVG namespaces name, they fetch nothing
    assert not re.search(r"<script|<link|@import|url\((?!#)|https?://|href=\"(?!#)", inline)


def test_the_report_opens_with_an_overview_linking_to_each_goal(run: Any, tmp_path: Path) -> None:
    html = _report(run, tmp_path, "frederiksberg-2019")
    table = html[html.index('<table class="overview">') : html.index("</table>")]
    assert html.index('<table class="overview">') < html.index('<section class="goal"')
    rows = re.findall(r"<tr><td>(.*?)</td></tr>", table)
    assert len(rows) == 8
    for goal_id in "ABCDEFGH":
        assert f'href="#goal-{goal_id}"' in table and f'id="goal-{goal_id}"' in html
    # Beskæftigelsesplan 2019: D, 3,1 against the cluster's 2,3, unmet
    d = next(r for r in rows if ">D</a>" in r)
    assert '<span class="badge unmet">ikke opfyldt</span>' in d
    assert "under 2,3" in d and "0,8 pct.-point fra målet" in d
    assert "juni 2018" in _text(html)  # the period in words


def test_the_charts_have_a_point_per_period(run: Any, tmp_path: Path) -> None:
    html = _report(run, tmp_path, "frederiksberg-vaekst-2021", "--period", "2021M06")
    value = re.search(r'<g id="beskplan-value">(.*?)</g>\s*</g>', html, flags=re.DOTALL)
    assert value is not None
    # Frederiksberg's gross unemployment in the data: 2020M02, 2020M05, 2020M09 and 2021M06
    assert value.group(1).count("<use ") == 4


def test_cluster_goals_show_their_members(run: Any, tmp_path: Path) -> None:
    html = _report(run, tmp_path, "frederiksberg-2019")
    # goal E's cluster has Frederiksberg and three others (the plan, section 1.2)
    section = html.split('id="goal-E"')[1].split("</section>")[0]
    assert len(re.findall(r'id="beskplan-member-\d+"', section)) == 4


def test_text_from_goal_files_is_escaped(run: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "own.csv").write_text(
        "Område;Periode;Andel (pct.)\nA<b>;2020;1,0\nHele landet;2020;2,0\n", encoding="utf-8"
    )
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "plan: p\ntitle: '<script>alert(1)</script>'\nmunicipality: A<b>\nperiod: 2020\ngoals:\n"
        "  - id: x\n    title: '<script>alert(1)</script>'\n    name: '<img src=x onerror=alert(1)>'\n"
        "    measure: {table: own, column: Andel (pct.)}\n    better: lower\n    rule: national\n",
        encoding="utf-8",
    )
    html = _report(run, tmp_path, str(plan), "--data", str(data))
    assert "<script>" not in html and "<img" not in html and "A<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_report_says_when_it_was_made_at_source_date_epoch(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1781000000")  # 2026-06-09 10:13:20 UTC
    first = _report(run, tmp_path, "frederiksberg-2019")
    assert "Lavet 9. juni 2026, 10:13 UTC" in first
    assert _report(run, tmp_path, "frederiksberg-2019") == first  # byte for byte
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # 2026-09-21 14:13:20 UTC
    assert "Lavet 21. september 2026, 14:13 UTC" in _report(run, tmp_path, "frederiksberg-2019")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert "Lavet " in _report(run, tmp_path, "frederiksberg-2019")  # now, whenever that is


def test_report_text_golden(run: Any, tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    golden(
        "report-frederiksberg-2019.txt", _text(_report(run, tmp_path, "frederiksberg-2019")) + "\n"
    )


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_the_report_renders_in_a_real_browser(run: Any, tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium package")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    html = tmp_path / "report.html"
    html.write_text(_report(run, tmp_path, "frederiksberg-2019"), encoding="utf-8")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTEFACTS / "report-frederiksberg-2019.png"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
    ]
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", html.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert dom.stdout.count('<section class="goal"') == 8
    assert dom.stdout.count("<svg") >= 8
    # goal A's chart: a point for each quarter end from 2016M03 to 2018M06 in the data (10)
    section_a = dom.stdout.split('id="goal-A"')[1].split("</section>")[0]
    value = re.search(r'<g id="beskplan-value">(.*?)</g>\s*</g>', section_a, flags=re.DOTALL)
    assert value is not None and value.group(1).count("<use ") == 10
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line]
    assert console == [], console
    subprocess.run(
        [browser, *flags, "--window-size=1000,3000", f"--screenshot={shot}", html.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.stat().st_size > 10_000


def test_sparkline() -> None:
    from decimal import Decimal

    from beskplan.render.table import sparkline

    values = [Decimal(v) if v else None for v in ("3.9", "6.0", "5.2", None, "4.0")]
    # 3,9 is the lowest (▁), 6,0 the highest (█); 5,2 is 1,3/2,1 of the way: the 5th of 8 bars
    assert sparkline(values) == "▁█▅ ▁"
    assert sparkline([Decimal(1), Decimal(1)]) == "▅▅"
    assert sparkline([None]) == ""


def test_trend_column(run: Any) -> None:
    result = run("evaluate", "frederiksberg-vaekst-2021", "--period", "2021M06", "--trend")
    assert result.exit_code == 0
    assert "Udvikling" in result.stdout
    assert "▁█▅▁" in result.stdout  # gross unemployment 3,9 6,0 5,2 4,0 (data/README.md)


def test_markdown_report_links_its_charts(run: Any, tmp_path: Path) -> None:
    out = tmp_path / "udvalg" / "report.md"
    out.parent.mkdir()
    result = run("report", "frederiksberg-2019", "--format", "markdown", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(links) == 16  # a trend and a cluster chart for each of the eight goals
    for link in links:
        assert (out.parent / link).read_text(encoding="utf-8").startswith("<svg")
    assert text.count("\n## ") == 8


def test_markdown_report_needs_an_output_file(run: Any) -> None:
    result = run("report", "frederiksberg-2019", "--format", "markdown")
    assert result.exit_code == 2 and "give --output" in result.stderr
