"""The goal-file JSON Schema: generated from the models, committed, and met by every bundled plan."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
import yaml

from beskplan.plan.goalschema import goal_file_schema, render
from beskplan.rules import RULES
from tests.conftest import GOALS

SCHEMA_FILE = "beskplan.schema.json"  # beside the bundled goal files, which name it


def test_committed_schema_is_the_generated_one(golden: Callable[[str, str], None]) -> None:
    committed = GOALS / SCHEMA_FILE
    assert json.loads(committed.read_text(encoding="utf-8")) == goal_file_schema(), (
        "goals/beskplan.schema.json is stale: run 'beskplan schema --output goals/beskplan.schema.json'"
    )


def test_schema_command(run: Any) -> None:
    result = run("schema")
    assert result.exit_code == 0
    assert result.stdout == render()


@pytest.mark.parametrize("path", sorted(GOALS.glob("*.yaml")), ids=lambda p: p.stem)
def test_bundled_plans_reference_and_meet_the_schema(path: Any) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE}\n")
    jsonschema.validate(yaml.safe_load(text), goal_file_schema())


def test_schema_refuses_a_misspelt_key_and_knows_every_rule() -> None:
    schema = goal_file_schema()
    plan = yaml.safe_load((GOALS / "frederiksberg-2019.yaml").read_text(encoding="utf-8"))
    plan["goals"][0]["thershold"] = 5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(plan, schema)
    assert {f"Goal_{name}" for name in RULES} <= set(schema["$defs"])
