"""YAML read with every value's line and column, refusing what is not plain data."""

from __future__ import annotations

from pathlib import Path

import pytest

from beskplan.errors import InputError
from beskplan.yamlfile import parse_yaml, read_yaml


def test_values_and_keys_are_placed() -> None:
    doc = parse_yaml("plan: p\ngoals:\n  - id: A\n    target: 5\n", Path("p.yaml"))
    assert doc.data == {"plan": "p", "goals": [{"id": "A", "target": 5}]}
    assert doc.line(("goals", 0, "target")) == 4
    assert doc.position(("goals", 0, "target"), at_key=True) == (4, 5)
    assert str(doc.problem(("plan",), "bad")) == "p.yaml:1:7: bad"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("a: 1\na: 2\n", "a"),  # a duplicate key
        ("a: !!python/object:os.system x\n", "python/object"),
        ("a: [1,\n", "p.yaml:"),
    ],
)
def test_what_is_not_plain_data_is_refused(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_yaml(text, Path("p.yaml"))


def test_files_over_the_limit_and_not_utf8(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("#" * 1_100_000, encoding="utf-8")
    with pytest.raises(InputError, match="limited to"):
        read_yaml(big)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("plan: K\xf8ge\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_yaml(latin)
