"""The small API: a project, its plans, and every evaluation the command line offers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from beskplan.api import Project, diff_results
from beskplan.core.errors import InputError
from beskplan.core.periods import parse_period
from beskplan.render import json as json_render
from tests.conftest import DATA, GOALS


@pytest.fixture(scope="module")
def project() -> Project:
    return Project.open()


def test_the_bundled_project_by_default(project: Project) -> None:
    assert (project.goals, project.data) == (GOALS, DATA)
    assert "frederiksberg-2019" in [p.id for p in project.plans()]


def test_evaluate_at_the_plans_period_latest_and_newest(project: Project) -> None:
    plan = project.plan("frederiksberg-2019")
    # the plan's own status (Frederiksberg 2019): A B C E G H met, D F unmet
    statuses = {g.id: g.status.value for g in project.evaluate(plan).goals}
    assert [g for g, s in statuses.items() if s == "unmet"] == ["D", "F"]
    latest = project.evaluate(plan, "latest")
    assert latest.newest is None and latest.period.code == "2019M12"
    newest = project.evaluate(plan, "newest")
    assert newest.newest is not None


def test_every_municipality_latest_is_the_plans_municipalitys(project: Project) -> None:
    plan = project.plan("frederiksberg-2019")
    rows = project.every_municipality(plan, "latest")
    frederiksberg = next(a for a in rows if a.municipality == "Frederiksberg")
    assert frederiksberg.report.period.code == "2019M12"


def test_timeline_diff_check_overview_and_report(project: Project, tmp_path: Path) -> None:
    plan = project.plan("frederiksberg-2019")
    line = project.timeline(plan, "2018M01..2018M06")
    assert [g.id for g in line.goals] == list("ABCDEFGH")
    assert project.diff("frederiksberg-2018", "frederiksberg-2019").differs
    assert project.check(["frederiksberg-2019"]).problems == []
    assert project.overview(["frederiksberg-2019"]).rows
    report, members = project.report(plan)
    assert set(members) == set("ABCDEFGH") and report.goals[0].history
    saved = []
    for period in ("2018M06", "2019M12"):
        path = tmp_path / f"{period}.json"
        path.write_text(json_render.render(project.evaluate(plan, parse_period(period))), "utf-8")
        saved.append(path)
    assert json.loads(saved[0].read_text("utf-8"))["period"] == "2018M06"
    compared = diff_results(*saved)
    assert (compared.old_period, compared.new_period) == ("2018M06", "2019M12")


def test_bad_input_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        Project.open(data=tmp_path / "nowhere").context  # noqa: B018 - the property reads the folder
