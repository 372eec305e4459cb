"""``national``: better than the national level (``Hele landet``).

"skal mindst være på niveau med landsgennemsnittet" (Frederikssund 1b, 2b, 4b,
5a) is the default, at least as good; "skal fortsat ligge under
landsgennemsnittet" (4a) is ``strict: true``; "skal mindst ligge 1 procentpoint
under landsgennemsnittet" (2a) is ``margin: 1.0``, met at exactly 1,0 point.

Example::

    - id: 2a
      title: Dagpenge og jobparate kontanthjælp mindst 1 pct.-point under landsgennemsnittet
      measure: {table: Y25I01, column: Ledige fuldtidspersoner i pct. af arbejdsstyrken 16-66 år}
      better: lower
      rule: national
      margin: 1.0
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import polars as pl

from beskplan.extracts.reading import Reading
from beskplan.rules import frames, references
from beskplan.rules.base import (
    NATIONAL,
    GoalView,
    Margin,
    Reads,
    Requirement,
    Retarget,
    RuleParams,
    Words,
    compared,
    no_problems,
    own_missing,
)
from beskplan.rules.outcome import Msg, Outcome, Status

NAME = "national"
WORDS: Words = {"da": {}, "en": {}}  # its reference label is the references module's


class Params(RuleParams):
    strict: bool = False
    margin: Margin = Decimal(0)


def reads(params: Params) -> Reads:
    return Reads(national=True)


problems = no_problems


def retarget(params: Params, cluster: str | Sequence[str] | None) -> Retarget | None:
    return None  # the national level is every municipality's


def requirement(params: Params) -> Requirement:
    return Requirement(params.margin, params.strict)


def evaluate(params: Params, view: GoalView) -> Outcome:
    own = view.read(view.municipality)
    if own.value is None:
        return own_missing(own)
    return _outcome(params, own, references.national(view).others[0], view.better)


def evaluate_frame(params: Params, batch: frames.Batch) -> pl.LazyFrame:
    reference = batch.area(NATIONAL)
    return frames.compared(batch, reference, margin=params.margin, strict=params.strict)


def outcome(params: Params, row: frames.Row) -> Outcome:
    own = row.reading("own")
    if own.value is None:
        return own_missing(own)
    return _outcome(params, own, row.reading("ref"), row.batch.better, row.status)


def _outcome(
    params: Params, own: Reading, ref: Reading, better: str, status: Status | None = None
) -> Outcome:
    return compared(
        own,
        ref.value,
        Msg("ref.national"),
        better,
        missing=Msg("reference_missing", {"area": NATIONAL, "raw": ref.raw}),
        strict=params.strict,
        margin=params.margin,
        status=status,
    )
