"""The references a municipality is compared with, shared by several rules.

Cluster references are taken over the *other* members: the municipality is left
out of its own cluster's mean, and "best of the others" is what it must not be
beaten by. Members without a figure are left out and named.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from beskplan.core.areas import area_key
from beskplan.core.periods import Period
from beskplan.extracts.reading import Reading
from beskplan.rules import compare
from beskplan.rules.base import NATIONAL, GoalView, Words, missing_note
from beskplan.rules.outcome import Msg

WORDS: Words = {
    "da": {
        "ref.national": "landsgennemsnit",
        "ref.national.the": "landsgennemsnittet",
        "ref.cluster_mean": "klyngegennemsnit af {n} øvrige",
        "ref.cluster_mean.the": "gennemsnittet af {n} øvrige i klyngen",
        "ref.cluster_best": "bedste øvrige i klyngen ({area})",
        "ref.cluster_best.the": "den bedste øvrige i klyngen ({area})",
    },
    "en": {
        "ref.national": "national level",
        "ref.national.the": "the national level",
        "ref.cluster_mean": "cluster mean of {n} others",
        "ref.cluster_mean.the": "the mean of the {n} other cluster members",
        "ref.cluster_best": "best other cluster member ({area})",
        "ref.cluster_best.the": "the best other cluster member ({area})",
    },
}


@dataclass(frozen=True)
class Reference:
    value: Decimal | None
    label: Msg
    others: tuple[Reading, ...] = ()

    @property
    def notes(self) -> tuple[Msg, ...]:
        return missing_note(self.others)

    @property
    def present(self) -> list[Reading]:
        return [r for r in self.others if r.value is not None]


def others(
    view: GoalView, cluster: str | Sequence[str], period: Period | None
) -> tuple[Reading, ...]:
    own = area_key(view.municipality)
    return tuple(view.read(area, period) for area in view.members(cluster) if area_key(area) != own)


def national(view: GoalView, period: Period | None = None) -> Reference:
    reading = view.read(NATIONAL, period)
    return Reference(reading.value, Msg("ref.national"), (reading,))


def cluster_mean(
    view: GoalView, cluster: str | Sequence[str], period: Period | None = None
) -> Reference:
    readings = others(view, cluster, period)
    values = [r.value for r in readings if r.value is not None]
    value = compare.mean(values) if values else None
    return Reference(value, Msg("ref.cluster_mean", {"n": len(values)}), readings)


def cluster_best(
    view: GoalView, cluster: str | Sequence[str], period: Period | None = None
) -> Reference:
    readings = others(view, cluster, period)
    present = [r for r in readings if r.value is not None]
    if not present:
        return Reference(None, Msg("ref.cluster_best", {"area": None}), readings)
    value = compare.best((r.value for r in present if r.value is not None), view.better)
    leader = next(r.area for r in present if r.value == value)
    return Reference(value, Msg("ref.cluster_best", {"area": leader}), readings)


def rank(value: Decimal, present: Sequence[Reading], better: str) -> tuple[int, int]:
    """Rank = 1 + the number of others strictly better; of = members with a figure."""
    ahead = sum(
        1
        for r in present
        if r.value is not None and compare.strictly_better(r.value, value, better)
    )
    return 1 + ahead, 1 + len(present)
