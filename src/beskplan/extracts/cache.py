"""A cache of parsed extracts, so that a second run does not parse a file again.

Each file's frame is kept as Parquet, with what was learnt while reading it
(which reader, how it placed cells), in the user's cache folder
(``$BESKPLAN_CACHE``, else ``$XDG_CACHE_HOME/beskplan``, else
``~/.cache/beskplan``). An entry is found, as git finds a changed file, by the
file's path, inode, size, and modification and change times in nanoseconds,
and the beskplan version: a file rewritten in place, even to the same size and
modification time (``cp -p``, ``touch -r``), changes its change time and is read
again, and so is any file after another beskplan. The content hash recorded
when the file was read is what the report names as its source. The cache only
saves time: a folder that cannot be written is not used, and ``--no-cache``
skips it. Every format's extract is cached the same way.

A table of several files (``Y01A02_2018.csv``, ``Y01A02_2019.csv``) is also kept
stacked, under a key made of its files' keys: a second run reads one Parquet file
for the table rather than one per file, and stacks nothing. A file changed, added
or removed makes another key, and its files' own entries are read as before.

Each file and each stacked table has one entry: a new one replaces the one it had,
which is removed, so the cache holds about one copy of the data read, however
often its files are refreshed. An entry not read for :data:`UNUSED_DAYS` days
(a file deleted or renamed, a table no longer read, another beskplan's entry) is
removed the next time an entry is written; the cache looks for them at most once
a day.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

import polars as pl

from beskplan import __version__
from beskplan.core.sources import SourceFile
from beskplan.extracts import readers
from beskplan.extracts.layout import Extract
from beskplan.extracts.locator import Locator

FORMAT = 5  # the layout of a cached frame; raise it when the readers' frame changes
# what reading a damaged entry raises: it is then read again from the file
_DAMAGED = (OSError, ValueError, KeyError, TypeError, StopIteration, pl.exceptions.PolarsError)


def folder() -> Path:
    explicit = os.environ.get("BESKPLAN_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "beskplan"


def _key(path: Path) -> str:
    stat = path.stat()
    ident = (
        f"{path.resolve()}|{stat.st_ino}|{stat.st_size}|{stat.st_mtime_ns}|{stat.st_ctime_ns}"
        f"|{__version__}|{FORMAT}"
    )
    return hashlib.sha256(ident.encode("utf-8")).hexdigest()[:32]


def read(path: Path, name: str, use_cache: bool = True) -> Extract:
    """The extract of ``path``, from the cache when it holds the file as it is now."""
    entry = _entry(path) if use_cache else None
    if entry is None:
        return readers.choose(path).read(path, name)
    found = _load(entry)
    if found is not None:
        try:
            meta, frame = found
            return _described(path, name, meta, frame)
        except _DAMAGED:
            pass  # a damaged entry is read again
    extract = readers.choose(path).read(path, name)
    if (kept := _meta(extract)) is not None:
        _store(entry, extract.frame, kept, f"file|{path.resolve()}")
    return extract


def _entry(path: Path) -> Path | None:
    """The folder of the file's entry; ``None`` for a file gone or unreadable, which the
    reader then words as it does without the cache."""
    try:
        return folder() / _key(path)
    except OSError:
        return None


def read_stacked(paths: list[Path], names: list[str]) -> tuple[list[Extract], pl.DataFrame] | None:
    """A table's files as described when they were last stacked, and their stacked frame,
    when the cache holds every one of them as it is now; ``None`` if it does not.

    The extracts' own frames are left empty: the stacked frame holds their rows."""
    try:
        keys = [_key(p) for p in paths]
    except OSError:  # a file gone: each file is read, and the reader says so
        return None
    found = _load(folder() / _table_key(keys))
    if found is None:
        return None
    for key in keys:  # the files' own entries are in use too: one file changed reads them
        _used(folder() / key)
    meta, frame = found
    try:
        files = meta["files"]
        if len(files) != len(paths):
            return None
        return [
            _described(p, n, m, frame.clear()) for p, n, m in zip(paths, names, files, strict=True)
        ], frame
    except _DAMAGED:
        return None


def keep_stacked(
    table_id: str, paths: list[Path], extracts: list[Extract], frame: pl.DataFrame
) -> None:
    """Keep a table's stacked frame, so that the next run reads one file, not one per file."""
    metas = [_meta(e) for e in extracts]
    if all(m is not None for m in metas):
        holder = f"table|{paths[0].resolve().parent}|{table_id.casefold()}"
        _store(folder() / _table_key([_key(p) for p in paths]), frame, {"files": metas}, holder)


def _table_key(keys: list[str]) -> str:
    """A table's files, by their keys (:func:`_key`): any file changed, added or removed is
    another key."""
    ident = "|".join(["table", *keys])
    return hashlib.sha256(ident.encode("utf-8")).hexdigest()[:32]


