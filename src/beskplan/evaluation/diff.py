"""Comparing two plans goal by goal, or two saved evaluations.

Goals are matched by id. A goal in both is ``changed`` when any key of it in
the goal file differs (``title``, ``measure``, ``margin``, ...), and each such
key is named with its old and new value; ``flipped`` when only its status did;
``moved`` when only its figures did (value or reference); ``unchanged`` otherwise.
Where a goal was removed and another added with the same measure, rule and
parameters, the diff says that the id may have changed; it does not pair them on a
guess. Movement is ``better`` or ``worse`` by the
goal's direction.

For each status flip the diff says why: the goal changed, its data changed (the
files it read, by SHA-256, for saved evaluations), the period it was read at
changed, or none of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from beskplan.evaluation.results import GoalResult, Report
from beskplan.plan.goalfile import Plan
from beskplan.rules.outcome import Status

Change = Literal["added", "removed", "changed", "flipped", "moved", "unchanged"]
Cause = Literal["goal", "data", "period"]
Movement = Literal["better", "worse", "same"]
CHANGES: tuple[Change, ...] = ("added", "removed", "changed", "flipped", "moved", "unchanged")
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
    notes: tuple[str, ...] = ()  # what the reader should know (a file named unlike its plan)

    @property
    def differs(self) -> bool:
        """Any goal added, removed, changed or with another status."""
        return any(g.change != "unchanged" for g in self.goals)

    def count(self, change: Change) -> int:
        return sum(g.change == change for g in self.goals)

    @property
    def new_status(self) -> int:
        """Goals whose status differs, whether or not their definition changed too."""
        return sum(g.status_changed for g in self.goals)


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


def retargeted(old: Side, new: Side, changed: bool = True) -> bool:
    """Whether what the goal measures or requires changed (a new title cannot flip a status);
    ``changed`` decides where the goal as written is not known."""
    if old.written is None or new.written is None:
        return changed
    return _target(old.written) != _target(new.written)


def flip_causes(goal: bool, data: bool, old: Side, new: Side) -> tuple[Cause, ...] | None:
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


def change_kind(fields: bool, old: Side, new: Side) -> Change:
    """``changed`` (the definition), ``flipped`` (the status alone), ``moved`` (the same
    status, but the value or the reference moved), or ``unchanged``: never a goal whose
    figures moved."""
    if fields:
        return "changed"
    if old.status != new.status:
        return "flipped"
    return "moved" if (old.value, old.reference) != (new.value, new.reference) else "unchanged"


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
                    change_kind(bool(fields), a, b),
                    fields,
                    a,
                    b,
                    causes=flip_causes(retargeted(a, b), False, a, b),
                )
            )
    files = files_of(
        {s.path: s.sha256 for s in old_report.sources},
        {s.path: s.sha256 for s in new_report.sources},
    )
    return PlanDiff(
        old.id, new.id, old_report.period.code, new_report.period.code, tuple(goals), files
    )


def files_of(
    old: Mapping[str, str], new: Mapping[str, str]
) -> tuple[tuple[str, str | None, str | None], ...]:
    return tuple((path, old.get(path), new.get(path)) for path in sorted({*old, *new}))
