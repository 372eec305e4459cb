"""Reading one Jobindsats extract (or own-data file) into a Polars frame.

Accepted shapes (see JOBINDSATS.md in the project's shared notes):

- the API's CSV: ``;``, decimal comma, UTF-8 with or without a byte-order mark,
  area column ``Area`` or ``Område``, then the period, dimension and measure
  columns, rows in any order, totals as ordinary rows;
- exports saved from the portal or Excel: title or selection lines above the
  header and ``Kilde: ...`` lines below it, ``.`` as thousands separator,
  Windows-1252, suppressed values written empty, ``-``, ``.``, ``..`` or ``x``;
- own data in the same long shape, also comma-separated with decimal points.

The frame keeps every cell as text: numbers are turned into exact decimals only
when a goal reads them (:mod:`beskplan.extracts`), so that published figures
are compared as published. Measure cells are normalised to ``1234.5`` here; a
suppression token is kept as written; a cell that is neither is kept behind
:data:`INVALID` so that reading it names its row and column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from beskplan.errors import InputError, Problem
from beskplan.periods import Kind, PeriodError, parse_period
from beskplan.sources import SourceFile, describe

AREA = "_area"
KEY = "_key"
PERIOD = "_period"
LINE = "_line"
FILE = "_file"
INTERNAL = (AREA, KEY, PERIOD, LINE, FILE)

INVALID = "\x00"
MISSING_TOKENS = ("-", ".", "..", "x", "X")

SEPARATORS = (";", "\t", ",")
HEADER_SCAN = 50
AREA_HEADERS = {"area", "område", "omraade", "områder", "kommune", "jobcenter"}
PERIOD_HEADERS = {"periode", "period", "perioder", "tid", "måned", "kvartal", "år"}

_NUMBER_LOOSE = r"^-?\d[\d.,]*$"
_COMMA_NUMBER = r"^-?(\d+|[1-9]\d{0,2}(\.\d{3})+)(,\d+)?$"
_POINT_NUMBER = r"^-?\d+(\.\d+)?$"
_POINT_DECIMAL_NOT_THOUSANDS = r"^-?(0\.\d+|\d+\.(\d{1,2}|\d{4,}))$"
_CONTINUATION = "".join(
    sorted({bytes([b]).decode("cp1252", errors="ignore") for b in range(0x80, 0xC0)} - {""})
)
# a two-byte UTF-8 letter (æ ø å é ...) whose bytes were read as Windows-1252: 'Ã¸' for 'ø'
_MOJIBAKE = re.compile("[\u00c2-\u00df][" + re.escape(_CONTINUATION) + "]")


@dataclass
class Extract:
    """One file read: its frame, which columns are dimensions and measures, and how it was read."""

    path: Path
    frame: pl.DataFrame
    dimensions: list[str]
    measures: list[str]
    notices: list[str] = field(default_factory=list)  # changes made while reading, for the user
    source: SourceFile | None = None
    columns: dict[str, int] = field(default_factory=dict)  # label -> column number in the file


def label_key(label: str) -> str:
    """A column label as matched: case, spacing and v2/v3 drift (" 16-66 år") folded away."""
    text = unicodedata.normalize("NFC", label).casefold()
    text = re.sub(r"\s*16\s*-\s*66\s*år", "", text)
    return re.sub(r"\s+", " ", text).strip()


def area_key_expr(column: str) -> pl.Expr:
    """Area names matched case-insensitively after trimming, with a " Kommune" suffix tolerated."""
    return (
        pl.col(column)
        .str.normalize("NFC")
        .str.to_lowercase()
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
        .str.replace(r" kommune$", "")
    )


def read_extract(path: Path, name: str | None = None) -> Extract:
    """Read one CSV file; raise :class:`InputError` naming file, row and column on a problem.

    ``name`` is how the file is named in the report's sources (default: its path).
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(Problem(f"cannot read the file: {exc.strerror}", path)) from None
    if not data.strip():
        raise InputError(Problem("the file is empty; expected a header row and data rows", path))
    notices: list[str] = []
    text = _decode(data, path, notices)
    lines = text.splitlines()
    header_index, separator = _find_header(lines, path)
    end = len(lines)
    while end > header_index + 1 and _is_footer(lines[end - 1], separator):
        end -= 1
    if end < len(lines) and _is_row_fragment(lines[end]):
        end = len(lines)  # a broken last row, not a footer: let the row check name it
    header = _split_header(lines[header_index], separator)
    _check_header(header, path, header_index + 1)
    if end == header_index + 1:
        raise InputError(Problem("the file has a header but no data rows", path, header_index + 1))
    short = _short_row(lines, header_index, end, separator, len(header))
    if short is not None:
        number, fields = short
        raise InputError(
            Problem(
                f"the row has {fields} field{'s' if fields != 1 else ''} but the header has "
                f"{len(header)}; "
                "check the separator and quotes on this line",
                path,
                number,
            )
        )
    body = "\n".join(lines[header_index + 1 : end])
    try:
        frame = pl.read_csv(
            body.encode("utf-8"),
            has_header=False,
            new_columns=header,
            separator=separator,
            infer_schema=False,
            quote_char='"',
        )
    except pl.exceptions.PolarsError as exc:
        raise InputError(
            _ragged(lines, header_index, end, separator, len(header), path, exc)
        ) from None
    first_line = header_index + 2
    extract = _shape(frame, header, path, first_line, separator, notices)
    extract.source = describe(path, data, extract.frame.height, name)
    return extract


