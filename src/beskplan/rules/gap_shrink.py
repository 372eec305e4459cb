"""``gap_shrink``: the gap to a reference shrinks compared with a baseline period.

"Gabet ... skal nedbringes med mindst 0,2 procentpoint i forhold til
landsgennemsnittet" (Frederikssund 3a) is ``against: national``, ``by: 0.2``;
"skal reducere afstanden til den bedste sammenlignelige kommune med 25 pct."
(København) is ``against: cluster_best``, ``by_percent: 25``.

The gap is how much worse than the reference the municipality is, in the
measure's unit (negative when it is ahead). Met when the gap is smaller than at
``baseline`` by at least ``by`` units, or by at least ``by_percent`` % of the
baseline gap. With ``by_percent`` and a baseline gap of 0 or less (the
municipality was not behind), the goal is met while it stays at least as good
as the reference. ``against`` is ``national``, ``cluster_mean`` (the other
members' mean) or ``cluster_best`` (the best of the other members); the last
two need ``cluster``.

Example::

    - id: 3a
      title: Gabet til landsgennemsnittet nedbringes med mindst 0,2 procentpoint
      measure: sygedagpenge_jobafklaring_pct
      rule: gap_shrink
      against: national
      baseline: 2023M01
      by: 0.2
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

import polars as pl
from pydantic import Field, model_validator

from beskplan.core.fields import Number, PeriodValue
from beskplan.core.periods import Period
from beskplan.extracts.reading import Reading
from beskplan.rules import compare, frames, references
from beskplan.rules.base import (
    NATIONAL,
    ClusterRef,
    GoalView,
    Reads,
    Requirement,
    Retarget,
    RuleParams,
    Words,
    baseline_problems,
    own_missing,
    status_of,
)
from beskplan.rules.outcome import InWords, Msg, Outcome, Status

NAME = "gap_shrink"
WORDS: Words = {
    "da": {
        "shrink": "gabet til {ref} er {gap_now} {unit} mod {gap_base} i {baseline}: {moved}, "
        "kravet er mindst {required}{ahead}",
        "shrink.smaller": "mindsket med {amount}",
        "shrink.larger": "øget med {amount}",
        "shrink.ahead": "; kommunen lå ikke bagud i basisperioden og skal blot ikke komme bagud",
        "shrink.behind": "",
    },
    "en": {
        "shrink": "the gap to {ref} is {gap_now} {unit} against {gap_base} in {baseline}: "
        "{moved}, the goal asks for at least {required}{ahead}",
        "shrink.smaller": "shrunk by {amount}",
        "shrink.larger": "grown by {amount}",
        "shrink.ahead": "; the municipality was not behind at the baseline and must only not "
        "fall behind",
        "shrink.behind": "",
    },
}


class Params(RuleParams):
    against: Literal["national", "cluster_mean", "cluster_best"]
    baseline: PeriodValue
    cluster: ClusterRef | None = None
    by: Number | None = Field(default=None, ge=0)
    by_percent: Number | None = Field(default=None, gt=0, le=100)

    @model_validator(mode="after")
    def _consistent(self) -> Params:
        if (self.by is None) == (self.by_percent is None):
            raise ValueError(
                "give exactly one of 'by' (units) and 'by_percent' (% of the baseline gap)"
            )
        if self.against != "national" and self.cluster is None:
            raise ValueError(f"against: {self.against} needs 'cluster'")
        if self.against == "national" and self.cluster is not None:
            raise ValueError("'cluster' is not used with against: national; remove it")
        return self


def reads(params: Params) -> Reads:
    national = params.against == "national"
    return Reads(
        cluster=None if national else params.cluster,
        national=national,
        periods=(params.baseline,),
    )


def retarget(params: Params, cluster: str | Sequence[str] | None) -> Retarget | None:
    if params.against == "national":
        return None
    if cluster is None:  # no cluster of its own: the gap to the national level instead
        update = {"against": "national", "cluster": None}
        return Retarget(NAME, params.model_copy(update=update), national_instead=True)
    return Retarget(NAME, params.model_copy(update={"cluster": cluster}))


def requirement(params: Params) -> Requirement:
    return Requirement()


def problems(params: Params, period: Period) -> list[tuple[str, str]]:
    return baseline_problems(params.baseline, period)


def _reference(params: Params, view: GoalView, period: Period | None) -> references.Reference:
    cluster: str | Sequence[str] = params.cluster or ()
    if params.against == "cluster_mean":
        return references.cluster_mean(view, cluster, period)
    if params.against == "cluster_best":
        return references.cluster_best(view, cluster, period)
    return references.national(view, period)


def evaluate(params: Params, view: GoalView) -> Outcome:
    own = view.read(view.municipality)
    if own.value is None:
        return own_missing(own)
    ref = _reference(params, view, None)
    base_own = view.read(view.municipality, params.baseline)
    base_ref = _reference(params, view, params.baseline)
    return _outcome(params, own, ref, base_own, base_ref, view.better)


def evaluate_frame(params: Params, batch: frames.Batch) -> pl.LazyFrame:
    """Each gap as a fraction, in units over the count of a mean (1 for one figure), so
    that "shrunk by at least" is a comparison of integers."""
    frame = frames.joined(
        batch.own(),
        _frame_reference(params, batch, None, "ref"),
        _frame_reference(params, batch, params.baseline, "bref"),
        base=batch.own(params.baseline),
    )
    now, now_over, now_missing = _gap(params, "own_units", "ref", batch.better)
    then, then_over, then_missing = _gap(params, "base_units", "bref", batch.better)
    hundred = batch.number(Decimal(100))
    if params.by is not None:
        ok = then * now_over - now * then_over - batch.number(params.by) * now_over * then_over
    else:
        assert params.by_percent is not None
        kept = then * now_over * (hundred - batch.number(params.by_percent))
        behind = kept - now * then_over * hundred
        ok = pl.when(then <= 0).then(pl.lit(0, pl.Int128) - now).otherwise(behind)
    missing = (
        pl.col("own_m").is_null(),
        now_missing,
        pl.col("base_m").is_null(),
        then_missing,
    )
    return frame.with_columns(status=frames.verdict(ok >= 0, *missing))


def _frame_reference(
    params: Params, batch: frames.Batch, at: Period | None, prefix: str
) -> pl.LazyFrame:
    if params.against == "cluster_mean":
        return frames.mean_of(batch.others(at), prefix)
    if params.against == "cluster_best":
        return frames.best_of(batch.others(at), batch.better, prefix)
    return frames.prefixed(batch.area(NATIONAL, at), prefix)


def _gap(params: Params, own: str, prefix: str, better: str) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """The gap's numerator and denominator, and whether its reference is missing."""
    if params.against == "cluster_mean":
        n = pl.col(f"{prefix}_n").cast(pl.Int128)
        gap = frames.behind(n * pl.col(own), pl.col(f"{prefix}_total"), better)
        return gap, n, pl.col(f"{prefix}_n").fill_null(0) == 0
    gap = frames.behind(pl.col(own), pl.col(f"{prefix}_units"), better)
    return gap, pl.lit(1, pl.Int128), pl.col(f"{prefix}_m").is_null()


