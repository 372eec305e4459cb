"""One pass over a file's bytes: its SHA-256, a control byte's place, the lines and separators."""

from __future__ import annotations

from pathlib import Path

import pytest

from beskplan.core.errors import InputError
from beskplan.extracts.delimited import read as read_extract
from tests.conftest import write


def test_one_pass_over_the_bytes_gives_the_files_sha256_and_where_a_control_byte_is(
    tmp_path: Path,
) -> None:
    import hashlib

    from beskplan.extracts.bytepass import scan

    text = "Titel\nOmråde;Periode;Andel\nA;2018M06;1,0\nB;2018M06;2\x01,0\n"
    path = write(tmp_path / "T.csv", text)
    scanned = scan(path, 1, ";")
    raw = text.encode("utf-8")
    assert scanned.sha256 == hashlib.sha256(raw).hexdigest()
    assert scanned.control == raw.index(b"\x01")
    assert (scanned.lines, scanned.separators, scanned.quoted) == (2, 4, False)
    with pytest.raises(InputError, match=r":4: the line holds a control character \(\\x01\)"):
        read_extract(path)
