"""The value types of every file beskplan reads: text, numbers and periods as written.

A number is kept exactly as written (``1.10`` is ``Decimal('1.10')``), a period is parsed
once, and an id written as a bare YAML number keeps its digits. The goal-file models
(:mod:`beskplan.plan.schema`) and each rule's parameters (:mod:`beskplan.rules`) are built
of these.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
)

from beskplan.core.periods import Period, parse_period
from beskplan.core.yamlfile import AmbiguousNumber, RawFloat, RawInt


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
