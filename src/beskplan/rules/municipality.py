"""``municipality``: better than one named municipality.

"København skal være bedre end Aarhus Kommune". At least as good by default;
``strict: true`` for strictly better, ``margin`` for better by at least that much.

Example::

    - id: "2"
      title: Akademikere, bedre end Aarhus
      measure: akademikere_ledighed
      rule: municipality
      than: Aarhus
      strict: true
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import polars as pl

from beskplan.core.fields import Text
from beskplan.extracts.reading import Reading
from beskplan.rules import frames
from beskplan.rules.base import (
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
)
from beskplan.rules.outcome import Msg, Outcome, Status

NAME = "municipality"
WORDS: Words = {
    "da": {"ref.municipality": "{area}", "ref.municipality.the": "{area}"},
    "en": {"ref.municipality": "{area}", "ref.municipality.the": "{area}"},
}


class Params(RuleParams):
    than: Text
    strict: bool = False
    margin: Margin = Decimal(0)


def reads(params: Params) -> Reads:
    return Reads(areas=(params.than,))


problems = no_problems


def retarget(params: Params, cluster: str | Sequence[str] | None) -> Retarget | None:
    return None  # the named municipality stays the one to beat


def requirement(params: Params) -> Requirement:
    return Requirement(params.margin, params.strict)


def evaluate(params: Params, view: GoalView) -> Outcome:
    own = view.read(view.municipality)
    if own.value is None:
        return own_missing(own)
    return _outcome(params, own, view.read(params.than), view.better)


def evaluate_frame(params: Params, batch: frames.Batch) -> pl.LazyFrame:
    reference = batch.area(params.than)
    return frames.compared(batch, reference, margin=params.margin, strict=params.strict)


def outcome(params: Params, row: frames.Row) -> Outcome:
    own = row.reading("own")
    if own.value is None:
        return own_missing(own)
    return _outcome(params, own, row.reading("ref"), row.batch.better, row.status)


def _outcome(
    params: Params, own: Reading, other: Reading, better: str, status: Status | None = None
) -> Outcome:
    return compared(
        own,
        other.value,
        Msg("ref.municipality", {"area": params.than}),
        better,
        missing=Msg("reference_missing", {"area": params.than, "raw": other.raw}),
        strict=params.strict,
        margin=params.margin,
        status=status,
    )
