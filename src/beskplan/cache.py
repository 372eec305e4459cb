"""A cache of parsed extracts, so that a second run does not parse the CSV again.

Each file's frame is kept as Parquet, with what was learnt while reading it, in
the user's cache folder (``$BESKPLAN_CACHE``, else ``$XDG_CACHE_HOME/beskplan``,
else ``~/.cache/beskplan``). An entry is found by the file's path, size and
modification time, and the beskplan version: a changed or merely touched file,
or another beskplan, reads the CSV again. The content hash recorded when the
file was read is what the report names as its source. The cache only saves
time: a folder that cannot be written is not used, and ``--no-cache`` skips it.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import polars as pl

from beskplan import __version__
from beskplan.loader import Extract, raw_reader, read_extract
from beskplan.sources import SourceFile

FORMAT = 1  # the layout of a cached frame; raise it when the loader's frame changes


def folder() -> Path:
    explicit = os.environ.get("BESKPLAN_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "beskplan"


def _key(path: Path) -> str:
    stat = path.stat()
    ident = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{__version__}|{FORMAT}"
    return hashlib.sha256(ident.encode("utf-8")).hexdigest()[:32]


def read(path: Path, name: str, use_cache: bool = True) -> Extract:
    """The extract of ``path``, from the cache when it holds the file as it is now."""
    if not use_cache:
        return read_extract(path, name)
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
                reading=tuple(meta["reading"]),
            )
            extract.raw_cell = raw_reader(path, *extract.reading)
            return extract
        except (OSError, ValueError, KeyError, pl.exceptions.PolarsError):
            pass  # a damaged entry is read again
    extract = read_extract(path, name)
    _store(entry, extract)
    return extract


def _store(entry: Path, extract: Extract) -> None:
    source = extract.source
    if source is None:  # pragma: no cover - read_extract always describes its file
        return
    meta = {
        "dimensions": extract.dimensions,
        "measures": extract.measures,
        "notices": extract.notices,
        "columns": extract.columns,
        "reading": list(extract.reading),
        "sha256": source.sha256,
        "rows": source.rows,
        "modified": source.modified,
    }
    try:
        entry.mkdir(parents=True, exist_ok=True)
        temp = entry / f".frame.{os.getpid()}.parquet"
        extract.frame.write_parquet(temp)
        temp.replace(entry / "frame.parquet")
        (entry / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass  # the cache only saves time
