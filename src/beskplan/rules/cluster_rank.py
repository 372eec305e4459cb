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
from decimal import Decimal

import polars as pl
from pydantic import Field

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
    missing_note,
    no_problems,
    own_missing,
    status_of,
    with_cluster,
)
from beskplan.rules.outcome import Msg, Outcome, Status

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
        return _no_reference(own, notes)
    rank, of = references.rank(own.value, present, view.better)
    ordered = sorted(
        (r.value for r in present if r.value is not None),
        reverse=view.better == "higher",
    )
    reference = ordered[params.top - 1] if len(ordered) >= params.top else None
    status = status_of(rank <= params.top)
    return _outcome(params, own, reference, rank, of, notes, view.better, status)


def evaluate_frame(params: Params, batch: frames.Batch) -> pl.LazyFrame:
    """The others in order, best first (ties in the cluster's order), and the one in
    place ``top``: the figure to be at least as good as."""
    own, others = batch.own(), batch.others()
    ordered = frames.present(others).sort(
        ["row", "units", "position"], descending=[False, batch.better == "higher", False]
    )
    placed = ordered.group_by("row", maintain_order=True).agg(
        pl.col("m").get(params.top - 1, null_on_oob=True).alias("ref_m"),
        pl.col("dec").get(params.top - 1, null_on_oob=True).alias("ref_dec"),
    )
    frame = frames.joined(
        own,
        placed,
        frames.rank_of(own, others, batch.better),
        frames.gone(others, "ref"),
    )
    missing = (pl.col("own_m").is_null(), pl.col("of").fill_null(1) == 1)
    return frame.with_columns(status=frames.verdict(pl.col("rank") <= params.top, *missing))


def outcome(params: Params, row: frames.Row) -> Outcome:
    own = row.reading("own")
    if own.value is None:
        return own_missing(own)
    notes = missing_note(row.missing("ref"))
    if row["rank"] is None:
        return _no_reference(own, notes)
    m = row["ref_m"]
    reference = None if m is None else Decimal(m).scaleb(-row["ref_dec"])
    return _outcome(
        params, own, reference, row["rank"], row["of"], notes, row.batch.better, row.status
    )


def _no_reference(own: Reading, notes: tuple[Msg, ...]) -> Outcome:
    return Outcome(
        Status.NO_DATA, Msg("no_reference"), value=own.value, notes=notes, period=own.period
    )


def _outcome(
    params: Params,
    own: Reading,
    reference: Decimal | None,
    rank: int,
    of: int,
    notes: tuple[Msg, ...],
    better: str,
    status: Status,
) -> Outcome:
    assert own.value is not None
    gap = compare.behind(own.value, reference, better) if reference is not None else None
    return Outcome(
        status,
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
