"""``change``: the figure has changed since a baseline by at least so much, in the goal's direction.

"Antallet af unge på uddannelseshjælp er faldet med 25 %" (Ishøj, from 146 in
January 2023 to 110 in December 2024) is ``by_percent: 25`` with ``better: lower``;
"øges med 13.000 personer" (Ministermål 7) is ``by: 13000`` with ``better: higher``.

Without ``against``: met when the figure is better than at ``baseline`` by at least
``by`` (the measure's unit) or ``by_percent`` (% of the baseline figure); exactly at
the requirement is met. With neither, any change in the goal's direction is met
and no change is unmet.

With ``against`` (``national``, ``cluster`` with ``cluster:``, or a municipality's
name) the municipality's change over the same two periods is compared with the
reference's (for a cluster, the mean of the other members at each period): met when
it is better by at least ``by`` units of change, or, with ``by_percent``, when its
change in per cent of its own baseline figure is better than the reference's by at
least that many points ("reduceret med 8 pct. ... på landsplan kun faldet med ca. 4
pct.", Frederiksberg 2019). ``by_percent: 0``, or ``against`` alone, asks for a
change simply better than the reference's, in per cent.

Over many rows (``--all-municipalities``, ``--periods``) the frame reads every row's
figures in one query, and each row's verdict is worked out by the same exact function
as one goal's.

Every comparison is of exact decimals, by multiplication: a fall from 146 to 110 is
24,657...%, so ``by_percent: 25`` is unmet and ``by_percent: 24`` met. A baseline
figure of zero has no change in per cent: such a goal cannot be evaluated, and says so.

Example::

    - id: U1
      title: Færre unge på uddannelseshjælp, mindst 25 % færre end i januar 2023
      measure: {table: Y38A02, column: Antal fuldtidspersoner}
      better: lower
      rule: change
      baseline: 2023M01
      by_percent: 25
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import polars as pl
from pydantic import Field, model_validator

from beskplan.core.fields import Number, PeriodValue, Text
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

NAME = "change"
HUNDRED = Decimal(100)
WORDS: Words = {
    "da": {
        "change": "{value} mod {base} i {baseline}: {moved}; kravet er {required}",
        "change.against": "{value} mod {base} i {baseline}: {moved}; {who}: {ref_moved}; "
        "kravet er {required}",
        "change.units": "{amount} {unit} {way}",
        "change.percent": "{amount} % {way}",
        "change.none": "uændret",
        "change.lower": "lavere",
        "change.higher": "højere",
        "change.lower.count": "færre",
        "change.higher.count": "flere",
        "change.by": "mindst {amount} {unit} {way}",
        "change.by_percent": "mindst {amount} % {way}",
        "change.any": "at ligge {way} end i {baseline}",
        "change.by.against": "en udvikling mindst {amount} {unit} bedre end {who}s",
        "change.by_percent.against": "en udvikling mindst {amount} procentpoint bedre end {who}s",
        "change.any.against": "en bedre udvikling i procent end {who}s",
        "change.zero": "basistallet i {baseline} er 0, så en ændring i procent kan ikke beregnes",
        "ref.change.required": "krævet niveau",
        "ref.change.required.the": "det krævede niveau",
        "ref.change.national": "landsgennemsnit",
        "ref.change.national.the": "landsgennemsnittet",
        "ref.change.area": "{area}",
        "ref.change.area.the": "{area}",
    },
    "en": {
        "change": "{value} against {base} in {baseline}: {moved}; the goal asks for {required}",
        "change.against": "{value} against {base} in {baseline}: {moved}; {who}: {ref_moved}; "
        "the goal asks for {required}",
        "change.units": "{amount} {unit} {way}",
        "change.percent": "{amount} % {way}",
        "change.none": "unchanged",
        "change.lower": "lower",
        "change.higher": "higher",
        "change.lower.count": "fewer",
        "change.higher.count": "more",
        "change.by": "at least {amount} {unit} {way}",
        "change.by_percent": "at least {amount} % {way}",
        "change.any": "being {way} than in {baseline}",
        "change.by.against": "a change at least {amount} {unit} better than {who}'s",
        "change.by_percent.against": "a change at least {amount} points better in per cent "
        "than {who}'s",
        "change.any.against": "a better change in per cent than {who}'s",
        "change.zero": "the baseline figure of {baseline} is 0, so no change in per cent can "
        "be worked out",
        "ref.change.required": "required level",
        "ref.change.required.the": "the required level",
        "ref.change.national": "national level",
        "ref.change.national.the": "the national level",
        "ref.change.area": "{area}",
        "ref.change.area.the": "{area}",
    },
}


class Params(RuleParams):
    baseline: PeriodValue
    by: Number | None = Field(default=None, ge=0)
    by_percent: Number | None = Field(default=None, ge=0)
    against: Text | None = Field(
        default=None,
        description="national, cluster (with 'cluster'), or a municipality's name",
    )
    cluster: ClusterRef | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Params:
        if self.by is not None and self.by_percent is not None:
            raise ValueError(
                "give at most one of 'by' (units) and 'by_percent' (% of the baseline figure)"
            )
        if self.against == "cluster" and self.cluster is None:
            raise ValueError("against: cluster needs 'cluster'")
        if self.cluster is not None and self.against != "cluster":
            raise ValueError("'cluster' is used with against: cluster; add it or remove 'cluster'")
        return self


def _named(params: Params) -> str | None:
    """The municipality ``against`` names, if it names one."""
    return params.against if params.against not in (None, "national", "cluster") else None


def reads(params: Params) -> Reads:
    named = _named(params)
    return Reads(
        cluster=params.cluster if params.against == "cluster" else None,
        areas=(named,) if named else (),
        national=params.against == "national",
        periods=(params.baseline,),
    )


def problems(params: Params, period: Period) -> list[tuple[str, str]]:
    return baseline_problems(params.baseline, period)


def retarget(params: Params, cluster: str | Sequence[str] | None) -> Retarget | None:
    if params.against != "cluster":
        return None  # its own change, against the country or the same named municipality
    if cluster is None:  # no cluster of its own: the national level's change instead
        update = {"against": "national", "cluster": None}
        return Retarget(NAME, params.model_copy(update=update), national_instead=True)
    return Retarget(NAME, params.model_copy(update={"cluster": cluster}))


def requirement(params: Params) -> Requirement:
    return Requirement()


def _reference(params: Params, view: GoalView, period: Period | None) -> references.Reference:
    if params.against == "cluster":
        assert params.cluster is not None
        return references.cluster_mean(view, params.cluster, period)
    if params.against == "national":
        found = references.national(view, period)
        return references.Reference(found.value, Msg("ref.change.national"), found.others)
    named = _named(params)
    assert named is not None
    reading = view.read(named, period)
    return references.Reference(reading.value, Msg("ref.change.area", {"area": named}), (reading,))


def evaluate(params: Params, view: GoalView) -> Outcome:
    own = view.read(view.municipality)
    if own.value is None:
        return own_missing(own)
    base = view.read(view.municipality, params.baseline)
    if params.against is None:
        return _outcome(params, own, base, None, None, view.better)
    now = _reference(params, view, None)
    then = _reference(params, view, params.baseline)
    return _outcome(params, own, base, now, then, view.better)


def evaluate_frame(params: Params, batch: frames.Batch) -> pl.LazyFrame:
    """Every row's figures: its own now and at the baseline, and its reference's at both."""
    figures = {"base": batch.own(params.baseline)}
    per_row: list[pl.LazyFrame] = []
    if params.against == "cluster":
        per_row = [
            frames.mean_of(batch.others(), "ref"),
            frames.mean_of(batch.others(params.baseline), "bref"),
        ]
    elif params.against is not None:
        area = NATIONAL if params.against == "national" else params.against
        figures |= {"ref": batch.area(area), "bref": batch.area(area, params.baseline)}
    return frames.joined(batch.own(), *per_row, **figures)


def outcome(params: Params, row: frames.Row) -> Outcome:
    own = row.reading("own")
    if own.value is None:
        return own_missing(own)
    base = row.reading("base")
    if params.against is None:
        return _outcome(params, own, base, None, None, row.batch.better)
    if params.against == "cluster":
        now, then = row.mean("ref"), row.mean("bref")
    else:
        label = (
            Msg("ref.change.national")
            if params.against == "national"
            else Msg("ref.change.area", {"area": params.against})
        )
        now_reading, then_reading = row.reading("ref"), row.reading("bref")
        now = references.Reference(now_reading.value, label, (now_reading,))
        then = references.Reference(then_reading.value, label, (then_reading,))
    return _outcome(params, own, base, now, then, row.batch.better)


def _outcome(
    params: Params,
    own: Reading,
    base: Reading,
    ref_now: references.Reference | None,
    ref_base: references.Reference | None,
    better: str,
) -> Outcome:
    """The verdict from the figures, in exact decimals: every "at least" is a comparison of
    products, so that no quotient is rounded before it is compared."""
    assert own.value is not None
    notes = (ref_now.notes if ref_now else ()) + (ref_base.notes if ref_base else ())
    baseline = base.period or params.baseline
    if base.value is None:
        reason = Msg("baseline_missing", {"period": params.baseline, "raw": base.raw})
        return Outcome(Status.NO_DATA, reason, value=own.value, notes=notes, period=own.period)
    gain = compare.advantage(own.value, base.value, better)  # better than at the baseline
    change = own.value - base.value
    details = {
        "baseline_value": base.value,
        "change": change,
        "change_percent": change / abs(base.value) * HUNDRED if base.value else None,
    }
    label = ref_now.label if ref_now else None
    in_percent = params.by is None and (params.by_percent is not None or ref_now is not None)

    def no_data(reason: Msg) -> Outcome:
        return Outcome(
            Status.NO_DATA,
            reason,
            value=own.value,
            reference_label=label,
            notes=notes,
            period=own.period,
            details=details,
        )

    if in_percent and base.value == 0:
        return no_data(Msg("change.zero", {"baseline": InWords(baseline)}))
    ref_gain: Decimal | None = None
    if ref_now is not None and ref_base is not None:
        if ref_now.value is None or ref_base.value is None:
            return no_data(Msg("no_reference"))
        if in_percent and ref_base.value == 0:
            return no_data(Msg("change.zero", {"baseline": InWords(baseline)}))
        ref_gain = compare.advantage(ref_now.value, ref_base.value, better)
    required, met = _required(params, gain, abs(base.value), ref_gain, ref_base)
    reference = base.value - required if better == "lower" else base.value + required
    args: dict[str, object] = {
        "value": own.value,
        "base": base.value,
        "baseline": InWords(baseline),
        "moved": _moved(change, base.value, in_percent),
        "required": _asked(params, better, baseline, label if ref_gain is not None else None),
    }
    if ref_now is not None and ref_base is not None and ref_gain is not None:
        assert ref_now.value is not None and ref_base.value is not None
        args["ref_moved"] = _moved(ref_now.value - ref_base.value, ref_base.value, in_percent)
        args["who"] = Msg(ref_now.label.key + ".the", ref_now.label.args)
    return Outcome(
        status_of(met),
        Msg("change.against" if ref_gain is not None else "change", args),
        value=own.value,
        reference=reference,  # the figure the goal asks for
        reference_label=Msg("ref.change.required"),
        gap=-(gain - required),
        distance=gain - required,
        notes=notes,
        period=own.period,
        details=details,
    )


def _required(
    params: Params,
    gain: Decimal,
    base: Decimal,
    ref_gain: Decimal | None,
    ref_base: references.Reference | None,
) -> tuple[Decimal, bool]:
    """The gain the goal asks for (in the measure's unit), and whether ``gain`` reaches it."""
    if params.by is not None:
        required = params.by + (ref_gain or compare.ZERO)
        return required, gain >= required
    if ref_gain is None:
        if params.by_percent is None:
            return compare.ZERO, gain > compare.ZERO
        # gain / base >= by_percent / 100, by multiplication
        return base * params.by_percent / HUNDRED, gain * HUNDRED >= base * params.by_percent
    assert ref_base is not None and ref_base.value is not None
    ref_size = abs(ref_base.value)
    points = params.by_percent or compare.ZERO
    # gain / base * 100 >= ref_gain / ref_size * 100 + points, by multiplication
    left = gain * ref_size * HUNDRED
    right = ref_gain * base * HUNDRED + points * base * ref_size
    required = base * (ref_gain / ref_size * HUNDRED + points) / HUNDRED
    return required, (left >= right if points > 0 else left > right)


def _moved(change: Decimal, base: Decimal, in_percent: bool) -> Msg:
    if change == 0:
        return Msg("change.none")
    way = Msg("change.lower" if change < 0 else "change.higher")
    if in_percent and base != 0:
        amount = (abs(change) / abs(base) * HUNDRED).quantize(Decimal("0.1"), ROUND_HALF_UP)
        return Msg("change.percent", {"amount": amount, "way": way})
    return Msg("change.units", {"amount": abs(change), "way": way})


def _asked(params: Params, better: str, baseline: Period, against: Msg | None) -> Msg:
    """What the goal asks for, in words; ``against``: the reference's label."""
    way = Msg("change.lower" if better == "lower" else "change.higher")
    suffix = ".against" if against is not None else ""
    # the reference named in a sentence: "landsgennemsnittet"
    who = Msg(against.key + ".the", against.args) if against is not None else None
    args: dict[str, object] = {"way": way, "baseline": InWords(baseline), "who": who}
    if params.by is not None:
        return Msg("change.by" + suffix, {**args, "amount": params.by})
    if params.by_percent is not None and (params.by_percent > 0 or against is None):
        return Msg("change.by_percent" + suffix, {**args, "amount": params.by_percent})
    return Msg("change.any" + suffix, args)
