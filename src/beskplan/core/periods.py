"""Statistics periods: months, quarters, half-years, moving years and years.

Jobindsats writes ``2018M06`` (month), ``2024Q01`` (quarter; ``2024Q1`` and
Statistics Denmark's ``2024K1`` are read too), ``2022H02`` (half-year),
``2021QMAT02`` (the moving year of the four quarters ending with the second
quarter of 2021) and ``2019`` (year; API v3 writes it ``2019Y01``, period type
``Y``). Every period has one canonical code, which is how beskplan prints it:
``2019Y01`` is ``2019``.

A measure published at another frequency than the period asked is read at its
period that ends where the asked one ends: :meth:`Period.lookup_order` lists them.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from typing import Literal


class Kind(IntEnum):
    """Frequencies, finest first."""

    MONTH = 1
    QUARTER = 2
    HALF_YEAR = 3
    MOVING_YEAR = 4
    YEAR = 5


KIND_NAMES = {
    Kind.MONTH: "month",
    Kind.QUARTER: "quarter",
    Kind.HALF_YEAR: "half-year",
    Kind.MOVING_YEAR: "moving year",
    Kind.YEAR: "year",
}

_FORMS = (
    (re.compile(r"([0-9]+)M([0-9]+)", re.IGNORECASE), Kind.MONTH),
    (re.compile(r"([0-9]+)QMAT([0-9]+)", re.IGNORECASE), Kind.MOVING_YEAR),
    (re.compile(r"([0-9]+)[QK]([0-9]+)", re.IGNORECASE), Kind.QUARTER),
    (re.compile(r"([0-9]+)H([0-9]+)", re.IGNORECASE), Kind.HALF_YEAR),
    (re.compile(r"([0-9]+)Y([0-9]+)", re.IGNORECASE), Kind.YEAR),
    (re.compile(r"([0-9]+)"), Kind.YEAR),
)
_LIMIT = {Kind.MONTH: 12, Kind.QUARTER: 4, Kind.HALF_YEAR: 2, Kind.MOVING_YEAR: 4, Kind.YEAR: 1}
_MONTHS = {Kind.MONTH: 1, Kind.QUARTER: 3, Kind.HALF_YEAR: 6, Kind.MOVING_YEAR: 3, Kind.YEAR: 12}

EXPECTED = (
    "a month 2018M06, a quarter 2024Q01, a half-year 2022H02, a moving year 2021QMAT02 "
    "or a year 2019 (2019Y01)"
)


_BETWEEN = re.compile(r"^([0-9]{4})[ -](?=[A-Za-z])")


class PeriodError(ValueError):
    """A period code that does not parse; the message says why."""


@dataclass(frozen=True, slots=True)
class Period:
    kind: Kind
    year: int
    index: int = 0  # month 1-12, quarter 1-4, moving year's last quarter 1-4; 0 for a year

    @property
    def code(self) -> str:
        return _code(self)

    def _code(self) -> str:
        if self.kind is Kind.MONTH:
            return f"{self.year}M{self.index:02d}"
        if self.kind is Kind.QUARTER:
            return f"{self.year}Q{self.index:02d}"
        if self.kind is Kind.HALF_YEAR:
            return f"{self.year}H{self.index:02d}"
        if self.kind is Kind.MOVING_YEAR:
            return f"{self.year}QMAT{self.index:02d}"
        return f"{self.year}"

    def __str__(self) -> str:
        return self.code

    @property
    def first_month(self) -> int:
        """Months since year 0 of the period's first month (for ordering and spans)."""
        return self.last_month - (self.months - 1)

    @property
    def last_month(self) -> int:
        if self.kind is Kind.YEAR:
            return self.year * 12 + 11
        return self.year * 12 + self.index * _MONTHS[self.kind] - 1

    @property
    def months(self) -> int:
        return 12 if self.kind is Kind.MOVING_YEAR else _MONTHS[self.kind]

    def next(self) -> Period:
        """The period of the same kind that follows this one."""
        if self.kind is Kind.YEAR:
            return Period(Kind.YEAR, self.year + 1)
        if self.index == _LIMIT[self.kind]:
            return Period(self.kind, self.year + 1, 1)
        return Period(self.kind, self.year, self.index + 1)

    def previous(self) -> Period:
        """The period of the same kind before this one (the quarter before, for a quarter)."""
        if self.kind is Kind.YEAR:
            return Period(Kind.YEAR, self.year - 1)
        if self.index == 1:
            return Period(self.kind, self.year - 1, _LIMIT[self.kind])
        return Period(self.kind, self.year, self.index - 1)

    def year_ago(self) -> Period:
        """The same period a year earlier."""
        return Period(self.kind, self.year - 1, self.index)

    def sort_key(self) -> tuple[int, int]:
        return (self.last_month, -int(self.kind))

    def is_after(self, other: Period) -> bool:
        """Whether this period ends after ``other`` ends."""
        return self.last_month > other.last_month

    def contains(self, other: Period) -> bool:
        """Whether ``other`` lies within this period (a month within its quarter, year, ...)."""
        return self.first_month <= other.first_month and other.last_month <= self.last_month

    def lookup_order(self) -> tuple[Period, ...]:
        """The periods a table is read at for this asked period, in order: those that end
        where it ends, itself first, then the others finest first.

        A quarter ``2026Q2`` reads June 2026 from a monthly table, the quarter from a
        quarterly one, the first half-year from a half-yearly one and ``2026QMAT02`` from a
        moving-year one; a year reads December, the fourth quarter, the second half-year,
        ``QMAT04`` or the year; a month that ends a quarter reads that quarter. A month
        inside a quarter (``2026M05``) reads only months: a coarser table has no period
        ending there, so it has no figure, never one that ends later.
        """
        return _lookup_order(self)

    def _lookup_order(self) -> tuple[Period, ...]:
        return (self, *(p for p in ending_at(self.last_month) if p != self))


