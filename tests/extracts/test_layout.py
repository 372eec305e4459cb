"""The frame every reader gives: cells of text made exact figures, and where a cell stands."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from beskplan.core.areas import area_key
from beskplan.core.errors import InputError
from beskplan.extracts.layout import AREA, DECIMALS, INVALID, LINE, TOKEN_CODES, build, label_key
from beskplan.extracts.locator import Locator

HEADER = ["Område", "Periode", "Køn", "Andel (pct.)"]


def frame(rows: list[list[str]], comma: bool | None = None) -> pl.DataFrame:
    cells = pl.DataFrame(
        {
            **{h: [r[i] for r in rows] for i, h in enumerate(HEADER)},
            LINE: list(range(2, len(rows) + 2)),
        },
        schema={**dict.fromkeys(HEADER, pl.String), LINE: pl.UInt32},
    )
    return build(
        Path("T.csv"), HEADER, lambda n: cells.lazy().head(n), len(rows), comma, Locator()
    ).frame


def test_a_measure_and_its_decimals() -> None:
    got = frame([["A", "2020", "Køn i alt", "1,50"], ["B", "2020", "Køn i alt", ".."]])
    assert got["Andel (pct.)"].to_list() == [1.5, None]
    assert got["Andel (pct.)" + DECIMALS].to_list() == [2, TOKEN_CODES[".."]]
    assert got["Køn"].dtype == pl.Enum(["Køn i alt"])
    assert got["_period"].cast(pl.String).to_list() == ["2020", "2020"]


def test_areas_periods_and_categories_are_enumerations_of_a_byte_a_row() -> None:
    rows = [[f"Kommune {i:03}", "2020", "Køn i alt", "1,0"] for i in range(254)]
    got = frame([*rows, ["B", "2021", "Mænd", "2,0"]])
    assert got["_area"].dtype == pl.Enum(sorted([r[0] for r in rows] + ["B"]))
    assert got["_period"].dtype == pl.Enum(["2020", "2021"])
    assert got["_key"].dtype == pl.Enum(sorted(area_key(r[0]) for r in [*rows, ["B"]]))
    # 255 areas fit a byte (Polars widens an enumeration of more); the file name is one value
    assert [got[c].to_physical().dtype for c in ("_area", "_key", "_period", "Køn", "_file")] == [
        pl.UInt8
    ] * 5


def test_each_row_has_its_own_areas_key() -> None:
    areas = ["Kommune B", "A", "Frederiksberg Kommune", "A", "Kommune B", "København"]
    got = frame([[a, "2020", "Køn i alt", "1,0"] for a in areas])
    assert got["_key"].cast(pl.String).to_list() == [area_key(a) for a in areas]


def test_the_first_line_with_a_control_character_is_named() -> None:
    rows = [["Z\x1b", "2020", "Køn i alt", "1,0"], ["B", "2020", "Køn i alt", "1,0"]]
    with pytest.raises(InputError, match=r"T.csv:2:1: the cell holds a control character"):
        frame([*rows, ["A\x07", "2020", "Køn i alt", "1,0"]])


def test_a_number_in_the_other_form_is_invalid_not_missing() -> None:
    got = frame([["A", "2020", "Køn i alt", "1.5"], ["B", "2020", "Køn i alt", "2,0"]], comma=True)
    assert got["Andel (pct.)" + DECIMALS].to_list()[0] == INVALID


def test_an_empty_period_is_refused_at_its_cell() -> None:
    with pytest.raises(InputError, match=r"T.csv:3:2: the period cell is empty"):
        frame([["A", "2020", "Køn i alt", "1,0"], ["B", "", "Køn i alt", "2,0"]])


def test_periods_are_made_canonical() -> None:
    got = frame([["A", "2018M6", "Køn i alt", "1,0"], ["A", "2018M07", "Køn i alt", "1,0"]])
    assert got["_period"].cast(pl.String).to_list() == ["2018M06", "2018M07"]


def test_the_first_bad_period_in_the_file_is_named() -> None:
    """Where two periods are wrong, the one on the earlier line, not the one sorted first."""
    rows = [["A", "2020X", "Køn i alt", "1,0"], ["A", "1999Z", "Køn i alt", "1,0"]]
    with pytest.raises(InputError, match=r"T.csv:2:2: period '2020X' does not parse"):
        frame(rows)
    with pytest.raises(InputError, match=r"mixes frequencies \(month 2020M01 on line 2; year"):
        frame([["A", "2020M01", "Køn i alt", "1,0"], ["A", "2019", "Køn i alt", "1,0"]])


def test_a_long_cell_with_few_significant_digits_is_read(tmp_path: Path) -> None:
    """More bytes than 15 but at most 15 significant digits: thousands points and leading
    zeros do not count. Such a column is counted again digit by digit."""
    from beskplan.extracts.delimited import read

    path = tmp_path / "T.csv"
    path.write_text(
        "Område;Periode;Antal;Andel\n"
        "A;2018M06;1.234.567.890.123;0,000000000000012\n"
        "B;2018M06;7;0,5\n",
        encoding="utf-8",
    )
    extract = read(path)
    antal, andel = extract.measures
    rows = {str(r[AREA]): r for r in extract.frame.iter_rows(named=True)}
    assert rows["A"][antal] == 1234567890123 and rows["A"][antal + DECIMALS] == 0
    assert rows["A"][andel] == pytest.approx(1.2e-14) and rows["A"][andel + DECIMALS] == 15
    assert rows["B"][andel] == 0.5 and extract.frame.height == 2
    assert extract.frame.get_column(LINE).to_list() == [2, 3]  # the rows in file order


def test_labels_match_across_whitespace_case_and_the_v3_suffix() -> None:
    assert label_key("Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år") == label_key(
        "fuldtidspersoner  i pct. af arbejdsstyrken"
    )
