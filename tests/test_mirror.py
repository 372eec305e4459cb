"""The tests mirror the source tree: every module with logic has a test module of its own.

``src/beskplan/extracts/table.py`` is tested in ``tests/extracts/test_table.py``; a package's
``__init__.py`` in ``tests/<package>/test_<package>.py``. A module with logic is one that
defines a function. Tests across modules (fidelity, properties, fuzzing, the catalogue of
bad inputs, goldens) stand beside them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

SOURCE = ROOT / "src" / "beskplan"


def _with_logic() -> list[Path]:
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) for node in ast.walk(tree)):
            found.append(path.relative_to(SOURCE))
    return found


def mirrored(module: Path) -> Path:
    if module.stem == "__init__":
        name = module.parent.name or "beskplan"
        return ROOT / "tests" / module.parent / f"test_{name}.py"
    return ROOT / "tests" / module.parent / f"test_{module.stem}.py"


@pytest.mark.parametrize("module", _with_logic(), ids=str)
def test_every_module_with_logic_has_its_test_module(module: Path) -> None:
    test = mirrored(module)
    assert test.is_file(), f"{module} has no {test.relative_to(ROOT)}"
    assert "def test_" in test.read_text(encoding="utf-8")
