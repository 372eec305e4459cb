"""The data query for one table, built from its metadata and what the plans read.

Every measure group (``mgroup.*=*``); every municipality and the country
(``hierarchy._nykom=*``, the country at its top; ``_hele_landet=/`` only in a table
without ``_nykom``); a dimension that goals name in ``where`` at ``*``, found by the
categories they name; every other dimension at its total (``/``); the periods: by
default from the earliest period a goal reads (at its period or baseline, by the
rule evaluation reads by, :func:`~beskplan.core.periods.read_from`: ``2026Q2`` reads
June 2026 of a monthly table) to the newest published, or as ``--periods`` says,
of the finest type the table publishes.
"""

from __future__ import annotations

from dataclasses import dataclass

from beskplan.core.errors import InputError, Problem, did_you_mean
from beskplan.core.periods import Period, PeriodError, parse_range, read_from
from beskplan.extracts.layout import label_key
from beskplan.fetch.metadata import COUNTRY, MUNICIPALITIES, TOTAL, Hierarchy, TableMeta
from beskplan.fetch.needs import Need


@dataclass(frozen=True)
class Periods:
    """``--periods``: the newest N (``latest:N``), a range (``FROM..TO``), or what goals read."""

    latest: int | None = None
    first: Period | None = None
    last: Period | None = None

    @classmethod
    def parse(cls, text: str | None) -> Periods:
        if text is None:
            return cls()
        if text.startswith("latest:"):
            count = text.removeprefix("latest:")
            if not count.isdigit() or int(count) < 1:
                raise InputError(
                    Problem(f"--periods: '{text}' wants a whole number of periods, as latest:12")
                )
            return cls(latest=int(count))
        try:
            begin, end = parse_range(text)
        except PeriodError as exc:
            raise InputError(Problem(f"--periods: {exc} (or latest:N)")) from None
        return cls(first=begin, last=end)


def build(meta: TableMeta, need: Need, periods: Periods) -> list[tuple[str, str]]:
    """The query's parameters, in the order the API's examples write them."""
    read = _read(meta, need)
    kind = meta.period_type({p.kind for p in read or need.periods})
    if kind is None:
        raise InputError(Problem(f"table {need.table}: the API lists no periods for it"))
    query = [("mgroup.*", "*"), (f"period.{kind}", _periods(meta, need, periods, kind, read))]
    query += _hierarchies(meta, need)
    query.append(("format", "json"))
    return query


def _hierarchies(meta: TableMeta, need: Need) -> list[tuple[str, str]]:
    """One hierarchy per dimension, as the real answers show works: the areas through
    ``_nykom`` (``*``: every municipality and, at its top, the country), or ``_hele_landet``
    where a table has no ``_nykom``; a dimension a goal names in ``where`` through the
    hierarchy whose values include the categories it names (``*``: the total and every
    member; the reader keeps what the goals read); every other dimension at its total."""
    by_dimension: dict[str, list[Hierarchy]] = {}
    for hierarchy in meta.hierarchies:
        by_dimension.setdefault(hierarchy.dimension_id or hierarchy.id, []).append(hierarchy)
    chosen = {
        ident
        for dimension, categories in need.categories.items()
        for ident in _named(meta, need, dimension, set(categories))
    }
    query: list[tuple[str, str]] = []
    for hierarchies in by_dimension.values():
        ids = {h.id for h in hierarchies}
        if MUNICIPALITIES in ids:
            query.append((f"hierarchy.{MUNICIPALITIES}", "*"))
        elif COUNTRY in ids:
            query.append((f"hierarchy.{COUNTRY}", TOTAL))
        elif picked := [h for h in hierarchies if h.id in chosen]:
            query.append((f"hierarchy.{picked[0].id}", "*"))
        else:
            query.append((f"hierarchy.{hierarchies[0].id}", TOTAL))
    return query


def _named(meta: TableMeta, need: Need, dimension: str, categories: set[str]) -> list[str]:
    """The ids of the hierarchies a ``where`` on ``dimension`` may read: those whose values
    include every category named; the one of that name where the metadata names it. Where
    the values cannot decide, each is asked for at ``*``, and the reader keeps what the goal
    reads by the column the answer names."""
    wanted = {label_key(c) for c in categories}
    fits = [
        h
        for h in meta.hierarchies
        if h.id not in (MUNICIPALITIES, COUNTRY)
        and wanted <= {label_key(name) for _, name in h.values}
    ]
    named = [h for h in fits if label_key(h.dimension) == label_key(dimension)]
    if named or fits:
        return [h.id for h in (named or fits)]
    listed = sorted(
        {
            name
            for h in meta.hierarchies
            for _, name in h.values
            if h.id not in (MUNICIPALITIES, COUNTRY)
        }
    )
    hint = did_you_mean(sorted(categories)[0], listed)
    raise InputError(
        Problem(
            f"table {need.table}: no dimension in the API's metadata lists "
            f"{', '.join(repr(c) for c in sorted(categories))}, which '{dimension}' names (read "
            f"by {_readers(need)}){hint}; its categories: {', '.join(listed) or '(none listed)'}"
        )
    )


def _read(meta: TableMeta, need: Need) -> list[Period]:
    """The periods the goals read of the table, each the one that ends where the period
    the goal asks ends (where the table publishes one)."""
    published = {p.code for listed in meta.periods.values() for p, _ in listed}
    return [found for p in need.periods if (found := read_from(p, published)) is not None]


def _periods(meta: TableMeta, need: Need, periods: Periods, kind: str, read: list[Period]) -> str:
    published = meta.periods[kind]
    if periods.latest is not None:  # never past the table's history: the API refuses that
        return f"latest:{min(periods.latest, len(published))}" if published else "latest:1"
    if periods.first is not None and periods.last is not None:
        begin, end = periods.first, periods.last
        chosen = [
            code
            for p, code in published
            if p.last_month >= begin.first_month and p.last_month <= end.last_month
        ]
        wanted = f"{begin}..{end}"
    else:
        ours = [p for p in read if p.kind == published[0][0].kind] if published else []
        earliest = min(ours, key=Period.sort_key) if ours else None
        chosen = [code for p, code in published if earliest and p.last_month >= earliest.last_month]
        asked = ", ".join(str(p) for p in sorted(need.periods, key=Period.sort_key))
        wanted = f"that end where the goals' periods end ({asked}; read by {_readers(need)})"
    if not chosen:
        span = f"{published[0][0]} to {published[-1][0]}" if published else "none"
        raise InputError(
            Problem(
                f"table {need.table}: the API publishes no {kind} periods {wanted}; it has {span}"
            )
        )
    return ",".join(chosen)


def _readers(need: Need) -> str:
    shown = ", ".join(need.readers[:3])
    return shown + (f" and {len(need.readers) - 3} more" if len(need.readers) > 3 else "")
