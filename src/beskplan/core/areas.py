"""Area names as matched: case, spacing and a " Kommune" suffix folded away, æ ø å kept."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_SUFFIX = re.compile(r" kommune$")


@lru_cache(maxsize=65_536)  # a few hundred names, matched hundreds of thousands of times
def area_key(name: str) -> str:
    """``"Aarhus Kommune "`` and ``"aarhus"`` are the same area."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", name).lower()).strip()
    return _SUFFIX.sub("", text)
