"""What a rule says of a goal: a status, the reason in words to be worded later, the figures.

:class:`Outcome` is the record every rule returns (:mod:`beskplan.rules.base`); the
evaluation (:mod:`beskplan.evaluation.results`) puts it in a goal's result. Words are kept
as :class:`Msg` (a message key and its arguments) so that one outcome can be told in Danish
or English by :mod:`beskplan.render.wording`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from beskplan.core.periods import Period


class Status(StrEnum):
    MET = "met"
    UNMET = "unmet"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class Msg:
    """A message to be worded later: a key of :mod:`beskplan.render.wording` and its arguments."""

    key: str
    args: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class InWords:
    """A period an explanation says in words (``i januar 2023``), where a code would read
    as a code: the period a goal measures its change or its gap from."""

    period: Period


@dataclass(frozen=True)
class Outcome:
    """What a rule says about one goal."""

    status: Status
    reason: Msg
    value: Decimal | None = None
    reference: Decimal | None = None
    reference_label: Msg | None = None
    gap: Decimal | None = None  # value against reference: how much worse (negative: better)
    # how far the value is on the good side of what the goal requires, margin included
    # (negative: short of it), in the unit of the gap
    distance: Decimal | None = None
    rank: int | None = None
    of: int | None = None
    notes: tuple[Msg, ...] = ()
    period: Period | None = None
    # figures a rule gives besides (``change``: the baseline figure, the change, in per cent)
    details: Mapping[str, Decimal | None] = field(default_factory=dict)
