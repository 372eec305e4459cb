"""Goal files: finding a plan, reading it and validating it goal by goal.

Every problem in the file is collected and reported at once, each at its line.
A goal's keys are its own (:class:`~beskplan.plan.schema.GoalFields`) plus those of
its rule (the rule module's ``Params``); any other key is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from beskplan.core.errors import InputError, Problem, did_you_mean
from beskplan.core.periods import Period
from beskplan.core.yamlfile import Loc, Located, read_yaml
from beskplan.plan.schema import GOAL_KEYS, PLAN_ID, GoalFields, PlanFields
from beskplan.plan.validation import validate
from beskplan.rules import RULES
from beskplan.rules.base import RuleKind, RuleParams


@dataclass(frozen=True)
class Goal:
    fields: GoalFields
    kind: RuleKind
    params: RuleParams
    loc: Loc

    @property
    def id(self) -> str:
        return self.fields.id


@dataclass(frozen=True)
class Plan:
    id: str
    title: str
    municipality: str
    period: Period
    source: str | None
    reconstructed: str | None
    goals: tuple[Goal, ...]
    file: Located
    year: int
    ministermaal_described: tuple[int, ...] = ()

    @property
    def path(self) -> Path:
        return self.file.path


def plan_ids(goals_dir: Path) -> list[str]:
    if not goals_dir.is_dir():
        return []
    return sorted(p.stem for p in goals_dir.glob("*.yaml"))


def load_plans(names: list[str], goals_dir: Path, note: str = "") -> list[Plan]:
    """The plans named, or every plan in ``goals_dir``; all their problems raised at once."""
    plans: list[Plan] = []
    problems: list[Problem] = []
    for name in names or plan_ids(goals_dir):
        try:
            plans.append(load_plan(name, goals_dir, note))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return plans


def find_plan(name: str, goals_dir: Path, note: str = "") -> Path:
    """The goal file a plan id or path names. Ids with path separators are refused."""
    if name.lower().endswith((".yaml", ".yml")):
        path = Path(name)
        if not path.is_file():
            raise InputError(Problem("no such goal file", path))
        return path
    if not PLAN_ID.fullmatch(name) or ".." in name:
        raise InputError(
            Problem(
                f"'{name}' is not a plan id: ids hold letters, digits, '.', '_' and '-' and no "
                "path separators. To use a file elsewhere, give its path ending in .yaml"
            )
        )
    path = goals_dir / f"{name}.yaml"
    if not path.is_file():
        known = plan_ids(goals_dir)
        raise InputError(
            Problem(
                f"no plan '{name}' in {goals_dir}{note}{did_you_mean(name, known)}; "
                f"plans there: {', '.join(known) or '(none)'}"
            )
        )
    return path


def load_plan(name: str | Path, goals_dir: Path, note: str = "", any_name: bool = False) -> Plan:
    """A plan by id in ``goals_dir`` or by path; ``note`` says what chose the folder.
    ``any_name``: a file whose name is not its plan id is read all the same (an old
    version saved beside the plan, for ``diff``)."""
    path = name if isinstance(name, Path) else find_plan(name, goals_dir, note)
    source = read_yaml(path)
    return parse_plan(source, any_name)


def parse_plan(source: Located, any_name: bool = False) -> Plan:
    data = source.data
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"'{data}'"
        raise InputError(
            source.problem(
                (), f"a goal file is a mapping of keys (plan, title, goals...), not {kind}"
            )
        )
    head, problems = validate(PlanFields, data, source)
    if head is not None and head.plan != source.path.stem and not any_name:
        problems.append(
            source.problem(
                ("plan",),
                f"plan id '{head.plan}' does not match the file name '{source.path.name}'; "
                f"name the file {head.plan}.yaml or set plan: {source.path.stem}",
            )
        )
    goals: list[Goal] = []
    raw_goals = data.get("goals")
    if isinstance(raw_goals, list):
        seen: dict[str, int] = {}
        for index, raw in enumerate(raw_goals):
            goal, goal_problems = _parse_goal(raw, ("goals", index), source)
            problems.extend(goal_problems)
            if goal is None:
                continue
            if goal.id in seen:
                problems.append(
                    source.problem(
                        (*goal.loc, "id"),
                        f"goal id '{goal.id}' is used twice (first on line {seen[goal.id]})",
                    )
                )
            seen.setdefault(goal.id, source.line((*goal.loc, "id")))
            goals.append(goal)
    if problems or head is None:
        raise InputError(_sorted(problems))
    return Plan(
        head.plan,
        head.title,
        head.municipality,
        head.period,
        head.source,
        head.reconstructed,
        tuple(goals),
        source,
        head.year or head.period.year,
        tuple(head.ministermaal_described),
    )


def _parse_goal(raw: Any, loc: Loc, source: Located) -> tuple[Goal | None, list[Problem]]:
    if not isinstance(raw, dict):
        return None, [
            source.problem(loc, "a goal is a mapping of keys (id, title, measure, rule...)")
        ]
    name = raw.get("rule")
    kind = RULES.get(name) if isinstance(name, str) else None
    if kind is None:
        valid = sorted(RULES)
        if name is None:
            message = f"missing key 'rule'; rules are: {', '.join(valid)}"
        else:
            message = (
                f"unknown rule '{name}'{did_you_mean(str(name), valid)}; "
                f"rules are: {', '.join(valid)}"
            )
        problems = [source.problem((*loc, "rule"), message)]
        _, field_problems = validate(
            GoalFields,
            {k: v for k, v in raw.items() if k in GOAL_KEYS} | {"rule": "?"},
            source,
            loc,
        )
        return None, problems + field_problems
    own = {k: v for k, v in raw.items() if k in GOAL_KEYS}
    extra = {k: v for k, v in raw.items() if k not in GOAL_KEYS}
    fields, problems = validate(GoalFields, own, source, loc)
    params, param_problems = validate(
        kind.Params, extra, source, loc, f"for rule {name}", also=GOAL_KEYS
    )
    problems.extend(param_problems)
    if fields is None or params is None:
        return None, problems
    return Goal(fields, kind, params, loc), problems


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (str(p.path), p.line or 0, p.column or 0))
