"""A local server that answers as the Jobindsats API v3 does, from tables of our own figures.

``GET /v3/tables``, ``GET /v3/table/<id>`` (periods and dimensions with value ids) and
``GET /v3/data/<id>?mgroup.*=*&period.M=...&hierarchy.<id>=...`` answering
``{"columns": [...], "rows": [[...]]}`` with numbers as JSON numbers and ``null`` for a
missing figure. Requests without the right ``Authorization: Bearer`` key get 401.
The figures are made up for the tests; the shapes follow the real v3 answers
(``shared/real/dak-jur-v3-probe``): the metadata names no dimension, only ids; the
country is the top (``/``) of ``_nykom``, and ``*`` answers it with every member;
``_hele_landet`` exists in one table only; an unknown hierarchy and ``latest:N`` past
the history are refused with 422; a dimension left out of the request gets no column,
one given as ``/`` its total's label; rows come unsorted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from werkzeug import Request, Response

KEY = "test-key-5f3a9c0e7b"
MUNICIPALITIES = ["Frederiksberg", "Gentofte", "Gladsaxe", "Lyngby-Taarbæk"]
MONTHS = [f"2024M{m:02d}" for m in range(1, 7)]


@dataclass
class Table:
    id: str
    dimension: str | None  # e.g. Køn, with categories below
    categories: dict[str, str]  # value id -> name; "/" is the total
    measures: list[str]
    rows: list[list[Any]] = field(default_factory=list)  # Periode, Område, [category], figures

    def columns(self) -> list[str]:
        return ["Periode", "Område", *([self.dimension] if self.dimension else []), *self.measures]


def _figure(seed: int, area: int, month: int, scale: int = 10) -> Decimal:
    return Decimal(20 + (seed * 7 + area * 13 + month * 3) % 40) / scale


def tables() -> dict[str, Table]:
    kon = Table(
        "y60a02",
        "Køn",
        {"/": "Køn i alt", "k": "Kvinder", "m": "Mænd"},
        ["Antal fuldtidspersoner", "Fuldtidspersoner i pct. af arbejdsstyrken"],
    )
    ledighed = Table(
        "y25i01",
        None,
        {},
        ["Antal ledige fuldtidspersoner", "Ledige fuldtidspersoner i pct. af arbejdsstyrken"],
    )
    for a, area in enumerate([*MUNICIPALITIES, "Hele landet"]):
        for m, month in enumerate(MONTHS):
            for c, name in enumerate(kon.categories.values()):
                pct = _figure(c, a, m)
                count = (
                    None
                    if (area, month, name) == ("Gladsaxe", "2024M06", "Kvinder")
                    else int(pct * 100)
                )
                kon.rows.append([month, area, name, count, pct if count is not None else None])
            ledighed.rows.append([month, area, int(_figure(9, a, m) * 300), _figure(9, a, m)])
    return {t.id: t for t in (kon, ledighed)}


def metadata(table: Table) -> dict[str, Any]:
    values = lambda items: [{"value_id": k, "value_name": v} for k, v in items]  # noqa: E731
    areas: list[dict[str, Any]] = [
        {
            "hierarchy_id": "_nykom",
            "levels": [
                {"level": 0, "values": values([("/", "Hele landet")])},
                {
                    "level": 1,
                    "values": values((str(101 + i), m) for i, m in enumerate(MUNICIPALITIES)),
                },
            ],
        }
    ]
    if table.id == "y60a02":  # some tables have it, others refuse it
        areas.append(
            {"hierarchy_id": "_hele_landet", "levels": [{"values": values([("/", "Hele landet")])}]}
        )
    dimensions: list[dict[str, Any]] = [
        {"dimension_id": "_omrade", "name": "", "hierarchies": areas, "note": "ignored"}
    ]
    if table.dimension:
        dimensions.append(
            {
                "dimension_id": "_kon",
                "name": "",
                "hierarchies": [
                    {
                        "hierarchy_id": "_kon",
                        "levels": [{"values": values(table.categories.items())}],
                    }
                ],
            }
        )
    return {
        "table_id": table.id,
        "table_name": f"Tabel {table.id}",
        "periods": [{"periodtype_id": "M", "values": [{"period_id": p} for p in MONTHS]}],
        "dimensions": dimensions,
    }


def hierarchies(table: Table) -> set[str]:
    return {
        "_nykom",
        *(["_hele_landet"] if table.id == "y60a02" else []),
        *(["_kon"] if table.dimension else []),
    }


def refusal(table: Table, args: Any) -> dict[str, Any] | None:
    """The 422 the real API gives an unknown hierarchy or ``latest:N`` past the history."""
    unknown = [k.removeprefix("hierarchy.") for k in args if k.startswith("hierarchy.")]
    unknown = [h for h in unknown if h not in hierarchies(table)]
    if unknown:
        return {"code": 422, "cause": f"Unknown hierarchies: {unknown}", "request_id": "r5"}
    asked = args.get("period.M", "")
    if asked.startswith("latest:") and int(asked.split(":")[1]) > len(MONTHS):
        cause = f"Requested {asked} for type M, but only {len(MONTHS)} periods are available."
        return {"code": 422, "cause": cause, "request_id": "r6"}
    return None


def answer(table: Table, args: Any) -> dict[str, Any]:
    """The rows the query asks for, as the API's v3 JSON answer."""
    asked = args.get("period.M", "")
    periods = (
        MONTHS[-int(asked.split(":")[1]) :] if asked.startswith("latest:") else asked.split(",")
    )
    areas: set[str] = set()
    if args.get("hierarchy._nykom") == "*":
        areas |= {*MUNICIPALITIES, "Hele landet"}
    if args.get("hierarchy._nykom") == "/" or args.get("hierarchy._hele_landet") == "/":
        areas.add("Hele landet")
    kon = args.get("hierarchy._kon") if table.dimension else None
    total = next(iter(table.categories.values()), None)
    names = set(table.categories.values()) if kon == "*" else {total}
    rows = [
        r
        for r in table.rows
        if r[0] in periods and r[1] in areas and (not table.dimension or r[2] in names)
    ]
    columns = table.columns()
    if table.dimension and kon is None:  # left out: no column, the total's rows
        columns = [c for c in columns if c != table.dimension]
        rows = [[r[0], r[1], *r[3:]] for r in rows]
    # unsorted, as the API answers, and with a row of no figures at all, as it answers too
    measures = len(table.measures)
    label = [total] if len(columns) - 2 > measures else []
    empty = [periods[0], "Uoplyst kommune", *label, *([None] * measures)] if rows else None
    return {"columns": columns, "rows": [*reversed(rows), *([empty] if empty else [])]}


