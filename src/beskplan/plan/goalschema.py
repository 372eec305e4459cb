"""The JSON Schema of the goal-file format, generated from the models.

One goal schema per rule kind (the goal's own keys, ``rule`` fixed to the
kind's name, and the rule's parameters), chosen by ``rule``; editors with a
YAML language server complete and check goal files against it.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, create_model

from beskplan.plan.schema import GoalFields, PlanFields
from beskplan.rules import RULES


def _goal_model(name: str) -> type[BaseModel]:
    kind = RULES[name]
    fields: dict[str, Any] = {
        key: (info.annotation, info)
        for key, info in GoalFields.model_fields.items()
        if key != "rule"
    }
    fields.update({key: (info.annotation, info) for key, info in kind.Params.model_fields.items()})
    fields["rule"] = (Literal[name], Field(description=(kind.__doc__ or "").split("\n", 1)[0]))
    return create_model(
        f"Goal_{name}",
        __config__=ConfigDict(extra="forbid", arbitrary_types_allowed=True),
        **fields,
    )


def goal_file_schema() -> dict[str, Any]:
    goals = tuple(_goal_model(name) for name in sorted(RULES))
    goal_union = Annotated[Union[goals], Field(discriminator="rule")]  # type: ignore[valid-type]  # noqa: UP007
    plan_fields: dict[str, Any] = {
        key: (info.annotation, info)
        for key, info in PlanFields.model_fields.items()
        if key != "goals"
    }
    plan_fields["goals"] = (list[goal_union], Field(min_length=1))
    model = create_model(
        "GoalFile",
        __config__=ConfigDict(extra="forbid", arbitrary_types_allowed=True),
        **plan_fields,
    )
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "beskplan goal file"
    return schema


def render() -> str:
    return json.dumps(goal_file_schema(), ensure_ascii=False, indent=2) + "\n"
