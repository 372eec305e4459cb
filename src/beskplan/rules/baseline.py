"""``baseline``: at least as good as the municipality's own figure at a baseline period.

"hurtigst muligt tilbage på det baseline-niveau ... før nedlukningen"
(Frederiksberg, Vækst og jobskabelse 2021-2024). The baseline period must come
not come after the evaluation period.

Example::

    - id: V1
      title: Bruttoledigheden tilbage på niveauet før nedlukningen
      measure: {table: Y25I01, column: Ledige fuldtidspersoner i pct. af arbejdsstyrken 16-66 år}
      better: lower
      rule: baseline
      baseline: 2020M02
"""

from __future__ import annotations

from beskplan.periods import Period
from beskplan.results import Msg, Outcome, Status
from beskplan.rules import compare
from beskplan.rules.base import GoalView, RuleParams, own_missing, status_of
from beskplan.schema import PeriodValue

NAME = "baseline"


class Params(RuleParams):
    baseline: PeriodValue


def problems(params: Params, period: Period) -> list[tuple[str, str]]:
    if params.baseline.is_after(period):
        return [
            (
                "baseline",
                f"baseline {params.baseline} is after the evaluation period {period}; "
                "a baseline is an earlier period (or the same) to compare with",
            )
        ]
    return []


def evaluate(params: Params, view: GoalView) -> Outcome:
    own = view.read(view.municipality)
    if own.value is None:
        return own_missing(own)
    base = view.read(view.municipality, params.baseline)
    label = Msg("ref.baseline", {"period": base.period or params.baseline})
    if base.value is None:
        return Outcome(
            Status.NO_DATA,
            Msg("baseline_missing", {"period": params.baseline, "raw": base.raw}),
            value=own.value,
            reference_label=label,
            period=own.period,
        )
    ok = compare.meets(own.value, base.value, view.better)
    gap = compare.behind(own.value, base.value, view.better)
    return Outcome(
        status_of(ok),
        Msg("compare", {"gap": gap, "strict": False, "margin": compare.ZERO}),
        value=own.value,
        reference=base.value,
        reference_label=label,
        gap=gap,
        period=own.period,
    )
