"""The data directory: files matched to tables by name, read by the reader their content asks."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from beskplan.core.errors import InputError, MeasureError
from beskplan.extracts import DataStore
from beskplan.extracts.layout import AREA, PERIOD
from tests.conftest import write

ROWS = "Område;Periode;Andel (pct.)\nA;2020;1,0\n"


def test_files_belong_to_a_table_by_name(tmp_path: Path) -> None:
    for name in ("Y01A02.csv", "y01a02_2018.csv", "Y01A02 juni.csv", "Y01A02X.csv", ".Y01A02.csv"):
        write(tmp_path / name, ROWS)
    store = DataStore(tmp_path)
    assert [p.name for p in store.files_for("Y01A02")] == [
        "Y01A02 juni.csv",
        "Y01A02.csv",
        "y01a02_2018.csv",
    ]


def test_a_table_in_another_format_and_one_not_read(tmp_path: Path) -> None:
    (tmp_path / "T.json").write_text(
        '{"columns": ["Periode", "Område", "X"], "rows": [["2020", "A", 1]]}', "utf-8"
    )
    (tmp_path / "U.ods").write_bytes(b"PK\x03\x04")
    store = DataStore(tmp_path)
    assert store.table("T").frame.height == 1
    with pytest.raises(
        MeasureError, match=r"U.ods is there but .ods is not read \(read: .csv, .json, .xlsx\)"
    ):
        store.table("U")


def test_a_file_that_fails_fails_the_same_way_every_time(tmp_path: Path) -> None:
    (tmp_path / "T.json").write_text('{"code": 401, "cause": "Unauthorized"}', "utf-8")
    store = DataStore(tmp_path, use_cache=False)
    with pytest.raises(InputError) as first:
        store.table("T")
    with pytest.raises(InputError) as second:
        store.table("T")
    assert first.value is second.value  # read once, said once


def test_the_directory_must_be_one(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        DataStore(tmp_path / "none")
    write(tmp_path / "file.csv", ROWS)
    with pytest.raises(InputError, match="must be a directory of extracts"):
        DataStore(tmp_path / "file.csv")


def test_a_tables_areas_periods_and_categories_are_known_without_a_pass_when_warm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BESKPLAN_CACHE", str(tmp_path / "cache"))
    data = tmp_path / "data"
    write(
        data / "T_1.csv",
        "Område;Periode;Køn;Alder;Antal\nA;2020;Mænd;16-29 år;1\nB;2020;Kvinder;Alder i alt;2\n",
    )
    write(data / "T_2.csv", "Område;Periode;Køn;Antal\nA;2021;Køn i alt;3\n")
    expected = {  # as the two files write them; the second has no age column
        AREA: ["A", "B"],
        PERIOD: ["2020", "2021"],
        "køn": ["Kvinder", "Køn i alt", "Mænd"],
        "alder": ["16-29 år", "Alder i alt"],
    }
    cold = DataStore(data).table("T")  # reads the files and fills the cache
    assert {column: cold.values(column) for column in expected} == expected

    def no_pass(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pass over the frame for its distinct values")

    monkeypatch.setattr(pl.Series, "unique", no_pass)
    warm = DataStore(data).table("T")
    assert {column: warm.values(column) for column in expected} == expected
    assert sorted(warm.periods) == ["2020", "2021"]


def _two_files(data: Path) -> None:
    write(data / "T_1.csv", "Område;Periode;Køn;Antal\nA;2020;Køn i alt;1\nB;2020;Køn i alt;2\n")
    write(data / "T_2.csv", "Område;Periode;Antal\nA;2021;3\n")


def _figures(table: object) -> list[tuple[object, ...]]:
    frame = getattr(table, "frame")  # noqa: B009
    return sorted(frame.select(pl.col(AREA, PERIOD).cast(pl.String), "antal").rows())


def test_a_table_of_several_files_is_read_stacked_from_the_cache_when_warm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BESKPLAN_CACHE", str(tmp_path / "cache"))
    data = tmp_path / "data"
    _two_files(data)
    cold = DataStore(data).table("T")

    def per_file(*args: object) -> None:
        raise AssertionError("a file's own entry was read")

    monkeypatch.setattr("beskplan.extracts.cache.read", per_file)
    warm = DataStore(data).table("T")
    assert (
        _figures(warm)
        == _figures(cold)
        == [("A", "2020", 1.0), ("A", "2021", 3.0), ("B", "2020", 2.0)]
    )
    assert (warm.dimensions, warm.measures) == (cold.dimensions, cold.measures)
    assert warm.sources == cold.sources
    assert warm.positions == cold.positions
    assert warm.raw_cells[str(data / "T_2.csv")](2, 3) == "3"  # a cell as the file writes it


@pytest.mark.parametrize("change", ["edit", "add", "remove"])
def test_a_stacked_table_is_read_again_when_one_of_its_files_changes(
    change: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BESKPLAN_CACHE", str(tmp_path / "cache"))
    data = tmp_path / "data"
    _two_files(data)
    DataStore(data).table("T")
    if change == "edit":
        write(data / "T_2.csv", "Område;Periode;Antal\nA;2021;4\n")
        expected = [("A", "2020", 1.0), ("A", "2021", 4.0), ("B", "2020", 2.0)]
    elif change == "add":
        write(data / "T_3.csv", "Område;Periode;Antal\nB;2021;5\n")
        expected = [("A", "2020", 1.0), ("A", "2021", 3.0), ("B", "2020", 2.0), ("B", "2021", 5.0)]
    else:
        (data / "T_2.csv").unlink()
        write(data / "T_3.csv", "Område;Periode;Antal\nB;2021;5\n")  # still two files
        expected = [("A", "2020", 1.0), ("B", "2020", 2.0), ("B", "2021", 5.0)]
    assert _figures(DataStore(data).table("T")) == expected
