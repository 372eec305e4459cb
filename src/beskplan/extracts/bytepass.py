"""One pass over a delimited file's bytes, in chunks, before Polars reads it.

It gives the file's SHA-256, where a ``\x01`` stands (the lines are read with it as
their only separator, so a file holding one is refused), the lines up to the header,
and after it the count of lines, separators and whether any quote stands, and the last
line: what tells the one-pass read of a regular file from the line-by-line read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from beskplan.core.errors import InputError, Problem
from beskplan.extracts import textfile


def no_control_mark(scanned: Scanned, data: Path, path: Path) -> None:
    """Refuse a ``\x01`` in ``data`` (the file, or its copy): the lines are read with it as
    their only separator. ``path`` is the file the message names."""
    if scanned.control is not None:
        line = textfile.line_of_offset(data, scanned.control)
        raise InputError(
            Problem("the line holds a control character (\\x01); remove it", path, line)
        )


@dataclass(frozen=True)
class Scanned:
    """What one pass over a file's bytes finds, in chunks: its SHA-256, where a ``\\x01``
    stands, the header's line as bytes, and, after it, the lines, separators and quotes."""

    sha256: str
    control: int | None  # the byte offset of the first \x01
    head: bytes  # the lines up to and including the header
    lines: int
    separators: int
    quoted: bool
    last: bytes = b""  # the last line after the header with more than separators in it

    @property
    def ends_in_source(self) -> bool:
        """Whether the last line may be a ``Kilde`` footer (said as any mention of it: the
        line-by-line read decides what it is)."""
        return b"kilde" in self.last.lower()


def scan(path: Path, header_index: int, separator: str) -> Scanned:
    digest = hashlib.sha256()
    mark = separator.encode("utf-8")
    control: int | None = None
    lines = separators = 0
    quoted = False
    # the chunks are read into one buffer: a new one for each chunk took as long as the
    # counting (0.1-0.3 s for 400 MB)
    buffer = bytearray(textfile.CHUNK_BYTES)
    with path.open("rb") as handle, memoryview(buffer) as view:
        head = b"".join(handle.readline() for _ in range(header_index + 1))
        digest.update(head)
        if (at := head.find(b"\x01")) >= 0:
            control = at
        offset, last = len(head), ord("\n")
        while size := handle.readinto(buffer):
            digest.update(view[:size])
            if control is None and (at := buffer.find(b"\x01", 0, size)) >= 0:
                control = offset + at
            lines += buffer.count(b"\n", 0, size)
            separators += buffer.count(mark, 0, size)
            quoted = quoted or buffer.find(b'"', 0, size) >= 0
            offset += size
            last = buffer[size - 1]
        lines += offset > len(head) and last != ord("\n")  # the last line without its newline
        final = _last_line(handle, len(head), offset, mark)
    return Scanned(digest.hexdigest(), control, head, lines, separators, quoted, final)


def _last_line(handle: BinaryIO, start: int, end: int, mark: bytes) -> bytes:
    """The last line between the offsets ``start`` and ``end`` that holds more than
    separators and white space, without its line end (empty where there is none)."""
    size = 4096
    while True:
        begin = max(start, end - size)
        handle.seek(begin)
        lines = handle.read(end - begin).split(b"\n")
        whole = lines if begin == start else lines[1:]  # the first may be cut
        for line in reversed(whole):
            if line.replace(mark, b"").strip():
                return line.rstrip(b"\r")
        if begin == start:
            return b""
        size *= 4
