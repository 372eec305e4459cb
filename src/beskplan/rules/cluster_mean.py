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

from beskplan.results import Msg, Outcome
from beskplan.rules import references
from beskplan.rules.base import (
    ClusterRef,
    GoalView,
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
from beskplan.schema import Number

NAME = "cluster_mean"
WORDS: Words = {"da": {}, "en": {}}  # its reference label is the references module's


class Params(RuleParams):
    cluster: ClusterRef
    strict: bool = False
    margin: Number = Decimal(0)


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
    ref = references.cluster_mean(view, params.cluster)
    return compared(
        own,
        ref.value,
        ref.label,
        view.better,
        missing=Msg("no_reference"),
        strict=params.strict,
        margin=params.margin,
        notes=ref.notes,
    )
