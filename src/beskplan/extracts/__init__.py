"""Reading extracts: one reader per source format, one frame layout, one data directory.

- :mod:`~beskplan.extracts.layout`: the frame every reader produces, and cells of text into it;
- :mod:`~beskplan.extracts.readers`: the registry of readers (CSV, JSON, workbooks);
- :mod:`~beskplan.extracts.cache`: parsed extracts kept between runs;
- :mod:`~beskplan.extracts.table`: a table's files stacked, and reading exact figures;
- :mod:`~beskplan.extracts.store`: the data directory, table by table.
"""

from beskplan.extracts.store import DataStore
from beskplan.extracts.table import Table

__all__ = ["DataStore", "Table"]