def read_from(asked: Period, published: Container[str]) -> Period | None:
    """The period a table that publishes the period codes ``published`` is read at for
    ``asked``: the first of :meth:`Period.lookup_order` it has; ``None`` where it has none.
    The one rule for which period a goal reads, for evaluation and fetch alike."""
    return next((p for p in asked.lookup_order() if p.code in published), None)


def ending_at(month: int) -> tuple[Period, ...]:
    """Every period that ends with ``month`` (months since year 0), finest first."""
    year, number = divmod(month, 12)
    number += 1
    found = [Period(Kind.MONTH, year, number)]
    if number % 3 == 0:
        found.append(Period(Kind.QUARTER, year, number // 3))
    if number % 6 == 0:
        found.append(Period(Kind.HALF_YEAR, year, number // 6))
    if number % 3 == 0:
        found.append(Period(Kind.MOVING_YEAR, year, number // 3))
    if number == 12:
        found.append(Period(Kind.YEAR, year))
    return tuple(found)


# a period's code and lookup order are asked for hundreds of thousands of times over a
# range of periods, of a few hundred distinct periods
@lru_cache(maxsize=4096)
def _code(period: Period) -> str:
    return period._code()


@lru_cache(maxsize=4096)
def _lookup_order(period: Period) -> tuple[Period, ...]:
    return period._lookup_order()


def parse_period(text: object) -> Period:
    """Parse a period code, or raise :class:`PeriodError` saying what is wrong."""
    if isinstance(text, str):
        return _parsed(text)
    if isinstance(text, bool) or not isinstance(text, int):
        raise PeriodError(f"a period must be text such as 2018M06, not {text!r}")
    return _parsed(str(text))


# the tables of a national run hold the same few hundred periods, parsed thousands of times
@lru_cache(maxsize=4096)
def _parsed(text: str) -> Period:
    # '2026-Q2' and '2026 Q2', as people write a quarter, are 2026Q2
    raw = _BETWEEN.sub(r"\1", text.strip())
    if len(raw) > 20:  # no period is written longer; digits beyond Python's int limit crash
        shown = raw[:20] + "…"
        raise PeriodError(
            f"period '{shown}' does not parse: it is {len(raw)} characters long; "
            f"expected {EXPECTED}"
        )
    for pattern, kind in _FORMS:
        m = pattern.fullmatch(raw)
        if not m:
            continue
        year_text = m.group(1)
        if len(year_text) != 4:
            raise PeriodError(
                f"period '{raw}' does not parse: the year must have four digits; "
                f"expected {EXPECTED}"
            )
        year = int(year_text)
        if year < 1000:
            raise PeriodError(f"period '{raw}' does not parse: there is no year {year_text}")
        index = int(m.group(2)) if pattern.groups > 1 else 0
        if kind is Kind.YEAR:
            if pattern.groups > 1 and index != 1:
                raise PeriodError(
                    f"period '{raw}' does not parse: a year is written {year}Y01; "
                    f"expected {EXPECTED}"
                )
            return Period(kind, year)
        if not 1 <= index <= _LIMIT[kind]:
            raise PeriodError(
                f"period '{raw}' does not parse: there is no {KIND_NAMES[kind]} {index} "
                f"(1 to {_LIMIT[kind]}); expected {EXPECTED}"
            )
        return Period(kind, year, index)
    raise PeriodError(f"period '{raw}' does not parse; expected {EXPECTED}")


RUN_WORDS = {
    "en": ("every {} months", "and", "none"),
    "da": ("hver {}. måned", "og", "ingen"),
}


@dataclass(frozen=True)
class PeriodRuns:
    """Periods to be said as runs (:func:`runs`), in the reader's language."""

    periods: tuple[Period, ...]


def runs(periods: Iterable[Period], lang: Literal["en", "da"] = "en") -> str:
    """Periods said as runs: ``2016M03–2016M12 and 2017M02–2019M12``; a run at a steady
    step longer than one is said with it: ``2016M03–2019M12 every 3 months``."""
    every_n, conjunction, none = RUN_WORDS[lang]
    ordered = sorted(set(periods), key=Period.sort_key)
    spans: list[list[Period]] = []
    for period in ordered:
        run = spans[-1] if spans else None
        if run and run[-1].kind == period.kind:
            step = period.last_month - run[-1].last_month
            steady = len(run) == 1 or step == run[-1].last_month - run[-2].last_month
            if steady and (
                len(run) > 1 or step == run[-1].months or _steps_on(ordered, run[-1], step)
            ):
                run.append(period)
                continue
        spans.append([period])
    words = []
    for run in spans:
        step = run[1].last_month - run[0].last_month if len(run) > 1 else 0
        if len(run) == 1:
            words.append(f"{run[0]}")
        elif len(run) == 2 and step != run[0].months:
            words.extend([f"{run[0]}", f"{run[1]}"])
        else:
            every = " " + every_n.format(step) if step != run[0].months else ""
            words.append(f"{run[0]}–{run[-1]}{every}")
    if len(words) < 2:
        return "".join(words) or none
    return ", ".join(words[:-1]) + f" {conjunction} " + words[-1]


def _steps_on(ordered: list[Period], last: Period, step: int) -> bool:
    """Whether the period after ``last`` in ``ordered`` keeps the same step (a steady run)."""
    index = ordered.index(last)
    after = ordered[index + 2] if index + 2 < len(ordered) else None
    return (
        after is not None
        and after.kind == last.kind
        and (after.last_month - last.last_month == 2 * step)
    )


def finest(periods: Iterable[Period]) -> list[Period]:
    """The periods of the finest frequency among ``periods``, oldest first."""
    found = list(periods)
    if not found:
        return []
    kind = min(p.kind for p in found)
    return sorted((p for p in found if p.kind == kind), key=Period.sort_key)


# --period: a period, the newest shared by every goal, each goal's newest, or the plan's
Choice = Period | Literal["latest", "newest"] | None


def parse_choice(text: str | None) -> Choice:
    """``None``, ``latest``, ``newest`` or a period; :class:`PeriodError` for anything else."""
    if text is None:
        return None
    if text == "latest":
        return "latest"
    if text == "newest":
        return "newest"
    return parse_period(text)


def parse_range(text: str) -> tuple[Period, Period]:
    """``FROM..TO``: its two periods, the first not after the second; :class:`PeriodError`
    saying what is wrong otherwise."""
    first_text, sep, last_text = text.partition("..")
    if not sep:
        raise PeriodError(f"'{text}' is not a range; write FROM..TO, as 2018M01..2018M12")
    first, last = parse_period(first_text), parse_period(last_text)
    if first.last_month > last.last_month:
        raise PeriodError(f"{last} comes before {first}")
    return first, last


def between(first: Period, last: Period) -> list[Period]:
    """Every period of ``first``'s frequency from ``first`` to ``last``."""
    if first.kind != last.kind:
        raise PeriodError(f"{first} and {last} are not of the same frequency")
    found = [first]
    while found[-1] != last:
        found.append(found[-1].next())
    return found
