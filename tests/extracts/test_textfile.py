"""The text of an extract: its encoding, garbled letters repaired, lines read in bounded memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from beskplan.core.errors import InputError
from beskplan.extracts import textfile


def test_utf8_with_a_byte_order_mark_and_windows_1252(tmp_path: Path) -> None:
    utf8 = tmp_path / "a.csv"
    utf8.write_bytes(b"\xef\xbb\xbfOmr\xc3\xa5de;Periode\n")
    assert textfile.head(utf8) == ("Område;Periode\n", "utf-8")
    cp1252 = tmp_path / "b.csv"
    cp1252.write_bytes("Område;Periode\nKøge;2020\n".encode("cp1252"))
    text, encoding = textfile.head(cp1252)
    assert (encoding, text.splitlines()[1]) == ("cp1252", "Køge;2020")


def test_what_is_neither_and_an_empty_file_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "e.csv"
    empty.write_bytes(b"\xef\xbb\xbf \n")
    with pytest.raises(InputError, match="the file is empty"):
        textfile.head(empty)
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 10)  # bytes Windows-1252 does not define
    with pytest.raises(InputError, match="neither UTF-8 nor Windows-1252"):
        textfile.head(binary)


def test_garbled_letters_are_repaired_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("Område;Periode\nKÃ¸benhavn;2020\n", encoding="utf-8")
    assert textfile.MOJIBAKE.search("KÃ¸benhavn") and not textfile.MOJIBAKE.search("København")
    assert textfile.line_at(path, 2, "utf-8", repair=True) == "København;2020"
    copy = tmp_path / "copy.csv"
    textfile.transcode(path, copy, "utf-8", repair=True)
    assert copy.read_text(encoding="utf-8").splitlines()[1] == "København;2020"


def test_a_carriage_return_alone_ends_a_line_across_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(textfile, "CHUNK_BYTES", 4)  # line ends split between chunks
    path = tmp_path / "mac.csv"
    path.write_bytes(b"abc\r\nde\rfgh\r\r\nij\r")
    assert list(textfile.lines(path, "utf-8", repair=False, cr=True)) == [
        "abc",
        "de",
        "fgh",
        "",
        "ij",
        "",
    ]
    assert list(textfile.lines(path, "utf-8", repair=False)) == ["abc\r", "de\rfgh\r\r", "ij\r"]
    assert textfile.line_at(path, 3, "utf-8", repair=False, cr=True) == "fgh"


def test_lone_carriage_returns_are_told_from_windows_line_ends() -> None:
    assert textfile.lone_carriage_returns("a;b\rc;d\r")
    assert not textfile.lone_carriage_returns("a;b\r\nc;d\r\n")
    assert not textfile.lone_carriage_returns("a;b\r\nc;d\r")  # the head ends inside one
    assert not textfile.lone_carriage_returns("a;b\nc;d\n")


def test_a_file_not_utf8_whose_lines_end_with_a_carriage_return_alone_is_mac_roman(
    tmp_path: Path,
) -> None:
    # Excel's "CSV (Macintosh)": 'å' is byte 0x8C and 'ø' 0xBF (Windows-1252's 'Œ' and '¿')
    mac = tmp_path / "mac.csv"
    mac.write_bytes(b"Omr\x8cde;Periode\rK\xbfge;2020\r")
    assert textfile.head(mac) == ("Område;Periode\rKøge;2020\r", "mac_roman")
    windows = tmp_path / "windows.csv"
    windows.write_bytes("Område;Periode\r\nKøge;2020\r\n".encode("cp1252"))
    assert textfile.head(windows)[1] == "cp1252"


def test_utf8_byte_order_mark_before_windows_1252_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "Område;Periode\nKøge;2020\n".encode("cp1252"))
    assert textfile.head(path) == ("Område;Periode\nKøge;2020\n", "cp1252")
    assert list(textfile.lines(path, "cp1252", repair=False)) == ["Område;Periode", "Køge;2020", ""]
