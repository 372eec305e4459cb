"""A workbook's parts checked before calamine loads them: range, size, sheets, formulas."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from beskplan.core.errors import InputError
from beskplan.extracts import workbookparts
from beskplan.extracts.workbook import read

ROWS = [
    ["Område", "Periode", "Andel"],
    ["A", "2020", 1.5],
    ["Hele landet", "2020", 2.0],
]


def book(path: Path, edit: object = None, sheets: int = 0) -> Path:
    """A workbook of ``ROWS`` on sheet 'Data'; ``edit(sheet, workbook)`` adds to it;
    ``sheets`` empty sheets before it."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path))
    for i in range(sheets):
        workbook.add_worksheet(f"S{i}")
    sheet = workbook.add_worksheet("Data")
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    if callable(edit):
        edit(sheet, workbook)
    workbook.close()
    return path


def test_a_plain_workbook_is_read(tmp_path: Path) -> None:
    path = book(tmp_path / "T.xlsx")
    parts = workbookparts.inspect(path)
    assert parts is not None and [s.name for s in parts.sheets] == ["Data"]
    assert (parts.sheets[0].first, parts.sheets[0].last) == ((1, 1), (3, 3))
    assert read(path).frame.height == 2


def test_one_value_in_the_last_cell_is_refused_before_the_grid_is_built(tmp_path: Path) -> None:
    path = book(tmp_path / "T.xlsx", lambda sheet, _: sheet.write(1048575, 16383, "x"))
    with pytest.raises(InputError) as caught:
        read(path)
    assert "sheet 'Data' uses the range A1:XFD1048576, 17,179,869,184 cells" in str(caught.value)
    assert "(cell XFD1048576)" in str(caught.value)


def test_a_formula_the_writer_did_not_calculate_is_no_figure(tmp_path: Path) -> None:
    # xlsxwriter stores 0 as the result and marks the workbook to be calculated when opened
    path = book(tmp_path / "T.xlsx", lambda sheet, _: sheet.write_formula("C2", "=1+0.5"))
    with pytest.raises(InputError) as caught:
        read(path)
    assert "cell C2: the cell holds a formula whose stored result the workbook marks" in str(
        caught.value
    )


def test_a_formula_without_a_stored_result_is_no_figure(tmp_path: Path) -> None:
    path = book(tmp_path / "T.xlsx", lambda sheet, _: sheet.write_formula("C2", "=1+0.5"))
    _rewrite(path, "xl/worksheets/sheet1.xml", b"</f><v>0</v>", b"</f>")
    _rewrite(path, "xl/workbook.xml", b' fullCalcOnLoad="1"', b"")
    with pytest.raises(InputError) as caught:
        read(path)
    assert "cell C2: the cell holds a formula with no stored result" in str(caught.value)


def test_a_formula_excel_calculated_is_read_at_its_stored_result(tmp_path: Path) -> None:
    path = book(
        tmp_path / "T.xlsx", lambda sheet, _: sheet.write_formula("C2", "=1+0.5", None, 1.5)
    )
    _rewrite(path, "xl/workbook.xml", b' fullCalcOnLoad="1"', b"")
    assert read(path).frame.height == 2


def test_an_error_value_is_not_a_suppressed_figure(tmp_path: Path) -> None:
    path = book(
        tmp_path / "T.xlsx", lambda sheet, _: sheet.write_formula("C2", "=1/0", None, "#DIV/0!")
    )
    with pytest.raises(InputError) as caught:
        read(path)
    assert "sheet 'Data', cell C2: the cell holds Excel's error #DIV/0!, not a figure" in str(
        caught.value
    )


def test_a_workbook_that_unpacks_past_the_cap_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = book(tmp_path / "T.xlsx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/footer.bin", b"\0" * (4 * 2**20))  # 4 MB of zeros, packed small
    monkeypatch.setattr(workbookparts, "MAX_UNPACKED", 2 * 2**20)
    with pytest.raises(InputError) as caught:
        read(path)
    assert "the workbook unpacks to 4 MB, more than the 2 MB beskplan reads" in str(caught.value)


def test_many_empty_sheets_are_looked_at_up_to_a_cap_and_quickly(tmp_path: Path) -> None:
    path = book(tmp_path / "T.xlsx", sheets=300)
    start = time.perf_counter()
    with pytest.raises(InputError) as caught:
        read(path)
    assert "(the first 50 of its 301 sheets)" in str(caught.value)
    assert time.perf_counter() - start < 30  # it took minutes when each sheet reopened the file


def _rewrite(path: Path, part: str, old: bytes, new: bytes) -> None:
    with zipfile.ZipFile(path) as archive:
        contents = {name: archive.read(name) for name in archive.namelist()}
    assert old in contents[part]
    contents[part] = contents[part].replace(old, new)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
