"""A goal's batch read from the data: the figures its rows may read, exact, in one frame.

The rule's side of a batch (:class:`beskplan.rules.frames.Batch`) only looks at figures;
this is where they come from. Every area the rows name (each row's municipality, its
other cluster members at the row's period, the national level and the areas the goal
names) is read at every period asked (the rows' own and those the rule reads besides, a
baseline), as the period each table has for it, and a sum of measures is added up exactly.
A published figure becomes an integer of its published decimals (``m`` and ``dec``), and
all are brought to one ``scale`` as ``units``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import polars as pl

from beskplan.core.areas import area_key
from beskplan.core.periods import Period
from beskplan.evaluation.context import Context
from beskplan.evaluation.timing import read_at
from beskplan.evaluation.view import members_at
from beskplan.plan.catalogue import ColumnSpec, Spec
from beskplan.rules.base import NATIONAL
from beskplan.rules.frames import FIGURE, TOKENS, Batch, Unfit, decimals, ten

Row = tuple[str, Period, str | Sequence[str] | None]  # municipality, period asked, cluster


def read_batch(
    context: Context,
    spec: Spec,
    better: str,
    rows: Sequence[Row],
    areas: Sequence[str] = (),
    periods: Sequence[Period] = (),
    numbers: Iterable[Decimal] = (),
) -> Batch:
    """The batch of ``rows`` (the municipality, the period asked and the cluster its rule
    compares it with, ``None`` without one), reading ``spec``.

    ``areas`` are the areas the goal names (``than``), read besides the national level,
    and ``periods`` the periods it reads besides each row's own (a baseline). ``numbers``
    are the goal's own numbers (margins, targets), whose decimals the common scale must
    hold. Raises :class:`Unfit` where the figures cannot be read as one frame.
    """
    names = [name for name, _, _ in rows]
    frame = pl.DataFrame(
        {
            "row": range(len(rows)),
            "name": names,
            "key": [area_key(n) for n in names],
            "asked": [p.code for _, p, _ in rows],
        },
        schema={"row": pl.UInt32, "name": pl.String, "key": pl.String, "asked": pl.String},
    )
    members = _member_rows(context, rows)
    keys = {
        *frame["key"],
        *members["key"],
        *(area_key(a) for a in (NATIONAL, *areas)),
    }
    asked = {p.code: p for _, p, _ in rows} | {p.code: p for p in periods}
    reader = _Reader(context)
    cells = reader.read(spec, asked, keys)
    scale = max([reader.decimals, *map(decimals, numbers)])
    units = pl.col("m") * ten(scale - pl.col("dec"))
    return Batch(better, frame, members, cells.with_columns(units=units), scale, reader.periods)


def _member_rows(context: Context, rows: Sequence[Row]) -> pl.DataFrame:
    """Each row's other cluster members, in the cluster's order."""
    found: dict[tuple[object, str], list[str]] = {}
    numbers, positions, names, asked = [], [], [], []
    for row, (name, period, cluster) in enumerate(rows):
        if cluster is None:
            continue
        ident = (cluster if isinstance(cluster, str) else tuple(cluster), period.code)
        if ident not in found:
            found[ident] = members_at(cluster, context.clusters, period)
        own = area_key(name)
        for position, member in enumerate(found[ident]):
            if area_key(member) != own:
                numbers.append(row)
                positions.append(position)
                names.append(member)
                asked.append(ident[1])
    return pl.DataFrame(
        {
            "row": numbers,
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


@dataclass
class _Reader:
    """Reads a measure's cells, keeping the most decimals met and the periods read."""

    context: Context
    decimals: int = 0
    periods: dict[str, Period] = field(default_factory=dict)

    def read(self, spec: Spec, asked: Mapping[str, Period], keys: set[str]) -> pl.LazyFrame:
        """The measure's figure of every area in ``keys`` at every period in ``asked``."""
        grid = pl.DataFrame(
            [(code, key) for code in asked for key in keys],
            schema={"asked": pl.String, "key": pl.String},
            orient="row",
        ).lazy()
        if isinstance(spec, ColumnSpec):
            return self._column(spec, asked, keys, grid)
        parts = [self.read(part, asked, keys) for part in spec.parts]
        return _summed(grid, parts)

    def _column(
        self, spec: ColumnSpec, asked: Mapping[str, Period], keys: set[str], grid: pl.LazyFrame
    ) -> pl.LazyFrame:
        table = self.context.store.table(spec.table)
        column, filters = table.column(spec.column), table.filters(dict(spec.where))
        found = {code: read_at(table, p) for code, p in asked.items()}
        for period in found.values():
            if period is not None:
                self.periods[period.code] = period
        cells = table.cells(
            column, filters, {p.code for p in found.values() if p is not None}, keys
        )
        if cells is None:
            raise Unfit(spec.table)
        most = cells.get_column("code").max()
        if isinstance(most, int):
            self.decimals = max(self.decimals, most)
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
