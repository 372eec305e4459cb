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

from pydantic import Field, model_validator

from beskplan.periods import Period
from beskplan.results import Msg, Outcome, Status
from beskplan.rules import compare, references
from beskplan.rules.base import (
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
from beskplan.schema import Number, PeriodValue

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
    gap_now = compare.behind(own.value, ref.value, view.better)
    gap_base = compare.behind(base_own.value, base_ref.value, view.better)
    shrunk = gap_base - gap_now
    if params.by is not None:
        required = params.by
        distance = shrunk - required
    else:
        assert params.by_percent is not None
        required = gap_base * params.by_percent / Decimal(100)
        # ahead at the baseline, the goal is to stay ahead
        distance = -gap_now if gap_base <= compare.ZERO else shrunk - required
    ok = distance >= compare.ZERO
    return Outcome(
        status_of(ok),
        Msg(
            "shrink",
            {
                "baseline": base_own.period or params.baseline,
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
