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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

import polars as pl

from beskplan.areas import area_key
from beskplan.catalogue import ColumnSpec, Spec
from beskplan.context import Context
from beskplan.extracts.layout import MISSING_TOKENS
from beskplan.extracts.reading import Reading
from beskplan.periods import Period, parse_period
from beskplan.results import Msg, Status
from beskplan.rules.base import NATIONAL
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


@dataclass
class Batch:
    """The rows of one goal, with every figure they may read.

    ``rows`` are the municipality (its name as asked), the period asked and the cluster
    its rule compares it with (``None`` without one), in order. ``areas`` are the areas
    the goal names (``than``), read besides the national level, and ``periods`` the
    periods it reads besides each row's own (a baseline). ``numbers`` are the goal's own
    numbers (margins, targets), whose decimals the common scale must hold.
    """

    context: Context
    spec: Spec
    better: str
    rows: Sequence[tuple[str, Period, str | Sequence[str] | None]]
    areas: Sequence[str] = ()
    periods: Sequence[Period] = ()
    numbers: Iterable[Decimal] = ()
    scale: int = field(init=False, default=0)  # the decimals every figure is brought to
    frame: pl.DataFrame = field(init=False)
    _members: pl.DataFrame = field(init=False)
    _cells: pl.LazyFrame = field(init=False)
    _decimals: int = field(init=False, default=0)  # the most decimals among the figures read
    _periods: dict[str, Period] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        names = [name for name, _, _ in self.rows]
        self.frame = pl.DataFrame(
            {
                "row": range(len(self.rows)),
                "name": names,
                "key": [area_key(n) for n in names],
                "asked": [p.code for _, p, _ in self.rows],
            },
            schema={"row": pl.UInt32, "name": pl.String, "key": pl.String, "asked": pl.String},
        )
        self._members = self._member_rows()
        keys = {
            *self.frame["key"],
            *self._members["key"],
            *(area_key(a) for a in (NATIONAL, *self.areas)),
        }
        asked = {p.code: p for _, p, _ in self.rows} | {p.code: p for p in self.periods}
        cells = self._read(self.spec, asked, keys)
        self.scale = max([self._decimals, *map(decimals, self.numbers)])
        units = pl.col("m") * ten(self.scale - pl.col("dec"))
        self._cells = cells.with_columns(units=units)

    def _member_rows(self) -> pl.DataFrame:
        """Each row's other cluster members, in the cluster's order."""
        from beskplan.view import members_at

        found: dict[tuple[object, str], list[str]] = {}
        rows, positions, names, asked = [], [], [], []
        for row, (name, period, cluster) in enumerate(self.rows):
            if cluster is None:
                continue
            ident = (cluster if isinstance(cluster, str) else tuple(cluster), period.code)
            if ident not in found:
                found[ident] = members_at(cluster, self.context.clusters, period)
            own = area_key(name)
            for position, member in enumerate(found[ident]):
                if area_key(member) != own:
                    rows.append(row)
                    positions.append(position)
                    names.append(member)
                    asked.append(ident[1])
        return pl.DataFrame(
            {
                "row": rows,
                "position": positions,
                "name": names,
                "key": [area_key(n) for n in names],
                "asked": asked,
            },
            schema={
                "row": pl.UInt32,
                "position": pl.UInt32,
                "name": pl.String,
                "key": pl.String,
                "asked": pl.String,
            },
        )

    def _read(self, spec: Spec, asked: Mapping[str, Period], keys: set[str]) -> pl.LazyFrame:
        """The measure's figure of every area in ``keys`` at every period in ``asked``."""
        grid = pl.DataFrame(
            [(code, key) for code in asked for key in keys],
            schema={"asked": pl.String, "key": pl.String},
            orient="row",
        ).lazy()
        if isinstance(spec, ColumnSpec):
            return self._column(spec, asked, keys, grid)
        parts = [self._read(part, asked, keys) for part in spec.parts]
        return _summed(grid, parts)

    def _column(
        self, spec: ColumnSpec, asked: Mapping[str, Period], keys: set[str], grid: pl.LazyFrame
    ) -> pl.LazyFrame:
        table = self.context.store.table(spec.table)
        column, filters = table.column(spec.column), table.filters(dict(spec.where))
        found = {code: table.period_for(p.lookup_order()) for code, p in asked.items()}
        for period in found.values():
            if period is not None:
                self._periods[period.code] = period
        cells = table.cells(
            column, filters, {p.code for p in found.values() if p is not None}, keys
        )
        if cells is None:
            raise Unfit(spec.table)
        most = cells.get_column("code").max()
        if isinstance(most, int):
            self._decimals = max(self._decimals, most)
        reads = pl.LazyFrame(
            {"asked": list(found), "read": [p.code if p else None for p in found.values()]},
            schema={"asked": pl.String, "read": pl.String},
        )
        code = pl.col("code")
        return (
            grid.join(reads, on="asked", how="left")
            .join(cells.lazy(), left_on=["read", "key"], right_on=["period", "key"], how="left")
            .select(
                "asked",
                "key",
                "read",
                m=pl.when(code >= 0)
                .then((pl.col("value") * ten(code.clip(0)).cast(pl.Float64)).round())
                .cast(pl.Int128),
                dec=pl.when(code >= 0).then(code),
                raw=code.replace_strict(TOKENS, default=None, return_dtype=pl.String),
            )
        )

    # what a rule reads: each a frame with ``row`` (and for members ``position`` and
    # ``name``) and the figure's columns, FIGURE and ``units``

    def own(self, at: Period | None = None) -> pl.LazyFrame:
        """Each row's municipality's figure at the row's period, or at ``at``."""
        return self._figures(self.frame, at)

    def area(self, name: str, at: Period | None = None) -> pl.LazyFrame:
        """The figure of the area ``name`` for each row, at the row's period or ``at``."""
        rows = self.frame.select("row", "asked", name=pl.lit(name), key=pl.lit(area_key(name)))
        return self._figures(rows, at)

    def others(self, at: Period | None = None) -> pl.LazyFrame:
        """The figures of each row's other cluster members, at the row's period or ``at``."""
        return self._figures(self._members, at)

    def _figures(self, rows: pl.DataFrame, at: Period | None) -> pl.LazyFrame:
        asked = rows.lazy() if at is None else rows.lazy().with_columns(asked=pl.lit(at.code))
        return asked.join(self._cells, on=["asked", "key"], how="left").drop("asked", "key")

    def number(self, value: Decimal) -> pl.Expr:
        """One of the goal's numbers at the batch's scale."""
        return pl.lit(int(value.scaleb(self.scale)), dtype=pl.Int128)

    def period(self, code: str | None) -> Period | None:
        if code is None:
            return None
        found = self._periods.get(code)
        return found if found is not None else parse_period(code)


