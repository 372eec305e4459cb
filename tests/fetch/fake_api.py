"""A local server that answers as the Jobindsats API v3 does, from tables of our own figures.

``GET /v3/tables``, ``GET /v3/table/<id>`` (periods and dimensions with value ids) and
``GET /v3/data/<id>?mgroup.*=*&period.M=...&hierarchy.<id>=...`` answering
``{"columns": [...], "rows": [[...]]}`` with numbers as JSON numbers and ``null`` for a
missing figure. Requests without the right ``Authorization: Bearer`` key get 401.
The figures are made up for the tests; the shapes follow the v3 answers in the shared notes.
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
    dimensions: list[dict[str, Any]] = [
        {
            "dimension_name": "Område",
            "hierarchies": [
                {
                    "hierarchy_id": "_nykom",
                    "levels": [
                        {
                            "level": 1,
                            "values": values(
                                (str(101 + i), m) for i, m in enumerate(MUNICIPALITIES)
                            ),
                        }
                    ],
                },
                {
                    "hierarchy_id": "_hele_landet",
                    "levels": [{"values": values([("/", "Hele landet")])}],
                },
            ],
            "note": "an extra field the reader ignores",
        }
    ]
    if table.dimension:
        dimensions.append(
            {
                "dimension_name": table.dimension,
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


def answer(table: Table, args: Any) -> dict[str, Any]:
    """The rows the query asks for, as the API's v3 JSON answer."""
    asked = args.get("period.M", "")
    periods = (
        MONTHS[-int(asked.split(":")[1]) :] if asked.startswith("latest:") else asked.split(",")
    )
    areas: set[str] = set()
    if args.get("hierarchy._nykom") == "*":
        areas |= set(MUNICIPALITIES)
    if args.get("hierarchy._hele_landet") == "/":
        areas.add("Hele landet")
    names = (
        {table.categories[v] for v in args.get("hierarchy._kon", "/").split(",")}
        if table.dimension
        else set()
    )
    rows = [
        r
        for r in table.rows
        if r[0] in periods and r[1] in areas and (not table.dimension or r[2] in names)
    ]
    return {"columns": table.columns(), "rows": rows}


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
