"""Where the bundled goal files and data are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # beskplan/


def bundled(name: str) -> Path:
    """The bundled folder ``goals`` or ``data``.

    A wheel carries them inside the package (``beskplan/_bundled``); an editable
    install or a checkout finds them at the top of the repository.
    """
    inside = _PACKAGE / "_bundled" / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent.parent / name
