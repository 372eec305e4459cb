"""The comparison operators every rule shares, in exact decimal arithmetic.

"Better" follows the measure's direction: lower is better for shares of
recipients, higher for employment rates or satisfaction. Figures are
:class:`~decimal.Decimal` as published, so 2,7 against 1,7 is exactly one
percentage point and a gap of 0,6 that becomes 0,4 has shrunk by exactly 0,2.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

ZERO = Decimal(0)


def advantage(value: Decimal, reference: Decimal, better: str) -> Decimal:
    """How much better ``value`` is than ``reference`` (negative: worse)."""
    return reference - value if better == "lower" else value - reference


def behind(value: Decimal, reference: Decimal, better: str) -> Decimal:
    """The gap: how much worse ``value`` is than ``reference`` (negative: ahead)."""
    return -advantage(value, reference, better)


def meets(
    value: Decimal,
    reference: Decimal,
    better: str,
    *,
    strict: bool = False,
    margin: Decimal = ZERO,
) -> bool:
    """At least as good as ``reference`` by ``margin``; strictly better when ``strict``."""
    ahead = advantage(value, reference, better)
    return ahead > margin if strict else ahead >= margin


def strictly_better(a: Decimal, b: Decimal, better: str) -> bool:
    return advantage(a, b, better) > ZERO


def best(values: Iterable[Decimal], better: str) -> Decimal:
    return min(values) if better == "lower" else max(values)


def mean(values: Iterable[Decimal]) -> Decimal:
    """The simple mean; exact whenever the quotient has a finite decimal expansion."""
    items = list(values)
    return sum(items, ZERO) / len(items)
