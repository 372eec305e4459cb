"""Where a verdict's inputs came from: each file with its SHA-256, row count and time.

Recorded in the JSON report so that a verdict that flips because Jobindsats
revised its figures can be told from one that flipped because the goal changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class SourceFile:
    path: str
    sha256: str
    rows: int | None
    modified: str
    # a data file's first and newest period (codes), its table's id: the data's as-of
    first: str | None = None
    newest: str | None = None
    table: str | None = None

    def record(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "rows": self.rows,
            "modified": self.modified,
            "first_period": self.first,
            "newest_period": self.newest,
        }


def describe(
    path: Path, data: bytes, rows: int | None = None, name: str | None = None
) -> SourceFile:
    """A file's identity: ``name`` (default: its path), content hash, rows and modification time."""
    return hashed(path, hashlib.sha256(data).hexdigest(), rows, name)


def describe_file(path: Path, rows: int | None = None, name: str | None = None) -> SourceFile:
    """Like :func:`describe`, hashing the file in chunks rather than from memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(4 * 1024 * 1024):
            digest.update(chunk)
    return hashed(path, digest.hexdigest(), rows, name)


def hashed(path: Path, sha256: str, rows: int | None = None, name: str | None = None) -> SourceFile:
    """Like :func:`describe`, for a file whose SHA-256 a reader worked out as it read."""
    try:
        stamp = path.stat().st_mtime
        modified = dt.datetime.fromtimestamp(stamp, tz=dt.UTC).isoformat(timespec="seconds")
    except OSError:
        modified = ""
    return SourceFile(name or str(path), sha256, rows, modified)


def fingerprint(value: Any) -> str:
    """The SHA-256 of a value's canonical JSON: a goal's definition as written."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
