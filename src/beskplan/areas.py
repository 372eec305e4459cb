"""Area names as matched: case, spacing and a " Kommune" suffix folded away, æ ø å kept."""

from __future__ import annotations

import re
import unicodedata


def area_key(name: str) -> str:
    """``"Aarhus Kommune "`` and ``"aarhus"`` are the same area."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", name).lower()).strip()
    return re.sub(r" kommune$", "", text)
