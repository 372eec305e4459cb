"""``cluster_rank``: among the ``top`` best of the cluster.

"København skal på top 10 blandt sammenlignelige kommuner". The rank is 1 + the
number of members strictly better, so members tied with the municipality do
not push it down. "Keep first place" (``skal bevare sin førerposition``) is
``top: 1``. The reference shown is the figure of the member in place ``top``
among the others: the one the municipality must be at least as good as.

Example::

    - id: "1"
      title: Dagpenge, top 10 i klyngen
      measure: adagpenge_pct_arbejdsstyrke
      rule: cluster_rank
      cluster: kobenhavn-a-dagpenge
      top: 10
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from beskplan.results import Msg, Outcome, Status
from beskplan.rules import compare, references
from beskplan.rules.base import (
    ClusterRef,
    GoalView,
    Reads,
    Requirement,
    Retarget,
    RuleParams,
    Words,
    missing_note,
    no_problems,
    own_missing,
    status_of,
    with_cluster,
)

NAME = "cluster_rank"
WORDS: Words = {
    "da": {
        "rank": "nr. {rank} af {of} i klyngen; målet er top {top}",
        "ref.rank": "nr. {top} blandt de øvrige i klyngen",
        "ref.rank.the": "nr. {top} blandt de øvrige i klyngen",
    },
    "en": {
        "rank": "rank {rank} of {of} in the cluster; the goal is top {top}",
        "ref.rank": "place {top} among the other cluster members",
        "ref.rank.the": "place {top} among the other cluster members",
    },
}


class Params(RuleParams):
    cluster: ClusterRef
    top: int = Field(ge=1)


def reads(params: Params) -> Reads:
    return Reads(cluster=params.cluster)


problems = no_problems


def retarget(params: Params, cluster: str | Sequence[str] | None) -> Retarget | None:
    return with_cluster(NAME, params, cluster, requirement(params))


def requirement(params: Params) -> Requirement:
    return Requirement()


def evaluate(params: Params, view: GoalView) -> Outcome:
    own = view.read(view.municipality)
    if own.value is None:
        return own_missing(own)
    readings = references.others(view, params.cluster, None)
    present = [r for r in readings if r.value is not None]
    notes = missing_note(readings)
    if not present:
        return Outcome(
            Status.NO_DATA, Msg("no_reference"), value=own.value, notes=notes, period=own.period
        )
    rank, of = references.rank(own.value, present, view.better)
    ordered = sorted(
        (r.value for r in present if r.value is not None),
        reverse=view.better == "higher",
    )
    reference = ordered[params.top - 1] if len(ordered) >= params.top else None
    gap = compare.behind(own.value, reference, view.better) if reference is not None else None
    return Outcome(
        status_of(rank <= params.top),
        Msg("rank", {"rank": rank, "of": of, "top": params.top}),
        value=own.value,
        reference=reference,
        reference_label=Msg("ref.rank", {"top": params.top}) if reference is not None else None,
        gap=gap,
        distance=None if gap is None else -gap,
        rank=rank,
        of=of,
        notes=notes,
        period=own.period,
    )
