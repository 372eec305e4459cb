"""The frame every reader produces, and how cells of text become it.

Whatever the file's format, one extract is one compact Polars frame:

- ``_area`` (the area as written), ``_key`` (its match key), ``_period`` (the
  canonical period code), ``_file`` and ``_line`` (where the row stands), all
  but the line as categories;
- each dimension as a category column under its label;
- each measure as a ``Float64`` under its label and, beside it under the label
  plus :data:`DECIMALS`, the number of decimals published, or the code of its
  suppression token (:data:`TOKEN_CODES`), or :data:`INVALID` for a cell that is
  not a number in the file's form. Figures are made exact from the two.

A reader finds the header and hands :func:`build` the cells as text, one
column per header label and a ``_line`` column, with the number form its file
uses. :class:`Locator` says where a cell stands in words that fit the format.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from beskplan.core.areas import area_key
from beskplan.core.errors import InputError, Problem, control_character
from beskplan.core.periods import Kind, PeriodError, parse_period
from beskplan.core.sources import SourceFile
from beskplan.extracts.locator import Locator

AREA = "_area"
KEY = "_key"
PERIOD = "_period"
LINE = "_line"
FILE = "_file"

DECIMALS = "\x00decimals"  # suffix of the column holding a measure's decimals or token code
# API v3's CSV writes a missing figure as null
MISSING_TOKENS = ("", "-", ".", "..", "x", "X", "null")
TOKEN_CODES = {token: -1 - i for i, token in enumerate(MISSING_TOKENS)}  # "" -1 ... "null" -7
INVALID = -8
TOO_LONG = -9  # more significant digits than a figure is compared exactly with
MAX_DIGITS = 15
MISSING_WORDS = "missing values are written empty, '-', '.', '..', 'x' or null"

SAMPLE_ROWS = 20_000
AREA_HEADERS = {"area", "område", "omraade", "områder", "kommune", "jobcenter"}
PERIOD_HEADERS = {"periode", "period", "perioder", "tid", "måned", "kvartal", "år"}

NUMBER_LOOSE = r"^-?[0-9][0-9.,]*$"
COMMA_NUMBER = r"^-?([0-9]+|[1-9][0-9]{0,2}(\.[0-9]{3})+)(,[0-9]+)?$"
POINT_NUMBER = r"^-?[0-9]+(\.[0-9]+)?$"
POINT_DECIMAL_NOT_THOUSANDS = r"^-?(0\.[0-9]+|[0-9]+\.([0-9]{1,2}|[0-9]{4,}))$"


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
    reader: str = "csv"  # the name of the reader that read it
    reading: tuple[Any, ...] = ()  # what the reader needs to find a raw cell again
    locator: Locator = field(default_factory=Locator)

    def problem(self, message: str, line: int | None, column: int | None = None) -> Problem:
        return self.locator.problem(message, self.path, line, column)

    def place(self, message: str, file: str, line: int, column: str | None) -> Problem:
        """A problem at the cell of column ``column`` (a label) on ``line``."""
        return self.problem(message, line, self.columns.get(column) if column else None)


def label_key(label: str) -> str:
    """A column label as matched: case, spacing and v2/v3 drift (" 16-66 år") folded away."""
    text = unicodedata.normalize("NFC", label).casefold()
    text = re.sub(r"\s*16\s*-\s*66\s*år", "", text)
    return re.sub(r"\s+", " ", text).strip()


def find_header_columns(cells: list[str]) -> bool:
    """Whether a row of labels is a header: it names an area and a period column."""
    keys = {label_key(c) for c in cells}
    return bool(keys & AREA_HEADERS and keys & PERIOD_HEADERS)


def check_header(header: list[str], problem: Callable[[str, int], Problem]) -> None:
    """Refuse an unnamed or repeated column; ``problem(message, column)`` places it."""
    seen: dict[str, int] = {}
    for index, cell in enumerate(header, start=1):
        if (found := control_character(cell)) is not None:
            raise InputError(
                problem(f"the column name holds a control character ({found}); remove it", index)
            )
        if not cell:
            raise InputError(problem(f"column {index} of the header has no name", index))
        key = label_key(cell)
        if key in seen:
            raise InputError(
                problem(
                    f"column '{cell}' appears twice in the header "
                    f"(columns {seen[key]} and {index})",
                    index,
                )
            )
        seen[key] = index


def build(
    path: Path,
    header: list[str],
    cells: Callable[[int], pl.LazyFrame],
    rows: int,
    comma: bool | None,
    locator: Locator,
    first_column: int = 0,
) -> Extract:
    """The extract of a file whose rows ``cells(n)`` gives as text (the first ``n`` rows).

    ``comma`` is the file's decimal form, or ``None`` to decide it from a sample;
    ``first_column`` is how many columns of the file stand left of the header.
    Polars errors are left to the reader, which knows how to word them.
    """
    columns = {name: i + 1 + first_column for i, name in enumerate(header)}
    area_col = next(c for c in header if label_key(c) in AREA_HEADERS)
    period_col = next(c for c in header if label_key(c) in PERIOD_HEADERS)
    others = [c for c in header if c not in (area_col, period_col)]
    sample = cells(min(rows, SAMPLE_ROWS)).collect()
    numeric = _numeric_columns(sample, others)
    measures = [c for c in others if c in numeric]
    dimensions = [c for c in others if c not in numeric]
    if comma is None:
        comma = decimal_comma(sample, measures)
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
    # a cell longer than a figure can be exactly is marked too long at first; where one is,
    # its column is read again counting the significant digits (1.234.567.890.123 has 13)
    long = [c for c in measures if (frame.get_column(c + DECIMALS) == TOO_LONG).any()]
    if long:
        exact = (
            cells(rows)
            .select(LINE, *(e for c in long for e in _measure(c, comma, count_digits=True)))
            .collect(engine="streaming")
        )
        frame = frame.drop(*long, *(c + DECIMALS for c in long)).join(
            exact, on=LINE, maintain_order="left"
        )
        frame = frame.select(
            AREA, PERIOD, LINE, *dimensions, *(name for c in measures for name in (c, c + DECIMALS))
        )
    extract = Extract(path, frame, dimensions, measures, columns=columns, locator=locator)
    seen = _no_controls(extract, {AREA: area_col, PERIOD: period_col, **{d: d for d in dimensions}})
    frame = _checked(extract, columns[area_col], columns[period_col], seen)
    # the periods as written may have been made canonical (2018M6 to 2018M06)
    distinct = {**seen, PERIOD: distinct_values(frame, PERIOD)}
    # areas, periods and categories as enumerations of the values they hold: a byte a row
    # where a file has at most 255 of them, where a categorical takes four; the values
    # are then known from the column's type, without a pass over it
    enums = {c: pl.col(c).cast(pl.Enum(distinct[c])) for c in distinct}
    # the match key of each area, worked out once per distinct name rather than per row,
    # and given to each row by its area's place among the names (in one step with the
    # enumerations: in two, the file's peak memory rose by 20-30 MB for a 59 MB file)
    keys = [area_key(name) for name in distinct[AREA]]
    by_place = pl.Series(keys, dtype=pl.Enum(sorted(set(keys))))
    extract.frame = frame.with_columns(
        *enums.values(),
        pl.lit(by_place).gather(enums[AREA].to_physical()).alias(KEY),
        pl.lit(str(path), pl.Enum([str(path)])).alias(FILE),
    ).select(AREA, KEY, pl.all().exclude(AREA, KEY))
    return extract


def distinct_values(frame: pl.DataFrame, column: str) -> list[str]:
    """The distinct values of a text column, sorted, nulls left out: an enumeration's
    values from its type, any other column's from a pass over it."""
    dtype = frame.schema[column]
    if isinstance(dtype, pl.Enum):
        return dtype.categories.to_list()
    values = frame.get_column(column).unique().cast(pl.String).to_list()
    return sorted(v for v in values if v is not None)


