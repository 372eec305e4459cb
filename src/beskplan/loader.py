"""Reading one Jobindsats extract (or own-data file) into a compact Polars frame.

Accepted shapes (see JOBINDSATS.md in the project's shared notes):

- the API's CSV: ``;``, decimal comma, UTF-8 with or without a byte-order mark,
  area column ``Area`` or ``Område``, then the period, dimension and measure
  columns, rows in any order, totals as ordinary rows;
- exports saved from the portal or Excel: title or selection lines above the
  header and ``Kilde: ...`` lines below it, ``.`` as thousands separator,
  Windows-1252, suppressed values written empty, ``-``, ``.``, ``..`` or ``x``;
- own data in the same long shape, also comma-separated with decimal points.

Polars reads the file in passes that keep memory bounded: the lines (to check
the rows' shape and find where the rows end), a sample (to tell dimensions from
measures and the decimal form), and then the rows, cast as they stream: areas,
periods and dimensions as categories, each measure as a number with the count
of its published decimals beside it, so that figures are compared exactly as
published. A suppression token or a cell that is not a number is kept as a
code in the decimals column; reading an invalid cell names its row and column.
"""

from __future__ import annotations

import csv
import re
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from beskplan import textfile
from beskplan.areas import area_key
from beskplan.errors import InputError, Problem
from beskplan.periods import Kind, PeriodError, parse_period
from beskplan.sources import SourceFile, describe_file

AREA = "_area"
KEY = "_key"
PERIOD = "_period"
LINE = "_line"
FILE = "_file"
INTERNAL = (AREA, KEY, PERIOD, LINE, FILE)

DECIMALS = "\x00decimals"  # suffix of the column holding a measure's decimals or token code
MISSING_TOKENS = ("", "-", ".", "..", "x", "X")
TOKEN_CODES = {token: -1 - i for i, token in enumerate(MISSING_TOKENS)}  # "" -1 ... "X" -6
INVALID = -7

SEPARATORS = (";", "\t", ",")
HEADER_SCAN = 50
SAMPLE_ROWS = 20_000
AREA_HEADERS = {"area", "område", "omraade", "områder", "kommune", "jobcenter"}
PERIOD_HEADERS = {"periode", "period", "perioder", "tid", "måned", "kvartal", "år"}

_NUMBER_LOOSE = r"^-?\d[\d.,]*$"
_COMMA_NUMBER = r"^-?(\d+|[1-9]\d{0,2}(\.\d{3})+)(,\d+)?$"
_POINT_NUMBER = r"^-?\d+(\.\d+)?$"
_POINT_DECIMAL_NOT_THOUSANDS = r"^-?(0\.\d+|\d+\.(\d{1,2}|\d{4,}))$"


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
    raw_cell: Callable[[int, int], str] | None = None  # (line, column) -> the cell as written
    reading: tuple[str, str, bool] = (";", "utf-8-sig", False)  # separator, encoding, repaired


def label_key(label: str) -> str:
    """A column label as matched: case, spacing and v2/v3 drift (" 16-66 år") folded away."""
    text = unicodedata.normalize("NFC", label).casefold()
    text = re.sub(r"\s*16\s*-\s*66\s*år", "", text)
    return re.sub(r"\s+", " ", text).strip()


