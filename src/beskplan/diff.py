"""Comparing two plans goal by goal, or two saved evaluations.

Goals are matched by id. A goal in both is ``changed`` when any key of it in
the goal file differs (``title``, ``measure``, ``margin``, ...), and each such
key is named with its old and new value; ``flipped`` when only its status did;
``unchanged`` otherwise. Where a goal was removed and another added with the
same measure, rule and parameters, the diff says that the id may have changed;
it does not pair them on a guess. Movement is ``better`` or ``worse`` by the
goal's direction.

For each status flip the diff says why: the goal changed, its data changed (the
files it read, by SHA-256, for saved evaluations), the period it was read at
changed, or none of them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from beskplan.errors import InputError, Problem, control_character
from beskplan.goalfile import Plan
from beskplan.results import GoalResult, Report, Status

Change = Literal["added", "removed", "changed", "flipped", "unchanged"]
Cause = Literal["goal", "data", "period"]
Movement = Literal["better", "worse", "same"]
CHANGES: tuple[Change, ...] = ("added", "removed", "changed", "flipped", "unchanged")
# the keys that describe a goal without changing what it measures or requires
DESCRIPTIVE_KEYS = ("id", "title", "name", "focus", "note", "ministermaal", "deadline", "period")


@dataclass(frozen=True)
class FieldChange:
    """A key of the goal as written that differs: ``margin: 0.5 -> 1.0``. A key inside a
    mapping is dotted (``measure.column``); a key one side lacks has ``None`` there."""

    name: str
    old: object
    new: object


@dataclass(frozen=True)
class Side:
    """One goal's verdict in one of the two evaluations."""

    status: Status
    period: str
    value: Decimal | None
    reference: Decimal | None
    gap: Decimal | None
    rank: int | None = None
    of: int | None = None
    better: str | None = None
    unit: str = ""
    written: Mapping[str, object] | None = None  # the goal as written, where known

    @classmethod
    def of_result(cls, result: GoalResult) -> Side:
        o = result.outcome
        return cls(
            result.status,
            result.period.code,
            o.value,
            o.reference,
            o.gap,
            o.rank,
            o.of,
            result.better,
            result.unit,
            result.written,
        )


@dataclass(frozen=True)
class GoalDiff:
    id: str
    title: str
    change: Change
    fields: tuple[FieldChange, ...] = ()
    old: Side | None = None
    new: Side | None = None
    maybe_renamed: str | None = None
    # why the status flipped (empty: neither goal, data nor period changed); None without a flip
    causes: tuple[Cause, ...] | None = None

    @property
    def status_changed(self) -> bool:
        return self.old is not None and self.new is not None and self.old.status != self.new.status

    @property
    def value_change(self) -> Decimal | None:
        if self.old is None or self.new is None:
            return None
        return _delta(self.old.value, self.new.value)

    @property
    def gap_change(self) -> Decimal | None:
        if self.old is None or self.new is None:
            return None
        return _delta(self.old.gap, self.new.gap)

    @property
    def movement(self) -> Movement | None:
        """Whether the value moved the way the goal wants (``None``: no direction or value)."""
        change = self.value_change
        better = self.new.better if self.new else None
        if change is None or better not in ("lower", "higher"):
            return None
        if change == 0:
            return "same"
        return "better" if (change < 0) == (better == "lower") else "worse"


def _delta(old: Decimal | None, new: Decimal | None) -> Decimal | None:
    return None if old is None or new is None else new - old


@dataclass(frozen=True)
class PlanDiff:
    old: str
    new: str
    old_period: str
    new_period: str
    goals: tuple[GoalDiff, ...]
    # each file either side read: its path and SHA-256 before and now (None: not read)
    sources: tuple[tuple[str, str | None, str | None], ...] = ()

    @property
    def differs(self) -> bool:
        """Any goal added, removed, changed or with another status."""
        return any(g.change != "unchanged" for g in self.goals)

    def count(self, change: Change) -> int:
        return sum(g.change == change for g in self.goals)


