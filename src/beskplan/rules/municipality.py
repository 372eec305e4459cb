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

from beskplan.results import Msg, Outcome
from beskplan.rules.base import GoalView, RuleParams, compared, own_missing
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
    return compared(
        own,
        other.value,
        Msg("ref.municipality", {"area": params.than}),
        view.better,
        missing=Msg("reference_missing", {"area": params.than, "raw": other.raw}),
        strict=params.strict,
        margin=params.margin,
    )