def area_key_expr(column: str) -> pl.Expr:
    """Area names matched case-insensitively after trimming, with a " Kommune" suffix tolerated."""
    return (
        pl.col(column)
        .cast(pl.String)
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
    text, encoding = textfile.head(path)
    header_index, separator = _find_header(text.splitlines(), path)
    garbled = False
    if encoding == "utf-8":
        encoding = "utf-8-sig"
        try:
            extract: Extract | None = _read(path, path, header_index, separator, notices=[])
        except _NotUtf8:
            extract, encoding = None, "cp1252"
        if extract is not None and _garbled(extract):
            extract, garbled = None, True
    else:
        extract = None
    if extract is None:
        with tempfile.TemporaryDirectory(prefix="beskplan-") as folder:
            copy = Path(folder) / "utf8.csv"
            textfile.transcode(path, copy, encoding, repair=garbled)
            extract = _read(path, copy, header_index, separator, notices=[])
            if not garbled and _garbled(extract):  # Windows-1252 text can hold them too
                garbled = True
                textfile.transcode(path, copy, encoding, repair=True)
                extract = _read(path, copy, header_index, separator, notices=[])
        if garbled:
            extract.notices.append(textfile.REPAIRED)
    extract.reading = (separator, encoding, garbled)
    extract.raw_cell = raw_reader(path, *extract.reading)
    extract.source = describe_file(path, extract.frame.height, name)
    return extract


class _NotUtf8(Exception):
    """The file is not UTF-8 throughout: it is read again as Windows-1252."""


def _garbled(extract: Extract) -> bool:
    """Whether any area, period or category holds a garbled letter ('KÃ¸benhavn')."""
    columns = [AREA, PERIOD, *extract.dimensions]
    names = extract.frame.select(pl.col(c).cast(pl.String).unique().implode() for c in columns).row(
        0
    )
    return any(textfile.MOJIBAKE.search(n) for values in names for n in values if n)


def raw_reader(
    path: Path, separator: str, encoding: str, repair: bool
) -> Callable[[int, int], str]:
    def cell(line: int, column: int) -> str:
        text = textfile.line_at(path, line, encoding, repair)
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


def _read(path: Path, data: Path, header_index: int, separator: str, notices: list[str]) -> Extract:
    """Read ``data`` (the file itself, or its clean UTF-8 copy); messages name ``path``."""
    header_line = textfile.line_at(data, header_index + 1, "utf-8-sig", repair=False)
    header = _split_header(header_line, separator)
    _check_header(header, path, header_index + 1)
    rows, quoted = _rows_end(path, data, header_index, separator, len(header))
    columns = {name: i + 1 for i, name in enumerate(header)}
    area_col = next(c for c in header if label_key(c) in AREA_HEADERS)
    period_col = next(c for c in header if label_key(c) in PERIOD_HEADERS)
    others = [c for c in header if c not in (area_col, period_col)]

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
        return (
            frame.with_columns(pl.all().exclude("index").str.strip_chars())
            .filter(pl.any_horizontal(pl.all().exclude("index") != ""))
            .with_columns((pl.col("index") + header_index + 2).cast(pl.UInt32).alias(LINE))
        )

    try:
        sample = cells(min(rows, SAMPLE_ROWS)).collect()
        numeric = _numeric_columns(sample, others)
        measures = [c for c in others if c in numeric]
        dimensions = [c for c in others if c not in numeric]
        comma = _decimal_comma(sample, measures, separator)
        frame = (
            cells(rows)
            .select(
                pl.col(area_col).cast(pl.Categorical).alias(AREA),
                pl.col(period_col).cast(pl.Categorical).alias(PERIOD),
                pl.col(LINE),
                *(pl.col(c).cast(pl.Categorical) for c in dimensions),
                *(e for c in measures for e in _measure(c, comma)),
            )
            .collect(engine="streaming")
        )
    except pl.exceptions.PolarsError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if "utf-8" in first or "utf8" in first:
            raise _NotUtf8 from None
        raise InputError(
            Problem(
                f"cannot read the rows as CSV separated by '{_show(separator)}': {first}",
                path,
                header_index + 1,
            )
        ) from None
    frame = _checked(frame, path, columns[area_col], columns[period_col])
    # the match key of each area, worked out once per distinct name rather than per row
    names = frame.get_column(AREA).cast(pl.String).unique().to_list()
    keys = {name: area_key(name) for name in names}
    frame = frame.with_columns(
        pl.col(AREA).cast(pl.String).replace_strict(keys).cast(pl.Categorical).alias(KEY),
        pl.lit(str(path)).cast(pl.Categorical).alias(FILE),
    ).select(AREA, KEY, pl.all().exclude(AREA, KEY))
    return Extract(path, frame, dimensions, measures, notices, columns=columns)


def _measure(column: str, comma: bool) -> tuple[pl.Expr, pl.Expr]:
    """A measure as a number and, beside it, its decimals (or the code of its token)."""
    cell = pl.col(column)
    valid = cell.str.contains(_COMMA_NUMBER if comma else _POINT_NUMBER)
    plain = (
        cell.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True)
        if comma
        else cell
    )
    decimals = plain.str.extract(r"\.(\d+)$").str.len_chars().fill_null(0).cast(pl.Int8)
    tokens = cell.replace_strict(
        list(TOKEN_CODES), list(TOKEN_CODES.values()), default=INVALID, return_dtype=pl.Int8
    )
    return (
        pl.when(valid).then(plain.cast(pl.Float64, strict=False)).alias(column),
        pl.when(valid).then(decimals).otherwise(tokens).alias(column + DECIMALS),
    )


