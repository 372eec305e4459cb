"""Reading extracts: one reader per source format, one frame layout, one data directory.

- :mod:`~beskplan.extracts.layout`: the frame every reader produces, and cells of text into it;
- :mod:`~beskplan.extracts.readers`: the registry of readers (CSV, JSON, workbooks);
- :mod:`~beskplan.extracts.cache`: parsed extracts kept between runs;
- :mod:`~beskplan.extracts.table`: a table's files stacked, and reading exact figures;
- :mod:`~beskplan.extracts.store`: the data directory, table by table;
- :mod:`~beskplan.extracts.reading`: the figure it gives the rules.

The data stage, with :mod:`beskplan.fetch`. May import: ``core``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from beskplan.extracts.store import DataStore
    from beskplan.extracts.table import Table

__all__ = ["DataStore", "Table"]


def __getattr__(name: str) -> Any:
    """``DataStore`` and ``Table`` on first use: importing ``beskplan.extracts.reading``
    (the record rules read) must not import Polars."""
    if name == "DataStore":
        from beskplan.extracts.store import DataStore

        return DataStore
    if name == "Table":
        from beskplan.extracts.table import Table

        return Table
    raise AttributeError(name)
