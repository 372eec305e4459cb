"""The package reads as the pipeline, and imports run only downward between its stages.

Each top-level package of ``src/beskplan`` is one stage; a module may import its own
stage and the stages below it, never one above. Imports inside functions count: they
are still a dependency, only a later one. The package's ``__init__`` (its version) is
beneath them all and imports nothing.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

SOURCE = ROOT / "src" / "beskplan"

# bottom to top; the stages on one line stand side by side
STAGES: list[set[str]] = [
    {"core"},  # errors, periods, areas, sources, words, fields
    {"extracts", "fetch"},  # the data
    {"rules"},
    {"plan"},  # goal files and catalogues: a goal's rule declares its parameters
    {"evaluation"},
    {"render"},
    {"api"},  # the project and the Python API
    {"cli", "__main__"},
]
LEVEL = {name: level for level, names in enumerate(STAGES) for name in names}


def _stage(module: str) -> str | None:
    """The stage of ``beskplan.<stage>...``; None for the package itself."""
    parts = module.split(".")
    return parts[1] if parts[0] == "beskplan" and len(parts) > 1 else None


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            if node.module == "beskplan":  # a stage by name, or the face's version
                found += [
                    (node.lineno, f"beskplan.{a.name}") for a in node.names if a.name in LEVEL
                ]
    return [(line, name) for line, name in found if name.split(".")[0] == "beskplan"]


def _modules() -> list[Path]:
    return sorted(p.relative_to(SOURCE) for p in SOURCE.rglob("*.py"))


def test_every_part_of_the_package_is_a_stage() -> None:
    tops = {p.parts[0].removesuffix(".py") for p in _modules()} - {"__init__"}
    assert tops == set(LEVEL), "each top-level module or package is listed in STAGES"


def test_the_package_face_imports_nothing() -> None:
    assert _imports(SOURCE / "__init__.py") == []


@pytest.mark.parametrize("module", [p for p in _modules() if p.parts[0] != "__init__.py"], ids=str)
def test_imports_run_downward(module: Path) -> None:
    own = module.parts[0].removesuffix(".py")
    upward = []
    for line, name in _imports(SOURCE / module):
        stage = _stage(name)
        if name == "beskplan":
            continue  # the package face: its version
        if stage is None or LEVEL[stage] > LEVEL[own]:
            upward.append(f"{module}:{line} imports {name}")
    assert not upward, "\n".join(upward)


def test_a_stage_above_is_seen_as_upward() -> None:
    """The check itself: an import from a stage above is caught."""
    assert LEVEL[_stage("beskplan.render.table") or ""] > LEVEL["rules"]


@pytest.mark.parametrize("module", _modules(), ids=str)
def test_no_module_is_over_400_lines(module: Path) -> None:
    """A module past about 400 lines does more than one thing: split it."""
    lines = len((SOURCE / module).read_text(encoding="utf-8").splitlines())
    assert lines <= 400, f"{module} has {lines} lines"
