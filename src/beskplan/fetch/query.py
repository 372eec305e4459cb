"""The data query for one table, built from its metadata and what the plans read.

Every measure group (``mgroup.*=*``); every municipality (``hierarchy._nykom=*``)
and the country (``hierarchy._hele_landet=/``); every other dimension at its
total (``/``) plus the categories that goals name in ``where``; the periods: by
default from the earliest period a goal reads (at its period or baseline, by the
rule evaluation reads by, :func:`~beskplan.core.periods.read_from`: ``2026Q2`` reads
June 2026 of a monthly table) to the newest published, or as ``--periods`` says,
of the finest type the table publishes.
"""

from __future__ import annotations

from dataclasses import dataclass

from beskplan.core.errors import InputError, Problem
from beskplan.core.periods import Period, PeriodError, parse_range, read_from
from beskplan.extracts.layout import label_key
from beskplan.fetch.metadata import COUNTRY, MUNICIPALITIES, TOTAL, TableMeta
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
    named = {label_key(d): (d, cats) for d, cats in need.categories.items()}
    for hierarchy in meta.hierarchies:
        if hierarchy.id == MUNICIPALITIES:
            query.append((f"hierarchy.{hierarchy.id}", "*"))
            continue
        if hierarchy.id == COUNTRY:
            query.append((f"hierarchy.{hierarchy.id}", TOTAL))
            continue
        ids = [TOTAL]
        wanted = named.pop(label_key(hierarchy.dimension), None)
        if wanted is not None:
            dimension, categories = wanted
            by_name = {label_key(name): vid for vid, name in hierarchy.values}
            for category in sorted(categories):
                vid = by_name.get(label_key(category))
                if vid is None:
                    names = ", ".join(name for _, name in hierarchy.values) or "(none listed)"
                    raise InputError(
                        Problem(
                            f"table {need.table}: dimension '{dimension}' has no category "
                            f"'{category}' in the API's metadata (read by {_readers(need)}); "
                            f"its categories: {names}"
                        )
                    )
                ids.append(vid)
        query.append((f"hierarchy.{hierarchy.id}", ",".join(ids)))
    for dimension, _ in named.values():
        known = ", ".join(sorted({h.dimension for h in meta.hierarchies})) or "(none listed)"
        raise InputError(
            Problem(
                f"table {need.table}: the API's metadata has no dimension '{dimension}' "
                f"(read by {_readers(need)}); its dimensions: {known}"
            )
        )
    query.append(("format", "json"))
    return query


def _read(meta: TableMeta, need: Need) -> list[Period]:
    """The periods the goals read of the table, each the one that ends where the period
    the goal asks ends (where the table publishes one)."""
    published = {p.code for listed in meta.periods.values() for p, _ in listed}
    return [found for p in need.periods if (found := read_from(p, published)) is not None]


def _periods(meta: TableMeta, need: Need, periods: Periods, kind: str, read: list[Period]) -> str:
    published = meta.periods[kind]
    if periods.latest is not None:
        return f"latest:{periods.latest}"
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
