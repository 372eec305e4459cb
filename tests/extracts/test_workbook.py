"""The workbook reader: portal exports with titles, notes, numeric cells and Danish text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from beskplan.core.areas import area_key
from beskplan.core.errors import InputError
from beskplan.core.periods import parse_period
from beskplan.extracts import DataStore
from beskplan.extracts.workbook import read
from tests.conftest import REAL

PCT = "Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år"


def book(path: Path, sheets: dict[str, list[list[Any]]], start: tuple[int, int] = (0, 0)) -> Path:
    """A workbook: numbers as numeric cells, text as text cells, None as an empty cell."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, int | float):
                    sheet.write_number(start[0] + r, start[1] + c, value)
                elif value is not None:
                    sheet.write_string(start[0] + r, start[1] + c, value)
    workbook.close()
    return path


PORTAL = [
    ["Kontanthjælp - Antal personer og fuldtidspersoner"],
    ["Område: Udvalgte kommuner og hele landet", None, "Periode: 2018M06"],
    [],
    ["Område", "Periode", "Køn", "Antal fuldtidspersoner", PCT],
    ["Frederiksberg", "2018M06", "Køn i alt", 2364, 4.0],
    ["Frederiksberg", "2018M06", "Kvinder", "1.180", "2,0"],  # Danish text
    ["Gentofte", "2018M06", "Køn i alt", 1040, 2.1],
    ["Hele landet", "2018M06", "Køn i alt", 102473, ".."],
    [],
    ["Kilde: Jobindsats.dk"],
    ["Note: tallene er foreløbige"],
]


def figure(folder: Path, column: str, area: str, where: dict[str, str] | None = None) -> Any:
    t = DataStore(folder, use_cache=False).table("Y60A02")
    key = area_key(area)
    found = t.read(t.column(column), t.filters(where or {}), {key: area}, parse_period("2018M06"))
    return found[key]


def test_a_portal_export_past_titles_and_notes(tmp_path: Path) -> None:
    book(tmp_path / "Y60A02.xlsx", {"Data": PORTAL}, start=(2, 1))
    assert figure(tmp_path, PCT, "Gentofte").value == Decimal("2.1")
    assert figure(tmp_path, "Antal fuldtidspersoner", "Frederiksberg").value == 2364
    kvinder = figure(tmp_path, "Antal fuldtidspersoner", "Frederiksberg", {"Køn": "Kvinder"})
    assert kvinder.value == 1180  # text with a thousands point, in a workbook of Danish text
    national = figure(tmp_path, PCT, "Hele landet")
    assert (national.value, national.raw) == (None, "..")


def test_a_whole_number_shows_the_decimals_of_its_column(tmp_path: Path) -> None:
    """Calamine gives 4.0 as 4: beside 2.1 it is the published 4,0."""
    book(tmp_path / "Y60A02.xlsx", {"Data": PORTAL})
    assert str(figure(tmp_path, PCT, "Frederiksberg").value) == "4.0"


def test_the_sheet_that_holds_the_table_is_read(tmp_path: Path) -> None:
    book(tmp_path / "Y60A02.xlsx", {"Forside": [["Udtræk fra Jobindsats"]], "Data": PORTAL})
    assert figure(tmp_path, PCT, "Gentofte").value == Decimal("2.1")


def test_a_cell_is_placed_as_excel_shows_it(tmp_path: Path) -> None:
    rows = [list(r) for r in PORTAL]
    rows[6][4] = "n/a"  # Gentofte's rate
    path = book(tmp_path / "Y60A02.xlsx", {"Data": rows}, start=(2, 1))
    with pytest.raises(InputError) as caught:
        DataStore(tmp_path, use_cache=False).table("Y60A02").column(PCT)
    # the title starts at B3, so the header is on row 6 and Gentofte's rate is F9
    assert str(caught.value) == (
        f"{path}, sheet 'Data', cell F9: 'n/a' in column '{PCT}' is not a number; "
        "missing values are written empty, '-', '.', '..', 'x' or null"
    )


def test_a_cell_right_of_the_header_is_refused(tmp_path: Path) -> None:
    rows = [list(r) for r in PORTAL]
    rows[4] = [*rows[4], "note"]
    path = book(tmp_path / "Y60A02.xlsx", {"Data": rows})
    with pytest.raises(InputError, match="cell F5: 'note' stands right of the header"):
        read(path)


def test_a_file_that_is_no_workbook(tmp_path: Path) -> None:
    path = tmp_path / "Y60A02.xlsx"
    path.write_bytes(b"PK\x03\x04 not a zip at all")
    with pytest.raises(InputError, match="cannot read the file as a workbook"):
        read(path)


@pytest.mark.skipif(
    not REAL.is_dir(), reason="the real Jobindsats files are not beside the project"
)
def test_an_analysts_own_targets_are_refused_with_what_is_missing() -> None:
    """Randers' baseline.xlsx holds targets by metric: no area, no period."""
    with pytest.raises(InputError) as caught:
        read(REAL / "randers-streamlit-baseline" / "raw" / "baseline.xlsx")
    assert "holds no Jobindsats table" in str(caught.value)
    assert "sheet 'Ark1' begins 'metric', 'baseline'" in str(caught.value)
