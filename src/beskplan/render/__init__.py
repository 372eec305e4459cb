"""The registry of renderers: by document kind, then by format, one signature for all.

A renderer is ``render(document, options) -> Rendered``: a pure function of the
document (a report, a diff, a list of plans, ...) that never decides a verdict.
It gives text (JSON, CSV, Markdown, JUnit, HTML), or a table to draw on a console
(``paint``), and may give files to write beside the text (a Markdown report's
charts). The command line builds its ``--format`` choices from :data:`RENDERERS`;
adding a format is a function in a module here and one line in the table.

Entries name ``module:function`` and are imported when used, so that ``--help``
imports no renderer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, cast

from beskplan.errors import InputError, Problem

if TYPE_CHECKING:
    from rich.console import Console

    from beskplan.extracts.reading import Reading
    from beskplan.results import Report
    from beskplan.words import Lang

RENDERERS: dict[str, dict[str, str]] = {
    "evaluation": {
        "table": "table:evaluation",
        "json": "json:evaluation",
        "csv": "csv:evaluation",
        "markdown": "markdown:evaluation",
        "junit": "junit:evaluation",
    },
    "municipalities": {
        "table": "wide:municipalities_table",
        "json": "wide:municipalities_json",
        "csv": "wide:municipalities_csv",
    },
    "timeline": {
        "table": "wide:timeline_table_",
        "json": "wide:timeline_json",
        "csv": "wide:timeline_csv_",
    },
    "diff": {
        "table": "difference:table",
        "json": "difference:json",
        "csv": "difference:csv",
        "markdown": "difference:markdown",
        "junit": "difference:junit",
    },
    "plans": {"table": "listing:plans_table", "json": "listing:plans_json"},
    "overview": {"table": "listing:overview_table", "json": "listing:overview_json"},
    "report": {"html": "html:report", "markdown": "mdreport:report"},
}


@dataclass(frozen=True)
class Options:
    """What every renderer may be told besides the document."""

    lang: Lang = "da"
    previous: Report | None = None  # the same plan at another period, shown beside
    trend: bool = False  # a small chart of each goal's recent values
    members: Mapping[str, Sequence[Reading]] = field(default_factory=dict)  # goal id -> figures
    charts: str = "charts"  # the folder a Markdown report's charts are written to


@dataclass(frozen=True)
class Rendered:
    """Text, a table to draw on a console, and files to write beside the text."""

    text: str | None = None
    paint: Callable[[Console], None] | None = None
    files: Mapping[str, str] = field(default_factory=dict)


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
    module, name = found.split(":")
    function: Callable[[object, Options], Rendered] = getattr(
        importlib.import_module(f"beskplan.render.{module}"), name
    )
    return function(document, options)


def registered() -> Iterable[tuple[str, str, str]]:
    """Every (kind, format, module:function) in the registry."""
    for kind, table in RENDERERS.items():
        for format, target in table.items():
            yield kind, format, target
