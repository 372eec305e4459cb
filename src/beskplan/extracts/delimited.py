"""The reader of delimited text: Jobindsats CSV extracts and own data in the same shape.

Accepted shapes (see JOBINDSATS.md in the project's shared notes):

- the API's CSV: ``;``, decimal comma, UTF-8 with or without a byte-order mark,
  area column ``Area`` or ``Område``, then the period, dimension and measure
  columns, rows in any order, totals as ordinary rows;
- exports saved from the portal or Excel: title or selection lines above the
  header and ``Kilde: ...`` lines below it, ``.`` as thousands separator,
  Windows-1252 or UTF-16, lines ended by a carriage return alone (Excel's
  "CSV (Macintosh)", in Mac Roman), suppressed values written empty, ``-``, ``.``,
  ``..`` or ``x``;
- own data in the same long shape, also comma-separated with decimal points.

Polars reads the file in passes that keep memory bounded: the lines (to check
the rows' shape and find where the rows end), a sample (to tell dimensions from
measures and the decimal form), and then the rows, cast as they stream: areas,
periods and dimensions as categories (kept as enumerations of the values the file
holds), each measure as a number with the count of its published decimals beside
it (:mod:`beskplan.extracts.layout`).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from beskplan.core.errors import InputError, Problem
from beskplan.core.output import scratch_folder
from beskplan.core.sources import hashed
from beskplan.extracts import textfile
from beskplan.extracts.bytepass import Scanned, no_control_mark, scan
from beskplan.extracts.layout import (
    AREA,
    LINE,
    PERIOD,
    Extract,
    build,
    check_header,
    distinct_values,
    find_header_columns,
)
from beskplan.extracts.locator import Locator

NAME = "csv"
SUFFIXES = (".csv", ".tsv")
SEPARATORS = (";", "\t", ",")
HEADER_SCAN = 50


def sniff(head: bytes) -> bool:
    """Text has no mark of its own: a delimited file is known by its suffix."""
    return False


def read(path: Path, name: str | None = None) -> Extract:
    """Read one CSV file; raise :class:`InputError` naming file, row and column on a problem.

    ``name`` is how the file is named in the report's sources (default: its path).
    """
    text, encoding = textfile.head(path)
    header_index, separator = _find_header(text.splitlines(), path)
    # lines ended by a carriage return alone are read through a copy whose lines end in \n
    cr = textfile.lone_carriage_returns(text)
    # such a file is one line to the byte reader: of its own bytes only the hash is used
    scanned = scan(path, -1 if cr else header_index, separator)
    garbled = False
    extract: Extract | None = None
    if encoding == "utf-8":
        encoding = "utf-8-sig"
        if not cr:
            no_control_mark(scanned, path, path)
            try:
                extract = _read(path, path, header_index, separator, [], scanned)
            except _NotUtf8:
                encoding = "cp1252"
            if extract is not None and _garbled(extract):
                extract, garbled = None, True
    if extract is None:
        with scratch_folder() as folder:
            copy = folder / "utf8.csv"

            def through_copy(encoding: str, repair: bool) -> Extract:
                textfile.transcode(path, copy, encoding, repair, cr)
                again = scan(copy, header_index, separator)
                no_control_mark(again, copy, path)
                return _read(path, copy, header_index, separator, [], again)

            try:
                extract = through_copy(encoding, garbled)
            except textfile.NotTextError:
                if encoding != "utf-8-sig":
                    raise
                encoding = textfile.single_byte(cr)  # UTF-8 in the head only
                extract = through_copy(encoding, garbled)
            if not garbled and _garbled(extract):  # Windows-1252 text can hold them too
                garbled = True
                extract = through_copy(encoding, True)
        if garbled:
            extract.notices.append(textfile.REPAIRED)
        if encoding == "mac_roman":
            extract.notices.append(textfile.MAC_ROMAN)
    extract.reading = (separator, encoding, garbled, cr)
    extract.raw_cell = raw_reader(path, *extract.reading)
    extract.source = hashed(path, scanned.sha256, extract.frame.height, name)
    return extract


class _NotUtf8(Exception):
    """The file is not UTF-8 throughout: it is read again as Windows-1252."""


def _garbled(extract: Extract) -> bool:
    """Whether any area, period or category holds a garbled letter ('KÃ¸benhavn')."""
    columns = [AREA, PERIOD, *extract.dimensions]
    # the values from the columns' types, which hold every one: no pass over the rows
    return any(
        textfile.MOJIBAKE.search(n) for c in columns for n in distinct_values(extract.frame, c)
    )


def raw_reader(path: Path, *reading: Any) -> Callable[[int, int], str]:
    """The cell at a line and column, as the file writes it."""
    separator, encoding, repair = str(reading[0]), str(reading[1]), bool(reading[2])
    cr = len(reading) > 3 and bool(reading[3])  # lines ended by a carriage return alone

    def cell(line: int, column: int) -> str:
        text = textfile.line_at(path, line, encoding, repair, cr)
        row = next(csv.reader([text], delimiter=separator, quotechar='"'), [])
        return row[column - 1].strip() if 0 < column <= len(row) else ""

    return cell


def _lines(data: Path, header_index: int) -> pl.LazyFrame:
    """The lines after the header, numbered from 0, as one text column."""
    return pl.scan_csv(
        data,
        has_header=False,
        new_columns=["line"],
        separator="\x01",
        quote_char=None,
        skip_rows=header_index + 1,
        infer_schema=False,
        empty_string_is_null=False,
    ).with_row_index("index")


def _read(
    path: Path,
    data: Path,
    header_index: int,
    separator: str,
    notices: list[str],
    scanned: Scanned,
) -> Extract:
    """Read ``data`` (the file itself, or its clean UTF-8 copy, which ``scanned`` describes);
    messages name ``path``."""
    header_line = _header_line(scanned, header_index)
    header = _split_header(header_line, separator)
    check_header(header, lambda message, column: Problem(message, path, header_index + 1, column))
    # a comma-separated file writes decimal points; others say so in their cells
    comma = False if separator == "," else None
    lines = _regular_lines(scanned, header_index, header_line, len(header))
    if lines is not None:  # one pass of Polars' own parser, streamed
        regular = pl.scan_csv(
            data,
            has_header=False,
            skip_rows=header_index + 1,
            new_columns=header,
            separator=separator,
            quote_char=None,
            infer_schema=False,
            empty_string_is_null=False,
        ).with_row_index("index")

        def parsed(n_rows: int) -> pl.LazyFrame:
            return _trimmed(regular.head(n_rows), header_index)

        try:
            extract = build(path, header, parsed, lines, comma, Locator())
        except pl.exceptions.PolarsError as exc:
            if _not_utf8(exc):
                raise _NotUtf8 from None
            # a long line after all: read line by line, which says where
        else:
            if extract.frame.get_column(LINE).max() == header_index + 1 + lines:
                extract.notices.extend(notices)
                return extract
    try:
        rows, quoted = _rows_end(path, data, header_index, separator, len(header))
    except pl.exceptions.PolarsError as exc:
        raise _failure(exc, path, header_index, separator) from None

    def cells(n_rows: int) -> pl.LazyFrame:
        """The rows' cells, trimmed, with their line numbers; blank lines left out."""
        if quoted:  # quotes may hide separators: the CSV parser splits them
            frame = pl.scan_csv(
                data,
                has_header=False,
                new_columns=header,
                separator=separator,
                skip_rows=header_index + 1,
                infer_schema=False,
                quote_char='"',
                empty_string_is_null=False,
                n_rows=n_rows,
            ).with_row_index("index")
        else:  # one split of each line: faster than parsing, and the lines are checked
            parts = pl.col("line").str.split(separator)
            frame = (
                _lines(data, header_index)
                .filter(pl.col("index") < n_rows)
                .select(
                    "index",
                    *(parts.list.get(i, null_on_oob=True).alias(c) for i, c in enumerate(header)),
                )
            )
        return _trimmed(frame, header_index)

    try:
        extract = build(path, header, cells, rows, comma, Locator())
    except pl.exceptions.PolarsError as exc:
        raise _failure(exc, path, header_index, separator) from None
    extract.notices.extend(notices)
    return extract


