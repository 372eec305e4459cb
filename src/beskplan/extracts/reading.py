"""A figure as the data gives it: the record the extracts stage makes for the rules."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from beskplan.core.periods import Period


@dataclass(frozen=True)
class Reading:
    """One published figure: an area's value of a measure at a period.

    ``value`` is ``None`` when the figure is missing; ``raw`` then keeps the
    suppression token as published (``..``, ``x``, ``-``), or is ``None`` when
    the data has no row at all.
    """

    area: str
    value: Decimal | None
    period: Period | None = None
    raw: str | None = None
