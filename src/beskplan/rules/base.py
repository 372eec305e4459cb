"""What a rule module works with: its parameter model's base and a view of the data.

A rule is a module with ``NAME``, a ``Params`` model (strict, unknown keys
refused), ``evaluate(params, view) -> Outcome`` and optionally
``problems(params, period)`` for checks that need the evaluation period and
``periods(params)`` for the periods it reads besides the goal's own (a
baseline), which ``fetch`` asks for. The
view hides where figures come from, so a rule is a small pure function of the
figures it reads, and the rule tests feed it a table of figures directly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Protocol

from pydantic import AfterValidator, Field

from beskplan.core.fields import Number, Strict, Text
from beskplan.core.periods import Period
from beskplan.extracts.reading import Reading
from beskplan.rules import compare
from beskplan.rules.compare import ZERO
from beskplan.rules.outcome import Msg, Outcome, Status

ClusterRef = Annotated[
    Text | list[Text],
    Field(description="a cluster name from clusters.yaml, or an inline list of municipalities"),
]

NATIONAL = "Hele landet"


def _not_below_zero(value: Decimal) -> Decimal:
    if value < 0:
        raise ValueError(
            f"{value} is below zero: a margin is how much better than its reference "
            "the goal asks the municipality to be, never how much worse it may be. For "
            f"'at least {-value} better' write margin: {-value}; a goal that allows being "
            "worse is a threshold (rule: threshold, target: the level allowed)"
        )
    return value


Margin = Annotated[
    Number,
    AfterValidator(_not_below_zero),
    Field(description="how much better than the reference, in the measure's unit; not below 0"),
]


class RuleParams(Strict):
    """Base of every rule's parameters."""


class GoalView(Protocol):
    """The figures one goal may read."""

    @property
    def municipality(self) -> str: ...

    @property
    def period(self) -> Period: ...

    @property
    def better(self) -> str: ...

    def read(self, area: str, period: Period | None = None) -> Reading:
        """The area's figure at ``period`` (default: the goal's period)."""
        ...

    def members(self, cluster: str | Sequence[str]) -> list[str]:
        """The cluster's members valid at the goal's period, the municipality among them."""
        ...


@dataclass(frozen=True)
class Reads:
    """What a goal reads besides the municipality's own figure at its period."""

    cluster: str | Sequence[str] | None = None  # the cluster whose members it compares with
    cluster_key: str = "cluster"  # the parameter that names it, where messages point
    areas: tuple[str, ...] = ()  # areas named in the goal (``than``)
    national: bool = False  # the national level
    periods: tuple[Period, ...] = ()  # periods besides the goal's own (a baseline)


@dataclass(frozen=True)
class Requirement:
    """How much better than its reference a goal asks the municipality to be."""

    margin: Decimal = Decimal(0)
    strict: bool = False


@dataclass(frozen=True)
class Retarget:
    """A goal re-aimed at another municipality: the rule to use and its parameters."""

    rule: str
    params: RuleParams
    national_instead: bool = False  # compared with the national level for want of a cluster


Words = Mapping[str, Mapping[str, str]]  # language -> message key -> text with {arguments}


class RuleKind(Protocol):
    """A rule module, as the registry sees it: every member is declared by every rule."""

    @property
    def NAME(self) -> str: ...

    @property
    def Params(self) -> type[RuleParams]: ...

    @property
    def WORDS(self) -> Words: ...

    def evaluate(self, params: Any, view: GoalView) -> Outcome: ...

    def reads(self, params: Any) -> Reads: ...

    def problems(self, params: Any, period: Period) -> list[tuple[str, str]]: ...

    def retarget(self, params: Any, cluster: str | Sequence[str] | None) -> Retarget | None: ...

    def requirement(self, params: Any) -> Requirement: ...


def to_national(requirement: Requirement) -> Retarget:
    """The national level instead of a cluster, keeping the goal's margin and strictness."""
    from beskplan.rules import national

    params = national.Params.model_validate(
        {"strict": requirement.strict, "margin": requirement.margin}
    )
    return Retarget(national.NAME, params, national_instead=True)


def with_cluster(
    name: str, params: RuleParams, cluster: str | Sequence[str] | None, requirement: Requirement
) -> Retarget:
    """The rule ``name`` with the municipality's own cluster as its ``cluster`` parameter, or
    the national level without one."""
    if cluster is None:
        return to_national(requirement)
    return Retarget(name, params.model_copy(update={"cluster": cluster}))


def no_problems(params: RuleParams, period: Period) -> list[tuple[str, str]]:
    """For rules whose parameters hold no period: nothing to check against the goal's."""
    return []


def own_missing(own: Reading) -> Outcome:
    """The outcome when the municipality's own figure is missing."""
    return Outcome(
        Status.NO_DATA,
        Msg("own_missing", {"area": own.area, "raw": own.raw}),
        period=own.period,
    )


def missing_note(readings: Sequence[Reading]) -> tuple[Msg, ...]:
    """A note naming the reference areas left out for want of a figure."""
    missing = [r for r in readings if r.value is None]
    if not missing:
        return ()
    listed = ", ".join(f"{r.area} ('{r.raw}')" if r.raw else r.area for r in missing)
    return (Msg("left_out", {"listed": listed}),)


def baseline_problems(baseline: Period, period: Period) -> list[tuple[str, str]]:
    """A baseline after the evaluation period is a mistake in the goal file."""
    if baseline.is_after(period):
        return [
            (
                "baseline",
                f"baseline {baseline} is after the evaluation period {period}; "
                "a baseline is an earlier period (or the same) to compare with",
            )
        ]
    return []


def status_of(ok: bool) -> Status:
    return Status.MET if ok else Status.UNMET


def compared(
    own: Reading,
    reference: Decimal | None,
    label: Msg,
    better: str,
    *,
    missing: Msg,
    strict: bool = False,
    margin: Decimal = ZERO,
    notes: tuple[Msg, ...] = (),
    reason: str = "compare",
    status: Status | None = None,
) -> Outcome:
    """The outcome of comparing the municipality's figure with one reference figure.

    ``missing`` says why there is no verdict when the reference has no figure; ``status``
    is the verdict where a frame of many rows has given it already.
    """
    assert own.value is not None
    if reference is None:
        return Outcome(
            Status.NO_DATA,
            missing,
            value=own.value,
            reference_label=label,
            notes=notes,
            period=own.period,
        )
    if status is None:
        status = status_of(
            compare.meets(own.value, reference, better, strict=strict, margin=margin)
        )
    gap = compare.behind(own.value, reference, better)
    return Outcome(
        status,
        Msg(reason, {"gap": gap, "strict": strict, "margin": margin}),
        value=own.value,
        reference=reference,
        reference_label=label,
        gap=gap,
        distance=-gap - margin,
        notes=notes,
        period=own.period,
    )