def _ragged(
    lines: list[str],
    header_index: int,
    end: int,
    separator: str,
    width: int,
    path: Path,
    error: Exception,
) -> Problem:
    """Why Polars could not read the rows: the first row whose field count is off."""
    import csv

    rows = csv.reader(lines[header_index + 1 : end], delimiter=separator, quotechar='"')
    for number, row in enumerate(rows, start=header_index + 2):
        if len(row) != width:
            return Problem(
                f"the row has {len(row)} field{'s' if len(row) != 1 else ''} but the header "
                f"has {width}; "
                "check the separator and quotes on this line",
                path,
                number,
            )
    first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return Problem(
        f"cannot read the rows as CSV separated by '{_show(separator)}': {first}",
        path,
        header_index + 1,
    )


def _short_row(
    lines: list[str], header_index: int, end: int, separator: str, width: int
) -> tuple[int, int] | None:
    """The first row with fewer fields than the header (Polars fills those with nulls).

    Counted with Polars over all rows; rows with quotes are counted again properly.
    """
    import csv

    body = pl.Series(lines[header_index + 1 : end], dtype=pl.String)
    counts = body.str.count_matches(separator, literal=True) + 1
    suspects = ((counts < width) | body.str.contains('"', literal=True)).arg_true().to_list()
    for index in suspects:
        row = next(csv.reader([body[index]], delimiter=separator, quotechar='"'), [])
        if 0 < len(row) < width or (not row and width > 1):
            return header_index + 2 + index, len(row)
    return None


def _show(separator: str) -> str:
    return "\\t" if separator == "\t" else separator


def _decode(data: bytes, path: Path, notices: list[str]) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if "\ufffd" in text:
            raise InputError(
                Problem("the file is neither UTF-8 nor Windows-1252 text; save it as UTF-8", path)
            ) from None
    if _MOJIBAKE.search(text):
        text = _repair(text, path)
        notices.append(
            "note: repaired garbled letters (UTF-8 that had been read as Windows-1252, "
            "'KÃ¸benhavn' for 'København'); save the file as UTF-8 to silence this"
        )
    return text


def _repair(text: str, path: Path) -> str:
    def fix(match: re.Match[str]) -> str:
        try:
            return match.group().encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            line = text[: match.start()].count("\n") + 1
            raise InputError(
                Problem(
                    f"'{match.group()}' looks like a garbled letter (UTF-8 read as Windows-1252, "
                    "as 'KÃ¸benhavn' for 'København') that cannot be repaired; "
                    "export the file again as UTF-8",
                    path,
                    line,
                )
            ) from None

    return _MOJIBAKE.sub(fix, text)


def _split_header(line: str, separator: str) -> list[str]:
    cells = next(iter(_csv_rows(line, separator)))
    return [re.sub(r"\s+", " ", cell).strip() for cell in cells]


def _csv_rows(text: str, separator: str) -> list[list[str]]:
    import csv

    return list(csv.reader([text], delimiter=separator, quotechar='"'))


def _find_header(lines: list[str], path: Path) -> tuple[int, str]:
    for index, line in enumerate(lines[:HEADER_SCAN]):
        for separator in SEPARATORS:
            if separator not in line:
                continue
            cells = {label_key(c) for c in _split_header(line, separator)}
            if cells & AREA_HEADERS and cells & PERIOD_HEADERS:
                return index, separator
    raise InputError(
        Problem(
            f"no header row found in the first {HEADER_SCAN} lines: expected a row with an area "
            "column (Område or Area) and a period column (Periode), separated by ';', ',' or tab",
            path,
            1,
        )
    )


def _is_row_fragment(line: str) -> bool:
    """A line right after the rows that is neither blank nor a source line."""
    stripped = line.strip()
    return bool(stripped) and not stripped.casefold().startswith("kilde")


def _is_footer(line: str, separator: str) -> bool:
    stripped = line.strip().strip(separator).strip()
    return not stripped or stripped.casefold().startswith("kilde") or separator not in line


