"""A source file's identity: its SHA-256, rows and time; a goal's definition as a fingerprint."""

from __future__ import annotations

import hashlib
from pathlib import Path

from beskplan.core.sources import describe, describe_file, fingerprint


def test_a_file_is_hashed_whole(tmp_path: Path) -> None:
    path = tmp_path / "T.csv"
    data = b"x" * (5 * 1024 * 1024 + 7)  # past the 4 MiB chunk
    path.write_bytes(data)
    found = describe_file(path, 12, "T.csv")
    assert (found.path, found.sha256, found.rows) == ("T.csv", hashlib.sha256(data).hexdigest(), 12)
    assert found.modified.endswith("+00:00")
    assert describe(path, data).sha256 == found.sha256


def test_a_fingerprint_ignores_key_order_but_not_values() -> None:
    assert fingerprint({"a": 1, "b": 2}) == fingerprint({"b": 2, "a": 1})
    assert fingerprint({"a": 1}) != fingerprint({"a": 2})
