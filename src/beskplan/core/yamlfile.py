"""Reading YAML safely, keeping the line of every key so errors can point at it.

Only plain data is constructed (no ``!!python`` tags). A file over
:data:`MAX_BYTES` is refused before parsing, and a document whose aliases expand
past :data:`MAX_NODES` nodes (a "billion laughs") is refused while it is walked.
Duplicate keys, which YAML would silently collapse to the last one, are errors.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from beskplan.core.errors import InputError, Problem, control_character

MAX_BYTES = 1_000_000
MAX_NODES = 100_000

Loc = tuple[str | int, ...]


@dataclass
class Located:
    """A parsed YAML document and where each of its keys and values stands."""

    path: Path
    data: Any
    text: str = ""
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def line(self, loc: Loc) -> int:
        return self.position(loc, at_key=True)[0]

    def position(self, loc: Loc, *, at_key: bool = False) -> tuple[int, int]:
        """Where the value at ``loc`` (or its key) stands, or the deepest part of it that exists."""
        for end in range(len(loc), -1, -1):
            part = tuple(loc[:end])
            first, second = (self.keys, self.values) if at_key else (self.values, self.keys)
            mark = first.get(part) or second.get(part)
            if mark is not None:
                return mark
        return (1, 1)

    def problem(self, loc: Loc, message: str, *, at_key: bool = False) -> Problem:
        line, column = self.position(loc, at_key=at_key)
        return Problem(message, self.path, line, column)


def read_yaml(path: Path) -> Located:
    """Read one YAML document from ``path``; raise :class:`InputError` if it is not usable."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block, a device never end
            raise InputError(
                Problem(
                    "is not a plain file (a folder, a FIFO or a device); goal and catalogue "
                    "files are plain YAML files",
                    path,
                )
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(Problem(f"cannot read the file: {exc.strerror}", path)) from None
    if len(data) > MAX_BYTES:
        size = max(info.st_size, len(data))
        raise InputError(
            Problem(
                f"the file is {size:,} bytes{' or more' if size == len(data) else ''}; goal "
                f"and catalogue files are limited to {MAX_BYTES:,} bytes. Split it or remove "
                "what is not needed",
                path,
            )
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            Problem(f"the file is not UTF-8 (byte {exc.start}); save it as UTF-8", path)
        ) from None
    return parse_yaml(text, path)


class RawInt(int):
    """A YAML integer with the text it was written as (``raw``)."""

    raw: str


class RawFloat(float):
    """A YAML float with the text it was written as: ``1.10`` keeps its two decimals."""

    raw: str


class AmbiguousNumber(str):
    """A scalar YAML 1.1 would turn into another number than it reads as (``010`` is 8,
    ``0x1F`` 31, ``1:30`` 90, ``1_000``): kept as the text written, so that an id or a
    title stays as written and a number is refused rather than rewritten."""


def as_written(value: object) -> object:
    """A parsed YAML value as plain data: numbers as the exact decimals written (``1.10``
    stays ``Decimal('1.10')``), text as text, mappings and lists item by item."""
    if isinstance(value, RawInt | RawFloat):
        return Decimal(value.raw)
    if isinstance(value, dict):
        return {str(k): as_written(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_written(v) for v in value]
    if isinstance(value, AmbiguousNumber):
        return str(value)
    return value


_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")


def _number(
    plain: re.Pattern[str], kind: type[RawInt] | type[RawFloat]
) -> Callable[[yaml.SafeLoader, yaml.ScalarNode], object]:
    """A constructor keeping a plain number's text beside its value, and any form YAML
    would rewrite as the text written."""

    def construct(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
        raw = str(node.value)
        if not plain.fullmatch(raw):
            return AmbiguousNumber(raw)
        value = kind(raw)
        value.raw = raw
        return value

    return construct


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, with numbers that keep the text they were written as."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same on libyaml, where PyYAML has it: the national clusters catalogue parses in
    0.01 s instead of 0.25 s. A file it refuses is parsed again by :class:`_Loader`, whose
    messages the user sees."""


for _kind in (_Loader, _FastLoader):
    _kind.add_constructor("tag:yaml.org,2002:int", _number(_PLAIN_INT, RawInt))
    _kind.add_constructor("tag:yaml.org,2002:float", _number(_PLAIN_FLOAT, RawFloat))

MAX_DEPTH = 100  # far deeper than any goal or catalogue file


def parse_yaml(text: str, path: Path) -> Located:
    if _FastLoader is not _Loader:
        try:
            return _parse(text, path, _FastLoader)
        except (InputError, yaml.YAMLError, RecursionError):
            pass  # said as the pure-Python loader says it
    return _parse(text, path, _Loader)


def _parse(text: str, path: Path, kind: type[yaml.SafeLoader]) -> Located:
    try:
        loader = kind(text)
    except yaml.reader.ReaderError as exc:
        raise InputError(_reader_problem(exc, text, path)) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError(
                Problem("the file is empty; a goal file is a mapping of keys", path, 1)
            )
        located = Located(path, None, text)
        budget = _Budget()
        _walk(node, (), located, budget)
        if budget.problems:
            raise InputError(budget.problems)
        located.data = loader.construct_document(node)
    except yaml.reader.ReaderError as exc:
        raise InputError(_reader_problem(exc, text, path)) from None
    except yaml.MarkedYAMLError as exc:
        raise InputError(_yaml_problem(exc, path)) from None
    except yaml.YAMLError as exc:
        raise InputError(Problem(f"YAML error: {exc}", path)) from None
    except RecursionError:
        raise InputError(
            Problem("the file is nested too deeply to be a goal or catalogue file", path)
        ) from None
    finally:
        if "loader" in locals():
            loader.dispose()
    return located


def _reader_problem(exc: yaml.reader.ReaderError, text: str, path: Path) -> Problem:
    """A character YAML does not allow (a control character), at its line and column."""
    before = text[: exc.position]
    line = before.count("\n") + 1
    column = exc.position - (before.rfind("\n") + 1) + 1
    return Problem(
        f"the file holds a control character (code {exc.character:#04x}) that YAML does not "
        "allow; remove it",
        path,
        line,
        column,
    )


class _Budget:
    def __init__(self) -> None:
        self.problems: list[Problem] = []  # text that cannot be printed safely, all of it
        self.left = MAX_NODES
        self.entry: tuple[int, int] = (1, 1)  # the top-level key being walked

    def spend(self, path: Path) -> None:
        self.left -= 1
        if self.left < 0:
            raise InputError(
                Problem(
                    f"the document expands to more than {MAX_NODES:,} values through "
                    "aliases (*name); refused. Write the values out instead of aliasing",
                    path,
                    *self.entry,
                )
            )


def _walk(node: yaml.Node, loc: Loc, out: Located, budget: _Budget) -> None:
    budget.spend(out.path)
    if len(loc) > MAX_DEPTH:
        raise RecursionError
    out.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if (found := control_character(key)) is not None:
                budget.problems.append(
                    Problem(
                        f"the key holds a control character ({found}); remove it",
                        out.path,
                        line,
                        key_node.start_mark.column + 1,
                    )
                )
            if key == "<<":
                raise InputError(
                    Problem("merge keys (<<) are not supported; write the keys out", out.path, line)
                )
            if key in seen:
                raise InputError(
                    Problem(
                        f"key '{key}' appears twice in this mapping (first on line {seen[key]})",
                        out.path,
                        line,
                        key_node.start_mark.column + 1,
                    )
                )
            seen[key] = line
            child = (*loc, key)
            out.keys[child] = (line, key_node.start_mark.column + 1)
            if not loc:
                budget.entry = out.keys[child]
            _walk(value_node, child, out, budget)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*loc, index), out, budget)
    elif isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
        found = control_character(node.value)
        if found is not None:
            budget.problems.append(
                Problem(
                    f"the text holds a control character ({found}), written with a YAML escape; "
                    "a goal file's text is printed as it is, so remove it",
                    out.path,
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                )
            )


def _yaml_problem(exc: yaml.MarkedYAMLError, path: Path) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    problem = exc.problem or "YAML error"
    if "'\\t'" in problem or "\\t" in problem:
        message = "a tab character is used for indentation; YAML indents with spaces only"
    elif isinstance(exc, yaml.constructor.ConstructorError) and "tag" in problem:
        found = re.search(r"'[^']+'", problem)
        tag = found.group() if found else problem
        message = (
            f"YAML tags that construct objects are not allowed ({tag}); "
            "a goal file holds plain text, numbers, lists and mappings"
        )
    else:
        context = f" {exc.context}" if exc.context else ""
        message = f"YAML syntax error:{context} {problem}".replace("  ", " ")
    return Problem(message, path, line, column)
