"""The registry of readers: the reader is chosen by content, and every format evaluates alike."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from beskplan.evaluation.context import Context
from beskplan.evaluation.evaluate import evaluate_plan
from beskplan.extracts import readers
from beskplan.plan.goalfile import load_plan
from tests.conftest import DATA, GOALS
from tests.formats import WRITERS, read_api_csv


@pytest.mark.parametrize(
    ("name", "content", "reader"),
    [
        ("T.csv", b"Omr\xc3\xa5de;Periode;X\nA;2020;1\n", "csv"),
        ("T.json", b'{"columns": [], "rows": []}', "json"),
        ("T.csv", b'{"Area":"A","Periode":"2020"}\n', "json"),  # JSON Lines named .csv
        ("T.csv", b'\xef\xbb\xbf  [{"Variables": [], "Data": []}]', "json"),
        ("T.json", b"PK\x03\x04rest of a zip", "xlsx"),  # content wins over the name
        ("T.xls", b"\xd0\xcf\x11\xe0rest", "xlsx"),
        ("T.tsv", b"Omr\xc3\xa5de\tPeriode\n", "csv"),
    ],
)
def test_the_reader_is_chosen_by_content_then_suffix(
    tmp_path: Path, name: str, content: bytes, reader: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert reader == readers.choose(path).NAME


def test_every_reader_is_registered_once_with_its_suffixes() -> None:
    names = [r.NAME for r in readers.READERS]
    assert sorted(names) == ["csv", "json", "xlsx"]
    assert len(set(readers.suffixes())) == len(readers.suffixes())
    assert {".csv", ".json", ".jsonl", ".xlsx"} <= set(readers.suffixes())


def _convert(target: Path, form: str) -> None:
    """The bundled data with every extract rewritten in ``form`` (catalogues copied as they are)."""
    target.mkdir()
    for path in DATA.iterdir():
        if path.suffix == ".csv":
            header, rows = read_api_csv(path)
            WRITERS[form](target / path.stem, header, rows)
        elif path.is_file():
            shutil.copy(path, target / path.name)


def _figures(
    folder: Path, plan: str, suffix: str = ".csv"
) -> list[tuple[str, str, Decimal | None, Decimal | None]]:
    report = evaluate_plan(load_plan(plan, GOALS), Context.open(folder, use_cache=False))
    read = {Path(s.path).suffix for s in report.sources if not s.path.endswith(".yaml")}
    assert read == {suffix}, read  # the figures came from files of the format under test
    return [(g.id, g.status.value, g.outcome.value, g.outcome.reference) for g in report.goals]


SUFFIX = {"v2": ".json", "v3": ".json", "records": ".json", "jsonl": ".csv", "xlsx": ".xlsx"}


@pytest.mark.parametrize("form", ["v2", "v3", "records", "jsonl", "xlsx"])
def test_every_format_evaluates_figure_for_figure_as_the_csv(tmp_path: Path, form: str) -> None:
    """The bundled plans on their data rewritten in each format give the CSV's verdicts."""
    _convert(tmp_path / "csv", "csv")
    _convert(tmp_path / form, form)
    for plan in ("frederiksberg-2019", "kobenhavn-2018", "frederikssund-2024"):
        expected = _figures(tmp_path / "csv", plan)
        assert any(value is not None for _, _, value, _ in expected)
        assert _figures(tmp_path / form, plan, SUFFIX[form]) == expected, plan


def test_the_converted_csv_is_the_bundled_data(tmp_path: Path) -> None:
    """The comparison above starts from the bundled figures, not from a conversion's mistakes."""
    _convert(tmp_path / "csv", "csv")
    assert _figures(tmp_path / "csv", "frederiksberg-2019") == _figures(DATA, "frederiksberg-2019")
