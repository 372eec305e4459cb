"""The extracts package opens its Polars modules on first use only."""

from __future__ import annotations

import subprocess
import sys

import beskplan.extracts


def test_the_record_rules_read_does_not_import_polars() -> None:
    code = "import sys; import beskplan.extracts.reading; print('polars' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_store_and_table_on_first_use() -> None:
    from beskplan.extracts.store import DataStore
    from beskplan.extracts.table import Table

    assert beskplan.extracts.DataStore is DataStore and beskplan.extracts.Table is Table
