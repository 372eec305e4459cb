"""``threshold``: at least ``target`` (higher better) or at most ``target`` (lower better).

"Mindst 75 % af borgerne er tilfredse" (Frederikssund 1a, 2c, 6a, 6b). At the
target counts as met; ``strict: true`` asks for strictly beyond it. The data is
often the municipality's own (a survey), in an own-data file.

Example::

    - id: 1a
      title: Mindst 75 % af virksomhederne er tilfredse
      measure: {table: tilfredshed, column: Andel tilfredse virksomheder (pct.)}
      better: higher
      period: 2022
      rule: threshold
      target: 75
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from beskplan.core.fields import Number
from beskplan.extracts.reading import Reading
from beskplan.rules import frames
from beskplan.rules.base import (
    GoalView,
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

NAME = "threshold"
WORDS: Words = {
    "da": {"ref.target": "mål", "ref.target.the": "målet"},
    "en": {"ref.target": "target", "ref.target.the": "the target"},
}


class Params(RuleParams):
    target: Number
    strict: bool = False


def reads(params: Params) -> Reads:
    return Reads()


problems = no_problems


def retarget(params: Params, cluster: str | Sequence[str] | None) -> Retarget | None:
    return None  # a target is the same for every municipality


def requirement(params: Params) -> Requirement:
    return Requirement(strict=params.strict)


def evaluate(params: Params, view: GoalView) -> Outcome:
    own = view.read(view.municipality)
    if own.value is None:
        return own_missing(own)
    return _outcome(params, own, view.better)


def evaluate_frame(params: Params, batch: frames.Batch) -> pl.LazyFrame:
    frame = frames.joined(batch.own())
    ahead = frames.advantage(pl.col("own_units"), batch.number(params.target), batch.better)
    ok = frames.meets(ahead, pl.lit(0), params.strict)
    return frame.with_columns(status=frames.verdict(ok, pl.col("own_m").is_null()))


def outcome(params: Params, row: frames.Row) -> Outcome:
    own = row.reading("own")
    if own.value is None:
        return own_missing(own)
    return _outcome(params, own, row.batch.better, row.status)


def _outcome(params: Params, own: Reading, better: str, status: Status | None = None) -> Outcome:
    return compared(
        own,
        params.target,
        Msg("ref.target"),
        better,
        missing=Msg("no_reference"),
        strict=params.strict,
        reason="target",
        status=status,
    )