def changed_fields(
    old: Mapping[str, object], new: Mapping[str, object], prefix: str = ""
) -> tuple[FieldChange, ...]:
    """The keys whose values differ, in the new goal's order then the old's; mappings key by
    key (``measure.column``)."""
    found: list[FieldChange] = []
    for key in [*new, *(k for k in old if k not in new)]:
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if isinstance(a, Mapping) and isinstance(b, Mapping):
            found.extend(changed_fields(a, b, f"{prefix}{key}."))
        else:
            found.append(FieldChange(f"{prefix}{key}", a, b))
    return tuple(found)


def _target(written: Mapping[str, object]) -> dict[str, object]:
    """What a goal measures and requires: its keys but the descriptive ones."""
    return {k: v for k, v in written.items() if k not in DESCRIPTIVE_KEYS}


def _retargeted(old: Side, new: Side, changed: bool = True) -> bool:
    """Whether what the goal measures or requires changed (a new title cannot flip a status);
    ``changed`` decides where the goal as written is not known."""
    if old.written is None or new.written is None:
        return changed
    return _target(old.written) != _target(new.written)


def _flip_causes(goal: bool, data: bool, old: Side, new: Side) -> tuple[Cause, ...] | None:
    if old.status == new.status:
        return None
    causes: list[Cause] = []
    if goal:
        causes.append("goal")
    if data:
        causes.append("data")
    if old.period != new.period:
        causes.append("period")
    return tuple(causes)


def _kind(fields: bool, old: Side, new: Side) -> Change:
    if fields:
        return "changed"
    return "flipped" if old.status != new.status else "unchanged"


def diff_plans(old: Plan, old_report: Report, new: Plan, new_report: Report) -> PlanDiff:
    """Goal by goal, ``old`` against ``new``, with each side's verdict."""
    old_results = {g.id: g for g in old_report.goals}
    new_results = {g.id: g for g in new_report.goals}
    removed = [i for i in old_results if i not in new_results]
    added = [i for i in new_results if i not in old_results]

    def renamed(
        here: GoalResult, there: list[str], results: Mapping[str, GoalResult]
    ) -> str | None:
        return next(
            (o for o in there if _target(here.written) == _target(results[o].written)), None
        )

    goals: list[GoalDiff] = []
    for goal_id in [g.id for g in new.goals] + removed:
        if goal_id in added:
            r = new_results[goal_id]
            hint = renamed(r, removed, old_results)
            goals.append(
                GoalDiff(
                    goal_id, r.name or r.title, "added", new=Side.of_result(r), maybe_renamed=hint
                )
            )
        elif goal_id in removed:
            r = old_results[goal_id]
            hint = renamed(r, added, new_results)
            goals.append(
                GoalDiff(
                    goal_id, r.name or r.title, "removed", old=Side.of_result(r), maybe_renamed=hint
                )
            )
        else:
            r = new_results[goal_id]
            a, b = Side.of_result(old_results[goal_id]), Side.of_result(r)
            fields = changed_fields(old_results[goal_id].written, r.written)
            goals.append(
                GoalDiff(
                    goal_id,
                    r.name or r.title,
                    _kind(bool(fields), a, b),
                    fields,
                    a,
                    b,
                    causes=_flip_causes(_retargeted(a, b), False, a, b),
                )
            )
    files = _files(
        {s.path: s.sha256 for s in old_report.sources},
        {s.path: s.sha256 for s in new_report.sources},
    )
    return PlanDiff(
        old.id, new.id, old_report.period.code, new_report.period.code, tuple(goals), files
    )


def _files(
    old: Mapping[str, str], new: Mapping[str, str]
) -> tuple[tuple[str, str | None, str | None], ...]:
    return tuple((path, old.get(path), new.get(path)) for path in sorted({*old, *new}))


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
                _kind(definition, old_side, new_side),
                fields,
                old_side,
                new_side,
                causes=_flip_causes(
                    definition and _retargeted(old_side, new_side), data, old_side, new_side
                ),
            )
        )
    return PlanDiff(
        f"{old['plan']} ({old_path.name})",
        f"{new['plan']} ({new_path.name})",
        old["period"],
        new["period"],
        tuple(goals),
        _files(old_files, new_files),
    )
