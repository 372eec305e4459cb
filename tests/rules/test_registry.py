"""Every rule module is registered, documented, and its documented example is a valid goal."""

from __future__ import annotations

import pkgutil
import re
import textwrap
from pathlib import Path

import pytest
import yaml

import beskplan.rules
from beskplan.goalfile import parse_plan
from beskplan.rules import RULES
from beskplan.yamlfile import parse_yaml
from tests.conftest import ROOT

NOT_RULES = {"base", "compare", "references"}


def rule_modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.iter_modules(beskplan.rules.__path__) if m.name not in NOT_RULES
    )


def test_every_rule_module_is_registered() -> None:
    assert sorted(RULES) == rule_modules()


@pytest.mark.parametrize("name", sorted(RULES))
def test_the_docstring_example_is_a_valid_goal(name: str) -> None:
    doc = RULES[name].__doc__ or ""
    assert doc.startswith(f"``{name}``: ")
    example = textwrap.dedent(doc.split("Example::", 1)[1])
    goal = yaml.safe_load(example)[0]
    assert goal["rule"] == name
    if "better" not in goal:  # a catalogue measure gives the direction
        goal["better"] = "lower"
    text = yaml.safe_dump(
        {
            "plan": "p",
            "title": "t",
            "municipality": "Frederiksberg",
            "period": "2025M06",
            "goals": [goal],
        },
        allow_unicode=True,
    )
    plan = parse_plan(parse_yaml(text, Path("p.yaml")))
    assert plan.goals[0].kind is RULES[name]


def test_the_readme_documents_every_rule() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rules_table = readme.split("| rule | parameters | met when |", 1)[1].split("\n\n", 1)[0]
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", rules_table, flags=re.MULTILINE))
    assert documented == set(RULES)
