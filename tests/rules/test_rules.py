"""Every rule module is registered, documented, and its documented example is a valid goal."""

from __future__ import annotations

import pkgutil
import re
import textwrap
from pathlib import Path

import pytest
import yaml

import beskplan.rules
from beskplan.core.yamlfile import parse_yaml
from beskplan.plan.goalfile import parse_plan
from beskplan.rules import RULES
from tests.conftest import ROOT

NOT_RULES = {"base", "compare", "frames", "outcome", "references"}


def rule_modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.iter_modules(beskplan.rules.__path__) if m.name not in NOT_RULES
    )


def test_every_rule_module_is_registered() -> None:
    assert sorted(RULES) == rule_modules()


def contract() -> list[str]:
    """The members RuleKind asks every rule module to declare."""
    from beskplan.rules.base import RuleKind

    return sorted(n for n in vars(RuleKind) if not n.startswith("_"))


def test_the_contract_is_what_the_rest_of_beskplan_asks() -> None:
    assert contract() == [
        "NAME",
        "Params",
        "WORDS",
        "evaluate",
        "problems",
        "reads",
        "requirement",
        "retarget",
    ]


@pytest.mark.parametrize("name", sorted(RULES))
def test_every_rule_declares_the_contract_and_its_words(name: str) -> None:
    rule = RULES[name]
    assert [m for m in contract() if not hasattr(rule, m)] == []
    assert set(rule.WORDS) == {"da", "en"}
    assert set(rule.WORDS["da"]) == set(rule.WORDS["en"])  # every text in both languages


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


def _outside_rules() -> list[Path]:
    src = ROOT / "src" / "beskplan"
    return sorted(p for p in src.rglob("*.py") if "rules" not in p.relative_to(src).parts)


@pytest.mark.parametrize("path", _outside_rules(), ids=lambda p: p.name)
def test_no_module_outside_rules_names_a_rule_or_reads_its_parameters(path: Path) -> None:
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        # 'municipality' is also the word for a report's municipality (a JSON key, a column),
        # and 'change' for a difference's kind (a JSON key, a column of diff)
        named = RULES.keys() - {"municipality", "change"}
        if isinstance(node, ast.Constant) and node.value in named and id(node) not in docstrings:
            found.append(f"line {node.lineno}: names the rule '{node.value}'")
        reads_params = isinstance(node, ast.Attribute) and (
            isinstance(node.value, ast.Attribute) and node.value.attr == "params"
        )
        if reads_params and node.attr not in ("model_copy", "model_dump"):
            found.append(f"line {node.lineno}: reads params.{node.attr}")
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "getattr":
            target = node.args[0] if node.args else None
            if isinstance(target, ast.Attribute) and target.attr in ("params", "kind"):
                found.append(f"line {node.lineno}: getattr on .{target.attr}")
    assert found == []


@pytest.mark.parametrize("name", sorted(RULES))
def test_every_bundled_rule_decides_many_rows_at_once(name: str) -> None:
    """--all-municipalities and --periods decide a goal in one frame for every bundled rule."""
    from beskplan.evaluation.batches import framed

    assert framed(RULES[name]) is not None
