"""Pydantic's validation errors, rewritten in plain words at the YAML line they concern."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from beskplan.errors import Problem, did_you_mean
from beskplan.yamlfile import Loc, Located

M = TypeVar("M", bound=BaseModel)


def validate(
    model: type[M],
    data: Any,
    source: Located,
    prefix: Loc = (),
    what: str = "",
) -> tuple[M | None, list[Problem]]:
    """Validate ``data`` as ``model``; on failure return every problem, each at its line."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        allowed = sorted(model.model_fields)
        return None, [
            source.problem(
                (*prefix, *_clean(e["loc"])),
                _wording(e, allowed, what),
                at_key=e["type"] == "extra_forbidden",
            )
            for e in exc.errors(include_url=False)
        ]


def _clean(loc: tuple[Any, ...]) -> Loc:
    # pydantic adds the union member's tag to the location (measure.column.table)
    return tuple(
        part for part in loc if part not in ("id", "column", "sum") or isinstance(part, int)
    )


def _wording(error: Any, allowed: list[str], what: str) -> str:
    kind = error["type"]
    loc = error["loc"]
    name = str(loc[-1]) if loc else ""
    where = f" {what}" if what else ""
    if kind == "extra_forbidden":
        keys = ", ".join(allowed)
        return f"unknown key '{name}'{where}{did_you_mean(name, allowed)}; valid keys: {keys}"
    if kind == "missing":
        return f"missing key '{name}'{where}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"'{error['input']}' is not allowed for '{name}'; expected {expected}"
    if kind in ("value_error", "assertion_error"):
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        return f"{name}: {message}" if name and not message.startswith(f"'{name}") else message
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"'{name}' must be a mapping of keys, not {type(error['input']).__name__}"
    if kind == "list_type":
        return f"'{name}' must be a list, not {type(error['input']).__name__}"
    if kind in ("too_short",) and name == "goals":
        return "the plan has no goals; add at least one under 'goals:'"
    if kind == "string_pattern_mismatch" and name == "plan":
        return (
            f"plan id '{error['input']}' may hold only letters, digits, '.', '_' and '-' "
            "and must start with a letter or digit"
        )
    return f"{name}: {error['msg']}" if name else str(error["msg"])
