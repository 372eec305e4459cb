"""The course of a goal toward its deadline, from hand-made gap series."""

from __future__ import annotations

from decimal import Decimal

import pytest

from beskplan.core.periods import parse_period
from beskplan.evaluation.trajectory import Course, assess


def series(*pairs: tuple[str, str]) -> list[tuple[object, Decimal]]:
    return [(parse_period(p), Decimal(g)) for p, g in pairs]


YEARLY = ("2016", "2017", "2018")


@pytest.mark.parametrize(
    ("gaps", "deadline", "now", "met", "course"),
    [
        (("1.0", "0.8", "0.6"), 2020, "2018", True, Course.ACHIEVED),
        (("1.0", "0.8", "0.6"), 2017, "2018", False, Course.DEADLINE_PASSED),
        (("1.0", "0.8"), 2020, "2017", False, Course.NOT_EVALUABLE),
        # shrinking 0,2 a year from 0,6 at the end of 2018: 0,2 at the end of 2020 -> too slow
        (("1.0", "0.8", "0.6"), 2020, "2018", False, Course.NEEDS_ACCELERATION),
        # shrinking 0,5 a year from 0,6: below 0 before the end of 2020
        (("1.6", "1.1", "0.6"), 2020, "2018", False, Course.ON_TRACK),
        (("0.6", "0.8", "1.0"), 2020, "2018", False, Course.REGRESSING),
        (("0.6", "0.6", "0.6"), 2020, "2018", False, Course.REGRESSING),
    ],
)
def test_courses(gaps: tuple[str, ...], deadline: int, now: str, met: bool, course: Course) -> None:
    data = series(*zip(YEARLY, gaps, strict=False))
    result = assess(data, deadline, parse_period(now), met)
    assert result.course is course
    assert result.periods == tuple(p for p, _ in zip(YEARLY, gaps, strict=False))


def test_needs_acceleration_says_how_much_faster() -> None:
    result = assess(
        series(("2016", "1.0"), ("2017", "0.8"), ("2018", "0.6")), 2020, parse_period("2018"), False
    )
    assert result.slope == pytest.approx(-0.2)
    assert result.projected == pytest.approx(0.2)
    # from 0,6 at the end of 2018 to 0 at the end of 2020: 0,3 a year, 0,1 faster than now
    assert result.required == pytest.approx(-0.3)
    assert result.faster_by == pytest.approx(0.1)


def test_recent_periods_weigh_more() -> None:
    # an early jump followed by steady shrinking: the weighted slope is steeper than the plain one
    data = series(("2015", "3.0"), ("2016", "1.0"), ("2017", "0.9"), ("2018", "0.8"))
    result = assess(data, 2030, parse_period("2018"), False)
    plain = -0.64  # least squares without weights over the four points
    assert result.slope is not None and result.slope > plain


def test_a_margin_moves_the_target() -> None:
    data = series(("2016", "0.4"), ("2017", "0.2"), ("2018", "0.0"))
    assert assess(data, 2019, parse_period("2018"), False).course is Course.ON_TRACK
    with_margin = assess(data, 2019, parse_period("2018"), False, margin=Decimal("1.0"))
    assert with_margin.course is Course.NEEDS_ACCELERATION
    assert with_margin.target == -1.0


def test_a_goal_with_a_deadline_reports_its_course(run: object, tmp_path: object) -> None:
    from pathlib import Path

    from tests.conftest import write

    root = Path(str(tmp_path))
    # the gap to the national level shrinks 0,1 a year: 0,6 0,5 0,4 0,3 (2015-2018)
    write(
        root / "data" / "own.csv",
        "Område;Periode;Andel (pct.)\n"
        + "".join(
            f"A;{y};{v}\nHele landet;{y};2,0\n"
            for y, v in zip(range(2015, 2019), ["2,6", "2,5", "2,4", "2,3"], strict=True)
        ),
    )
    plan = write(
        root / "p.yaml",
        "plan: p\ntitle: Plan\nmunicipality: A\nperiod: 2018\ngoals:\n"
        "  - id: '1'\n    title: Under landsgennemsnittet i 2020\n"
        "    measure: {table: own, column: Andel (pct.)}\n    better: lower\n"
        "    deadline: 2020\n    rule: national\n    strict: true\n",
    )
    import json

    result = run("evaluate", str(plan), "--data", str(root / "data"), "--format", "json")  # type: ignore[operator]
    goal = json.loads(result.stdout)["goals"][0]
    course = goal["trajectory"]
    assert course["course"] == "needs_acceleration"
    assert course["periods"] == ["2015", "2016", "2017", "2018"]
    assert course["slope_per_year"] == pytest.approx(-0.1)
    assert course["projected_gap"] == pytest.approx(0.1)  # 0,3 - 2 years x 0,1
    # from 0,3 at the end of 2018 to 0 by the end of 2020 takes 0,15 a year: 0,05 faster
    assert course["faster_by_per_year"] == pytest.approx(0.05)
    assert (
        "for langsomt mod 2020: forskellen skal mindskes 0,05 pct.-point hurtigere om året"
        in goal["explanation"]
    )
