"""The text of an extract: encoding, garbled letters, and reading it in bounded memory.

Extracts are UTF-8 (with or without a byte-order mark) or, saved from Excel,
Windows-1252. A file is never read into memory whole: its head is sniffed, and
a file that is not clean UTF-8 is transcoded chunk by chunk to a temporary
UTF-8 copy with the same lines, which Polars then reads.

Garbled letters are UTF-8 that was once read as Windows-1252 and saved again
(``KÃ¸benhavn`` for ``København``); they are repaired, and the repair is said.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from beskplan.errors import InputError, Problem

HEAD_BYTES = 64 * 1024
CHUNK_BYTES = 4 * 1024 * 1024
BOM = b"\xef\xbb\xbf"

_CONTINUATION = "".join(
    sorted({bytes([b]).decode("cp1252", errors="ignore") for b in range(0x80, 0xC0)} - {""})
)
# a two-byte UTF-8 letter (æ ø å é ...) whose bytes were read as Windows-1252: 'Ã¸' for 'ø'
MOJIBAKE = re.compile("[\u00c2-\u00df][" + re.escape(_CONTINUATION) + "]")

REPAIRED = (
    "note: repaired garbled letters (UTF-8 that had been read as Windows-1252, "
    "'KÃ¸benhavn' for 'København'); save the file as UTF-8 to silence this"
)


def head(path: Path) -> tuple[str, str]:
    """The first lines of the file, decoded, and the encoding they were read in."""
    try:
        with path.open("rb") as handle:
            data = handle.read(HEAD_BYTES)
    except OSError as exc:
        raise InputError(Problem(f"cannot read the file: {exc.strerror}", path)) from None
    if not data.strip().removeprefix(BOM).strip():
        raise InputError(Problem("the file is empty; expected a header row and data rows", path))
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        return decoder.decode(data, final=False), "utf-8"
    except UnicodeDecodeError:
        return _cp1252(data, path), "cp1252"


def _cp1252(data: bytes, path: Path) -> str:
    text = data.decode("cp1252", errors="replace")
    if "\ufffd" in text:
        raise InputError(
            Problem("the file is neither UTF-8 nor Windows-1252 text; save it as UTF-8", path)
        )
    return text


def lines(path: Path, encoding: str, repair: bool) -> Iterator[str]:
    """The file's lines as text, decoded and repaired, one chunk of memory at a time."""
    with path.open("rb") as handle:
        data = handle.read(len(BOM))
        rest = b"" if data == BOM else data
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        pending = ""
        line_number = 0
        while True:
            chunk = rest + handle.read(CHUNK_BYTES)
            rest = b""
            final = not chunk
            try:
                text = pending + decoder.decode(chunk, final=final)
            except UnicodeDecodeError:
                raise InputError(
                    Problem(
                        "the file is neither UTF-8 nor Windows-1252 text; save it as UTF-8", path
                    )
                ) from None
            if encoding == "cp1252" and "\ufffd" in text:
                raise InputError(
                    Problem(
                        "the file is neither UTF-8 nor Windows-1252 text; save it as UTF-8", path
                    )
                )
            parts = text.split("\n")
            pending = "" if final else parts.pop()
            for part in parts:
                line_number += 1
                yield _repair(part, path, line_number) if repair else part
            if final:
                return


def _repair(line: str, path: Path, number: int) -> str:
    def fix(match: re.Match[str]) -> str:
        try:
            return match.group().encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):  # pragma: no cover - every pair decodes
            raise InputError(
                Problem(
                    f"'{match.group()}' looks like a garbled letter that cannot be repaired; "
                    "export the file again as UTF-8",
                    path,
                    number,
                )
            ) from None

    return MOJIBAKE.sub(fix, line)


def transcode(path: Path, target: Path, encoding: str, repair: bool) -> None:
    """Write ``path`` as clean UTF-8 to ``target``, line for line."""
    with target.open("w", encoding="utf-8", newline="\n") as out:
        first = True
        for line in lines(path, encoding, repair):
            if not first:
                out.write("\n")
            out.write(line)
            first = False


def line_at(path: Path, number: int, encoding: str, repair: bool) -> str:
    """Line ``number`` (from 1) of the file as text, for an error message."""
    for index, line in enumerate(lines(path, encoding, repair), start=1):
        if index == number:
            return line.rstrip("\r")
    return ""


def line_of_offset(path: Path, offset: int) -> int:
    """The line number (from 1) of the byte at ``offset``."""
    line = 1
    with path.open("rb") as handle:
        while offset > 0 and (chunk := handle.read(min(CHUNK_BYTES, offset))):
            line += chunk.count(b"\n")
            offset -= len(chunk)
    return line
