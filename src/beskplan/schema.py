"""The goal-file format as strict pydantic models.

A goal's own keys (id, title, measure, better, rule...) are declared here; the
keys a rule takes (cluster, margin, target...) are declared by the rule's module
in :mod:`beskplan.rules`. Every model forbids unknown keys, so that a misspelt
key fails loudly instead of being ignored.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    Tag,
    WithJsonSchema,
    model_validator,
)

from beskplan.periods import Period, parse_period
from beskplan.yamlfile import AmbiguousNumber, RawFloat, RawInt


class Strict(BaseModel):
    # built when first used: a command builds only the models it validates with
    model_config = ConfigDict(
        extra="forbid", frozen=True, arbitrary_types_allowed=True, defer_build=True
    )


def _to_period(value: object) -> Period:
    if isinstance(value, Period):
        return value
    return parse_period(value)


PeriodValue = Annotated[
    Period,
    BeforeValidator(_to_period),
    PlainSerializer(lambda p: p.code, return_type=str),
    WithJsonSchema(
        {
            "type": ["string", "integer"],
            "description": "2018M06 (month), 2024Q01 (quarter), 2021QMAT02 (moving year), 2019",
        }
    ),
]

_DANISH_DECIMAL = re.compile(r"\s*-?\d+,\d+\s*")


def _to_decimal(value: object) -> Decimal:
    """Numbers exactly as written: ``1.10`` in YAML becomes ``Decimal('1.10')``."""
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {str(value).lower()}")
    if isinstance(value, RawInt | RawFloat):
        return Decimal(value.raw)
    if isinstance(value, AmbiguousNumber):
        raise ValueError(
            f"'{value}' is not a plain number (YAML would rewrite it); write it with the "
            "digits 0-9 and a decimal point, as 8 or 0.5"
        )
    if isinstance(value, int | float):
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        if _DANISH_DECIMAL.fullmatch(value):
            fixed = value.strip().replace(",", ".")
            raise ValueError(
                f"'{value}' is text with a decimal comma; write the number as {fixed} "
                "(YAML numbers use a decimal point and no quotes)"
            )
        raise ValueError(f"expected a number, got the text '{value}'; write it without quotes")
    raise ValueError(f"expected a number, got {type(value).__name__}")


Number = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    PlainSerializer(float, return_type=float),
    WithJsonSchema({"type": "number"}),
]


def _to_text(value: object) -> str:
    """Ids and names may be written as bare numbers in YAML (``id: 1``): kept as written,
    so that ``id: 010`` is ``010`` and ``title: 1:30`` is ``1:30``."""
    if isinstance(value, bool) or value is None:
        raise ValueError("expected text")
    if isinstance(value, RawInt | RawFloat):
        return value.raw
    if isinstance(value, int | float | str):
        return str(value)
    raise ValueError(f"expected text, got {type(value).__name__}")


Text = Annotated[str, BeforeValidator(_to_text), Field(min_length=1)]

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
