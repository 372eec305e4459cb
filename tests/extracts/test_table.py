"""Reading figures: totals, filters, refusals that name the row."""

from __future__ import annotations

from pathlib import Path

import pytest

from beskplan.core.errors import InputError, MeasureError
from beskplan.core.periods import parse_period
from beskplan.extracts import DataStore
from tests.conftest import write

HEADER = "Område;Periode;Køn;Herkomst;Antal;Andel (pct.)\n"


@pytest.fixture
def store(tmp_path: Path) -> DataStore:
    write(
        tmp_path / "T1.csv",
        HEADER
        + "A;2018M06;Køn i alt;Herkomst i alt;100;2,0\n"
        + "A;2018M06;Kvinder;Herkomst i alt;40;0,8\n"
        + "A;2018M06;Køn i alt;Indvandrere;10;0,2\n",
    )
    return DataStore(tmp_path)


def test_unnamed_dimensions_are_read_at_their_total(store: DataStore) -> None:
    t = store.table("T1")
    got = t.read(t.column("Andel (pct.)"), t.filters({}), {"a": "A"}, parse_period("2018M06"))
    assert str(got["a"].value) == "2.0"
    got = t.read(
        t.column("andel (PCT.)"), t.filters({"køn": "kvinder"}), {"a": "A"}, parse_period("2018M06")
    )
    assert str(got["a"].value) == "0.8"


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ({"Kön": "Kvinder"}, "has no dimension 'Kön'; did you mean 'Køn'?"),
        ({"Køn": "Kvinde"}, "has no category 'Kvinde'; did you mean 'Kvinder'?"),
    ],
)
def test_unknown_dimension_or_category(
    store: DataStore, where: dict[str, str], message: str
) -> None:
    with pytest.raises(MeasureError, match=message):
        store.table("T1").filters(where)


def test_unknown_column_lists_columns_and_suggests(store: DataStore) -> None:
    with pytest.raises(MeasureError) as info:
        store.table("T1").column("Andel (pct)")
    assert "did you mean 'Andel (pct.)'?" in str(info.value)
    assert "Its measure columns are: Antal; Andel (pct.)" in str(info.value)


def test_a_dimension_without_a_total_asks_for_where(tmp_path: Path) -> None:
    write(
        tmp_path / "T2.csv",
        "Område;Periode;Visitation;Andel\nA;2018M06;Jobparat;1,0\nA;2018M06;Aktivitetsparat;2,0\n",
    )
    with pytest.raises(MeasureError, match=r"no total row .* where: \{Visitation: \.\.\.\}"):
        DataStore(tmp_path).table("T2").filters({})


def test_rows_that_disagree_are_refused_naming_both(tmp_path: Path) -> None:
    path = write(
        tmp_path / "T3.csv", "Område;Periode;Andel\nA;2018M06;1,0\nB;2018M06;3,0\nA;2018M06;1,1\n"
    )
    t = DataStore(tmp_path).table("T3")
    with pytest.raises(InputError) as info:
        t.read(t.column("Andel"), [], {"a": "A"}, parse_period("2018M06"))
    text = str(info.value)
    assert text.startswith(f"{path}:4:3: two rows for A 2018M06 disagree")
    assert f"{path}:2" in text


def test_identical_duplicate_rows_are_one_figure(tmp_path: Path) -> None:
    write(tmp_path / "T4_a.csv", "Område;Periode;Andel\nA;2018M06;1,0\n")
    write(tmp_path / "T4_b.csv", "Område;Periode;Andel\nA;2018M06;1,0\n")
    t = DataStore(tmp_path).table("T4")
    got = t.read(t.column("Andel"), [], {"a": "A"}, parse_period("2018M06"))
    assert str(got["a"].value) == "1.0"


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ("1,0\nB;2018M06;n/a", "'n/a' in column 'Andel' is not a number"),
        (
            "1,0\nB;2018M06;4.2",
            "'4.2' in column 'Andel' is not a number in this file's format (it has a decimal point",
        ),
    ],
)
def test_text_in_a_number_column_names_the_row(tmp_path: Path, cells: str, message: str) -> None:
    path = write(tmp_path / "T5.csv", f"Område;Periode;Andel\nA;2018M06;{cells}\n")
    t = DataStore(tmp_path).table("T5")
    with pytest.raises((InputError, MeasureError)) as info:
        t.read(t.column("Andel"), [], {"b": "B"}, parse_period("2018M06"))
    assert message in str(info.value)
    assert f"{path}:3" in str(info.value)


def test_danish_number_in_a_decimal_point_file(tmp_path: Path) -> None:
    path = write(
        tmp_path / "T6.csv", 'Område,Periode,Antal\nA,2018M06,1234.5\nB,2018M06,"1.234,5"\n'
    )
    t = DataStore(tmp_path).table("T6")
    with pytest.raises(InputError) as info:
        t.read(t.column("Antal"), [], {"b": "B"}, parse_period("2018M06"))
    assert str(info.value).startswith(f"{path}:3:3: '1.234,5' in column 'Antal'")
    assert "written the Danish way" in str(info.value)


def test_missing_table_suggests_a_name(tmp_path: Path) -> None:
    write(tmp_path / "Y01A02.csv", "Område;Periode;Andel\nA;2018M06;1,0\n")
    with pytest.raises(MeasureError, match=r"no file for table Y01A20 .*did you mean Y01A02"):
        DataStore(tmp_path).table("Y01A20")


def test_missing_data_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="the data directory does not exist"):
        DataStore(tmp_path / "nowhere")


def test_a_table_stacked_from_the_cache_says_its_files_periods_whatever_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache keeps a stacked table by its files: read again under another path (the
    folder named relatively, then absolutely, or a copy), its frame holds the first paths,
    and each file is still dated."""
    import shutil

    from beskplan.extracts import DataStore
    from tests.conftest import DATA

    folder = tmp_path / "a"
    folder.mkdir()
    for name in ("Y01A02_2017.csv", "Y01A02_2018.csv", "Y01A02_series.csv"):
        shutil.copy(DATA / name, folder / name)
    monkeypatch.chdir(tmp_path)
    DataStore(Path("a")).table("Y01A02").dated_sources()
    again = DataStore(folder).table("Y01A02").dated_sources()
    dated = {s.path: (s.first, s.newest) for s in again}
    # the series holds the last month of every quarter 2016-2019 (data/README.md)
    assert dated["Y01A02_series.csv"] == ("2016M03", "2019M12")
    assert dated["Y01A02_2018.csv"] == ("2018M06", "2018M06")
