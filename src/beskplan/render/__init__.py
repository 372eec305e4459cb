"""The registry of renderers: by document kind, then by format, one signature for all.

A renderer is ``render(document, options) -> Rendered``: a pure function of the
document (a report, a diff, a list of plans, ...) that never decides a verdict.
It gives text (JSON, CSV, Markdown, JUnit, HTML), a table to draw on a console
(``paint``) or a binary file (``data``: an Excel workbook), and may give files to
write beside the text (a Markdown report's charts). The command line builds its
``--format`` choices from :data:`RENDERERS`; adding a format is a function in a
module here and one line in the table.

Entries name the module whose ``RENDERS`` table holds the renderer by (kind,
format); a module is imported when used, so that ``--help`` imports no renderer.

The output stage, with :mod:`~beskplan.render.wording` and
:mod:`~beskplan.render.verdicts` (results in words) and :mod:`~beskplan.render.charts`.
May import: ``evaluation`` and everything below it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, cast

from beskplan.core.errors import InputError, Problem

if TYPE_CHECKING:
    from rich.console import Console

    from beskplan.core.words import Lang
    from beskplan.evaluation.results import Report
    from beskplan.extracts.reading import Reading

# kind -> format -> the module whose RENDERS table has the kind's renderer
RENDERERS: dict[str, dict[str, str]] = {
    "evaluation": {
        "table": "table",
        "json": "json",
        "csv": "csv",
        "markdown": "markdown",
        "junit": "junit",
        "xlsx": "xlsx",
    },
    "municipalities": {"table": "widetable", "json": "wide", "csv": "wide", "xlsx": "xlsx"},
    "timeline": {"table": "widetable", "json": "wide", "csv": "wide", "xlsx": "xlsx"},
    "diff": {
        "table": "difference",
        "json": "difference",
        "csv": "difference",
        "markdown": "difference",
        "junit": "difference",
        "xlsx": "xlsx",
    },
    "plans": {"table": "listing", "json": "listing"},
    "overview": {"table": "listing", "json": "listing"},
    "report": {"html": "html", "markdown": "mdreport", "xlsx": "xlsx"},
}


@dataclass(frozen=True)
class Options:
    """What every renderer may be told besides the document."""

    lang: Lang = "da"
    previous: Report | None = None  # the same plan at another period, shown beside
    trend: bool = False  # a small chart of each goal's recent values
    members: Mapping[str, Sequence[Reading]] = field(default_factory=dict)  # goal id -> figures
    charts: str = "charts"  # the folder a Markdown report's charts are written to
    excel: bool = False  # CSV as Danish Excel opens it: ';', decimal commas, a byte-order mark
    history: int = 8  # quarters in the report's goal × quarter table


@dataclass(frozen=True)
class Rendered:
    """Text, a table to draw on a console, or a binary file (a workbook); and files to write
    beside the text."""

    text: str | None = None
    paint: Callable[[Console], None] | None = None
    files: Mapping[str, str] = field(default_factory=dict)
    data: bytes | None = None


def formats(*kinds: str) -> tuple[str, ...]:
    """The formats the kinds of document are rendered in, in the registry's order."""
    return tuple(dict.fromkeys(f for kind in kinds for f in RENDERERS[kind]))


def choices(name: str, *kinds: str) -> type[StrEnum]:
    """The formats of ``kinds`` as an enumeration, for a command-line option."""
    values = {value: value for value in formats(*kinds)}
    made: type[StrEnum] = cast(Any, StrEnum)(name, values)
    return made


def render(kind: str, format: str, document: object, options: Options) -> Rendered:
    """``document`` rendered as ``format``; a format the kind has not is an input error."""
    found = RENDERERS[kind].get(format)
    if found is None:
        known = list(RENDERERS[kind])
        raise InputError(
            Problem(
                f"--format {format} is not available here; use "
                + ", ".join(known[:-1])
                + f" or {known[-1]}"
            )
        )
    module = importlib.import_module(f"beskplan.render.{found}")
    table: Mapping[tuple[str, str], Callable[[Any, Options], Rendered]] = module.RENDERS
    return table[(kind, format)](document, options)
