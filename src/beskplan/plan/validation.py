"""Pydantic's validation errors, rewritten in plain words at the YAML line they concern."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from beskplan.core.errors import Problem, did_you_mean
from beskplan.core.yamlfile import Loc, Located

M = TypeVar("M", bound=BaseModel)


def validate(
    model: type[M],
    data: Any,
    source: Located,
    prefix: Loc = (),
    what: str = "",
    also: Iterable[str] = (),
) -> tuple[M | None, list[Problem]]:
    """Validate ``data`` as ``model``; on failure return every problem, each at its line.

    ``what`` says whose keys they are (``for rule threshold``); ``also`` are keys valid
    beside the model's, listed where an unknown key is refused.
    """
    known = set(also)
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, sorted(
            (
                source.problem(
                    (*prefix, *_clean(e["loc"])),
                    _wording(e, sorted(known | set(_fields_at(model, _clean(e["loc"])))), what),
                    at_key=e["type"] == "extra_forbidden",
                )
                for e in exc.errors(include_url=False)
            ),
            key=lambda p: (p.line or 0, p.column or 0),
        )


_TAGS = ("id", "column", "sum")


def _clean(loc: tuple[Any, ...]) -> Loc:
    """The location in the file: pydantic adds a measure union's tag (measure.column.table).

    The tag follows the field holding the union (``measure``, ``sum``) or a list index;
    in ``measure.sum.sum`` the first ``sum`` is the tag and the second the field.
    """
    kept: list[str | int] = []
    for i, part in enumerate(loc):
        before = loc[i - 1] if i else None
        after_union = before in ("measure", "sum") or isinstance(before, int)
        if part in _TAGS and after_union and i + 1 < len(loc) and not (part == before == "sum"):
            continue
        kept.append(part)
    return tuple(kept)


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys of the (nested) model that the location's last part belongs to."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            break
        current = _model_in(fields[part].annotation)
    return sorted(getattr(current, "model_fields", None) or [])


def _model_in(annotation: Any) -> Any:
    """The pydantic model inside list[...], dict[..., ...], X | None or Annotated[...]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


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
        return f"'{name}' must be a mapping of keys, not {_type_name(error['input'])}"
    if kind == "list_type":
        return f"'{name}' must be a list, not {_type_name(error['input'])}"
    ctx = error.get("ctx", {})
    if kind == "too_short" and name == "goals":
        return "the plan has no goals; add at least one under 'goals:'"
    if kind == "too_short":
        return f"'{name}' needs at least {ctx.get('min_length')} items"
    if kind == "string_too_short":
        return f"'{name}' must not be empty"
    bounds = {
        "greater_than_equal": ("at least", "ge"),
        "greater_than": ("more than", "gt"),
        "less_than_equal": ("at most", "le"),
        "less_than": ("less than", "lt"),
    }
    if kind in bounds:
        words, key = bounds[kind]
        return f"'{name}' must be {words} {ctx.get(key)}, not {error['input']}"
    if kind in ("bool_type", "bool_parsing"):
        return f"'{name}' must be true or false, not {error['input']!r}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"'{name}' must be a whole number, not {error['input']!r}"
    if kind in ("string_type",):
        return f"'{name}' must be text, not {_type_name(error['input'])}"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return f"'{name}' must be a date written 2014-01-01, not {error['input']!r}"
    if kind == "string_pattern_mismatch" and name == "plan":
        return (
            f"plan id '{error['input']}' may hold only letters, digits, '.', '_' and '-' "
            "and must start with a letter or digit"
        )
    return f"{name}: {error['msg']}" if name else str(error["msg"])


def _type_name(value: object) -> str:
    """The built-in type a value is, as YAML wrote it (a number keeping its text is an int)."""
    return next(t.__name__ for t in type(value).__mro__ if t.__module__ == "builtins")
