"""Comparing two plans goal by goal, or two saved evaluations.

Goals are matched by id. A goal in both plans is ``changed`` when any of its
title, name, measure, rule, parameters, direction, ministerial goals, focus or
own period differ. Where a goal was removed and another added with the same
measure, rule and parameters, the diff says that the id may have changed; it
does not pair them on a guess.

From saved JSON evaluations (``beskplan evaluate --format json``) the diff
also says, for each status change, whether the goal's definition, its data
(the files it read, by SHA-256), both or neither changed.
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
from beskplan.goalfile import Goal, Plan
from beskplan.results import GoalResult, Report, Status

Change = Literal["added", "removed", "changed", "unchanged"]
Cause = Literal["goal", "data", "both", "neither"]


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

    @classmethod
    def of_result(cls, result: GoalResult) -> Side:
        o = result.outcome
        return cls(result.status, result.period.code, o.value, o.reference, o.gap, o.rank, o.of)


@dataclass(frozen=True)
class GoalDiff:
    id: str
    title: str
    change: Change
    fields: tuple[str, ...] = ()
    old: Side | None = None
    new: Side | None = None
    maybe_renamed: str | None = None
    cause: Cause | None = None

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


def _delta(old: Decimal | None, new: Decimal | None) -> Decimal | None:
    return None if old is None or new is None else new - old


@dataclass(frozen=True)
class PlanDiff:
    old: str
    new: str
    old_period: str
    new_period: str
    goals: tuple[GoalDiff, ...]

    @property
    def differs(self) -> bool:
        return any(g.change != "unchanged" for g in self.goals)

    def count(self, change: Change) -> int:
        return sum(g.change == change for g in self.goals)


def _definition(goal: Goal, result: GoalResult) -> dict[str, Any]:
    f = goal.fields
    return {
        "title": f.title,
        "name": f.name,
        "measure": f.measure if isinstance(f.measure, str) else f.measure.model_dump(mode="json"),
        "rule": goal.kind.NAME,
        "parameters": goal.params.model_dump(mode="json"),
        "better": result.better,
        "ministermaal": sorted(f.ministermaal),
        "focus": f.focus,
        "period": f.period.code if f.period else None,
    }


def _same_target(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a[k] == b[k] for k in ("measure", "rule", "parameters"))


def diff_plans(old: Plan, old_report: Report, new: Plan, new_report: Report) -> PlanDiff:
    """Goal by goal, ``old`` against ``new``, with each side's verdict."""
    old_results = {g.id: g for g in old_report.goals}
    new_results = {g.id: g for g in new_report.goals}
    old_defs = {g.id: _definition(g, old_results[g.id]) for g in old.goals}
    new_defs = {g.id: _definition(g, new_results[g.id]) for g in new.goals}
    removed = [i for i in old_defs if i not in new_defs]
    added = [i for i in new_defs if i not in old_defs]

    def renamed(
        goal_id: str, here: dict[str, Any], there: list[str], defs: Mapping[str, Any]
    ) -> str | None:
        return next((o for o in there if _same_target(here, defs[o])), None)

    goals: list[GoalDiff] = []
    order = [g.id for g in new.goals] + removed
    for goal_id in order:
        if goal_id in added:
            r = new_results[goal_id]
            hint = renamed(goal_id, new_defs[goal_id], removed, old_defs)
            goals.append(
                GoalDiff(
                    goal_id, r.name or r.title, "added", new=Side.of_result(r), maybe_renamed=hint
                )
            )
        elif goal_id in removed:
            r = old_results[goal_id]
            hint = renamed(goal_id, old_defs[goal_id], added, new_defs)
            goals.append(
                GoalDiff(
                    goal_id, r.name or r.title, "removed", old=Side.of_result(r), maybe_renamed=hint
                )
            )
        else:
            a, b = old_defs[goal_id], new_defs[goal_id]
            fields = tuple(k for k in a if a[k] != b[k])
            r = new_results[goal_id]
            goals.append(
                GoalDiff(
                    goal_id,
                    r.name or r.title,
                    "changed" if fields else "unchanged",
                    fields,
                    Side.of_result(old_results[goal_id]),
                    Side.of_result(r),
                )
            )
    return PlanDiff(old.id, new.id, old_report.period.code, new_report.period.code, tuple(goals))


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
    definition_sha256: str | None = None
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

    return Side(
        Status(goal["status"]),
        goal["period"],
        dec(goal.get("value")),
        dec(goal.get("reference")),
        dec(goal.get("gap")),
        goal.get("rank"),
        goal.get("of"),
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
        cause: Cause = (
            "both"
            if definition and data
            else "goal"
            if definition
            else "data"
            if data
            else "neither"
        )
        old_side, new_side = _side(a), _side(b)
        goals.append(
            GoalDiff(
                goal_id,
                b.get("name") or b["title"],
                "changed" if definition else "unchanged",
                ("definition",) if definition else (),
                old_side,
                new_side,
                cause=cause if old_side.status != new_side.status else None,
            )
        )
    return PlanDiff(
        f"{old['plan']} ({old_path.name})",
        f"{new['plan']} ({new_path.name})",
        old["period"],
        new["period"],
        tuple(goals),
    )
