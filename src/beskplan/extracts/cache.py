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
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import polars as pl

from beskplan import __version__
from beskplan.extracts import readers
from beskplan.extracts.layout import Extract, Locator
from beskplan.sources import SourceFile

FORMAT = 5  # the layout of a cached frame; raise it when the readers' frame changes


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
    if not use_cache:
        return readers.choose(path).read(path, name)
    entry = folder() / _key(path)
    frame_file, meta_file = entry / "frame.parquet", entry / "meta.json"
    if frame_file.is_file() and meta_file.is_file():
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            extract = Extract(
                path,
                pl.read_parquet(frame_file),
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
        except (
            OSError,
            ValueError,
            KeyError,
            TypeError,
            StopIteration,
            pl.exceptions.PolarsError,
        ):
            pass  # a damaged entry is read again
    extract = readers.choose(path).read(path, name)
    _store(entry, extract)
    return extract


def _store(entry: Path, extract: Extract) -> None:
    source = extract.source
    if source is None:  # pragma: no cover - every reader describes its file
        return
    meta = {
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
    temp = entry / f".frame.{os.getpid()}.parquet"
    try:
        entry.mkdir(parents=True, exist_ok=True)
        # LZ4: written in two thirds of zstd's time and read in three fifths, for a cache
        # about half as large again
        extract.frame.write_parquet(temp, compression="lz4")
        temp.replace(entry / "frame.parquet")
        (entry / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass  # the cache only saves time
    finally:
        temp.unlink(missing_ok=True)  # a failed rename leaves no temporary behind
