"""The registry of readers: one module per source format, each giving the same frame.

A reader is a module with ``NAME``, ``SUFFIXES``, ``sniff(head)``, ``read(path, name)``
and ``raw_reader(path, *reading)`` (see :class:`Reader`). A file is given to the first
reader whose ``sniff`` knows its first bytes (JSON opens with ``{`` or ``[`` whatever the
file is called; a workbook is a zip or OLE archive), and otherwise to the reader of its
suffix. Adding a format is one module and one line in :data:`READERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from beskplan.core.errors import InputError, Problem
from beskplan.extracts import delimited, jsondata, workbook
from beskplan.extracts.layout import Extract

SNIFF_BYTES = 512


class Reader(Protocol):
    """What a reader module declares."""

    @property
    def NAME(self) -> str: ...

    @property
    def SUFFIXES(self) -> tuple[str, ...]: ...

    def sniff(self, head: bytes) -> bool: ...

    def read(self, path: Path, name: str | None = None) -> Extract: ...

    def raw_reader(self, path: Path, *reading: Any) -> Callable[[int, int], str]: ...


def _checked(module: Reader) -> Reader:
    """A reader module, checked against :class:`Reader` by the type checker."""
    return module


READERS: tuple[Reader, ...] = (_checked(jsondata), _checked(workbook), _checked(delimited))


def suffixes() -> tuple[str, ...]:
    """Every suffix some reader reads, in the registry's order."""
    return tuple(s for reader in READERS for s in reader.SUFFIXES)


def by_name(name: str) -> Reader:
    return next(r for r in READERS if name == r.NAME)


def choose(path: Path) -> Reader:
    """The reader for ``path``: by its first bytes, else by its suffix."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise InputError(Problem(f"cannot read the file: {exc.strerror}", path)) from None
    for reader in READERS:
        if reader.sniff(head):
            return reader
    suffix = path.suffix.lower()
    for reader in READERS:
        if suffix in reader.SUFFIXES:
            return reader
    raise InputError(  # pragma: no cover - the data directory lists only files readers take
        Problem(f"no reader reads {suffix or 'files without a suffix'}", path)
    )
