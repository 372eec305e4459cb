"""A cell's place in words that fit its file: a line, a JSON row and label, a workbook cell."""

from __future__ import annotations

from beskplan.extracts.locator import Locator, column_letters


def test_places() -> None:
    assert [column_letters(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]
    cell = Locator("cell", (), "Data").problem("bad", "T.xlsx", 12, 4)
    assert str(cell) == "T.xlsx, sheet 'Data', cell D12: bad"
    row = Locator("row", ("Periode", "Område", "Antal")).problem("bad", "T.json", 3, 3)
    assert str(row) == "T.json, row 3, column 'Antal': bad"
    assert Locator.from_record(Locator("jsonl", ("a",)).record()) == Locator("jsonl", ("a",))
