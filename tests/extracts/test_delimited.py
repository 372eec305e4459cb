"""The reader takes every shape in JOBINDSATS.md: API CSVs and portal/Excel exports."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from beskplan.core.areas import area_key
from beskplan.core.errors import InputError
from beskplan.core.periods import parse_period, read_from
from beskplan.extracts import DataStore, textfile
from beskplan.extracts.delimited import read as read_extract
from tests.conftest import write

PCT = "Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år"

# transcribed from STAR's API guide (JOBINDSATS.md), rows reordered: the API does not sort
API = """Area;Periode;Køn;Antal personer;Antal fuldtidspersoner;Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år;Fuldtidspersoner i pct. af befolkningen 16-66 år
Hele landet;2021M02;Køn i alt;145606;124285;4,4;3,3
Hele landet;2021M01;Kvinder;72405;59664;2,1;1,6
Hele landet;2021M01;Køn i alt;144315;120525;4,2;3,2
Hele landet;2021M01;Mænd;71910;60862;2,1;1,6
"""


def value(
    folder: Path,
    table: str,
    column: str,
    area: str,
    period: str,
    where: dict[str, str] | None = None,
) -> Decimal | None:
    t = DataStore(folder).table(table)
    at = read_from(parse_period(period), t.periods)
    assert at is not None
    key = area_key(area)
    return t.read(t.column(column), t.filters(where or {}), {key: area}, at)[key].value


def test_api_csv_with_bom_and_totals(tmp_path: Path) -> None:
    (tmp_path / "Y01A02.csv").write_bytes(b"\xef\xbb\xbf" + API.encode())
    assert value(tmp_path, "Y01A02", PCT, "Hele landet", "2021M01") == Decimal("4.2")
    assert value(tmp_path, "Y01A02", PCT, "Hele landet", "2021M01", {"Køn": "Kvinder"}) == Decimal(
        "2.1"
    )
    assert value(tmp_path, "Y01A02", PCT, "Hele landet", "2021M02") == Decimal("4.4")


def test_dimensions_and_measures_are_told_apart(tmp_path: Path) -> None:
    extract = read_extract(write(tmp_path / "Y01A02.csv", API))
    assert extract.dimensions == ["Køn"]
    assert len(extract.measures) == 4


def test_portal_export_with_title_source_lines_thousands_and_cp1252(tmp_path: Path) -> None:
    text = (
        "Sygedagpenge - Antal personer og fuldtidspersoner\n"
        "Område: Alle kommuner;Periode: 2018M06\n\n"
        "Område;Periode;Køn;Antal fuldtidspersoner;Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år\n"
        "København Kommune;2018M06;Køn i alt;7.423;2,1\n"
        "Ærø;2018M06;Køn i alt;..;x\n"
        "\nKilde: Jobindsats.dk\n"
    )
    write(tmp_path / "y07a02_export.csv", text, encoding="cp1252")
    assert value(tmp_path, "Y07A02", "Antal fuldtidspersoner", "København", "2018M06") == Decimal(
        7423
    )
    assert value(tmp_path, "Y07A02", PCT, "københavn kommune ", "2018M06") == Decimal("2.1")
    assert value(tmp_path, "Y07A02", PCT, "Ærø", "2018M06") is None


@pytest.mark.parametrize("rows_before", [4_000, 200_000])  # about 100 KB and 5 MB before it
def test_cp1252_whose_first_letter_stands_after_the_sniffed_head(
    tmp_path: Path, rows_before: int
) -> None:
    # the head (64 KB) is plain ASCII, and so is the first chunk of 4 MB in the larger file:
    # the letter is found by Polars' parser or by decoding the header's chunk, and the file
    # is read as Windows-1252 all the same
    rows = "".join(f"Frederiksberg;2018M06;{i}\n" for i in range(rows_before))
    path = tmp_path / "y99.csv"
    path.write_bytes(f"Area;Periode;Antal personer\n{rows}Køge;2018M06;5\n".encode("cp1252"))
    extract = read_extract(path)
    assert extract.reading == (";", "cp1252", False, False)
    assert value(tmp_path, "y99", "Antal personer", "Køge", "2018M06") == Decimal(5)


@pytest.mark.parametrize("encoding", ["utf-8", "mac_roman"])
def test_lines_ended_by_a_carriage_return_alone(tmp_path: Path, encoding: str) -> None:
    # as Excel's "CSV (Macintosh)" ends them, in Mac Roman ('ø' is byte 0xBF, which
    # Windows-1252 reads as '¿'); a bad cell is named at its line
    text = "Område;Periode;Antal personer\rKøge;2018M06;5\rAarhus;2018M06;6,5\rOdense;2018M06;7"
    (tmp_path / "y99.csv").write_bytes(text.encode(encoding))
    extract = read_extract(tmp_path / "y99.csv")
    assert extract.frame.get_column("_line").to_list() == [2, 3, 4]
    assert (textfile.MAC_ROMAN in extract.notices) == (encoding == "mac_roman")
    assert value(tmp_path, "y99", "Antal personer", "Køge", "2018M06") == Decimal(5)
    assert value(tmp_path, "y99", "Antal personer", "Odense", "2018M06") == Decimal(7)
    (tmp_path / "y99.csv").write_bytes(text.replace("6,5", "6 1/2").encode(encoding))
    with pytest.raises(InputError, match=r"y99.csv:3:3: '6 1/2' in column 'Antal personer'"):
        value(tmp_path, "y99", "Antal personer", "Aarhus", "2018M06")


def test_utf16_with_its_byte_order_mark(tmp_path: Path) -> None:
    (tmp_path / "y99.csv").write_bytes(
        "Område;Periode;Antal personer\r\nKøge;2018M06;5\r\n".encode("utf-16")
    )
    assert read_extract(tmp_path / "y99.csv").reading[1] == "utf-16"
    assert value(tmp_path, "y99", "Antal personer", "Køge", "2018M06") == Decimal(5)


def test_suppressed_values_are_missing_and_keep_their_token(tmp_path: Path) -> None:
    rows = "".join(f"K{i};2018M06;{tok}\n" for i, tok in enumerate(["", "-", ".", "..", "x", "X"]))
    write(tmp_path / "own.csv", "Område;Periode;Andel (pct.)\n" + rows)
    t = DataStore(tmp_path).table("own")
    areas = {f"k{i}": f"K{i}" for i in range(6)}
    readings = t.read(t.column("Andel (pct.)"), [], areas, parse_period("2018M06"))
    assert all(r.value is None for r in readings.values())
    assert [readings[k].raw for k in areas] == ["", "-", ".", "..", "x", "X"]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("2024Q01", "2024Q01"),
        ("2024Q1", "2024Q01"),
        ("2024K1", "2024Q01"),
        ("2021QMAT02", "2021QMAT02"),
        ("2019", "2019"),
        ("2018M06", "2018M06"),
    ],
)
def test_period_forms(tmp_path: Path, written: str, canonical: str) -> None:
    write(tmp_path / "own.csv", f"Område;Periode;Andel (pct.)\nA;{written};1,5\n")
    t = DataStore(tmp_path).table("own")
    assert set(t.periods) == {canonical}


def test_label_drift_v3_and_whitespace_slips(tmp_path: Path) -> None:
    write(
        tmp_path / "Y01A02_v3.csv",
        "Område;Periode;Fuldtidspersoner i pct. af befolkningen;Fuldtidspersoner i pct.  af arbejdsstyrken \n"
        "Aarhus;2026M09;3,0;3,9\n",
    )
    assert value(tmp_path, "Y01A02", PCT, "Aarhus", "2026M09") == Decimal("3.9")
    assert value(
        tmp_path, "Y01A02", "Fuldtidspersoner i pct. af befolkningen16-66 år", "Aarhus", "2026M09"
    ) == Decimal("3.0")


def test_group_prefixed_measure_labels(tmp_path: Path) -> None:
    write(
        tmp_path / "Y30R21.csv",
        "Område;Periode;Ydelsesgrupper;Benchmark: Faktisk andel (pct.)\nAarhus;2019M06;Ydelsesgrupper i alt;16,1\n",
    )
    assert value(tmp_path, "Y30R21", "Faktisk andel (pct.)", "Aarhus", "2019M06") == Decimal("16.1")


def test_a_table_may_span_several_files(tmp_path: Path) -> None:
    write(tmp_path / "Y01A02_2017.csv", f"Område;Periode;{PCT}\nAarhus;2017M06;3,8\n")
    write(tmp_path / "Y01A02-2018.csv", f"Område;Periode;{PCT}\nAarhus;2018M06;3,6\n")
    write(tmp_path / "Y01A021.csv", f"Område;Periode;{PCT}\nAarhus;2019M06;9,9\n")  # another table
    assert DataStore(tmp_path).files_for("y01a02") == [
        tmp_path / "Y01A02-2018.csv",
        tmp_path / "Y01A02_2017.csv",
    ]
    assert value(tmp_path, "Y01A02", PCT, "Aarhus", "2017M06") == Decimal("3.8")
    assert value(tmp_path, "Y01A02", PCT, "Aarhus", "2018M06") == Decimal("3.6")


def test_own_data_with_comma_separator_and_decimal_points(tmp_path: Path) -> None:
    write(
        tmp_path / "tilfredshed.csv",
        "Område,Periode,Andel tilfredse (pct.)\nFrederikssund,2022,76.0\n",
    )
    assert value(
        tmp_path, "tilfredshed", "Andel tilfredse (pct.)", "Frederikssund", "2022"
    ) == Decimal("76.0")


def test_published_decimals_are_kept(tmp_path: Path) -> None:
    write(tmp_path / "own.csv", "Område;Periode;Andel (pct.)\nA;2023M08;1,00\n")
    got = value(tmp_path, "own", "Andel (pct.)", "A", "2023M08")
    assert got is not None and str(got) == "1.00"


def test_mojibake_is_repaired_not_a_new_municipality(tmp_path: Path) -> None:
    garbled = "København".encode().decode("cp1252")  # 'KÃ¸benhavn'
    write(tmp_path / "own.csv", f"Område;Periode;Andel (pct.)\n{garbled};2018M06;2,5\n")
    extract = read_extract(tmp_path / "own.csv")
    assert extract.frame["_area"].to_list() == ["København"]
    assert any("garbled" in n for n in extract.notices)


def test_coarser_data_is_read_at_its_period_that_ends_with_the_asked_one(tmp_path: Path) -> None:
    write(tmp_path / "own.csv", "Område;Periode;Andel (pct.)\nA;2020;5,0\nA;2019;4,0\n")
    assert value(tmp_path, "own", "Andel (pct.)", "A", "2020M12") == Decimal("5.0")
    t = DataStore(tmp_path).table("own")
    assert read_from(parse_period("2020M06"), t.periods) is None  # the year ends later
    write(tmp_path / "q.csv", "Område;Periode;Andel (pct.)\nA;2020Q02;6,0\nA;2020Q01;7,0\n")
    assert value(tmp_path, "q", "Andel (pct.)", "A", "2020M06") == Decimal("6.0")


def test_older_data_is_never_used_for_a_later_period(tmp_path: Path) -> None:
    write(tmp_path / "own.csv", "Område;Periode;Andel (pct.)\nA;2020M05;5,0\n")
    t = DataStore(tmp_path).table("own")
    assert read_from(parse_period("2020M06"), t.periods) is None


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("empty.csv", "", "the file is empty"),
        ("header.csv", "Område;Periode;Andel (pct.)\n", "header but no data rows"),
        ("nohead.csv", "a|b|c\n1|2|3\n", "no header row found"),
        ("badperiod.csv", "Område;Periode;Andel (pct.)\nA;2018M13;1,0\n", "there is no month 13"),
        (
            "mixed.csv",
            "Område;Periode;Andel (pct.)\nA;2018M06;1,0\nA;2018Q02;1,0\n",
            "mixes frequencies",
        ),
        ("dup.csv", "Område;Periode;Andel;andel\nA;2018M06;1;2\n", "appears twice in the header"),
    ],
)
def test_bad_files_are_refused_with_a_place(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = write(tmp_path / name, text)
    with pytest.raises(InputError) as info:
        read_extract(path)
    (problem,) = info.value.problems
    assert message in problem.message
    assert str(problem).startswith(str(path))


def test_bad_period_points_at_row_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "own.csv", "Område;Periode;Andel (pct.)\nA;2018M06;1,0\nA;18M06;1,0\n")
    with pytest.raises(InputError) as info:
        read_extract(path)
    assert str(info.value.problems[0]).startswith(f"{path}:3:2: period '18M06'")


def test_a_large_file_is_read_in_bounded_memory(tmp_path: Path) -> None:
    """A 30 MB extract of a million rows, read in a separate process: its peak resident memory.

    The file is never held in memory whole (it was, as text and lines, before the reader
    streamed it: a 103 MB file then peaked at 1.45 GB). What remains is the compact frame and
    Polars' buffers; benchmarks/RESULTS.md has the figures at national scale.
    """
    import os
    import random
    import subprocess
    import sys

    rng = random.Random(1)
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Område;Periode;Køn;Andel (pct.)\n")
        months = [f"{y}M{m:02d}" for y in range(1995, 2027) for m in range(1, 13)]
        for month in months:
            for area in range(1000):
                for sex in ("Køn i alt", "Kvinder", "Mænd"):
                    handle.write(
                        f"Kommune {area};{month};{sex};{rng.randrange(100)},{rng.randrange(10)}\n"
                    )
    size = path.stat().st_size
    assert size > 25_000_000
    code = (
        "from pathlib import Path\nfrom beskplan.extracts.delimited import read as read_extract\n"
        f"print(read_extract(Path({str(path)!r})).frame.height)"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    rows = child.stdout.read()
    child.stdout.close()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, for its resource usage
    assert child.returncode == 0
    assert int(rows) == len(months) * 1000 * 3
    peak = usage.ru_maxrss * 1024
    assert peak < 450_000_000, f"peak {peak / 1e6:.0f} MB for a {size / 1e6:.0f} MB file"


# modelled on API v3's CSV (the y28a15 and y28a02 samples): Periode first, decimal point,
# labels without " 16-66 år", yearly periods 2024Y01, null for a missing figure
V3_CSV = """Periode;Område;A-kasse;Antal personer;Fuldtidspersoner i pct. af arbejdsstyrken
2024Y01;Hele landet;A-kasse i alt;18120;0.6
2025Y01;Hele landet;A-kasse i alt;17940;null
2024Y01;Frederiksberg;A-kasse i alt;212;9.0
"""


def test_v3_csv_with_decimal_points_null_and_yearly_periods(tmp_path: Path) -> None:
    write(tmp_path / "Y28A02.csv", V3_CSV)
    assert value(tmp_path, "Y28A02", PCT, "Hele landet", "2024") == Decimal("0.6")
    assert str(value(tmp_path, "Y28A02", PCT, "Frederiksberg", "2024Y01")) == "9.0"
    assert value(tmp_path, "Y28A02", PCT, "Hele landet", "2025") is None  # null: missing
    assert value(tmp_path, "Y28A02", "Antal personer", "Hele landet", "2025") == 17940


def test_reading_cost_grows_with_the_cells_not_their_square(tmp_path: Path) -> None:
    """A 19 KB file of 2,000 columns took 138 s and 3.5 GB when each measure's missing
    tokens were a replace_strict; a bound far above today's second guards the regression."""
    import time

    columns = [f"M{i}" for i in range(1500)]
    rows = ["Område;Periode;" + ";".join(columns)]
    rows += [f"{area};2020;" + ";".join(["1"] * len(columns)) for area in ("A", "Hele landet")]
    path = write(tmp_path / "T.csv", "\n".join(rows) + "\n")
    start = time.perf_counter()
    extract = read_extract(path)
    assert time.perf_counter() - start < 60
    assert len(extract.measures) == 1500