def _measure(column: str, comma: bool, count_digits: bool = False) -> tuple[pl.Expr, pl.Expr]:
    """A measure as a number and, beside it, its decimals (or the code of its token).

    A cell of more bytes than a figure has significant digits is marked too long, unless
    ``count_digits``, where its significant digits are counted."""
    cell = pl.col(column)
    valid = cell.str.contains(COMMA_NUMBER if comma else POINT_NUMBER)
    plain = (
        cell.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True)
        if comma
        else cell
    )
    # in a valid cell the decimals are what follows the one decimal mark, and the
    # significant digits what is left without the sign, leading zeros and the mark;
    # literal searches, not regular expressions: they run over every cell of the file
    mark = cell.str.find("," if comma else ".", literal=True)
    decimals = (cell.str.len_bytes() - mark - 1).fill_null(0).cast(pl.Int8, strict=False)
    # a Float64 holds 15 significant digits exactly; a cell of at most 15 bytes has no more
    short = cell.str.len_bytes() <= MAX_DIGITS
    if count_digits:
        digits = plain.str.strip_chars_start("-0.").str.replace(".", "", literal=True)
        short = digits.str.len_bytes() <= MAX_DIGITS
    exact = valid & short
    # a chain of comparisons, not replace_strict: its literal lists make planning a query
    # of many columns quadratic (2,000 columns took minutes)
    tokens: pl.Expr = pl.lit(INVALID, pl.Int8)
    for token, code in reversed(TOKEN_CODES.items()):
        tokens = pl.when(cell == token).then(pl.lit(code, pl.Int8)).otherwise(tokens)
    return (
        pl.when(exact).then(plain.cast(pl.Float64, strict=False)).alias(column),
        pl.when(exact)
        .then(decimals)
        .when(valid)
        .then(pl.lit(TOO_LONG, pl.Int8))
        .otherwise(tokens)
        .alias(column + DECIMALS),
    )


