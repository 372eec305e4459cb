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

from beskplan.results import Msg, Outcome
from beskplan.rules import compare
from beskplan.rules.base import GoalView, RuleParams, own_missing, status_of
from beskplan.schema import Number

NAME = "threshold"


class Params(RuleParams):
    target: Number
    strict: bool = False


def evaluate(params: Params, view: GoalView) -> Outcome:
    own = view.read(view.municipality)
    if own.value is None:
        return own_missing(own)
    ok = compare.meets(own.value, params.target, view.better, strict=params.strict)
    gap = compare.behind(own.value, params.target, view.better)
    return Outcome(
        status_of(ok),
        Msg("target", {"gap": gap, "strict": params.strict}),
        value=own.value,
        reference=params.target,
        reference_label=Msg("ref.target"),
        gap=gap,
        period=own.period,
    )