def _summed(grid: pl.LazyFrame, parts: list[pl.LazyFrame]) -> pl.LazyFrame:
    """A sum's figure from its parts': exact, and missing where any part is, with that
    part's period and token (the first such part); the period read is the first part's."""
    joined = grid
    for i, part in enumerate(parts):
        joined = joined.join(
            part.rename({c: f"{c}{i}" for c in FIGURE}), on=["asked", "key"], how="left"
        )
    count = range(len(parts))
    dec = pl.max_horizontal(*(pl.col(f"dec{i}") for i in count))
    total = pl.sum_horizontal(*(pl.col(f"m{i}") * ten(dec - pl.col(f"dec{i}")) for i in count))
    complete = pl.all_horizontal(*(pl.col(f"m{i}").is_not_null() for i in count))
    first_missing = [pl.col(f"m{i}").is_null() for i in count]

    def missing(column: str) -> pl.Expr:
        chosen: pl.Expr = pl.lit(None)
        for i in reversed(count):  # the first part without a figure wins
            chosen = pl.when(first_missing[i]).then(pl.col(f"{column}{i}")).otherwise(chosen)
        return chosen

    return joined.select(
        "asked",
        "key",
        read=pl.when(complete)
        .then(pl.coalesce(*(pl.col(f"read{i}") for i in count)))
        .otherwise(missing("read")),
        m=pl.when(complete).then(total),
        dec=pl.when(complete).then(dec),
        raw=pl.when(complete).then(pl.lit(None, pl.String)).otherwise(missing("raw")),
    )


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
