"""The goal-file format as strict pydantic models.

A goal's own keys (id, title, measure, better, rule...) are declared here; the
keys a rule takes (cluster, margin, target...) are declared by the rule's module
in :mod:`beskplan.rules`. Every model forbids unknown keys, so that a misspelt
key fails loudly instead of being ignored.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    Discriminator,
    Field,
    Tag,
    model_validator,
)

from beskplan.core.fields import PeriodValue, Strict, Text

Better = Literal["lower", "higher"]

PLAN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
PlanId = Annotated[str, Field(pattern=PLAN_ID.pattern, max_length=100)]


class ColumnMeasure(Strict):
    """One measure column of one table, at one combination of dimension categories."""

    table: Text
    column: Text
    where: dict[str, Text] = Field(default_factory=dict)


class SumMeasure(Strict):
    """The sum of several measures in the same unit (e.g. sygedagpenge + jobafklaring)."""

    sum: list[MeasureRef] = Field(min_length=2)


def _measure_tag(value: Any) -> str:
    if isinstance(value, str):
        return "id"
    if isinstance(value, dict) and "sum" in value:
        return "sum"
    return "column"


MeasureRef = Annotated[
    Annotated[str, Tag("id")]
    | Annotated[ColumnMeasure, Tag("column")]
    | Annotated[SumMeasure, Tag("sum")],
    Discriminator(_measure_tag),
]

SumMeasure.model_rebuild()


class GoalFields(Strict):
    """The keys every goal has, whatever its rule."""

    id: Text
    title: Text
    name: Text | None = None
    rule: Text
    measure: MeasureRef
    better: Better | None = None
    focus: Text | None = None
    ministermaal: list[int] = Field(default_factory=list)
    period: PeriodValue | None = None
    unit: Text | None = None
    note: Text | None = None
    deadline: int | None = Field(default=None, ge=2000, le=2100)


GOAL_KEYS = frozenset(GoalFields.model_fields)


class PlanFields(Strict):
    """The keys at the top of a goal file (``goals`` is validated goal by goal)."""

    plan: PlanId
    title: Text
    municipality: Text
    period: PeriodValue
    year: int | None = None
    source: Text | None = None
    reconstructed: Text | None = None
    ministermaal_described: list[int] = Field(default_factory=list)
    goals: list[dict[str, Any]] = Field(min_length=1)


class CatalogueEntry(Strict):
    """An entry of ``measures.yaml``: a measure with its default direction."""

    title: Text | None = None
    table: Text | None = None
    column: Text | None = None
    where: dict[str, Text] = Field(default_factory=dict)
    sum: list[MeasureRef] | None = None
    better: Better | None = None
    unit: Text | None = None

    @model_validator(mode="after")
    def _one_form(self) -> CatalogueEntry:
        column_form = self.table is not None or self.column is not None
        if self.sum is not None and column_form:
            raise ValueError("give either table and column, or sum, not both")
        if self.sum is None and (self.table is None or self.column is None):
            raise ValueError("a measure needs table and column, or sum")
        return self


class Catalogue(Strict):
    measures: dict[str, CatalogueEntry]


class MinisterGoals(Strict):
    """``ministermaal.yaml``: the minister's goals of each year, by number."""

    years: dict[int, dict[int, Text]]


class ClusterVersion(Strict):
    """A cluster's member list from the date it is valid from."""

    name: Text
    title: Text | None = None
    benefit: Text | None = None
    valid_from: date
    members: list[Text] = Field(min_length=2)
    source: Text | None = None


class ClusterFile(Strict):
    clusters: list[ClusterVersion]
