"""``cluster_mean``: better than the mean of the other members of the cluster.

"Frederiksberg skal ligge bedre end (under) gennemsnittet af klyngen"
(Frederiksberg 2019, goals A-G). The reference is the simple mean of the *other*
members' figures, the municipality itself left out; members without a figure
are left out and named. The default is "at least as good"; ``strict: true``
asks for strictly better, ``margin`` for better by at least that many units.

Example::

    - id: D
      title: A-dagpenge
      measure: adagpenge_pct_arbejdsstyrke
      rule: cluster_mean
      cluster: frederiksberg-a-dagpenge
      strict: true
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import polars as pl

from beskplan.extracts.reading import Reading
from beskplan.rules import frames, references
from beskplan.rules.base import (
    ClusterRef,
    GoalView,
    Margin,
    Reads,
    Requirement,
    Retarget,
    RuleParams,
    Words,
    compared,
    no_problems,
    own_missing,
    with_cluster,
)
from beskplan.rules.outcome import Msg, Outcome, Status

NAME = "cluster_mean"
WORDS: Words = {"da": {}, "en": {}}  # its reference label is the references module's


class Params(RuleParams):
    cluster: ClusterRef
    strict: bool = False
    margin: Margin = Decimal(0)


def reads(params: Params) -> Reads:
    return Reads(cluster=params.cluster)


problems = no_problems


def retarget(params: Params, cluster: str | Sequence[str] | None) -> Retarget | None:
    return with_cluster(NAME, params, cluster, requirement(params))


def requirement(params: Params) -> Requirement:
    return Requirement(params.margin, params.strict)


def evaluate(params: Params, view: GoalView) -> Outcome:
    own = view.read(view.municipality)
    if own.value is None:
        return own_missing(own)
    return _outcome(params, own, references.cluster_mean(view, params.cluster), view.better)


def evaluate_frame(params: Params, batch: frames.Batch) -> pl.LazyFrame:
    """The mean compared as its sum: n x own against the others' total, in units."""
    frame = frames.joined(batch.own(), frames.mean_of(batch.others(), "ref"))
    n = pl.col("ref_n").cast(pl.Int128)
    ahead = frames.advantage(n * pl.col("own_units"), pl.col("ref_total"), batch.better)
    ok = frames.meets(ahead, n * batch.number(params.margin), params.strict)
    missing = (pl.col("own_m").is_null(), pl.col("ref_n").fill_null(0) == 0)
    return frame.with_columns(status=frames.verdict(ok, *missing))


def outcome(params: Params, row: frames.Row) -> Outcome:
    own = row.reading("own")
    if own.value is None:
        return own_missing(own)
    return _outcome(params, own, row.mean("ref"), row.batch.better, row.status)


def _outcome(
    params: Params,
    own: Reading,
    ref: references.Reference,
    better: str,
    status: Status | None = None,
) -> Outcome:
    return compared(
        own,
        ref.value,
        ref.label,
        better,
        missing=Msg("no_reference"),
        strict=params.strict,
        margin=params.margin,
        notes=ref.notes,
        status=status,
    )
