"""A goal over many rows at once: the columnar counterpart of a rule's view.

A :class:`Batch` holds the rows one goal is evaluated at, a municipality at a period
each: every municipality at one period (``--all-municipalities``), or one municipality
at every period (``--periods``). It gives the figures those rows read
as Polars frames, and a rule's ``evaluate_frame`` decides every row in Polars
expressions. Figures stay exact: a published figure is an integer of its published
decimals (``m`` and ``dec``: 2,65 is 265 and 2), brought to the batch's common
``scale`` as ``units`` in Int128 for comparing, so 2,7 against 2,65 is 2700 against 2650
at scale 3, and a mean is compared as its sum against the count times the figure.

The rule's ``outcome`` then words each row as its ``evaluate`` would, with the verdict
the frame gave; a property test holds the two paths to the same outcomes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

import polars as pl

from beskplan.core.areas import area_key
from beskplan.core.periods import Period, parse_period
from beskplan.extracts.layout import MISSING_TOKENS
from beskplan.extracts.reading import Reading
from beskplan.rules.outcome import Msg, Status
from beskplan.rules.references import Reference

FIGURE = ("read", "m", "dec", "raw")  # a figure's columns: period read, mantissa, decimals, token
TEN = {k: 10**k for k in range(39)}
TOKENS = {-1 - i: token for i, token in enumerate(MISSING_TOKENS)}
MET, UNMET, NO_DATA = (s.value for s in (Status.MET, Status.UNMET, Status.NO_DATA))


class Unfit(Exception):
    """The rows are not for one frame: its figures cannot be read as one (a cell that is
    not a number, two rows that disagree), its rule has no frame form, or the rows are too
    few to pay for a frame. They are evaluated one by one, where the reader says what is
    wrong."""


@cache
def _powers() -> pl.Series:
    return pl.Series(list(TEN.values()), dtype=pl.Int128)


def ten(exponent: pl.Expr) -> pl.Expr:
    """10 to the power ``exponent`` (0 to 38), in Int128."""
    return exponent.replace_strict(list(TEN), _powers(), return_dtype=pl.Int128)


def decimals(number: Decimal) -> int:
    exponent = number.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


@dataclass(frozen=True)
class Batch:
    """The rows of one goal, with every figure they may read.

    ``rows`` are the municipality (``name``, its ``key``) and the period asked of each row,
    in order; ``members`` each row's other cluster members in the cluster's order
    (``position``); ``cells`` every figure read, by period asked and area key, as
    :data:`FIGURE` and ``units`` (the figure at the common ``scale``); ``periods`` the
    periods read, by code. The evaluation reads them from the data
    (:func:`beskplan.evaluation.figures.read_batch`); a rule only looks.
    """

    better: str
    rows: pl.DataFrame
    members: pl.DataFrame
    cells: pl.LazyFrame
    scale: int  # the decimals every figure is brought to
    periods: Mapping[str, Period] = field(default_factory=dict)

    # what a rule reads: each a frame with ``row`` (and for members ``position`` and
    # ``name``) and the figure's columns, FIGURE and ``units``

    def own(self, at: Period | None = None) -> pl.LazyFrame:
        """Each row's municipality's figure at the row's period, or at ``at``."""
        return self._figures(self.rows, at)

    def area(self, name: str, at: Period | None = None) -> pl.LazyFrame:
        """The figure of the area ``name`` for each row, at the row's period or ``at``."""
        rows = self.rows.select("row", "asked", name=pl.lit(name), key=pl.lit(area_key(name)))
        return self._figures(rows, at)

    def others(self, at: Period | None = None) -> pl.LazyFrame:
        """The figures of each row's other cluster members, at the row's period or ``at``."""
        return self._figures(self.members, at)

    def _figures(self, rows: pl.DataFrame, at: Period | None) -> pl.LazyFrame:
        asked = rows.lazy() if at is None else rows.lazy().with_columns(asked=pl.lit(at.code))
        return asked.join(self.cells, on=["asked", "key"], how="left").drop("asked", "key")

    def number(self, value: Decimal) -> pl.Expr:
        """One of the goal's numbers at the batch's scale."""
        return pl.lit(int(value.scaleb(self.scale)), dtype=pl.Int128)

    def period(self, code: str | None) -> Period | None:
        if code is None:
            return None
        found = self.periods.get(code)
        return found if found is not None else parse_period(code)


