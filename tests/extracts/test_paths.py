"""The one-pass read of a plainly regular CSV file is the line-by-line read, on every CSV
file in the repository (the bundled data, the template, the bad-input catalogue)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, write
from tests.fuzz_targets import both_paths

FIXTURES = sorted(
    p.relative_to(ROOT)
    for p in ROOT.rglob("*.csv")
    if not {".git", "build", ".venv", "node_modules"} & set(p.relative_to(ROOT).parts)
)


def test_there_are_fixtures_to_compare() -> None:
    assert len(FIXTURES) > 50
    assert Path("data/PTV_A02.csv") in FIXTURES


@pytest.mark.parametrize("name", FIXTURES, ids=str)
def test_both_paths_give_the_same_extract_or_message(name: Path) -> None:
    both_paths(ROOT / name)


PORTAL = (
    "Antal fuldtidspersoner;;;\r\n"
    "Y38A02: Ydelsesgrupper;;;\r\n"
    "Område;Periode;Antal fuldtidspersoner;Andel\r\n"
    "Randers;2024M01;1.234;2,5\r\n"
    "Allerød;2024M01;12;1,0\r\n"
    "Hele landet;2024M01;99.999;2,1\r\n"
)
FOOTER = "Kilde: Jobindsats.dk, Styrelsen for Arbejdsmarked og Rekruttering;;;\r\n"


@pytest.mark.parametrize(
    "tail",
    [FOOTER, FOOTER + ";;;\r\n;;;\r\n", "\r\n" + FOOTER, FOOTER.replace(";;;\r\n", ";;;")],
    ids=["padded footer", "empty rows after it", "a blank line before it", "no line end"],
)
def test_a_portal_export_with_a_padded_footer_is_read(tmp_path: Path, tail: str) -> None:
    """Windows-1252, CRLF, title lines above the header and the footer padded with
    separators to the row's width, as Excel saves it: three rows, on both paths."""
    from beskplan.extracts.delimited import read

    path = write(tmp_path / "y38a02_portal.csv", PORTAL + tail, encoding="cp1252")
    extract = read(path)
    assert extract.frame.get_column("_area").to_list() == ["Randers", "Allerød", "Hele landet"]
    both_paths(path)