def _load(entry: Path) -> tuple[dict[str, Any], pl.DataFrame] | None:
    frame_file, meta_file = entry / "frame.parquet", entry / "meta.json"
    if not (frame_file.is_file() and meta_file.is_file()):
        return None
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        if not isinstance(meta, dict):
            return None
        frame = pl.read_parquet(frame_file)
    except _DAMAGED:
        return None  # a damaged entry is read again
    _used(entry)
    return meta, frame


UNUSED_DAYS = 30  # an entry not read for this long is removed
_DAY = 24 * 60 * 60
_PRUNED = "pruned"  # a stamp in the cache: when it was last looked over


def _used(entry: Path) -> None:
    """Mark an entry read now, by its description's modification time."""
    # a cache that cannot be written is still read; a missing entry is not in use
    with suppress(OSError):
        os.utime(entry / "meta.json")


def _last_used(entry: Path) -> float | None:
    """When an entry was last read or written: its description's time, or its frame's where a
    write stopped before the description. ``None`` for a folder that holds neither (being
    written, or not beskplan's), which is left alone."""
    for path in (entry / "meta.json", entry / "frame.parquet"):
        with suppress(FileNotFoundError):
            return path.stat().st_mtime
    return None


def _prune() -> None:
    """Remove the entries not read for :data:`UNUSED_DAYS` days, and the holders' marks of
    entries gone; at most once a day. Only folders named and made as entries are removed."""
    now = time.time()
    stamp = folder() / _PRUNED
    try:
        if now - stamp.stat().st_mtime < _DAY:
            return
    except FileNotFoundError:
        pass
    stamp.touch()
    for entry in folder().iterdir():
        if not (_ENTRY.fullmatch(entry.name) and entry.is_dir()):
            continue
        used = _last_used(entry)
        if used is not None and now - used > UNUSED_DAYS * _DAY:
            shutil.rmtree(entry, ignore_errors=True)
    marks = folder() / HOLDERS
    for mark in marks.iterdir() if marks.is_dir() else ():
        try:
            key = mark.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            continue
        if _ENTRY.fullmatch(key) and not (folder() / key).is_dir():
            mark.unlink(missing_ok=True)


def _described(path: Path, name: str, meta: dict[str, Any], frame: pl.DataFrame) -> Extract:
    extract = Extract(
        path,
        frame,
        meta["dimensions"],
        meta["measures"],
        meta["notices"],
        SourceFile(name, meta["sha256"], meta["rows"], meta["modified"]),
        meta["columns"],
        reader=meta["reader"],
        reading=tuple(meta["reading"]),
        locator=Locator.from_record(meta["locator"]),
    )
    extract.raw_cell = readers.by_name(extract.reader).raw_reader(path, *extract.reading)
    return extract


def _meta(extract: Extract) -> dict[str, Any] | None:
    source = extract.source
    if source is None:  # pragma: no cover - every reader describes its file
        return None
    return {
        "dimensions": extract.dimensions,
        "measures": extract.measures,
        "notices": extract.notices,
        "columns": extract.columns,
        "reader": extract.reader,
        "reading": list(extract.reading),
        "locator": extract.locator.record(),
        "sha256": source.sha256,
        "rows": source.rows,
        "modified": source.modified,
    }


def _store(entry: Path, frame: pl.DataFrame, meta: dict[str, Any], holder: str) -> None:
    """Write an entry; ``holder`` is what it is the entry of (see :func:`_replace`)."""
    temp = entry / f".frame.{os.getpid()}.parquet"
    try:
        entry.mkdir(parents=True, exist_ok=True)
        # LZ4: written in two thirds of zstd's time and read in three fifths, for a cache
        # about half as large again. No statistics: an entry is read whole, never filtered
        # by them, and writing them took a quarter of the time of writing the frame.
        frame.write_parquet(temp, compression="lz4", statistics=False)
        temp.replace(entry / "frame.parquet")
        (entry / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        _replace(holder, entry.name)
        _prune()
    except OSError:
        pass  # the cache only saves time
    finally:
        temp.unlink(missing_ok=True)  # a failed rename leaves no temporary behind


HOLDERS = "holders"  # the folder in the cache that says which entry is each holder's
_ENTRY = re.compile(r"[0-9a-f]{32}")


def _replace(holder: str, key: str) -> None:
    """Make ``key`` the one entry of ``holder`` (a file's path; a table's folder and id), and
    remove the entry it held before: a folder whose files are refreshed every month would
    otherwise leave a copy of its old data in the cache each time."""
    marks = folder() / HOLDERS
    mark = marks / hashlib.sha256(holder.encode("utf-8")).hexdigest()[:32]
    try:
        before = mark.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        before = ""
    if before != key and _ENTRY.fullmatch(before):
        shutil.rmtree(folder() / before, ignore_errors=True)
    marks.mkdir(exist_ok=True)
    temp = marks / f".{mark.name}.{os.getpid()}"
    try:
        temp.write_text(key, encoding="ascii")
        temp.replace(mark)
    finally:
        temp.unlink(missing_ok=True)
