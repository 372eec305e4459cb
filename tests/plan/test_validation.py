"""Pydantic's errors in plain words, at the YAML line they concern, all at once."""

from __future__ import annotations

from pathlib import Path

from beskplan.core.yamlfile import parse_yaml
from beskplan.plan.schema import GoalFields
from beskplan.plan.validation import validate
from beskplan.rules import RULES


def test_every_problem_at_its_line_in_plain_words() -> None:
    doc = parse_yaml("strict: maybe\nmargin: 1\nthershold: 2\n", Path("g.yaml"))
    params, problems = validate(RULES["national"].Params, doc.data, doc, what="for rule national")
    assert params is None
    assert [str(p) for p in problems] == [
        "g.yaml:1:9: 'strict' must be true or false, not 'maybe'",
        "g.yaml:3:1: unknown key 'thershold' for rule national; valid keys: margin, strict",
    ]


def test_keys_valid_beside_the_model_are_listed() -> None:
    doc = parse_yaml("targt: 2\n", Path("g.yaml"))
    _, problems = validate(
        RULES["threshold"].Params, doc.data, doc, "for rule threshold", also=["title"]
    )
    (problem,) = [p for p in problems if "unknown key" in p.message]
    assert "did you mean 'target'" in problem.message
    assert "valid keys: strict, target, title" in problem.message


def test_a_missing_key() -> None:
    doc = parse_yaml("title: T\n", Path("g.yaml"))
    _, problems = validate(GoalFields, doc.data, doc)
    assert any(p.message == "missing key 'id'" for p in problems)
