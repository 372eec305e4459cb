"""A table: the extracts of all its files stacked, and reading figures from it.

Figures come back as :class:`~beskplan.evaluation.results.Reading` with exact decimals.
A dimension not named in a measure's ``where`` is read at its total row
(``Køn i alt``); rows that disagree for the same area and period are refused.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import polars as pl

from beskplan.core.areas import area_key
from beskplan.core.errors import InputError, MeasureError, Problem, closest
from beskplan.core.periods import Period, parse_period
from beskplan.core.sources import SourceFile
from beskplan.extracts.cells import at, format_hint, published, shown, text_cell, token
from beskplan.extracts.layout import (
    AREA,
    DECIMALS,
    FILE,
    INVALID,
    KEY,
    LINE,
    MAX_DIGITS,
    MISSING_WORDS,
    PERIOD,
    TOO_LONG,
    distinct_values,
    label_key,
)
from beskplan.extracts.locator import Locator
from beskplan.extracts.reading import Reading


class Filters(list[pl.Expr]):
    """A table's row filters for one ``where``, with the key they are kept under (writing
    Polars expressions out as text, to key them, costs more than a figure's lookup)."""

    def __init__(self, exprs: list[pl.Expr], key: tuple[str, ...]) -> None:
        super().__init__(exprs)
        self.key = key


TWICE = "\x00twice"  # whether a row's area and period stand on another row too

# a figure as read: (value, decimals or token code), the file and the line it stands on
Cell = tuple[tuple[float | None, int], str, int]


