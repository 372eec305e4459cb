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

from collections.abc import Sequence
from decimal import Decimal
from typing import Annotated, Any, Protocol

from pydantic import Field

from beskplan.periods import Period
from beskplan.results import Msg, Outcome, Reading, Status
from beskplan.rules import compare
from beskplan.rules.compare import ZERO
from beskplan.schema import Strict, Text

ClusterRef = Annotated[
    Text | list[Text],
    Field(description="a cluster name from clusters.yaml, or an inline list of municipalities"),
]

NATIONAL = "Hele landet"


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


class RuleKind(Protocol):
    """A rule module, as the registry sees it."""

    NAME: str
    Params: type[RuleParams]

    def evaluate(self, params: Any, view: GoalView) -> Outcome: ...


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
    return (Msg("left_out", {"areas": [(r.area, r.raw) for r in missing]}),)


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
) -> Outcome:
    """The outcome of comparing the municipality's figure with one reference figure.

    ``missing`` says why there is no verdict when the reference has no figure.
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
    ok = compare.meets(own.value, reference, better, strict=strict, margin=margin)
    gap = compare.behind(own.value, reference, better)
    return Outcome(
        status_of(ok),
        Msg(reason, {"gap": gap, "strict": strict, "margin": margin}),
        value=own.value,
        reference=reference,
        reference_label=label,
        gap=gap,
        notes=notes,
        period=own.period,
    )