def _header_line(scanned: Scanned, header_index: int) -> str:
    """The header's line as text, from the bytes read up to it."""
    try:
        text = scanned.head.decode("utf-8-sig")
    except UnicodeDecodeError:  # text after the sniffed head that is not UTF-8
        raise _NotUtf8 from None
    return text.split("\n")[header_index].rstrip("\r")


def _failure(
    exc: pl.exceptions.PolarsError, path: Path, header_index: int, separator: str
) -> Exception:
    """What a failure of Polars' parser means: text that is not UTF-8 (read again as
    Windows-1252), or rows that are not CSV of this separator."""
    if _not_utf8(exc):
        return _NotUtf8()
    return InputError(
        Problem(
            f"cannot read the rows as CSV separated by '{_show(separator)}': {_first_line(exc)}",
            path,
            header_index + 1,
        )
    )


def _first_line(exc: pl.exceptions.PolarsError) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _not_utf8(exc: pl.exceptions.PolarsError) -> bool:
    first = _first_line(exc)
    return "utf-8" in first or "utf8" in first


def _trimmed(frame: pl.LazyFrame, header_index: int) -> pl.LazyFrame:
    """The rows' cells trimmed, blank rows left out, each with its line number."""
    return (
        frame.with_columns(pl.all().exclude("index").str.strip_chars())
        .filter(pl.any_horizontal(pl.all().exclude("index") != ""))
        .with_columns((pl.col("index") + header_index + 2).cast(pl.UInt32).alias(LINE))
    )