def _checked(frame: pl.DataFrame, path: Path, area_no: int, period_no: int) -> pl.DataFrame:
    """Refuse empty areas and periods that do not parse or mix frequencies; canonical periods."""
    empty = frame.filter(pl.col(AREA).cast(pl.String) == "")
    if empty.height:
        raise InputError(Problem("the area cell is empty", path, int(empty[LINE][0]), area_no))
    firsts = frame.group_by(PERIOD).agg(pl.col(LINE).min()).sort(LINE)
    codes: dict[str, str] = {}
    kinds: dict[Kind, str] = {}
    for value, line in firsts.iter_rows():
        if value == "":
            raise InputError(Problem("the period cell is empty", path, int(line), period_no))
        try:
            period = parse_period(value)
        except PeriodError as exc:
            raise InputError(Problem(str(exc), path, int(line), period_no)) from None
        codes[value] = period.code
        kinds.setdefault(period.kind, f"{value} on line {line}")
    if len(kinds) > 1:
        found = "; ".join(
            f"{k.name.lower().replace('_', ' ')} {where}" for k, where in kinds.items()
        )
        raise InputError(
            Problem(
                f"the period column mixes frequencies ({found}); keep one frequency per file",
                path,
            )
        )
    if any(raw != code for raw, code in codes.items()):
        frame = frame.with_columns(
            pl.col(PERIOD).cast(pl.String).replace_strict(codes).cast(pl.Categorical)
        )
    return frame


def _rows_end(
    path: Path, data: Path, header_index: int, separator: str, width: int
) -> tuple[int, bool]:
    """How many lines after the header hold rows, and whether any row holds a quote.

    Rows end at the last line with a separator that is neither blank nor a
    ``Kilde`` line; what follows is a footer if it begins with a blank or
    ``Kilde`` line, and otherwise a broken row. A row with fewer or more fields
    than the header is refused. One pass over the lines, keeping no text.
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
                (text == "").alias("blank"),
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


def _numeric_columns(frame: pl.DataFrame, columns: list[str]) -> set[str]:
    """Columns whose every sampled cell is a number or a suppression token: the measures."""
    if not columns:
        return set()
    checks = frame.select(
        (pl.col(c).is_in(MISSING_TOKENS) | pl.col(c).str.contains(_NUMBER_LOOSE)).all().alias(c)
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
    if separator == "," or not measures:
        return separator != ","
    found = frame.select(
        pl.any_horizontal(pl.col(c).str.contains(r"\d,\d").any() for c in measures).alias("comma"),
        pl.any_horizontal(
            pl.col(c).str.contains(_POINT_DECIMAL_NOT_THOUSANDS).any() for c in measures
        ).alias("point"),
    ).row(0, named=True)
    if found["comma"]:
        return True
    return not found["point"]
