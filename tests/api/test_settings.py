"""The project file: found upward, checked, and below the flags and the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from beskplan.api.bundled import bundled
from beskplan.api.settings import find, folder, load
from beskplan.core.errors import InputError


def _project(root: Path, text: str, name: str = "beskplan.toml") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")
    return root / name


def test_found_from_a_subfolder_with_folders_relative_to_the_file(tmp_path: Path) -> None:
    path = _project(tmp_path, 'goals = "mine"\nlang = "en"\n')
    (tmp_path / "a" / "b").mkdir(parents=True)
    found = find(tmp_path / "a" / "b")
    assert found is not None
    assert (found.path, found.goals, found.data, found.lang) == (
        path,
        tmp_path.resolve() / "mine",
        tmp_path.resolve() / "data",
        "en",
    )


def test_the_nearest_wins_and_a_pyproject_counts_only_with_its_table(tmp_path: Path) -> None:
    _project(tmp_path, 'data = "outer"\n')
    _project(tmp_path / "inner", "[tool.ruff]\nline-length = 100\n", "pyproject.toml")
    found = find(tmp_path / "inner")
    assert found is not None and found.data == tmp_path.resolve() / "outer"
    _project(tmp_path / "inner", '[tool.beskplan]\ndata = "here"\n', "pyproject.toml")
    found = find(tmp_path / "inner")
    assert found is not None and found.data == (tmp_path / "inner").resolve() / "here"


def test_no_project_file_means_none(tmp_path: Path) -> None:
    assert find(tmp_path) is None


def test_every_mistake_is_named_with_its_line(tmp_path: Path) -> None:
    path = _project(tmp_path, 'goals = "g"\nlnag = "da"\ndata = 3\nlang = "fr"\n[paths]\n')
    with pytest.raises(InputError) as caught:
        load(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:2: unknown setting 'lnag'; settings are goals, data, lang",
        f'{path}:3: data must be a non-empty string, as in data = "data"',
        f"{path}:4: lang 'fr' is not one of da, en",
        f"{path}:5: unknown setting 'paths'; settings are goals, data, lang",
    ]


def test_broken_toml_says_where(tmp_path: Path) -> None:
    path = _project(tmp_path, 'goals = "g"\ndata = \n')
    with pytest.raises(InputError) as caught:
        load(path)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == (path, 2)
    assert problem.message.startswith("not valid TOML: ")


def test_flag_then_environment_then_file_then_bundled(tmp_path: Path) -> None:
    found = load(_project(tmp_path, 'goals = "g"\n'))
    env = {"BESKPLAN_GOALS": "/from/env"}
    assert folder("goals", Path("/flag"), found, env).path == Path("/flag")
    chosen = folder("goals", None, found, env)
    assert (chosen.path, chosen.note) == (Path("/from/env"), " (chosen by BESKPLAN_GOALS)")
    chosen = folder("goals", None, found, {})
    assert chosen.path == tmp_path.resolve() / "g"
    assert chosen.note == f" (chosen by {found.path})"
    assert chosen.setting == f"goals in {found.path}"
    assert folder("goals", None, None, {}).path == bundled("goals")


def test_a_mistake_in_pyproject_is_placed_in_its_table(tmp_path: Path) -> None:
    path = _project(
        tmp_path,
        '[tool.other]\nlnag = 1\n\n[tool.beskplan]\ngoals = "g"\nlnag = "da"\n',
        "pyproject.toml",
    )
    with pytest.raises(InputError) as caught:
        find(tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:6: [tool.beskplan] unknown setting 'lnag'; settings are goals, data, lang"
    ]


def test_a_pyproject_naming_beskplan_nested_too_deeply_is_refused_in_words(
    tmp_path: Path,
) -> None:
    deep = "[" * 500 + "]" * 500
    _project(
        tmp_path,
        name="pyproject.toml",
        text=f'[tool.beskplan]\ndata = "d"\n[tool.other]\nx = {deep}\n',
    )
    with pytest.raises(InputError) as caught:
        find(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'pyproject.toml'}: the file nests arrays or tables too deeply to be read "
        "as TOML; a project file needs a few plain settings"
    )


def test_a_pyproject_that_never_names_beskplan_is_not_read(tmp_path: Path) -> None:
    _project(
        tmp_path, name="pyproject.toml", text="[tool.other]\nx = " + "[" * 500 + "]" * 500 + "\n"
    )
    assert find(tmp_path) is None
