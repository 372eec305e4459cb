"""Two saved JSON evaluations compared: what ``diff --results`` and the CI's diff read.

A saved evaluation (``evaluate --format json``) is read back strictly (its schema
version, each goal's fields), each goal becomes a side of :mod:`beskplan.evaluation.diff`,
and the two are compared as two evaluated plans are: by goal id, with what changed and
why a status flipped.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from beskplan.core.errors import InputError, Problem, control_character
from beskplan.evaluation.diff import (
    FieldChange,
    GoalDiff,
    PlanDiff,
    Side,
    change_kind,
    changed_fields,
    files_of,
    flip_causes,
    retargeted,
)
from beskplan.rules.outcome import Status


def _printable(value: str) -> str:
    if (found := control_character(value)) is not None:
        raise ValueError(f"the text holds a control character ({found})")
    return value


_Text = Annotated[str, AfterValidator(_printable)]


class _SavedGoal(BaseModel):
    """What diff --results reads of a saved goal; other keys are left as they are."""

    model_config = ConfigDict(extra="ignore")

    id: _Text
    title: _Text
    name: _Text | None = None
    status: Status
    period: _Text
    value: float | None = None
    reference: float | None = None
    gap: float | None = None
    rank: int | None = None
    of: int | None = None
    better: str | None = None
    unit: str | None = None
    definition_sha256: str | None = None
    definition: dict[str, Any] | None = None  # the goal as written, in saves that carry it
    sources: list[_Text] = Field(default_factory=list)


class _SavedSource(BaseModel):
    model_config = ConfigDict(extra="ignore")

    path: _Text
    sha256: str


class _Saved(BaseModel):
    model_config = ConfigDict(extra="ignore")

    schema_version: Literal[1]
    plan: _Text
    period: _Text
    goals: list[_SavedGoal]
    sources: list[_SavedSource] = Field(default_factory=list)


def _load_saved(path: Path) -> dict[str, Any]:
    """A saved evaluation, checked key by key: a wrong one is said with where it is."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(Problem(f"cannot read the file: {exc.strerror}", path)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(Problem(f"not a JSON file: {exc}", path)) from None
    except RecursionError:
        raise InputError(
            Problem("not a saved evaluation: the JSON is nested too deeply", path)
        ) from None
    if not isinstance(doc, dict) or doc.get("schema_version") != 1 or "goals" not in doc:
        raise InputError(
            Problem(
                "not a saved evaluation: expected the output of "
                "'beskplan evaluate --format json' (schema_version 1)",
                path,
            )
        )
    try:
        saved = _Saved.model_validate(doc)
    except ValidationError as exc:
        raise InputError(
            [
                Problem(
                    f"not a saved evaluation: {'.'.join(str(p) for p in e['loc'])}: {e['msg']}",
                    path,
                )
                for e in exc.errors(include_url=False)[:10]
            ]
        ) from None
    return saved.model_dump()


def _side(goal: dict[str, Any]) -> Side:
    def dec(v: Any) -> Decimal | None:
        return None if v is None else Decimal(str(v))

    def exact(v: Any) -> Any:  # numbers as the decimals they print as
        if isinstance(v, float | int) and not isinstance(v, bool):
            return Decimal(str(v))
        if isinstance(v, dict):
            return {k: exact(x) for k, x in v.items()}
        if isinstance(v, list):
            return [exact(x) for x in v]
        return v

    written = goal.get("definition")
    return Side(
        Status(goal["status"]),
        goal["period"],
        dec(goal.get("value")),
        dec(goal.get("reference")),
        dec(goal.get("gap")),
        goal.get("rank"),
        goal.get("of"),
        goal.get("better"),
        goal.get("unit") or "",
        exact(written) if isinstance(written, dict) else None,
    )


def diff_results(old_path: Path, new_path: Path) -> PlanDiff:
    """Two saved evaluations, goal by goal, with the cause of each status change."""
    old, new = _load_saved(old_path), _load_saved(new_path)
    old_goals = {g["id"]: g for g in old["goals"]}
    new_goals = {g["id"]: g for g in new["goals"]}
    old_files = {s["path"]: s["sha256"] for s in old.get("sources", [])}
    new_files = {s["path"]: s["sha256"] for s in new.get("sources", [])}
    goals: list[GoalDiff] = []
    for goal_id in [*new_goals, *(i for i in old_goals if i not in new_goals)]:
        a, b = old_goals.get(goal_id), new_goals.get(goal_id)
        if a is None or b is None:
            here = b if a is None else a
            assert here is not None
            goals.append(
                GoalDiff(
                    goal_id,
                    here.get("name") or here["title"],
                    "added" if a is None else "removed",
                    old=None if a is None else _side(a),
                    new=None if b is None else _side(b),
                )
            )
            continue
        definition = a.get("definition_sha256") != b.get("definition_sha256")
        files = set(a.get("sources", [])) | set(b.get("sources", []))
        data = any(old_files.get(f) != new_files.get(f) for f in files)
        old_side, new_side = _side(a), _side(b)
        fields: tuple[FieldChange, ...] = ()
        if definition:
            if old_side.written is not None and new_side.written is not None:
                fields = changed_fields(old_side.written, new_side.written)
            # an older save has no definition to compare: the change is named, not detailed
            fields = fields or (FieldChange("definition", None, None),)
        goals.append(
            GoalDiff(
                goal_id,
                b.get("name") or b["title"],
                change_kind(definition, old_side, new_side),
                fields,
                old_side,
                new_side,
                causes=flip_causes(
                    definition and retargeted(old_side, new_side), data, old_side, new_side
                ),
            )
        )
    return PlanDiff(
        f"{old['plan']} ({old_path.name})",
        f"{new['plan']} ({new_path.name})",
        old["period"],
        new["period"],
        tuple(goals),
        files_of(old_files, new_files),
    )