@pytest.mark.parametrize(
    "name",
    ["Y01A02_2018.csv", "PTV_A02.csv", "Y07A02.csv", "fleksjobledighed.csv", "vision2020.csv"],
)
def test_one_pass_and_line_by_line_give_the_same_extract(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plainly regular file is parsed by Polars in one pass; the line-by-line reading of
    irregular files gives the same frame, line numbers included."""
    from beskplan.extracts import delimited
    from tests.conftest import DATA

    fast = read_extract(DATA / name)
    monkeypatch.setattr(delimited, "_regular_lines", lambda *args: None)
    slow = read_extract(DATA / name)
    assert fast.frame.equals(slow.frame)
    assert (fast.dimensions, fast.measures) == (slow.dimensions, slow.measures)


@pytest.mark.parametrize(
    ("body", "regular"),
    [
        ("A;2018M06;1,0\nB;2018M06;2,0\n", True),
        ("A;2018M06;1,0\nB;2018M06;2,0", True),  # no newline at the end
        ('A;2018M06;"1,0"\n', False),  # a quote: the CSV parser's rules apply
        ("A;2018M06;1,0\n\nB;2018M06;2,0\n", False),  # a blank line
        ("A;2018M06;1,0\nB;2018M06\n", False),  # a short row
        ("A;2018M06;1,0\nKilde: Jobindsats\n", False),  # a footer
    ],
)
def test_only_a_plainly_regular_file_takes_the_one_pass_path(
    tmp_path: Path, body: str, regular: bool
) -> None:
    from beskplan.extracts.bytepass import scan
    from beskplan.extracts.delimited import _regular_lines

    path = write(tmp_path / "T.csv", "Område;Periode;Andel\n" + body)
    found = _regular_lines(scan(path, 0, ";"), 0, "Område;Periode;Andel", 3)
    assert (found is not None) == regular
    if regular:
        assert found == 2 and read_extract(path).frame.height == 2


def test_a_long_row_beside_a_short_one_is_still_named(tmp_path: Path) -> None:
    """The separators add up, so the file looks regular; Polars refuses the long row, and
    the line-by-line reading says which it is."""
    path = write(tmp_path / "T.csv", "Område;Periode;Andel\nA;2018M06;1,0;9\nB;2018M06\n")
    with pytest.raises(InputError) as caught:
        read_extract(path)
    assert str(caught.value) == (
        f"{path}:2: the row has 4 fields but the header has 3; check the separator and quotes "
        "on this line"
    )
