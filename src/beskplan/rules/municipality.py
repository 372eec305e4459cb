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

from decimal import Decimal

from beskplan.results import Msg, Outcome, Status
from beskplan.rules import compare
from beskplan.rules.base import GoalView, RuleParams, own_missing, status_of
from beskplan.schema import Number, Text

NAME = "municipality"


class Params(RuleParams):
    than: Text
    strict: bool = False
    margin: Number = Decimal(0)


def evaluate(params: Params, view: GoalView) -> Outcome:
    own = view.read(view.municipality)
    if own.value is None:
        return own_missing(own)
    other = view.read(params.than)
    label = Msg("ref.municipality", {"area": params.than})
    if other.value is None:
        return Outcome(
            Status.NO_DATA,
            Msg("reference_missing", {"area": params.than, "raw": other.raw}),
            value=own.value,
            reference_label=label,
            period=own.period,
        )
    ok = compare.meets(
        own.value, other.value, view.better, strict=params.strict, margin=params.margin
    )
    gap = compare.behind(own.value, other.value, view.better)
    return Outcome(
        status_of(ok),
        Msg("compare", {"gap": gap, "strict": params.strict, "margin": params.margin}),
        value=own.value,
        reference=other.value,
        reference_label=label,
        gap=gap,
        period=own.period,
    )
