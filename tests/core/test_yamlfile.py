"""YAML read with every value's line and column, refusing what is not plain data."""

from __future__ import annotations

from pathlib import Path

import pytest

from beskplan.core.errors import InputError
from beskplan.core.yamlfile import parse_yaml, read_yaml


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


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("010", "010"),
        ("0x1F", "0x1F"),
        ("1.10", "1.10"),
        ("1:30", "1:30"),
        ("1_000", "1_000"),
        ("7", "7"),
    ],
)
def test_ids_and_titles_stay_as_written(written: str, read: str) -> None:
    """YAML 1.1 would read 010 as 8, 0x1F as 31, 1.10 as 1.1 and 1:30 as 90."""
    from beskplan.plan.goalfile import parse_plan

    text = (
        f"plan: p\ntitle: {written}\nmunicipality: A\nperiod: 2020\ngoals:\n"
        f"  - id: {written}\n    title: {written}\n    measure: {{table: T, column: X}}\n"
        "    better: lower\n    rule: national\n"
    )
    plan = parse_plan(parse_yaml(text, Path("p.yaml")))
    assert (plan.title, plan.goals[0].id, plan.goals[0].fields.title) == (read, read, read)


def test_numbers_keep_their_decimals_and_rewritten_forms_are_refused() -> None:
    from beskplan.plan.goalfile import parse_plan

    base = "plan: p\ntitle: P\nmunicipality: A\nperiod: 2020\ngoals:\n  - id: A\n    title: T\n    measure: {table: T, column: X}\n    better: lower\n    rule: national\n"
    plan = parse_plan(parse_yaml(base + "    margin: 0.50\n", Path("p.yaml")))
    assert str(plan.goals[0].params.margin) == "0.50"  # type: ignore[attr-defined]
    with pytest.raises(InputError, match="'0x10' is not a plain number"):
        parse_plan(parse_yaml(base + "    margin: 0x10\n", Path("p.yaml")))


def test_only_plain_files_are_read_and_never_past_the_limit(tmp_path: Path) -> None:
    """A measures.yaml linked to /dev/zero reported 0 bytes and ate memory; a FIFO hung."""
    import os

    zero = tmp_path / "measures.yaml"
    zero.symlink_to("/dev/zero")
    with pytest.raises(InputError, match="is not a plain file"):
        read_yaml(zero)
    fifo = tmp_path / "clusters.yaml"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="is not a plain file"):
        read_yaml(fifo)  # refused before it is opened, so it cannot block


def test_libyaml_and_the_pure_python_loader_read_the_same() -> None:
    """Files are parsed by libyaml where PyYAML has it; its reading (values, numbers as
    written, the line and column of every key and value) is the pure-Python loader's."""
    from beskplan.core.yamlfile import _FastLoader, _Loader, _parse
    from tests.conftest import DATA, GOALS

    files = [*GOALS.glob("*.yaml"), *DATA.glob("*.yaml")]
    assert len(files) >= 8
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast, slow = _parse(text, path, _FastLoader), _parse(text, path, _Loader)
        assert fast.data == slow.data, path
        assert (fast.keys, fast.values) == (slow.keys, slow.values), path
