"""Whether a goal with a deadline is on course, from the trend of its gap.

Plans set goals for a year ("København skal i 2020 ...", "i 2024"); a goal with
``deadline: 2020`` gets, beside today's verdict, an assessment of its course,
adapted from the anticipated-progress assessment the UN's regional commission
(ESCAP) uses to track the Sustainable Development Goals, with the gap in the
measure's unit in place of the indicator:

- the gap (how far the municipality is behind its reference) is taken at every
  period in the data up to the evaluation period;
- a weighted linear trend is fitted to it, recent periods weighing more (the
  i-th of n periods weighs i);
- the trend is projected to the end of the deadline year and compared with the
  gap at which the goal is met (0, or minus the goal's margin).

Verdicts: ``achieved`` (met now), ``deadline_passed`` (not met, and the deadline
year is over), ``not_evaluable`` (fewer than three periods with a gap),
``on_track`` (the projection meets the goal by the deadline), ``needs_acceleration``
(the gap shrinks, too slowly: the required pace and how much faster it must go,
in units per year), ``regressing`` (the gap does not shrink). Every assessment
carries its inputs: the periods used, the slope and the projected gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from beskplan.core.periods import Period

MIN_PERIODS = 3


class Course(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    REGRESSING = "regressing"
    NOT_EVALUABLE = "not_evaluable"
    DEADLINE_PASSED = "deadline_passed"


@dataclass(frozen=True)
class Assessment:
    course: Course
    deadline: int
    periods: tuple[str, ...] = ()
    slope: float | None = None  # change of the gap per year (negative: shrinking)
    projected: float | None = None  # the gap the trend reaches at the end of the deadline year
    target: float = 0.0  # the gap at which the goal is met
    required: float | None = None  # the slope that would meet the goal by the deadline
    faster_by: float | None = None  # how much faster the gap must shrink, per year


def _years(period: Period) -> float:
    return (period.last_month + 1) / 12


def assess(
    series: Sequence[tuple[Period, Decimal]],
    deadline: int,
    now: Period,
    met_now: bool,
    margin: Decimal = Decimal(0),
    strict: bool = False,
) -> Assessment:
    """The course of a goal from its gap at each period (oldest first) up to ``now``."""
    target = float(-margin)
    periods = tuple(p.code for p, _ in series)
    if met_now:
        return Assessment(Course.ACHIEVED, deadline, periods, target=target)
    end = float(deadline + 1)  # the end of the deadline year, in years
    if _years(now) > end:
        return Assessment(Course.DEADLINE_PASSED, deadline, periods, target=target)
    if len(series) < MIN_PERIODS:
        return Assessment(Course.NOT_EVALUABLE, deadline, periods, target=target)
    times = [_years(p) for p, _ in series]
    gaps = [float(g) for _, g in series]
    weights = [float(i + 1) for i in range(len(series))]
    total = sum(weights)
    mean_t = sum(w * t for w, t in zip(weights, times, strict=True)) / total
    mean_g = sum(w * g for w, g in zip(weights, gaps, strict=True)) / total
    spread = sum(w * (t - mean_t) ** 2 for w, t in zip(weights, times, strict=True))
    if spread == 0:
        return Assessment(Course.NOT_EVALUABLE, deadline, periods, target=target)
    slope = (
        sum(w * (t - mean_t) * (g - mean_g) for w, t, g in zip(weights, times, gaps, strict=True))
        / spread
    )
    fitted_now = mean_g + slope * (_years(now) - mean_t)
    projected = mean_g + slope * (end - mean_t)
    meets = projected < target if strict else projected <= target
    if meets:
        return Assessment(Course.ON_TRACK, deadline, periods, slope, projected, target)
    remaining = end - _years(now)
    required = (target - fitted_now) / remaining if remaining > 0 else None
    if slope < 0:
        faster = None if required is None else abs(required) - abs(slope)
        return Assessment(
            Course.NEEDS_ACCELERATION, deadline, periods, slope, projected, target, required, faster
        )
    return Assessment(Course.REGRESSING, deadline, periods, slope, projected, target, required)
