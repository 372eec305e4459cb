"""What plans read: each table once, the categories goals name, the periods and baselines."""

from __future__ import annotations

from beskplan.api import Project
from beskplan.core.periods import parse_period
from beskplan.evaluation.needs import needs


def test_the_bundled_plans_needs() -> None:
    project = Project.open()
    plans = [project.plan("frederiksberg-vaekst-2021"), project.plan("frederiksberg-2019")]
    found = needs(plans, project.context.measures)
    assert {"y01a02", "ptv_a02", "y60a02", "y25i01"} <= set(found)
    # Vækst 2021 reads its baseline, February 2020 "før nedlukningen", besides its 2020M09
    assert found["y25i01"].periods == {parse_period("2020M02"), parse_period("2020M09")}
    assert found["ptv_a02"].readers == ["frederiksberg-2019 A"]
