"""The cross-plan overview: a row per plan, its ministerial goals marked, its share met."""

from __future__ import annotations

from beskplan.api import Project


def test_the_overview_of_the_bundled_plans() -> None:
    project = Project.open()
    overview = project.overview(["kobenhavn-2018", "frederiksberg-2019"])
    rows = {row.plan: row for row in overview.rows}
    # København 2018, section 4 of the plan: 4.4 and 4.5a met, the other six unmet
    kbh = rows["kobenhavn-2018"]
    assert (kbh.goals, kbh.met, kbh.unmet, kbh.share_met) == (8, 2, 6, 0.25)
    fb = rows["frederiksberg-2019"]  # the plan's own status: D and F unmet
    assert (fb.met, fb.unmet) == (6, 2)
    assert 2018 in overview.years() and overview.columns(2018)
