"""The figures one goal may read: the rules' :class:`~beskplan.rules.base.GoalView` over the data.

At the goal's period each table is read at the period its schedule decided
(:class:`~beskplan.evaluation.timing.Slot`); a period the rule reads besides (a
baseline) is read by the same rule, :func:`~beskplan.evaluation.timing.read_at`.

A view reads every area a goal needs at a period in one query per table, and a
measure that is a sum reads each part and adds them exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from beskplan.core.areas import area_key
from beskplan.core.periods import Period
from beskplan.evaluation.context import Context
from beskplan.evaluation.timing import decided
from beskplan.extracts.reading import Reading
from beskplan.plan.catalogue import Clusters, ColumnSpec, Measure, Spec


def members_at(cluster: str | Sequence[str], clusters: Clusters, period: Period) -> list[str]:
    if isinstance(cluster, str):
        return clusters.members(cluster, period)
    return list(cluster)


@dataclass
class View:
    """The figures of one goal, read in one query per period and table."""

    municipality: str
    period: Period
    better: str
    measure: Measure
    context: Context
    areas: list[str]
    reads: Mapping[str, Period | None] = field(default_factory=dict)  # decided per table
    _cache: dict[tuple[str, str], Reading] = field(default_factory=dict)

    def members(self, cluster: str | Sequence[str]) -> list[str]:
        return members_at(cluster, self.context.clusters, self.period)

    def read(self, area: str, period: Period | None = None) -> Reading:
        at = period or self.period
        key = (area_key(area), at.code)
        if key not in self._cache:
            wanted = {area_key(a): a for a in [*self.areas, area]}
            for k, reading in self._read_spec(self.measure.spec, wanted, at).items():
                self._cache[(k, at.code)] = reading
        cached = self._cache[key]
        return Reading(area, cached.value, cached.period, cached.raw)

    def _read_spec(self, spec: Spec, areas: dict[str, str], at: Period) -> dict[str, Reading]:
        if isinstance(spec, ColumnSpec):
            table = self.context.store.table(spec.table)
            reads = self.reads if at == self.period else {}  # a baseline: by the rule
            found = decided(reads, spec.table.casefold(), table, at)
            if found is None:
                return {k: Reading(name, None, None, None) for k, name in areas.items()}
            return table.read(
                table.column(spec.column), table.filters(dict(spec.where)), areas, found
            )
        parts = [self._read_spec(part, areas, at) for part in spec.parts]
        return {k: _sum_readings(name, [p[k] for p in parts]) for k, name in areas.items()}


def _sum_readings(area: str, parts: list[Reading]) -> Reading:
    period = next((p.period for p in parts if p.period is not None), None)
    values = [p.value for p in parts]
    if any(v is None for v in values):
        missing = next(p for p in parts if p.value is None)
        return Reading(area, None, missing.period, missing.raw)
    return Reading(area, sum((v for v in values if v is not None), Decimal(0)), period)