def _check_header(header: list[str], path: Path, line: int) -> None:
    seen: dict[str, int] = {}
    for index, cell in enumerate(header, start=1):
        if not cell:
            raise InputError(
                Problem(f"column {index} of the header has no name", path, line, index)
            )
        key = label_key(cell)
        if key in seen:
            raise InputError(
                Problem(
                    f"column '{cell}' appears twice in the header "
                    f"(columns {seen[key]} and {index})",
                    path,
                    line,
                    index,
                )
            )
        seen[key] = index


def _shape(
    frame: pl.DataFrame,
    header: list[str],
    path: Path,
    first_line: int,
    separator: str,
    notices: list[str],
) -> Extract:
    area_col = next(c for c in header if label_key(c) in AREA_HEADERS)
    period_col = next(c for c in header if label_key(c) in PERIOD_HEADERS)
    frame = frame.with_columns(pl.all().str.strip_chars()).with_row_index(LINE, offset=first_line)
    position = {name: i + 1 for i, name in enumerate(header)}

    empty_area = frame.filter(pl.col(area_col).is_null())
    if empty_area.height:
        raise InputError(
            Problem("the area cell is empty", path, int(empty_area[LINE][0]), position[area_col])
        )
    codes = _period_codes(frame, period_col, path, position[period_col])

    others = [c for c in header if c not in (area_col, period_col)]
    numeric = _numeric_columns(frame, others)
    measures = [c for c in others if c in numeric]
    dimensions = [c for c in others if c not in numeric]
    comma = _decimal_comma(frame, measures, separator)
    valid = _COMMA_NUMBER if comma else _POINT_NUMBER
    canonical = [
        pl.when(pl.col(c).is_null() | pl.col(c).is_in(MISSING_TOKENS))
        .then(pl.col(c).fill_null(""))
        .when(pl.col(c).str.contains(valid))
        .then(
            pl.col(c).str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True)
            if comma
            else pl.col(c)
        )
        .otherwise(pl.lit(INVALID) + pl.col(c))
        .alias(c)
        for c in measures
    ]
    frame = frame.with_columns(
        *canonical,
        pl.col(area_col).alias(AREA),
        area_key_expr(area_col).alias(KEY),
        pl.col(period_col).replace_strict(codes, return_dtype=pl.String).alias(PERIOD),
        pl.lit(str(path)).alias(FILE),
    ).drop(area_col, period_col)
    return Extract(path, frame, dimensions, measures, notices, columns=position)


def _period_codes(frame: pl.DataFrame, column: str, path: Path, col_no: int) -> dict[str, str]:
    firsts = frame.group_by(column, maintain_order=True).agg(pl.col(LINE).first())
    codes: dict[str, str] = {}
    kinds: dict[Kind, str] = {}
    for value, row in firsts.iter_rows():
        if value is None:
            raise InputError(Problem("the period cell is empty", path, int(row), col_no))
        try:
            period = parse_period(value)
        except PeriodError as exc:
            raise InputError(Problem(str(exc), path, int(row), col_no)) from None
        codes[value] = period.code
        kinds.setdefault(period.kind, f"{value} on line {row}")
    if len(kinds) > 1:
        found = "; ".join(
            f"{k.name.lower().replace('_', ' ')} {where}" for k, where in kinds.items()
        )
        raise InputError(
            Problem(
                f"the period column mixes frequencies ({found}); keep one frequency per file",
                path,
                None,
            )
        )
    return codes


def _numeric_columns(frame: pl.DataFrame, columns: list[str]) -> set[str]:
    """Columns whose every cell is a number or a suppression token: the measures."""
    if not columns:
        return set()
    checks = frame.select(
        (
            pl.col(c).is_null()
            | pl.col(c).is_in(MISSING_TOKENS)
            | pl.col(c).str.contains(_NUMBER_LOOSE)
        )
        .all()
        .alias(c)
        for c in columns
    ).row(0, named=True)
    return {c for c, ok in checks.items() if ok}


def _decimal_comma(frame: pl.DataFrame, measures: list[str], separator: str) -> bool:
    """Whether the file writes decimals with a comma (Danish) or a point.

    A comma-separated file writes decimal points; otherwise a comma between
    digits anywhere decides for the comma, a point that cannot be a thousands
    separator (``0.125``, ``4.2``) for the point, and else (integers only, or
    ``7.423``) the Danish form.
    """
    if not measures:
        return separator != ","
    found = frame.select(
        pl.any_horizontal(pl.col(c).str.contains(r"\d,\d").any() for c in measures).alias("comma"),
        pl.any_horizontal(
            pl.col(c).str.contains(_POINT_DECIMAL_NOT_THOUSANDS).any() for c in measures
        ).alias("point"),
    ).row(0, named=True)
    if separator == ",":
        return False
    if found["comma"]:
        return True
    return not found["point"]
