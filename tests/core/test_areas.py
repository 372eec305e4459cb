"""Area names are matched after folding case, spacing and a " Kommune" suffix."""

from __future__ import annotations

import pytest

from beskplan.core.areas import area_key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Aarhus Kommune ", "aarhus"),
        ("  København", "københavn"),
        ("Lyngby-Taarbæk  Kommune", "lyngby-taarbæk"),
        ("Hele landet", "hele landet"),
        ("Kommunernes Landsforening", "kommunernes landsforening"),  # only a suffix is folded
        ("Ærø", "ærø"),
    ],
)
def test_area_key(name: str, key: str) -> None:
    assert area_key(name) == key


def test_decomposed_letters_match_composed_ones() -> None:
    assert area_key("Ärø") == area_key("A\u0308rø")  # NFC: Ä written as A + combining umlaut
