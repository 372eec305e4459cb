"""Goal files: every mistake reported at once, each at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from beskplan.core.errors import InputError
from beskplan.plan.goalfile import find_plan, load_plan
from tests.conftest import GOALS, write

GOOD = """\
plan: p
title: Plan
municipality: Frederiksberg
period: 2018M06
goals:
  - id: A
    title: Goal A
    measure: {table: T, column: Andel}
    better: lower
    rule: national
"""


def problems(tmp_path: Path, text: str) -> list[str]:
    path = write(tmp_path / "p.yaml", text)
    with pytest.raises(InputError) as info:
        load_plan(path, tmp_path)
    return [str(p).removeprefix(f"{path}:") for p in info.value.problems]


def test_a_good_file_loads(tmp_path: Path) -> None:
    plan = load_plan(write(tmp_path / "p.yaml", GOOD), tmp_path)
    assert plan.goals[0].fields.measure.column == "Andel"  # type: ignore[union-attr]
    assert plan.period.code == "2018M06"


def test_all_problems_at_once_each_at_its_line(tmp_path: Path) -> None:
    text = GOOD.replace("rule: national", "rule: clustr_mean").replace(
        "period: 2018M06", "period: 2018M13"
    )
    text += "  - id: B\n    title: B\n    measure: m\n    rule: threshold\n    thershold: 5\n"
    got = problems(tmp_path, text)
    assert got == [
        "4:9: period: period '2018M13' does not parse: there is no month 13 (1 to 12); "
        "expected a month 2018M06, a quarter 2024Q01, a half-year 2022H02, a moving year 2021QMAT02 or a year 2019 (2019Y01)",
        "10:11: unknown rule 'clustr_mean' (did you mean 'cluster_mean'?); rules are: baseline, change, "
        "cluster_best, cluster_mean, cluster_rank, gap_shrink, municipality, national, threshold",
        "11:5: missing key 'target' for rule threshold",
        "15:5: unknown key 'thershold' for rule threshold; valid keys: "
        "better, deadline, focus, id, measure, ministermaal, name, note, period, rule, strict, target, title, unit",
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("better: lower", "better: down"),
            "9:13: 'down' is not allowed for 'better'; expected 'lower' or 'higher'",
        ),
        (
            ("rule: national", 'rule: national\n    margin: "1,0"'),
            "11:13: margin: '1,0' is text with a decimal comma; write the number as 1.0",
        ),
        (("plan: p", "plan: q"), "1:7: plan id 'q' does not match the file name 'p.yaml'"),
        (
            ("    rule: national\n", "    rule: national\n    top: -1\n"),
            "11:5: unknown key 'top' for rule national",
        ),
        (("goals:", "goals: []\nx:"), "5:8: the plan has no goals"),
        (("- id: A", "- id: A\n  - id: B"), "6:"),
        (
            ("    better: lower\n", "    better: lower\n\tx: 1\n"),
            "a tab character is used for indentation",
        ),
    ],
)
def test_one_mistake(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    got = problems(tmp_path, GOOD.replace(*change))
    assert any(p.startswith(expected) or expected in p for p in got), got


def test_duplicate_goal_ids(tmp_path: Path) -> None:
    text = (
        GOOD
        + "  - id: A\n    title: again\n    measure: m\n    better: lower\n    rule: national\n"
    )
    assert problems(tmp_path, text) == ["11:9: goal id 'A' is used twice (first on line 6)"]


def test_duplicate_keys(tmp_path: Path) -> None:
    assert problems(tmp_path, GOOD.replace("title: Plan", "title: Plan\ntitle: Again")) == [
        "3:1: key 'title' appears twice in this mapping (first on line 2)"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("- a\n- b\n", "a goal file is a mapping of keys (plan, title, goals...), not a list"),
        ("plan: [\n", "YAML syntax error"),
        ("!!python/object:os.system {}\n", "YAML tags that construct objects are not allowed"),
    ],
)
def test_files_that_are_not_goal_files(tmp_path: Path, text: str, expected: str) -> None:
    (got,) = problems(tmp_path, text)
    assert expected in got


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    (got,) = problems(tmp_path, "\n".join(lines) + "\n")
    assert "expands to more than 100,000 values" in got


@pytest.mark.parametrize("name", ["../../etc/passwd", "a/b", "..", "goals\\x"])
def test_plan_ids_with_path_separators_are_refused(name: str) -> None:
    with pytest.raises(InputError, match="is not a plan id"):
        find_plan(name, GOALS)


def test_unknown_plan_suggests_a_known_one() -> None:
    with pytest.raises(InputError, match="did you mean 'frederiksberg-2019'"):
        find_plan("frederiksberg-2091", GOALS)