# the comparisons every rule shares, on ``units``


def advantage(value: pl.Expr, reference: pl.Expr, better: str) -> pl.Expr:
    """How much better ``value`` is than ``reference`` (negative: worse)."""
    return reference - value if better == "lower" else value - reference


def behind(value: pl.Expr, reference: pl.Expr, better: str) -> pl.Expr:
    """The gap: how much worse ``value`` is than ``reference`` (negative: ahead)."""
    return advantage(reference, value, better)


def meets(ahead: pl.Expr, margin: pl.Expr, strict: bool) -> pl.Expr:
    return ahead > margin if strict else ahead >= margin


def verdict(ok: pl.Expr, *missing: pl.Expr) -> pl.Expr:
    """``met`` or ``unmet`` by ``ok``; ``no_data`` where any of ``missing`` holds."""
    status = pl.when(ok).then(pl.lit(MET)).otherwise(pl.lit(UNMET))
    for absent in reversed(missing):
        status = pl.when(absent).then(pl.lit(NO_DATA)).otherwise(status)
    return status


def compared(
    batch: Batch,
    reference: pl.LazyFrame,
    *,
    margin: Decimal = Decimal(0),
    strict: bool = False,
    prefix: str = "ref",
) -> pl.LazyFrame:
    """Each row's own figure against one reference figure (under ``prefix``), as
    :func:`~beskplan.rules.base.compared` judges one: ``no_data`` where either is missing."""
    frame = joined(batch.own(), **{prefix: reference})
    ahead = advantage(pl.col("own_units"), pl.col(f"{prefix}_units"), batch.better)
    ok = meets(ahead, batch.number(margin), strict)
    missing = (pl.col("own_m").is_null(), pl.col(f"{prefix}_m").is_null())
    return frame.with_columns(status=verdict(ok, *missing))


def prefixed(frame: pl.LazyFrame, prefix: str) -> pl.LazyFrame:
    """A figure frame's columns under ``prefix``, ``row`` kept."""
    return frame.select(pl.col("row"), pl.all().exclude("row").name.prefix(f"{prefix}_"))


def joined(own: pl.LazyFrame, *per_row: pl.LazyFrame, **figures: pl.LazyFrame) -> pl.LazyFrame:
    """Each row's own figure (as ``own_...``) beside figure frames named by keyword (their
    columns under that prefix) and frames already per row (``mean_of``, ``best_of``)."""
    frame = prefixed(own, "own")
    for prefix, figure in figures.items():
        frame = frame.join(prefixed(figure, prefix), on="row", how="left")
    for part in per_row:
        frame = frame.join(part, on="row", how="left")
    return frame


def present(others: pl.LazyFrame) -> pl.LazyFrame:
    return others.filter(pl.col("m").is_not_null())


def gone(others: pl.LazyFrame, prefix: str) -> pl.LazyFrame:
    """The others without a figure, per row in the cluster's order: name, period, token."""
    return (
        others.filter(pl.col("m").is_null())
        .sort("row", "position")
        .group_by("row", maintain_order=True)
        .agg(pl.struct("name", "read", "raw").alias(f"{prefix}_missing"))
    )


