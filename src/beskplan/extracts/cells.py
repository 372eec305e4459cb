"""A table's cells in words: the published figure of a cell, its missing-value token, and
what is said of a cell that is not a number.

A measure's column holds the number and, beside it, the count of its published decimals
or the code of its missing-value token (:mod:`beskplan.extracts.layout`); these turn the
pair back into the figure as published (``2,70`` stays ``2,70``) or the token (``..``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import polars as pl

from beskplan.core.errors import InputError, MeasureError, Problem
from beskplan.extracts.layout import FILE, LINE, MISSING_TOKENS, MISSING_WORDS


def at(place: Problem) -> str:
    """Where a problem stands, without its message: ``Y01A02.csv:3:5``, ``T.json, row 2``."""
    return str(place).removesuffix(": ")


def text_cell(
    frame: pl.DataFrame,
    column: str,
    label: str,
    place: Callable[[str, str, int, str | None], Problem],
) -> Exception:
    """The error for text in a column of numbers, at the first cell that is not a number."""
    cell = pl.col(column).cast(pl.String)
    bad = frame.filter(
        cell.is_not_null() & ~cell.is_in(MISSING_TOKENS) & ~cell.str.contains(r"^-?[0-9][0-9.,]*$")
    ).head(1)
    if not bad.height:  # pragma: no cover - a text column always has a text cell
        return MeasureError(f"column '{label}' holds text, not numbers")
    file, line = str(bad[FILE][0]), int(bad[LINE][0])
    return InputError(
        place(
            f"'{bad[column][0]}' in column '{label}' is not a number; " + MISSING_WORDS,
            file,
            line,
            column,
        )
    )


def published(value: float | None, code: int | None) -> Decimal | None:
    """The published figure: the number with exactly its published decimals.

    ``code`` is ``None`` where the row's file has no such column (a table split over
    files whose labels changed): there is no figure. A negative zero (``-0.0``) is zero,
    as the frames' whole numbers have it.
    """
    if value is None or code is None or code < 0:
        return None
    found = Decimal(f"{value:.{code}f}")
    return found.copy_abs() if found.is_zero() else found  # -0,0 is 0,0, in every output


def token(code: int | None) -> str | None:
    if code is None:
        return None
    return MISSING_TOKENS[-code - 1] if -len(MISSING_TOKENS) <= code < 0 else None


def shown(value: float | None, code: int | None) -> str:
    number = published(value, code)
    return repr(str(number) if number is not None else token(code) or "")


def format_hint(raw: str) -> str:
    if re.fullmatch(r"-?[0-9]{1,3}(\.[0-9]{3})+,[0-9]+", raw):
        return " (it is written the Danish way, 1.234,5, in a file that uses decimal points)"
    if re.fullmatch(r"-?[0-9]+\.[0-9]+", raw):
        return " (it has a decimal point in a file that uses decimal commas)"
    return ""
