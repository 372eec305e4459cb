"""The JSON reader: API v2 and v3 answers, records, JSON Lines, and the API's errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from beskplan.core.areas import area_key
from beskplan.core.errors import InputError
from beskplan.core.periods import parse_period, read_from
from beskplan.extracts import DataStore
from beskplan.extracts.jsondata import read
from tests.conftest import REAL

# modelled on a v3 answer (the y28a02 sample in the shared notes), figures our own
V3 = """{"columns": ["Periode", "Område", "A-kasse", "Antal personer", "Fuldtidspersoner i pct. af arbejdsstyrken"],
 "rows": [["2026M05", "Hele landet", "A-kasse i alt", 18000, 0.6],
          ["2026M05", "Hele landet", "Lærernes A-kasse", 200, 0.0],
          ["2026M05", "Frederiksberg", "A-kasse i alt", 310, null]]}
"""
# a yearly v3 table writes its periods 2024Y01 (the y28a15 sample)
V3_YEARLY = """{"columns": ["Periode", "Område", "A-kasse", "Andel (pct.)"],
 "rows": [["2024Y01", "Frederiksberg", "A-kasse i alt", 9.10], ["2025Y01", "Frederiksberg", "A-kasse i alt", 8.5]]}
"""
# modelled on STAR's v2 answer: labels in Variables, every cell a string with a decimal comma
V2 = """[{"Variables": [{"Name": "area", "Label": "Area"}, {"Name": "period", "Label": "Periode"},
   {"Name": "_kon", "Label": "Køn"}, {"Name": "m1", "Label": "Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år"}],
  "Data": [["Hele landet", "2021M01", "Køn i alt", "4,2"], ["Hele landet", "2021M01", "Kvinder", "2,1"],
           ["Frederiksberg", "2021M01", "Køn i alt", ".."]]}]"""
# modelled on Randers' saved Y30R21 answer: whole numbers as numbers, rates as comma strings
JSONL = (
    '{"Area":"Randers","Periode":"2021QMAT02","Ydelsesgrupper":"Ydelsesgrupper i alt",'
    '"Forventet antal":9870,"Faktisk andel (pct.)":"9,08"}\n'
    '{"Area":"Aarhus","Periode":"2021QMAT02","Ydelsesgrupper":"Ydelsesgrupper i alt",'
    '"Forventet antal":25120,"Faktisk andel (pct.)":"8,1"}\n'
)


def figure(folder: Path, table: str, column: str, area: str, period: str) -> Decimal | None:
    t = DataStore(folder, use_cache=False).table(table)
    at = read_from(parse_period(period), t.periods)
    assert at is not None
    key = area_key(area)
    return t.read(t.column(column), t.filters({}), {key: area}, at)[key].value


def test_v3_numbers_keep_their_decimals_and_null_is_missing(tmp_path: Path) -> None:
    (tmp_path / "Y28A02.json").write_text(V3, encoding="utf-8")
    (tmp_path / "Y28A15.json").write_text(V3_YEARLY, encoding="utf-8")
    pct = "Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år"  # the v2 label finds the v3 column
    assert figure(tmp_path, "Y28A02", pct, "Hele landet", "2026M05") == Decimal("0.6")
    assert figure(tmp_path, "Y28A02", pct, "Frederiksberg", "2026M05") is None
    assert figure(tmp_path, "Y28A02", "Antal personer", "Frederiksberg", "2026M05") == 310
    assert str(figure(tmp_path, "Y28A15", "Andel (pct.)", "Frederiksberg", "2024")) == "9.10"
    assert figure(tmp_path, "Y28A15", "Andel (pct.)", "Frederiksberg", "2025M12") == Decimal("8.5")


def test_v2_strings_with_a_decimal_comma_and_tokens(tmp_path: Path) -> None:
    (tmp_path / "Y01A02.json").write_text(V2, encoding="utf-8")
    pct = "Fuldtidspersoner i pct. af arbejdsstyrken"
    assert figure(tmp_path, "Y01A02", pct, "Hele landet", "2021M01") == Decimal("4.2")
    t = DataStore(tmp_path, use_cache=False).table("Y01A02")
    key = area_key("Frederiksberg")
    reading = t.read(t.column(pct), t.filters({}), {key: "Frederiksberg"}, parse_period("2021M01"))
    assert (reading[key].value, reading[key].raw) == (None, "..")  # suppressed, never zero


def test_json_lines_in_a_file_named_csv(tmp_path: Path) -> None:
    (tmp_path / "Y30R21-api.csv").write_text(JSONL, encoding="utf-8")
    assert figure(tmp_path, "Y30R21", "Faktisk andel (pct.)", "Randers", "2021QMAT02") == Decimal(
        "9.08"
    )
    assert figure(tmp_path, "Y30R21", "Forventet antal", "Aarhus", "2021QMAT02") == 25120


def test_a_list_of_records(tmp_path: Path) -> None:
    records = "[" + ",".join(JSONL.strip().splitlines()) + "]"
    (tmp_path / "Y30R21.json").write_text(records, encoding="utf-8")
    assert figure(tmp_path, "Y30R21", "Faktisk andel (pct.)", "Aarhus", "2021QMAT02") == Decimal(
        "8.1"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "holds an empty list"),
        ('{"data": [1, 2]}', "holds no Jobindsats table"),
        (
            '{"columns": ["Periode", "Område", "X"], "rows": [["2020", "A"]]}',
            "row 1: the row has 2 values but there are 3 columns",
        ),
        ('{"columns": ["Periode", "Område", "X"], "rows": []}', "has columns but no data rows"),
        ('{"columns": ["Periode", "X"], "rows": [["2020", 1]]}', "expected an area column"),
        (
            '{"columns": ["Periode", "Område", "X"], "rows": [["2020", "A", NaN]]}',
            "'NaN' is not a number JSON allows",
        ),
        ("[" * 100_000, "nested too deeply"),
        # found by fuzzing: an empty first record once made the second one the header
        (
            '[{}, {"Område": "A", "Periode": "A"}]',
            "row 2: the record has other keys than the first",
        ),
        (
            '{"code": 404, "cause": "Unknown table: y99a99", "request_id": "x"}',
            "holds the API's error answer, not data: Unknown table: y99a99 (HTTP 404)",
        ),
    ],
)
def test_refusals(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "T.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(path))


@pytest.mark.skipif(
    not REAL.is_dir(), reason="the real Jobindsats files are not beside the project"
)
def test_randers_saved_answer_reads_as_it_is(tmp_path: Path) -> None:
    """The real Y30R21 answer Randers' pipeline saved (98 municipalities, JSON Lines in .csv)."""
    raw = REAL / "randers-y30r21" / "raw" / "Y30R21-api.csv"
    extract = read(raw)
    assert extract.frame.height == 2352  # 98 municipalities x 6 periods x 4 groups (SOURCES.md)
    assert extract.frame.get_column("_key").n_unique() == 98
    # the same rows re-serialised as CSV (data/Y30R21.csv) are read to the same frame
    from beskplan.extracts.delimited import read as read_csv

    csv = read_csv(REAL / "randers-y30r21" / "data" / "Y30R21.csv").frame
    assert extract.frame.drop("_file", "_line").equals(csv.drop("_file", "_line"))
