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

from beskplan.results import Msg, Outcome
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
from beskplan.schema import Number

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
    return compared(
        own,
        params.target,
        Msg("ref.target"),
        view.better,
        missing=Msg("no_reference"),
        strict=params.strict,
        reason="target",
    )