@dataclass
class Table:
    """All files of one table, read and stacked."""

    id: str
    files: list[Path]
    frame: pl.DataFrame
    dimensions: dict[str, str]  # key -> label
    measures: dict[str, str]  # key -> label
    notices: list[str] = field(default_factory=list)
    sources: list[SourceFile] = field(default_factory=list)
    positions: dict[str, dict[str, int]] = field(default_factory=dict)  # file -> key -> column
    raw_cells: dict[str, Callable[[int, int], str]] = field(default_factory=dict)
    locators: dict[str, Locator] = field(default_factory=dict)  # file -> how its cells are placed
    _periods: dict[str, Period] | None = None
    # (column, filters) -> (period code, area key) -> figure, and the periods read so far
    _cells: dict[tuple[str, tuple[str, ...]], dict[tuple[str, str], Cell]] = field(
        default_factory=dict
    )
    _periods_read: dict[tuple[str, tuple[str, ...]], set[str]] = field(default_factory=dict)
    _areas_read: dict[tuple[str, tuple[str, ...]], set[str]] = field(default_factory=dict)
    _clashes: dict[tuple[str, str, str], Problem] = field(default_factory=dict)
    _distinct: dict[str, list[str]] = field(default_factory=dict)  # column -> values, sorted
    _filters: dict[tuple[tuple[str, str], ...], Filters] = field(default_factory=dict)
    _area_keys: frozenset[str] | None = None
    _dated: list[SourceFile] | None = None

    @property
    def periods(self) -> dict[str, Period]:
        if self._periods is None:
            self._periods = {c: parse_period(c) for c in self.values(PERIOD)}
        return self._periods

    def dated_sources(self) -> list[SourceFile]:
        """The table's files, each with its first and newest period and the table's id
        (worked out once: every report of a national run asks)."""
        if self._dated is None:
            self._dated = self._date_sources()
        return self._dated

    def _date_sources(self) -> list[SourceFile]:
        if len(self.files) != len(self.sources):  # pragma: no cover - every reader describes
            return list(self.sources)
        spans = self._spans()
        return [
            replace(source, first=spans[path.name][0], newest=spans[path.name][1], table=self.id)
            if path.name in spans
            else replace(source, table=self.id)
            for path, source in zip(self.files, self.sources, strict=True)
        ]

    def _spans(self) -> dict[str, tuple[str, str]]:
        """Each file's first and newest period, by the file's name: a table stacked from the
        cache holds the paths its files had then, which may be another folder's."""
        if len(self.files) == 1:
            codes = list(self.periods.values())
        else:
            grouped = self.frame.group_by(FILE).agg(pl.col(PERIOD).cast(pl.String).unique())
            return {
                Path(str(file)).name: _span([parse_period(c) for c in codes])
                for file, codes in grouped.iter_rows()
                if codes
            }
        return {self.files[0].name: _span(codes)} if codes else {}

    def has_area(self, area: str) -> bool:
        """Whether ``area`` has rows in this table, at any period."""
        if self._area_keys is None:
            self._area_keys = frozenset(area_key(name) for name in self.values(AREA))
        return area_key(area) in self._area_keys

    def values(self, column: str) -> list[str]:
        """The distinct values of an area, period or dimension column, sorted (nulls left
        out), from the column's enumeration."""
        found = self._distinct.get(column)
        if found is None:
            found = self._distinct[column] = distinct_values(self.frame, column)
        return found

    def column(self, label: str) -> str:
        """The key of the measure column ``label`` names; :class:`MeasureError` if none."""
        want = label_key(label)
        if want in self.measures:
            return want
        found = [k for k in self.measures if k.endswith(": " + want) or want.endswith(": " + k)]
        if len(found) == 1:
            return found[0]
        if want in self.dimensions:
            raise self._not_numeric(want)
        labels = list(self.measures.values())
        if len(found) > 1:
            raise MeasureError(
                f"column '{label}' matches several columns of table {self.id}: "
                + "; ".join(self.measures[k] for k in found)
            )
        hint = closest(label, labels)
        suggestion = f"; did you mean '{hint}'?" if hint else "."
        raise MeasureError(
            f"table {self.id} has no measure column '{label}'{suggestion} "
            f"Its measure columns are: {'; '.join(labels) or '(none)'}"
        )

    def _not_numeric(self, key: str) -> Exception:
        """The error for a measure column that holds text: at its first text cell."""
        return text_cell(self.frame, key, self.dimensions[key], self.place)

    def filters(self, where: Mapping[str, str]) -> Filters:
        """Row filters for ``where``, with every dimension not named taken at its total."""
        key = tuple(sorted(where.items()))
        if key not in self._filters:
            made = self._make_filters(where)
            self._filters[key] = Filters(made, tuple(str(f) for f in made))
        return self._filters[key]

    def _make_filters(self, where: Mapping[str, str]) -> list[pl.Expr]:
        named: dict[str, str] = {}
        for dim, value in where.items():
            key = label_key(dim)
            if key in self.measures:
                raise MeasureError(
                    f"'{dim}' is a measure column of table {self.id}, not a dimension; where: "
                    "chooses categories of dimensions"
                    + f" ({', '.join(self.dimensions.values()) or 'this table has none'})"
                )
            if key not in self.dimensions:
                hint = closest(dim, list(self.dimensions.values()))
                raise MeasureError(
                    f"table {self.id} has no dimension '{dim}'"
                    + (f"; did you mean '{hint}'?" if hint else "")
                    + f" Its dimensions are: {', '.join(self.dimensions.values()) or '(none)'}"
                )
            named[key] = value
        exprs: list[pl.Expr] = []
        for key, label in self.dimensions.items():
            values = self.values(key)
            if key in named:
                want = label_key(named[key])
                match = [v for v in values if label_key(v) == want]
                if not match:
                    hint = closest(named[key], values)
                    raise MeasureError(
                        f"dimension '{label}' of table {self.id} has no category '{named[key]}'"
                        + (f"; did you mean '{hint}'?" if hint else "")
                        + f" Its categories are: {', '.join(values)}"
                    )
                exprs.append(pl.col(key).is_in(match))
                continue
            totals = [
                v for v in values if label_key(v).endswith(" i alt") or label_key(v) == "i alt"
            ]
            exact = [v for v in totals if label_key(v) == f"{key} i alt"]
            if len(totals) != 1 and len(exact) != 1:
                raise MeasureError(
                    f"dimension '{label}' of table {self.id} has "
                    + (
                        "no total row ('... i alt')"
                        if not totals
                        else f"several totals ({', '.join(totals)})"
                    )
                    + f"; say which category to read with where: {{{label}: ...}}. "
                    f"Its categories are: {', '.join(values)}"
                )
            exprs.append(pl.col(key) == (exact or totals)[0])
        return exprs

    def periods_of(self, area: str) -> list[Period]:
        """The periods at which ``area`` has rows in this table."""
        codes = self.frame.filter(pl.col(KEY) == area_key(area))[PERIOD].unique().to_list()
        return [self.periods[c] for c in codes]

    def figure_periods(self, area: str, column: str, filters: list[pl.Expr]) -> set[str]:
        """The periods at which ``area`` has a figure in ``column``: not suppressed, not absent."""
        rows = self.frame.filter(
            pl.col(KEY) == area_key(area), *filters, pl.col(column).is_not_null()
        )
        return set(rows[PERIOD].cast(pl.String).unique().to_list())

    def read(
        self,
        column: str,
        filters: list[pl.Expr],
        areas: Mapping[str, str],
        period: Period,
    ) -> dict[str, Reading]:
        """The figures of ``areas`` (area key -> name shown) at exactly ``period``.

        The figures of every area at that period are read once and kept, so that
        evaluating many municipalities or periods reads each slice of a table once.
        """
        seen = self._cells_at(column, filters, period, areas)
        at = period.code
        for key in areas:
            clash = self._clashes.get((column, at, key))
            if clash is not None:
                message = clash.message.replace("\x00area", areas[key])
                raise InputError(dataclasses.replace(clash, message=message))
        readings: dict[str, Reading] = {}
        for key, name in areas.items():
            cell = seen.get((at, key))
            if cell is None:
                readings[key] = Reading(name, None, period, None)
                continue
            (value, code), file, line = cell
            if code == INVALID:
                raise self._invalid(column, file, line)
            if code == TOO_LONG:
                raise InputError(
                    self.place(
                        f"the figure in column '{self.measures[column]}' has more than "
                        f"{MAX_DIGITS} significant digits; beskplan compares figures exactly "
                        "and reads at most that many",
                        file,
                        line,
                        column,
                    )
                )
            readings[key] = Reading(name, published(value, code), period, token(code))
        return readings

    def _cells_at(
        self, column: str, filters: list[pl.Expr], period: Period, areas: Mapping[str, str]
    ) -> dict[tuple[str, str], Cell]:
        """The figures in ``column`` read so far, ``areas`` at ``period`` among them:
        (period code, area key) -> (value and decimals code, file, line).

        The first period asked is read for every area (every municipality at one period);
        after it, the areas asked are read at every period at once, since a goal's history
        or a range of periods follows."""
        named = filters.key if isinstance(filters, Filters) else tuple(str(f) for f in filters)
        where = (column, named)
        periods = self._periods_read.setdefault(where, set())
        spanned = self._areas_read.setdefault(where, set())
        if period.code in periods:
            return self._cells[where]
        missing = [key for key in areas if key not in spanned]
        if not missing:
            return self._cells[where]
        if periods:  # a second period: these areas at every period
            chosen = [pl.col(KEY).cast(pl.String).is_in(missing)]
            spanned.update(missing)
        else:
            chosen = [pl.col(PERIOD) == period.code]
            periods.add(period.code)
        # eager: a query planned for a slice this small costs more than its work
        rows = self.frame.filter(*chosen, *filters).select(
            pl.col(PERIOD).cast(pl.String),
            pl.col(KEY).cast(pl.String),
            column,
            column + DECIMALS,
            FILE,
            LINE,
            pl.struct(PERIOD, KEY).is_duplicated().alias(TWICE),
        )
        cells = self._cells.setdefault(where, {})
        twice = rows.drop_in_place(TWICE)
        # rows repeated are rare: the frame is split only where there are some (a split is
        # a query of its own, and most of the time of reading a small slice)
        repeated = rows.filter(twice) if twice.any() else rows.clear()
        for code, key, value, decimals, file, line in repeated.iter_rows():
            first = cells.get((code, key))  # rare: rows repeated, said where they disagree
            if first is not None and first[0] != (value, decimals):
                earlier = self.place("", first[1], first[2], None)
                self._clashes[(column, code, key)] = self.place(
                    f"two rows for \x00area {code} disagree on "
                    f"'{self.measures[column]}': {shown(*first[0])} on {at(earlier)} "
                    f"and {shown(value, decimals)} here; remove one",
                    file,
                    line,
                    column,
                )
            cells.setdefault((code, key), ((value, decimals), file, line))
        once = rows.filter(~twice) if repeated.height else rows
        codes, keys, values, decimals, files, lines = (s.to_list() for s in once.get_columns())
        figures = zip(zip(values, decimals, strict=True), files, lines, strict=True)
        # rows that stand once: the same figures as any read at one period before, so they
        # may be written over
        cells.update(zip(zip(codes, keys, strict=True), figures, strict=True))
        return cells

    def cells(
        self, column: str, filters: list[pl.Expr], periods: Iterable[str], keys: Iterable[str]
    ) -> pl.DataFrame | None:
        """The figures of the areas ``keys`` at ``periods`` as one frame: period code, area
        key, the number and its decimals (``code``, or a token's code), one row per figure.

        ``None`` where a figure cannot be given so: a cell that is not a number or has too
        many digits, or two rows for one area and period. :meth:`read` says what is wrong
        there, at the cell, and the caller reads such figures one by one.
        """
        rows = (
            self.frame.lazy()
            .filter(pl.col(PERIOD).is_in(list(periods)), pl.col(KEY).is_in(list(keys)), *filters)
            .select(
                pl.col(PERIOD).cast(pl.String).alias("period"),
                pl.col(KEY).cast(pl.String).alias("key"),
                pl.col(column).alias("value"),
                pl.col(column + DECIMALS).alias("code"),
            )
            .unique()
            .with_columns(
                unfit=pl.col("code").is_in([INVALID, TOO_LONG]).any()
                | pl.struct("period", "key").is_duplicated().any()
            )
            .collect(engine="in-memory")
        )
        if rows.drop_in_place("unfit").any():
            return None
        return rows

    def _invalid(self, column: str, file: str, line: int) -> InputError:
        position = self.positions.get(file, {}).get(column)
        reader = self.raw_cells.get(file)
        raw = reader(line, position) if reader and position else "?"
        return InputError(
            self.place(
                f"'{raw}' in column '{self.measures[column]}' is not a number in this file's format"
                + format_hint(raw)
                + f"; {MISSING_WORDS}",
                file,
                line,
                column,
            )
        )

    def place(self, message: str, file: str, line: int, column: str | None) -> Problem:
        """A problem at a cell of one of the table's files, placed as that file's format says."""
        number = self.positions.get(file, {}).get(column) if column is not None else None
        return self.locators.get(file, Locator()).problem(message, file, line, number)


def _span(periods: list[Period]) -> tuple[str, str]:
    ordered = sorted(periods, key=Period.sort_key)
    return ordered[0].code, ordered[-1].code
