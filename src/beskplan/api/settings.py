"""The project file: which goals and data folders a command uses, and its defaults.

A project is a folder with ``beskplan.toml`` (or a ``pyproject.toml`` with a
``[tool.beskplan]`` table), found as ruff and pytest find theirs: from the working
directory upward, the nearest wins. Its keys, all optional::

    goals = "goals"   # the folder of goal files, relative to the project file
    data = "data"     # the folder of extracts
    lang = "da"       # the language of tables and explanations

Each folder is chosen by the first of: the command's flag (``--goals``, ``--data``),
the environment (``BESKPLAN_GOALS``, ``BESKPLAN_DATA``), the project file, and
without any of them the bundled plans and data. A :class:`Folder` remembers what
chose it, so that a message about the folder can say so.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from beskplan.api.bundled import bundled
from beskplan.core.errors import InputError, Problem
from beskplan.core.words import LANGS

PROJECT_FILE = "beskplan.toml"
PYPROJECT = "pyproject.toml"
KEYS = ("goals", "data", "lang")
ENVIRONMENT = {"goals": "BESKPLAN_GOALS", "data": "BESKPLAN_DATA"}

Kind = Literal["goals", "data"]


@dataclass(frozen=True)
class Folder:
    """A goals or data folder and what chose it, for the messages that name it.

    ``setting`` is what to change to choose another (``--data``, ``BESKPLAN_DATA``,
    ``data in /x/beskplan.toml``); ``note`` is said after the folder's name when the
    user may not know where it came from (`` (chosen by /x/beskplan.toml)``).
    """

    path: Path
    setting: str
    note: str = ""


@dataclass(frozen=True)
class ProjectFile:
    """A project file's settings, folders made absolute."""

    path: Path
    goals: Path
    data: Path
    lang: str | None = None

    def folder(self, kind: Kind) -> Folder:
        path = self.goals if kind == "goals" else self.data
        return Folder(path, f"{kind} in {self.path}", f" (chosen by {self.path})")


def find(start: Path | None = None) -> ProjectFile | None:
    """The nearest project file from ``start`` (the working directory) upward, read."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / PROJECT_FILE
        if candidate.is_file():
            return load(candidate)
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _names_beskplan(pyproject):
            text, parsed = _parse(pyproject)
            table = parsed.get("tool", {})
            if isinstance(table, dict) and "beskplan" in table:
                return _settings(pyproject, text, table["beskplan"], "[tool.beskplan]")
    return None


def _names_beskplan(path: Path) -> bool:
    """Whether a ``pyproject.toml`` may hold a ``[tool.beskplan]`` table: one that never
    names beskplan is another project's business, and is not read (nor its mistakes said)."""
    try:
        return b"beskplan" in path.read_bytes()
    except OSError:
        return True  # read, and said, by _parse


def load(path: Path) -> ProjectFile:
    """``beskplan.toml`` read and checked: every problem at once, with its line."""
    return _settings(path, *_parse(path), "")


def folder(
    kind: Kind,
    flag: Path | None,
    project: ProjectFile | None,
    environ: Mapping[str, str] | None = None,
) -> Folder:
    """The folder of ``kind`` a command uses: flag, environment, project file, bundled."""
    variable = ENVIRONMENT[kind]
    value = (os.environ if environ is None else environ).get(variable)
    if flag is not None:
        return Folder(flag, f"--{kind}")
    if value:
        return Folder(Path(value), variable, f" (chosen by {variable})")
    if project is not None:
        return project.folder(kind)
    return Folder(bundled(kind), f"--{kind}")


def _parse(path: Path) -> tuple[str, dict[str, object]]:
    """The file's text and its TOML."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise InputError(Problem(f"cannot read the project file: {reason}", path)) from None
    try:
        return text, tomllib.loads(text)
    except RecursionError:
        raise InputError(
            Problem(
                "the file nests arrays or tables too deeply to be read as TOML; a project "
                "file needs a few plain settings",
                path,
            )
        ) from None
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line, column = (int(found[1]), int(found[2])) if found else (None, None)
        raise InputError(Problem(f"not valid TOML: {message}", path, line, column)) from None


def _settings(path: Path, text: str, table: object, section: str) -> ProjectFile:
    where = f"{section} " if section else ""
    start = text.find(section) if section else 0  # a key's line is looked for in its table
    if not isinstance(table, dict):
        raise InputError(Problem(f"{where}must be a table of settings", path))
    problems: list[Problem] = []
    for key, value in table.items():
        line = _line(text, key, max(start, 0))
        if key not in KEYS:
            problems.append(
                Problem(
                    f"{where}unknown setting '{key}'; settings are {', '.join(KEYS)}", path, line
                )
            )
        elif not isinstance(value, str) or not value.strip():
            problems.append(
                Problem(
                    f'{where}{key} must be a non-empty string, as in {key} = "{key}"', path, line
                )
                if key != "lang"
                else Problem(f"{where}lang must be one of {', '.join(LANGS)}", path, line)
            )
        elif key != "lang" and any(c in value for c in "\x00\n\r"):
            problems.append(
                Problem(
                    f"{where}{key} holds a NUL or line-break character; write the folder's path",
                    path,
                    line,
                )
            )
        elif key == "lang" and value not in LANGS:
            problems.append(
                Problem(f"{where}lang '{value}' is not one of {', '.join(LANGS)}", path, line)
            )
    if problems:
        raise InputError(problems)
    root = path.parent.resolve()
    return ProjectFile(
        path,
        root / table.get("goals", "goals"),
        root / table.get("data", "data"),
        table.get("lang"),
    )


def _line(text: str, key: str, start: int = 0) -> int | None:
    """The line that sets ``key`` (the first from ``start``), for a message."""
    # a key set (``key = ...``) or a table opened (``[key]``)
    pattern = re.compile(rf"^\s*\[?\s*[\"']?{re.escape(key)}[\"']?\s*[=\]]", re.MULTILINE)
    found = pattern.search(text, start)
    return text.count("\n", 0, found.start()) + 1 if found else None
