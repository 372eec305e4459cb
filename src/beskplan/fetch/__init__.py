"""``beskplan fetch``: the Jobindsats tables a plan reads, straight from the API.

For each table the plans' goals read (own-data tables, which the API does not
list, are skipped and named), the table's metadata gives the query
(:mod:`~beskplan.fetch.query`), and its answer is written as received to
``DIR/<TABLE>.json``, which the JSON reader reads. A file is replaced only when
the new answer was received whole and reads as a table: a failed fetch leaves
the previous file as it was and no partial file. ``fetch.json`` beside the data
records each table's request (without the key), time, periods, rows and
SHA-256, so that an evaluation's sources can be traced to a fetch.

The data stage, with :mod:`beskplan.extracts`: what to fetch comes as
:class:`~beskplan.fetch.needs.Need` records, worked out by the evaluation stage
(:mod:`beskplan.evaluation.needs`). May import: ``core`` and ``extracts``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from beskplan.core.errors import InputError, Problem
from beskplan.core.output import shared, temporary_file, write_atomic
from beskplan.core.periods import Period, parse_period
from beskplan.extracts import jsondata
from beskplan.extracts.layout import PERIOD
from beskplan.extracts.store import named_files
from beskplan.fetch import metadata, query
from beskplan.fetch.client import Client, url
from beskplan.fetch.needs import Need

MANIFEST = "fetch.json"


@dataclass
class Fetched:
    """One table written: where, from which request, and what it holds."""

    table: str
    file: str
    request: str
    rows: int
    periods: tuple[str, ...]
    sha256: str
    fetched: str

    def record(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "request": self.request,
            "fetched": self.fetched,
            "periods": [self.periods[0], self.periods[-1]] if self.periods else [],
            "period_count": len(self.periods),
            "rows": self.rows,
            "sha256": self.sha256,
        }


@dataclass
class Outcome:
    fetched: list[Fetched] = field(default_factory=list)
    planned: list[str] = field(default_factory=list)  # --dry-run: the data requests
    own_data: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def fetch(
    wanted: Mapping[str, Need],
    data: Path,
    client: Client,
    periods: query.Periods,
    dry_run: bool = False,
    progress: Callable[[int], AbstractContextManager[Callable[[], None]]] | None = None,
) -> Outcome:
    """Fetch every API table the plans read (``wanted``, by lower-case table id) into ``data``.

    ``progress(n)`` gives a context whose value is called after each of the n tables.
    """
    _check_folder(data)
    _check_ids(wanted)
    outcome = Outcome()
    with client.session() as http:
        listed = metadata.table_ids(client.get_json(http, "tables", [("format", "json")]))
        tables: list[tuple[Need, metadata.TableMeta]] = []
        for key, need in sorted(wanted.items()):
            if key not in listed:
                outcome.own_data.append(need.table)
                continue
            answer = client.get_json(http, f"table/{key}", [("format", "json")])
            tables.append((need, metadata.parse(key, answer)))
        requests = [
            (need, meta, query.build(meta, need, periods)) for need, meta in tables
        ]  # every query is built before the first is sent: a goal's mistake costs no download
        if dry_run:
            for _, meta, params in requests:
                outcome.planned.append("GET " + url(client.base, f"data/{meta.id}", params))
            return outcome
        with (progress or _silent)(len(requests)) as step:
            for need, meta, params in requests:
                path = f"data/{meta.id}"
                body = client.get(http, path, params)
                table = need.table.upper()
                written = _write(data, table, body, url(client.base, path, params))
                _manifest(data, [written])  # with its file: a later failure leaves both true
                outcome.fetched.append(written)
                outcome.notes.extend(_others(data, table))
                step()
    return outcome


TABLE_ID = re.compile(r"[A-Za-z0-9_]{1,64}")


def _check_ids(wanted: Mapping[str, Need]) -> None:
    """Every table id in the form Jobindsats writes them (letters, digits, ``_``): an id is
    a file name in the data folder, and ``../x`` would be one outside it."""
    bad = [need for need in wanted.values() if not TABLE_ID.fullmatch(need.table)]
    if bad:
        raise InputError(
            [
                Problem(
                    f"table '{need.table[:60]}' (read by {', '.join(need.readers[:3])}) is not a "
                    "Jobindsats table id: ids hold letters, digits and _ (Y25I01, PTV_A02)"
                )
                for need in bad
            ]
        )


def _check_folder(data: Path) -> None:
    """The data folder, checked before any request: a download is never lost to a path
    that cannot be written."""
    text = str(data)
    if "\x00" in text:
        raise InputError(Problem("the data folder's path holds a NUL character; correct it"))
    try:
        if data.exists() and not data.is_dir():
            raise InputError(Problem("--data must be a directory of extracts", data))
        parent = data if data.exists() else next(p for p in data.parents if p.exists())
    except OSError as exc:
        raise InputError(Problem(f"cannot use the data folder: {exc.strerror}", data)) from None
    if not os.access(parent, os.W_OK):
        raise InputError(Problem("the data folder cannot be written", parent))


@contextmanager
def _silent(total: int) -> Iterator[Callable[[], None]]:
    yield lambda: None


def _write(data: Path, table: str, body: bytes, request: str) -> Fetched:
    """The answer to ``DIR/<TABLE>.json`` once it reads as a table; else nothing is changed."""
    data.mkdir(parents=True, exist_ok=True)
    with temporary_file(data, f".{table}.", ".json.part") as (fd, temp):
        with os.fdopen(fd, "wb") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            extract = jsondata.read(temp, f"{table}.json")
        except InputError as exc:
            said = "; ".join(p.message for p in exc.problems)
            raise InputError(
                Problem(
                    f"table {table}: the API's answer cannot be read, so it is not saved: {said}"
                )
            ) from None
        target = data / f"{table}.json"
        if target.resolve().parent != data.resolve():  # pragma: no cover - ids are checked
            raise InputError(Problem("would be written outside the data folder", target))
        shared(temp)
        temp.replace(target)
    codes = extract.frame.get_column(PERIOD).cast(pl.String).unique().to_list()
    ordered = tuple(p.code for p in sorted(map(parse_period, codes), key=Period.sort_key))
    return Fetched(
        table,
        f"{table}.json",
        request,
        extract.frame.height,
        ordered,
        hashlib.sha256(body).hexdigest(),
        dt.datetime.now(tz=dt.UTC).isoformat(timespec="seconds"),
    )


def _others(data: Path, table: str) -> list[str]:
    """Other files of the same table: read beside the fetched one, so the user is told."""
    others = [p for p in named_files(sorted(data.iterdir()), table) if p.name != f"{table}.json"]
    return [
        f"{p.name} is also table {table} and is read beside {table}.json (rows that disagree are "
        "refused); move it away if the fetched file replaces it"
        for p in others
        if p.is_file() and not p.name.startswith(".")
    ]


def _manifest(data: Path, fetched: list[Fetched]) -> None:
    path = data / MANIFEST
    try:
        current = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError):
        current = {}
    tables = current.get("tables") if isinstance(current, dict) else None
    tables = tables if isinstance(tables, dict) else {}
    for item in fetched:
        tables[item.table] = item.record()
    document = {"tables": dict(sorted(tables.items()))}
    write_atomic(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
