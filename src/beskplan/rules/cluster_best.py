"""``cluster_best``: no other member of the cluster is strictly better.

"Frederiksberg skal være den bedste i klyngen" (Frederiksberg 2019, goal H);
"skal være bedst blandt sammenlignelige kommuner" (København). A tie for first
place meets the goal. The reference shown is the best of the other members,
and the rank is 1 + the number of members strictly better.

Example::

    - id: H
      title: Integration af flygtninge
      measure: flygtninge_i_beskaeftigelse
      rule: cluster_best
      cluster: frederiksberg-integration
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from beskplan.extracts.reading import Reading
from beskplan.rules import compare, frames, references
from beskplan.rules.base import (
    ClusterRef,
    GoalView,
    Reads,
    Requirement,
    Retarget,
    RuleParams,
    Words,
    no_problems,
    own_missing,
    status_of,
    with_cluster,
)
from beskplan.rules.outcome import Msg, Outcome, Status

NAME = "cluster_best"
WORDS: Words = {
    "da": {"best": "nr. {rank} af {of} i klyngen; {ref}: {reference}"},
    "en": {"best": "rank {rank} of {of} in the cluster; {ref}: {reference}"},
}


class Params(RuleParams):
    cluster: ClusterRef


def reads(params: Params) -> Reads:
    return Reads(cluster=params.cluster)


problems = no_problems


def retarget(params: Params, cluster: str | Sequence[str] | None) -> Retarget | None:
    return with_cluster(NAME, params, cluster, requirement(params))


def requirement(params: Params) -> Requirement:
    return Requirement(strict=True)  # best means strictly ahead of the next


def evaluate(params: Params, view: GoalView) -> Outcome:
    own = view.read(view.municipality)
    if own.value is None:
        return own_missing(own)
    ref = references.cluster_best(view, params.cluster)
    if ref.value is None:
        return _no_reference(own, ref)
    rank, of = references.rank(own.value, ref.present, view.better)
    return _outcome(own, ref, rank, of, view.better, status_of(rank == 1))


def evaluate_frame(params: Params, batch: frames.Batch) -> pl.LazyFrame:
    own, others = batch.own(), batch.others()
    frame = frames.joined(
        own,
        frames.best_of(others, batch.better, "ref"),
        frames.rank_of(own, others, batch.better),
    )
    missing = (pl.col("own_m").is_null(), pl.col("ref_m").is_null())
    return frame.with_columns(status=frames.verdict(pl.col("rank") == 1, *missing))


def outcome(params: Params, row: frames.Row) -> Outcome:
    own = row.reading("own")
    if own.value is None:
        return own_missing(own)
    ref = row.best("ref")
    if ref.value is None:
        return _no_reference(own, ref)
    return _outcome(own, ref, row["rank"], row["of"], row.batch.better, row.status)


def _no_reference(own: Reading, ref: references.Reference) -> Outcome:
    return Outcome(
        Status.NO_DATA, Msg("no_reference"), value=own.value, notes=ref.notes, period=own.period
    )


def _outcome(
    own: Reading, ref: references.Reference, rank: int, of: int, better: str, status: Status
) -> Outcome:
    assert own.value is not None and ref.value is not None
    gap = compare.behind(own.value, ref.value, better)
    return Outcome(
        status,
        Msg("best", {"rank": rank, "of": of}),
        value=own.value,
        reference=ref.value,
        reference_label=ref.label,
        gap=gap,
        distance=-gap,
        rank=rank,
        of=of,
        notes=ref.notes,
        period=own.period,
    )