def _regular_lines(scanned: Scanned, header_index: int, header_line: str, width: int) -> int | None:
    """The number of lines after the header when the file is plainly regular: no quote, no
    blank line, no ``Kilde`` line at the end (even one padded with separators), and as many
    separators over the whole text as ``width - 1`` per line (a line with more than that is
    refused by Polars' parser, so none has fewer). Anything else is ``None``, and
    :func:`_rows_end` finds and words what it is."""
    if scanned.quoted or scanned.head.count(b"\n") != header_index + 1:
        return None
    if scanned.ends_in_source:  # a footer padded with separators to the row's width
        return None
    if scanned.head.splitlines()[-1].decode("utf-8-sig", "replace") != header_line.rstrip("\r"):
        return None  # lines the text reader splits elsewhere (a lone carriage return)
    if scanned.lines == 0 or scanned.separators != (width - 1) * scanned.lines:
        return None
    return scanned.lines


def _rows_end(
    path: Path, data: Path, header_index: int, separator: str, width: int
) -> tuple[int, bool]:
    """How many lines after the header hold rows, and whether any row holds a quote.

    Rows end at the last line with a separator that is neither blank (white space
    and separators alone) nor a ``Kilde`` line; what follows is a footer if it begins
    with a blank or ``Kilde`` line, and otherwise a broken row. A row with fewer or
    more fields than the header is refused. One pass over the lines, keeping no text.
    """
    text = pl.col("line").str.strip_chars()
    try:
        shape = (
            _lines(data, header_index)
            .select(
                "index",
                (pl.col("line").str.count_matches(separator, literal=True) + 1)
                .cast(pl.UInt32)
                .alias("fields"),
                # a line of separators alone is blank: Excel saves an empty row so
                (text.str.replace_all(separator, "", literal=True).str.strip_chars() == "").alias(
                    "blank"
                ),
                text.str.to_lowercase().str.starts_with("kilde").alias("source"),
                pl.col("line").str.contains('"', literal=True).alias("quoted"),
            )
            .collect(engine="streaming")
        )
    except pl.exceptions.NoDataError:
        shape = pl.DataFrame(
            schema={
                "index": pl.UInt32,
                "fields": pl.UInt32,
                "blank": pl.Boolean,
                "source": pl.Boolean,
                "quoted": pl.Boolean,
            }
        )
    index, blank, source = pl.col("index"), pl.col("blank"), pl.col("source")
    fields, quoted = pl.col("fields"), pl.col("quoted")
    last = shape.filter(~blank & ~source & (fields > 1))["index"].max()
    if last is None:
        raise InputError(Problem("the file has a header but no data rows", path, header_index + 1))
    end = int(last) + 1  # type: ignore[arg-type]
    tail = shape.filter(index >= end)
    after = tail.filter(~blank & ~source)["index"].min()
    pause = tail.filter(blank | source)["index"].min()
    if after is not None and (pause is None or after < pause):  # type: ignore[operator]
        end = int(after) + 1  # type: ignore[arg-type]  # a broken row, not a footer
    odd = shape.filter((index < end) & ~blank & ((fields != width) | quoted))["index"].head(10_000)
    suspects = (  # rows whose field count is off, and rows with quotes, counted properly
        _lines(data, header_index)
        .filter(index.is_in(odd.implode()))
        .select("index", "line")
        .collect()
        if odd.len()
        else pl.DataFrame(schema={"index": pl.UInt32, "line": pl.String})
    )
    for number, line in suspects.iter_rows():
        found = len(next(csv.reader([line], delimiter=separator, quotechar='"'), []))
        if found != width:
            noun = "field" if found == 1 else "fields"
            raise InputError(
                Problem(
                    f"the row has {found} {noun} but the header has {width}; "
                    "check the separator and quotes on this line",
                    path,
                    header_index + 2 + int(number),
                )
            )
    return end, bool(shape.filter(index < end)["quoted"].any())


def _show(separator: str) -> str:
    return "\\t" if separator == "\t" else separator


def _split_header(line: str, separator: str) -> list[str]:
    cells = next(csv.reader([line.lstrip("\ufeff")], delimiter=separator, quotechar='"'), [])
    return [re.sub(r"\s+", " ", cell).strip() for cell in cells]


def _find_header(lines: list[str], path: Path) -> tuple[int, str]:
    for index, line in enumerate(lines[:HEADER_SCAN]):
        for separator in SEPARATORS:
            if separator in line and find_header_columns(_split_header(line, separator)):
                return index, separator
    raise InputError(
        Problem(
            f"no header row found in the first {HEADER_SCAN} lines: expected a row with an area "
            "column (Område or Area) and a period column (Periode), separated by ';', ',' or tab",
            path,
            1,
        )
    )
