"""The cross-plan overview: which ministerial goals each plan sets a measurable goal for.

It is the matrix a regional labour-market council's secretariat draws by hand
(RAR Hovedstaden, "Kommunernes beskæftigelsesplaner 2018"): one row per plan,
one column per ministerial goal of the plan's year, ``X`` where the plan sets a
measurable goal serving it, ``(X)`` where the plan describes an effort for it
without a goal (``ministermaal_described`` in the goal file), and the share of
the plan's goals met at its own period.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from beskplan.evaluation.results import Report
from beskplan.plan.goalfile import Plan

SET = "X"
DESCRIBED = "(X)"


@dataclass(frozen=True)
class PlanRow:
    plan: str
    municipality: str
    year: int
    period: str
    marks: Mapping[int, str]
    goals: int
    met: int
    unmet: int
    no_data: int

    @property
    def share_met(self) -> float:
        return self.met / self.goals if self.goals else 0.0


@dataclass(frozen=True)
class Overview:
    ministermaal: Mapping[int, Mapping[int, str]]
    rows: tuple[PlanRow, ...]

    def years(self) -> list[int]:
        return sorted({row.year for row in self.rows})

    def columns(self, year: int) -> list[int]:
        """The ministerial goals of ``year``: those known for it, and any a plan names."""
        known = set(self.ministermaal.get(year, {}))
        named = {n for row in self.rows if row.year == year for n in row.marks}
        return sorted(known | named)


def build_overview(
    plans: Sequence[Plan],
    reports: Sequence[Report],
    ministermaal: Mapping[int, Mapping[int, str]],
) -> Overview:
    rows = []
    for plan, report in zip(plans, reports, strict=True):
        marks: dict[int, str] = dict.fromkeys(plan.ministermaal_described, DESCRIBED)
        for goal in plan.goals:
            marks.update(dict.fromkeys(goal.fields.ministermaal, SET))
        s = report.summary
        rows.append(
            PlanRow(
                plan.id,
                plan.municipality,
                plan.year,
                report.period.code,
                marks,
                len(report.goals),
                s.met,
                s.unmet,
                s.no_data,
            )
        )
    rows.sort(key=lambda r: (r.year, r.municipality, r.plan))
    return Overview(ministermaal, tuple(rows))