def mean_of(others: pl.LazyFrame, prefix: str) -> pl.LazyFrame:
    """Per row the others' count with a figure (``n``), their sum in units (``total``) and
    the most decimals among them (``dec``, the exponent of their exact sum)."""
    counted = (
        present(others)
        .group_by("row")
        .agg(
            pl.len().alias(f"{prefix}_n"),
            pl.col("units").sum().alias(f"{prefix}_total"),
            pl.col("dec").max().alias(f"{prefix}_dec"),
        )
    )
    return counted.join(gone(others, prefix), on="row", how="full", coalesce=True)


def best_of(others: pl.LazyFrame, better: str, prefix: str) -> pl.LazyFrame:
    """Per row the best of the others with a figure: its units, its mantissa and decimals,
    and the first in the cluster's order with that figure (the leader)."""
    lowest = better == "lower"
    ranked = present(others).sort(
        ["row", "units", "position"], descending=[False, not lowest, False]
    )
    first = ranked.group_by("row", maintain_order=True).first()
    chosen = first.select(
        "row",
        pl.col("units").alias(f"{prefix}_units"),
        pl.col("m").alias(f"{prefix}_m"),
        pl.col("dec").alias(f"{prefix}_dec"),
        pl.col("name").alias(f"{prefix}_leader"),
    )
    return chosen.join(gone(others, prefix), on="row", how="full", coalesce=True)


def rank_of(own: pl.LazyFrame, others: pl.LazyFrame, better: str) -> pl.LazyFrame:
    """Per row ``rank`` (1 + the others strictly better) and ``of`` (1 + the others with a
    figure), for rows whose own figure is there."""
    pairs = present(others).join(own.select("row", own="units"), on="row", how="inner")
    ahead = advantage(pl.col("own"), pl.col("units"), better) < 0
    return pairs.group_by("row").agg(
        rank=(ahead.sum() + 1).cast(pl.Int64), of=(pl.len() + 1).cast(pl.Int64)
    )


@dataclass(frozen=True)
class Row:
    """One row of a rule's frame, for its ``outcome``."""

    values: Mapping[str, Any]
    batch: Batch

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)

    @property
    def status(self) -> Status:
        return Status(self.values["status"])

    def reading(self, prefix: str) -> Reading:
        """The figure under ``prefix`` as the view gives it."""
        m, dec = self[f"{prefix}_m"], self[f"{prefix}_dec"]
        value = None if m is None else Decimal(m).scaleb(-dec)
        period = self.batch.period(self[f"{prefix}_read"])
        return Reading(self[f"{prefix}_name"], value, period, self[f"{prefix}_raw"])

    def missing(self, prefix: str) -> tuple[Reading, ...]:
        return tuple(
            Reading(m["name"], None, self.batch.period(m["read"]), m["raw"])
            for m in self[f"{prefix}_missing"] or ()
        )

    def mean(self, prefix: str) -> Reference:
        """The others' mean as :func:`~beskplan.rules.references.cluster_mean` gives it."""
        n = self[f"{prefix}_n"] or 0
        value = None
        if n:
            dec = self[f"{prefix}_dec"]
            total = Decimal(self[f"{prefix}_total"] // TEN[self.batch.scale - dec]).scaleb(-dec)
            value = (Decimal(0) + total) / n
        return Reference(value, Msg("ref.cluster_mean", {"n": n}), self.missing(prefix))

    def best(self, prefix: str) -> Reference:
        """The best other as :func:`~beskplan.rules.references.cluster_best` gives it."""
        m = self[f"{prefix}_m"]
        value = None if m is None else Decimal(m).scaleb(-self[f"{prefix}_dec"])
        label = Msg("ref.cluster_best", {"area": self[f"{prefix}_leader"]})
        return Reference(value, label, self.missing(prefix))


def rows(frame: pl.LazyFrame, batch: Batch) -> list[Row]:
    """The frame's rows in the batch's order, computed in one query (by the in-memory
    engine: a plan of a dozen joins over a few thousand rows is set up faster there)."""
    found = frame.sort("row").collect(engine="in-memory")
    return [Row(values, batch) for values in found.iter_rows(named=True)]