def _checked(
    extract: Extract, area_no: int, period_no: int, seen: dict[str, list[str]]
) -> pl.DataFrame:
    """Refuse empty areas and periods that do not parse or mix frequencies; canonical periods.

    The distinct areas and periods (``seen``) decide; the rows are looked at only where
    there is a problem, to say on which line it first stands."""
    frame = extract.frame
    if "" in seen[AREA]:
        empty = frame.filter(pl.col(AREA).cast(pl.String) == "")
        raise InputError(extract.problem("the area cell is empty", int(empty[LINE][0]), area_no))
    codes = _period_codes(seen[PERIOD]) if frame.get_column(PERIOD).null_count() == 0 else None
    if codes is None:
        codes = _period_codes_in_file_order(extract, period_no)
    if any(raw != code for raw, code in codes.items()):
        frame = frame.with_columns(
            pl.col(PERIOD).cast(pl.String).replace_strict(codes).cast(pl.Categorical)
        )
    return frame


def _period_codes(values: list[str]) -> dict[str, str] | None:
    """Each period as written -> its canonical code; ``None`` where one is empty or does not
    parse, or the periods mix frequencies."""
    codes: dict[str, str] = {}
    kinds: set[Kind] = set()
    for value in values:
        try:
            period = parse_period(value)
        except PeriodError:
            return None
        codes[value] = period.code
        kinds.add(period.kind)
    return codes if len(kinds) <= 1 else None


def _period_codes_in_file_order(extract: Extract, period_no: int) -> dict[str, str]:
    """:func:`_period_codes`, the periods taken in the order they first appear, so that the
    first problem in the file is the one said, at its line."""
    firsts = extract.frame.group_by(PERIOD).agg(pl.col(LINE).min()).sort(LINE)
    codes: dict[str, str] = {}
    kinds: dict[Kind, str] = {}
    noun = {"line": "line", "jsonl": "line", "row": "row", "cell": "row"}[extract.locator.kind]
    for value, line in firsts.iter_rows():
        if value == "":
            raise InputError(extract.problem("the period cell is empty", int(line), period_no))
        try:
            period = parse_period(value)
        except PeriodError as exc:
            raise InputError(extract.problem(str(exc), int(line), period_no)) from None
        codes[value] = period.code
        kinds.setdefault(period.kind, f"{value} on {noun} {line}")
    if len(kinds) > 1:
        found = "; ".join(
            f"{k.name.lower().replace('_', ' ')} {where}" for k, where in kinds.items()
        )
        raise InputError(
            Problem(
                f"the period column mixes frequencies ({found}); keep one frequency per file",
                extract.path,
            )
        )
    return codes


def _no_controls(extract: Extract, labels: dict[str, str]) -> dict[str, list[str]]:
    """Refuse a control character in an area, period or category: the text is printed as
    it is in tables and reports, where it would move the cursor or clear the screen. The
    first line that holds one is named. Returns each column's distinct values, sorted."""
    found: dict[str, list[str]] = {}
    for column, label in labels.items():
        # the distinct values first: a category is checked once, not once per row
        values = found[column] = distinct_values(extract.frame, column)
        bad = {v: c for v in values if (c := control_character(v)) is not None}
        if not bad:
            continue
        first = (
            extract.frame.filter(pl.col(column).cast(pl.String).is_in(list(bad)))
            .sort(LINE)
            .row(0, named=True)
        )
        raise InputError(
            extract.problem(
                f"the cell holds a control character ({bad[first[column]]}); remove it",
                first[LINE],
                extract.columns.get(label),
            )
        )
    return found


def _numeric_columns(frame: pl.DataFrame, columns: list[str]) -> set[str]:
    """Columns whose every sampled cell is a number or a suppression token: the measures."""
    if not columns:
        return set()
    checks = frame.select(
        (pl.col(c).is_in(MISSING_TOKENS) | pl.col(c).str.contains(NUMBER_LOOSE)).all().alias(c)
        for c in columns
    ).row(0, named=True)
    return {c for c, ok in checks.items() if ok}


def decimal_comma(frame: pl.DataFrame, measures: list[str]) -> bool:
    """Whether the cells write decimals with a comma (Danish) or a point.

    A comma between digits anywhere decides for the comma, a point that cannot
    be a thousands separator (``0.125``, ``4.2``) for the point, and else
    (integers only, or ``7.423``) the Danish form.
    """
    if not measures:
        return True
    found = frame.select(
        pl.any_horizontal(pl.col(c).str.contains(r"[0-9],[0-9]").any() for c in measures).alias(
            "comma"
        ),
        pl.any_horizontal(
            pl.col(c).str.contains(POINT_DECIMAL_NOT_THOUSANDS).any() for c in measures
        ).alias("point"),
    ).row(0, named=True)
    if found["comma"]:
        return True
    return not found["point"]
