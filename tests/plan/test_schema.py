"""The goal-file models: one form per measure."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from beskplan.plan.schema import CatalogueEntry


def test_a_catalogue_measure_has_one_form() -> None:
    assert CatalogueEntry(table="T", column="c").sum is None
    with pytest.raises(ValidationError, match="either table and column, or sum"):
        CatalogueEntry(table="T", column="c", sum=["a", "b"])
    with pytest.raises(ValidationError, match="needs table and column, or sum"):
        CatalogueEntry(table="T")
