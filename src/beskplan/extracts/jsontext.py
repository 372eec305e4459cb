"""JSON as beskplan reads it: numbers kept as the text they were written as, each
object's keys checked once, and a number's exponent checked before it is written out.

The one place where JSON text becomes values for the JSON reader
(:mod:`beskplan.extracts.jsondata`).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from beskplan.core.errors import InputError, Problem
from beskplan.extracts.layout import MAX_DIGITS
from beskplan.extracts.locator import Locator


class Number(str):
    """A JSON number, kept as the text it was written as."""


class ExtraData(Exception):
    """More than one JSON value: the file is JSON Lines."""


def load(text: str, path: Path, line: int) -> Any:
    try:
        return json.loads(
            text,
            parse_float=Number,
            parse_int=Number,
            parse_constant=_no_constant,
            object_pairs_hook=_unique,
        )
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            raise ExtraData from None
        raise InputError(
            Problem(
                f"the file is not valid JSON: {exc.msg}", path, line + exc.lineno - 1, exc.colno
            )
        ) from None
    except ValueError as exc:
        raise InputError(Problem(str(exc), path, line)) from None
    except RecursionError:
        raise InputError(Problem("the JSON is nested too deeply to be a table", path)) from None


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are all different: with a key twice, which value counts
    is a guess (Python's reader keeps the last)."""
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        twice = ""
        for key, _ in pairs:
            if key in seen:
                twice = key
                break
            seen.add(key)
        keys = ", ".join(f"'{key}'" for key in found)
        raise ValueError(
            f"an object holds the key '{twice}' twice, and which value counts would be a "
            f"guess; its keys: {keys}. Write each key once"
        )
    return found


def _no_constant(name: str) -> Any:
    raise ValueError(f"'{name}' is not a number JSON allows; write null for a missing figure")


EXPONENT = re.compile(r"-?([0-9]+(?:\.[0-9]+)?)[eE][+-]?([0-9]+)")


def plain(text: str, locator: Locator, path: Path, line: int, index: int) -> str:
    """A JSON number in plain digits (``1.5e2`` is ``150.0``). The exponent is checked
    before the number is written out: a figure read exactly has at most ``MAX_DIGITS``
    digits, and ``1e99999999999`` would take all memory to write."""
    if re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text):
        return text
    found = EXPONENT.fullmatch(text)
    if found is None:  # pragma: no cover - json only passes numbers
        return text
    mantissa = len(found.group(1)) - ("." in found.group(1))
    if len(found.group(2)) > 4 or int(found.group(2)) > mantissa + MAX_DIGITS:
        raise InputError(
            locator.problem(
                f"the number {text[:40]} is out of range: written out it has more than "
                f"{MAX_DIGITS} digits, and beskplan compares figures exactly and reads at "
                "most that many",
                path,
                line,
                index + 1,
            )
        )
    try:
        return format(Decimal(text), "f")
    except InvalidOperation:  # pragma: no cover - json only passes numbers
        return text