def _json(value: Any, status: int = 200) -> Response:
    text = json.dumps(value, ensure_ascii=False, default=lambda d: float(d) if d % 1 else int(d))
    return Response(text, status=status, content_type="application/json")


def handler(request: Request) -> Response:
    """The API: key check, then tables, metadata or data."""
    if request.headers.get("Authorization") != f"Bearer {KEY}":
        return _json({"code": 401, "cause": "Unauthorized", "request_id": "r1"}, 401)
    known = tables()
    path = request.path.removeprefix("/v3/")
    if path == "tables":
        return _json([{"table_id": t, "table_name": f"Tabel {t}"} for t in known])
    kind, _, ident = path.partition("/")
    if ident not in known:
        return _json({"code": 404, "cause": f"Unknown table: {ident}", "request_id": "r2"}, 404)
    if kind == "table":
        return _json(metadata(known[ident]))
    if kind == "data" and (refused := refusal(known[ident], request.args)) is not None:
        return _json(refused, 422)
    if kind == "data":
        if not any(k.startswith("period.M") for k in request.args):
            bad = next((k for k in request.args if k.startswith("period.")), "period")
            return _json(
                {
                    "code": 422,
                    "cause": f"Unknown period type: {bad.split('.')[-1]}",
                    "request_id": "r3",
                },
                422,
            )
        return _json(answer(known[ident], request.args))
    return _json({"code": 404, "cause": "Not found", "request_id": "r4"}, 404)


def as_csv_rows(table: Table) -> tuple[list[str], list[list[Any]]]:
    """The same rows for tests.formats: figures as Decimal, missing as None."""
    rows = [[Decimal(v) if isinstance(v, int) else v for v in r] for r in table.rows]
    return table.columns(), rows
