"""What the API says of its tables: which exist, their periods and their dimensions.

``GET /tables`` lists the tables; ``GET /table/{id}`` gives a table's periods
(``periods[].periodtype_id`` with ``values[].period_id``) and dimensions
(``dimensions[].dimension_id``, ``dimensions[].hierarchies[].levels[].values[]`` with
``value_id`` and ``value_name``). The real answers name no dimension (``_omrade``,
``_ygrpi09`` are ids): a dimension is known by the value names its hierarchies list,
and a name, where one is given, only helps. The parsing is tolerant: a field that
is absent is passed over and extra fields are ignored, so that a change in the API's metadata
costs a clear message, not a crash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from beskplan.core.periods import Kind, Period, PeriodError, parse_period

MUNICIPALITIES = "_nykom"
COUNTRY = "_hele_landet"
TOTAL = "/"

# the API's period types, finest first
PERIOD_TYPES = {
    Kind.MONTH: "M",
    Kind.QUARTER: "Q",
    Kind.HALF_YEAR: "H",
    Kind.MOVING_YEAR: "QMAT",
    Kind.YEAR: "Y",
}


@dataclass(frozen=True)
class Hierarchy:
    """One hierarchy of a dimension: its id, the dimension's name (often empty) and id, and
    its values."""

    id: str
    dimension: str
    values: tuple[tuple[str, str], ...]  # (value_id, value_name)
    dimension_id: str = ""


@dataclass
class TableMeta:
    id: str
    # period type -> (period, the API's id for it), oldest first: a year is 2024 here, 2024Y01 there
    periods: dict[str, list[tuple[Period, str]]] = field(default_factory=dict)
    hierarchies: list[Hierarchy] = field(default_factory=list)

    def period_type(self, kinds: set[Kind] | None = None) -> str | None:
        """The finest period type the table publishes, of ``kinds`` where there is a choice."""
        order = [t for k, t in PERIOD_TYPES.items() if t in self.periods]
        wanted = [PERIOD_TYPES[k] for k in sorted(kinds or ()) if PERIOD_TYPES[k] in self.periods]
        found = wanted or order or sorted(self.periods)
        return found[0] if found else None


def table_ids(document: Any) -> set[str]:
    """Every table id in the answer to ``GET /tables``, in lower case."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key in ("table_id", "tableId", "id"):
                if isinstance(value.get(key), str):
                    found.add(value[key].casefold())
                    break
            for inner in value.values():
                if isinstance(inner, dict | list):
                    walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(document)
    return found


def parse(table_id: str, document: Any) -> TableMeta:
    """A table's metadata from the answer to ``GET /table/{id}``."""
    if isinstance(document, list):
        document = next((d for d in document if isinstance(d, dict)), {})
    meta = TableMeta(table_id)
    if not isinstance(document, dict):
        return meta
    for group in _list(document.get("periods")):
        kind = _text(group, "periodtype_id", "periodTypeId", "type")
        if kind is None:
            continue
        periods: dict[Period, str] = {}
        for value in _list(group.get("values")):
            code = _text(value, "period_id", "periodId", "id") if isinstance(value, dict) else None
            if code is None and isinstance(value, str):
                code = value
            if code is None:
                continue
            try:
                periods.setdefault(parse_period(code), code)
            except PeriodError:
                continue
        ordered = sorted(periods.items(), key=lambda item: item[0].sort_key())
        meta.periods[kind.upper()] = ordered
    for dimension in _list(document.get("dimensions")):
        name = _text(dimension, "dimension_name", "name", "label") or ""
        ident_of = _text(dimension, "dimension_id", "dimensionId", "id") or name
        for hierarchy in _list(
            dimension.get("hierarchies") if isinstance(dimension, dict) else None
        ):
            ident = _text(hierarchy, "hierarchy_id", "hierarchyId", "id")
            if ident is None:
                continue
            values = tuple(
                (vid, vname)
                for level in _list(hierarchy.get("levels"))
                for value in _list(level.get("values") if isinstance(level, dict) else None)
                if (vid := _text(value, "value_id", "valueId", "id")) is not None
                and (vname := _text(value, "value_name", "valueName", "name")) is not None
            )
            label = _text(hierarchy, "hierarchy_name", "name") or name
            meta.hierarchies.append(Hierarchy(ident, name or label, values, ident_of or ident))
    return meta


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any, *keys: str) -> str | None:
    if not isinstance(value, dict):
        return None
    for key in keys:
        found = value.get(key)
        if isinstance(found, str | int) and not isinstance(found, bool):
            return str(found)
    return None
