"""The cache of parsed extracts: used when the file is unchanged, never when it changed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from beskplan.core.errors import InputError
from beskplan.evaluation.context import Context
from beskplan.evaluation.evaluate import evaluate_plan
from beskplan.extracts import DataStore, cache
from beskplan.plan.goalfile import load_plan
from tests.conftest import DATA, GOALS


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BESKPLAN_CACHE", str(tmp_path / "cache"))
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder, with the cache beside it."""
    monkeypatch.setenv("BESKPLAN_CACHE", str(tmp_path / "cache"))
    (tmp_path / "data").mkdir()
    return tmp_path / "data"


def _write(path: Path, figure: int = 1) -> None:
    path.write_text(f"Område;Periode;Antal\nA;2020;{figure}\n", "utf-8")


def _statuses(data: Path, use_cache: bool = True) -> list[str]:
    report = evaluate_plan(load_plan("frederiksberg-2019", GOALS), Context.open(data, use_cache))
    return [g.status.value for g in report.goals]


def test_second_run_reads_the_cache(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _statuses(data)
    entries = _entries()
    assert len(entries) >= 10  # one entry per extract the plan read

    def fail(*args: object) -> None:
        raise AssertionError("the CSV was parsed again")

    monkeypatch.setattr("beskplan.extracts.delimited.read", fail)
    assert _statuses(data) == first


def _entries() -> set[Path]:
    return {e for e in cache.folder().iterdir() if (e / "meta.json").is_file()}


def test_a_changed_or_touched_file_is_read_again(data: Path) -> None:
    _statuses(data)
    before = _entries()
    y01 = data / "Y01A02_2018.csv"
    y01.write_text(y01.read_text(encoding="utf-8").replace(";3,1;", ";2,2;"), encoding="utf-8")
    d = evaluate_plan(load_plan("frederiksberg-2019", GOALS), Context.open(data)).goals[3]
    assert (d.id, d.status.value, str(d.outcome.value)) == ("D", "met", "2.2")
    stat = y01.stat()
    os.utime(y01, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # touched only
    _statuses(data)
    after = _entries()
    # the file's own entry and its table's stacked entry were written anew, twice, and each
    # replaced the one before: one entry per file and per table of several files
    new = [json.loads((e / "meta.json").read_text("utf-8")) for e in after - before]
    assert sorted("files" in m for m in new) == [False, True]
    assert len(after) == len(before) == 32 + 12  # the bundled files, in 12 tables


def test_an_entry_replaced_is_removed_and_one_of_another_file_kept(folder: Path) -> None:
    _write(folder / "U.csv")
    DataStore(folder).table("U")
    kept = _entries()
    for figure in range(2, 6):  # a file refreshed month after month
        _write(folder / "T.csv", figure)
        assert DataStore(folder).table("T").frame["antal"].to_list() == [float(figure)]
        assert len(_entries()) == 2
    assert kept < _entries()  # U's entry is untouched


def test_a_holder_that_names_no_entry_removes_nothing(folder: Path) -> None:
    (cache.folder() / cache.HOLDERS).mkdir(parents=True)
    outside = cache.folder() / "mine"
    outside.mkdir()
    _write(folder / "T.csv")
    DataStore(folder).table("T")
    (mark,) = (cache.folder() / cache.HOLDERS).iterdir()
    mark.write_text("../mine", "ascii")  # not an entry's key
    _write(folder / "T.csv", 2)
    DataStore(folder).table("T")
    assert outside.is_dir()


def test_no_cache_writes_nothing(data: Path) -> None:
    _statuses(data, use_cache=False)
    assert not cache.folder().exists()


def test_a_file_rewritten_to_the_same_size_and_time_is_read_again(data: Path) -> None:
    """``cp -p``, ``tar`` and ``touch -r`` keep size and modification time: the cache must see it."""
    y01 = data / "Y01A02_2018.csv"
    first = evaluate_plan(load_plan("frederiksberg-2019", GOALS), Context.open(data))
    assert str(first.goals[3].outcome.value) == "3.1"
    stat = y01.stat()
    text = y01.read_text(encoding="utf-8")
    assert ";3,1;" in text
    y01.write_text(text.replace(";3,1;", ";6,0;"), encoding="utf-8")  # same size
    os.utime(y01, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (y01.stat().st_size, y01.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    second = evaluate_plan(load_plan("frederiksberg-2019", GOALS), Context.open(data))
    assert str(second.goals[3].outcome.value) == "6.0"
    assert second.goals[3].status.value == "unmet"
    digests = {s.path: s.sha256 for s in second.sources}
    assert digests["Y01A02_2018.csv"] == hashlib.sha256(y01.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "case", ["data-json-decimal-point-string-in-a-comma-file", "data-json-rows-disagree"]
)
def test_a_cached_json_extract_places_its_cells_as_a_fresh_read(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader and its locator are kept with the entry: the message does not change on a hit."""

    folder = Path(__file__).resolve().parents[1] / "bad_inputs" / case
    monkeypatch.setenv("BESKPLAN_CACHE", str(tmp_path / "cache"))
    plan = load_plan(folder / "goals" / "p.yaml", folder / "goals")
    messages = []
    for _ in range(2):
        with pytest.raises(InputError) as caught:
            evaluate_plan(plan, Context.open(folder / "data"))
        messages.append(str(caught.value))
    assert len(_entries()) == 1  # the second run was a hit
    assert messages[0] == messages[1]
    assert ", row " in messages[0]  # placed by row and column label, as JSON cells are


def test_a_damaged_entry_is_read_again(data: Path) -> None:
    first = _statuses(data)
    for meta in cache.folder().glob("*/meta.json"):
        meta.write_text("[]", encoding="utf-8")  # valid JSON of the wrong shape
    assert _statuses(data) == first


def test_a_failed_rename_leaves_no_temporary(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path, target: Path) -> Path:
        raise OSError("read-only")

    monkeypatch.setattr(Path, "replace", refuse)
    _statuses(data)
    assert not list(cache.folder().glob("*/.frame.*.parquet"))


def test_a_file_gone_after_the_folder_was_listed_is_said_as_without_the_cache(
    folder: Path,
) -> None:
    for name in ("T.csv", "U_1.csv", "U_2.csv"):
        _write(folder / name)
    messages = {}
    for use_cache in (True, False):
        store = DataStore(folder, use_cache)
        (folder / "T.csv").rename(folder / "T.keep")
        (folder / "U_2.csv").rename(folder / "U_2.keep")
        for table in ("T", "U"):
            with pytest.raises(InputError) as caught:
                store.table(table)
            messages[use_cache, table] = str(caught.value)
        (folder / "T.keep").rename(folder / "T.csv")
        (folder / "U_2.keep").rename(folder / "U_2.csv")
    assert messages[True, "T"] == messages[False, "T"]
    assert messages[True, "U"] == messages[False, "U"]
    assert "cannot read the file: No such file or directory" in messages[True, "U"]


def _age(path: Path, days: float) -> None:
    then = time.time() - days * 24 * 60 * 60
    os.utime(path, (then, then))


def _entry_of(folder: Path, table: str) -> Path:
    """The entry a table's single file was read into."""
    before = _entries() if cache.folder().is_dir() else set()
    DataStore(folder).table(table)
    (entry,) = _entries() - before
    return entry


def test_an_entry_not_read_for_thirty_days_is_removed_when_another_is_written(
    folder: Path,
) -> None:
    _write(folder / "U.csv")
    _write(folder / "T.csv")
    unused, used = _entry_of(folder, "U"), _entry_of(folder, "T")
    (folder / "U.csv").unlink()  # a file no longer in the data
    mine = cache.folder() / "mine"  # not an entry: never removed
    mine.mkdir()
    other = cache.folder() / ("0" * 32)  # named as an entry, but holding none of its files
    (other / "data").mkdir(parents=True)
    stopped = cache.folder() / ("1" * 32)  # a write that stopped before the description
    stopped.mkdir()
    (stopped / "frame.parquet").write_bytes(b"")
    for path in (unused / "meta.json", used / "meta.json", mine, other / "data", other):
        _age(path, cache.UNUSED_DAYS + 1)
    _age(stopped / "frame.parquet", cache.UNUSED_DAYS + 1)
    DataStore(folder).table("T")  # read: in use
    _age(cache.folder() / "pruned", 2)  # last looked over two days ago
    _write(folder / "V.csv")
    DataStore(folder).table("V")
    assert not unused.exists() and not stopped.exists()
    assert used.is_dir() and mine.is_dir() and (other / "data").is_dir()
    marks = {m.read_text("ascii") for m in (cache.folder() / cache.HOLDERS).iterdir()}
    assert unused.name not in marks and used.name in marks


def test_an_entry_unread_for_less_than_thirty_days_is_kept(folder: Path) -> None:
    _write(folder / "U.csv")
    entry = _entry_of(folder, "U")
    _age(entry / "meta.json", cache.UNUSED_DAYS - 1)
    _age(cache.folder() / "pruned", 2)
    _write(folder / "V.csv")
    DataStore(folder).table("V")
    assert entry.is_dir()


def test_the_cache_is_looked_over_at_most_once_a_day(folder: Path) -> None:
    _write(folder / "U.csv")
    entry = _entry_of(folder, "U")
    _age(entry / "meta.json", cache.UNUSED_DAYS + 1)
    _write(folder / "V.csv")
    DataStore(folder).table("V")  # the cache was looked over when U was read, today
    assert entry.is_dir()
    _age(cache.folder() / "pruned", 1.1)
    _write(folder / "W.csv")
    DataStore(folder).table("W")
    assert not entry.exists()


def test_a_stacked_table_read_keeps_its_files_entries_in_use(folder: Path) -> None:
    """Refreshing one file of a table then reads the others from their entries."""
    for name in ("U_1.csv", "U_2.csv"):
        _write(folder / name)
    DataStore(folder).table("U")
    files = {e for e in _entries() if "files" not in json.loads((e / "meta.json").read_text())}
    assert len(files) == 2
    for entry in files:
        _age(entry / "meta.json", cache.UNUSED_DAYS + 1)
    DataStore(folder).table("U")  # from the stacked entry alone
    _age(cache.folder() / "pruned", 2)
    _write(folder / "V.csv")
    DataStore(folder).table("V")
    assert all(entry.is_dir() for entry in files)
