"""The text of an extract: encoding, garbled letters, and reading it in bounded memory.

Extracts are UTF-8 (with or without a byte-order mark) or, saved from Excel,
Windows-1252, or UTF-16 with its byte-order mark. A file is never read into
memory whole: its head is sniffed, and a file that is not clean UTF-8 is
transcoded chunk by chunk to a temporary UTF-8 copy with the same lines, which
Polars then reads. Lines end with a line feed, a carriage return and a line
feed, or a carriage return alone (:func:`lone_carriage_returns`), as Excel's
"CSV (Macintosh)" ends them; a file of those is read through a copy too, and, if
it is not UTF-8, in that format's encoding, Mac Roman (:func:`single_byte`).

Garbled letters are UTF-8 that was once read as Windows-1252 and saved again
(``KÃ¸benhavn`` for ``København``); they are repaired, and the repair is said.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from beskplan.core.errors import InputError, Problem

HEAD_BYTES = 64 * 1024
CHUNK_BYTES = 4 * 1024 * 1024
BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
NOT_TEXT = "the file is neither UTF-8 nor Windows-1252 text; save it as UTF-8"
MAC_ROMAN = (
    "note: read as Mac Roman, the encoding of Excel's 'CSV (Macintosh)', as the file is not "
    "UTF-8 and its lines end with a carriage return alone; save it as CSV UTF-8 to silence this"
)

_CONTINUATION = "".join(
    sorted({bytes([b]).decode("cp1252", errors="ignore") for b in range(0x80, 0xC0)} - {""})
)
# a two-byte UTF-8 letter (æ ø å é ...) whose bytes were read as Windows-1252: 'Ã¸' for 'ø'
MOJIBAKE = re.compile("[\u00c2-\u00df][" + re.escape(_CONTINUATION) + "]")

REPAIRED = (
    "note: repaired garbled letters (UTF-8 that had been read as Windows-1252, "
    "'KÃ¸benhavn' for 'København'); save the file as UTF-8 to silence this"
)


class NotTextError(InputError):
    """Bytes that do not decode in the encoding the file is read in."""


def head(path: Path) -> tuple[str, str]:
    """The first lines of the file, decoded, and the encoding they were read in."""
    try:
        with path.open("rb") as handle:
            data = handle.read(HEAD_BYTES)
    except OSError as exc:
        raise InputError(Problem(f"cannot read the file: {exc.strerror}", path)) from None
    encoding = "utf-16" if data.startswith(UTF16_BOMS) else "utf-8-sig"
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        text = decoder.decode(data, final=False)
    except UnicodeDecodeError:
        if encoding == "utf-16":
            raise NotTextError(Problem(NOT_TEXT, path)) from None
        encoding = single_byte(lone_carriage_returns(data.decode("latin-1")))
        data = data.removeprefix(BOM)  # UTF-8's mark before other text, left out as lines() does
        text = _cp1252(data, path) if encoding == "cp1252" else data.decode(encoding)
    if not text.strip().lstrip("\ufeff").strip():
        raise InputError(Problem("the file is empty; expected a header row and data rows", path))
    return text, encoding.removesuffix("-sig")


def _cp1252(data: bytes, path: Path) -> str:
    text = data.decode("cp1252", errors="replace")
    if "\ufffd" in text:
        raise NotTextError(Problem(NOT_TEXT, path))
    return text


def single_byte(cr: bool) -> str:
    """The encoding of a file that is not UTF-8: Windows-1252, as Excel saves CSV, or, where its
    lines end with a carriage return alone, Mac Roman, as Excel saves "CSV (Macintosh)" (where
    Windows-1252 would read 'Allerød' as 'Aller¿d')."""
    return "mac_roman" if cr else "cp1252"


def lone_carriage_returns(text: str) -> bool:
    """Whether the lines of ``text`` (a file's head) end with a carriage return alone."""
    # a head may end between the carriage return and the line feed of one line end
    return "\r" in text.removesuffix("\r").replace("\r\n", "")


def lines(path: Path, encoding: str, repair: bool, cr: bool = False) -> Iterator[str]:
    """The file's lines as text, decoded and repaired, one chunk of memory at a time; with
    ``cr``, a carriage return alone ends a line too."""
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
                raise NotTextError(Problem(NOT_TEXT, path)) from None
            if encoding == "cp1252" and "\ufffd" in text:
                raise NotTextError(Problem(NOT_TEXT, path))
            held = ""
            if cr:  # a carriage return at the end may be the first half of a line end
                if not final and text.endswith("\r"):
                    text, held = text[:-1], "\r"
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            parts = text.split("\n")
            pending = "" if final else parts.pop() + held
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


def transcode(path: Path, target: Path, encoding: str, repair: bool, cr: bool = False) -> None:
    """Write ``path`` as clean UTF-8 to ``target``, line for line, each ended by a line feed."""
    with target.open("w", encoding="utf-8", newline="\n") as out:
        first = True
        for line in lines(path, encoding, repair, cr):
            if not first:
                out.write("\n")
            out.write(line)
            first = False


def line_at(path: Path, number: int, encoding: str, repair: bool, cr: bool = False) -> str:
    """Line ``number`` (from 1) of the file as text, for an error message."""
    for index, line in enumerate(lines(path, encoding, repair, cr), start=1):
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