def outcome(params: Params, row: frames.Row) -> Outcome:
    own = row.reading("own")
    if own.value is None:
        return own_missing(own)
    ref, base_ref = _row_reference(params, row, "ref"), _row_reference(params, row, "bref")
    return _outcome(params, own, ref, row.reading("base"), base_ref, row.batch.better, row.status)


def _row_reference(params: Params, row: frames.Row, prefix: str) -> references.Reference:
    if params.against == "cluster_mean":
        return row.mean(prefix)
    if params.against == "cluster_best":
        return row.best(prefix)
    reading = row.reading(prefix)
    return references.Reference(reading.value, Msg("ref.national"), (reading,))


def _outcome(
    params: Params,
    own: Reading,
    ref: references.Reference,
    base_own: Reading,
    base_ref: references.Reference,
    better: str,
    status: Status | None = None,
) -> Outcome:
    assert own.value is not None
    notes = ref.notes + base_ref.notes
    if ref.value is None or base_own.value is None or base_ref.value is None:
        return Outcome(
            Status.NO_DATA,
            Msg("baseline_missing", {"period": params.baseline, "raw": base_own.raw})
            if base_own.value is None
            else Msg("no_reference"),
            value=own.value,
            reference=ref.value,
            reference_label=ref.label,
            notes=notes,
            period=own.period,
        )
    gap_now = compare.behind(own.value, ref.value, better)
    gap_base = compare.behind(base_own.value, base_ref.value, better)
    shrunk = gap_base - gap_now
    if params.by is not None:
        required = params.by
        distance = shrunk - required
    else:
        assert params.by_percent is not None
        required = gap_base * params.by_percent / Decimal(100)
        # ahead at the baseline, the goal is to stay ahead
        distance = -gap_now if gap_base <= compare.ZERO else shrunk - required
    if status is None:
        status = status_of(distance >= compare.ZERO)
    return Outcome(
        status,
        Msg(
            "shrink",
            {
                "baseline": InWords(base_own.period or params.baseline),
                "gap_base": gap_base,
                "gap_now": gap_now,
                "moved": Msg("shrink.smaller", {"amount": shrunk})
                if shrunk >= 0
                else Msg("shrink.larger", {"amount": -shrunk}),
                "required": required,
                "ahead": Msg(
                    "shrink.ahead"
                    if params.by_percent is not None and gap_base <= compare.ZERO
                    else "shrink.behind"
                ),
            },
        ),
        value=own.value,
        reference=ref.value,
        reference_label=ref.label,
        gap=gap_now,
        distance=distance,
        notes=notes,
        period=own.period,
    )
