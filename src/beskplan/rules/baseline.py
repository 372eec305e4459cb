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

from collections.abc import Sequence

import polars as pl

from beskplan.core.fields import PeriodValue
from beskplan.core.periods import Period
from beskplan.extracts.reading import Reading
from beskplan.rules import frames
from beskplan.rules.base import (
    GoalView,
    Reads,
    Requirement,
    Retarget,
    RuleParams,
    Words,
    baseline_problems,
    compared,
    own_missing,
)
from beskplan.rules.outcome import Msg, Outcome, Status

NAME = "baseline"
WORDS: Words = {
    "da": {"ref.baseline": "basis {period}", "ref.baseline.the": "niveauet i {period}"},
    "en": {"ref.baseline": "baseline {period}", "ref.baseline.the": "the level of {period}"},
}


class Params(RuleParams):
    baseline: PeriodValue


def reads(params: Params) -> Reads:
    return Reads(periods=(params.baseline,))


def problems(params: Params, period: Period) -> list[tuple[str, str]]:
    return baseline_problems(params.baseline, period)


def retarget(params: Params, cluster: str | Sequence[str] | None) -> Retarget | None:
    return None  # each municipality against its own baseline


def requirement(params: Params) -> Requirement:
    return Requirement()


def evaluate(params: Params, view: GoalView) -> Outcome:
    own = view.read(view.municipality)
    if own.value is None:
        return own_missing(own)
    return _outcome(params, own, view.read(view.municipality, params.baseline), view.better)


def evaluate_frame(params: Params, batch: frames.Batch) -> pl.LazyFrame:
    return frames.compared(batch, batch.own(params.baseline), prefix="base")


def outcome(params: Params, row: frames.Row) -> Outcome:
    own = row.reading("own")
    if own.value is None:
        return own_missing(own)
    return _outcome(params, own, row.reading("base"), row.batch.better, row.status)


def _outcome(
    params: Params, own: Reading, base: Reading, better: str, status: Status | None = None
) -> Outcome:
    return compared(
        own,
        base.value,
        Msg("ref.baseline", {"period": base.period or params.baseline}),
        better,
        missing=Msg("baseline_missing", {"period": params.baseline, "raw": base.raw}),
        status=status,
    )
