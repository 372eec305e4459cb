"""The command line: parse options, call :mod:`beskplan.api`, render, exit.

The commands live in modules named for what they do (``evaluating``, ``comparing``,
``publishing``, ``listing``, ``fetching``); this module holds the app, the shared
options and the few helpers every command uses. ``--format`` choices come from
the renderer registry (:mod:`beskplan.render`).

Exit codes: 0 done; 1 with ``--strict`` when a goal is unmet or has no data
(and with ``diff --exit-code`` when the plans differ); 2 for bad input (goal
file, data or options), one line per problem. Heavy modules are imported inside
the commands so that ``--help`` stays fast.

The top stage. May import: everything below it.
"""

from __future__ import annotations

import importlib
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeAlias

import typer

from beskplan import __version__

if TYPE_CHECKING:
    from beskplan.api import Progress, Project
    from beskplan.core.errors import InputError
    from beskplan.core.periods import Choice
    from beskplan.core.words import Lang as Language
    from beskplan.evaluation.results import Report
    from beskplan.plan.goalfile import Plan
    from beskplan.render import Rendered

    # the choices are made from the renderer registry at run time; to the type checker they
    # are string enumerations
    Format: TypeAlias = StrEnum
    DiffFormat: TypeAlias = StrEnum
    ListFormat: TypeAlias = StrEnum
    ReportFormat: TypeAlias = StrEnum
    Lang: TypeAlias = StrEnum
else:
    from beskplan.render import choices

    Format = choices("Format", "evaluation", "municipalities", "timeline")
    DiffFormat = choices("DiffFormat", "diff")
    ListFormat = choices("ListFormat", "plans", "overview")
    ReportFormat = choices("ReportFormat", "report")
    from beskplan.core.words import LANGS

    Lang = StrEnum("Lang", {lang: lang for lang in LANGS})

# the defaults of the options below
TABLE = Format("table")
DIFF_TABLE = DiffFormat("table")
LIST_TABLE = ListFormat("table")
HTML = ReportFormat("html")

app = typer.Typer(
    name="beskplan",
    help="Follow up the goals of a Danish employment plan (beskæftigelsesplan) "
    "against Jobindsats data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # plain help, as click writes it: rich's help formatting costs more than the stack's import
    rich_markup_mode=None,
)

DataOption = Annotated[
    Path | None,
    typer.Option(
        help="Directory of extracts. Default: BESKPLAN_DATA, else the project file's, else "
        "the bundled data."
    ),
]
GoalsOption = Annotated[
    Path | None,
    typer.Option(
        help="Directory of goal files. Default: BESKPLAN_GOALS, else the project file's, else "
        "the bundled goals."
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", help="Output format.")]
DiffFormatOption = Annotated[DiffFormat, typer.Option("--format", help="Output format.")]
ListFormatOption = Annotated[ListFormat, typer.Option("--format", help="Output format.")]
LangOption = Annotated[
    Lang | None,
    typer.Option(
        help="Language of tables and explanations. Default: the project file's, else da.",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(help="Write the report to this file (atomically) instead of standard output."),
]
PlansOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        help="Write the report to this file (atomically) instead of standard output; {plan} "
        "in the name is each plan's id, so that several plans write a file each "
        "(reports/{plan}.json).",
    ),
]
ExcelOption = Annotated[
    bool,
    typer.Option(
        "--excel",
        help="With --format csv: ';' between fields, decimal commas and a byte-order mark, "
        "as Danish Excel opens a CSV file.",
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print nothing; the exit code tells.")
]
NoColorOption = Annotated[
    bool, typer.Option("--no-color", help="No colours (also when NO_COLOR is set).")
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Parse every extract again; do not use the cache.")
]
PeriodOption = Annotated[
    str | None,
    typer.Option(
        help="Evaluation period (2018M06, 2024Q01, 2021QMAT02, 2019), 'latest' (the newest "
        "period at which every goal has the municipality's figure) or 'newest' (each goal at "
        "its own newest figure). Default: the plan's."
    ),
]
PlansArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Plan ids from the goals directory, or paths to .yaml files.", show_default=False
    ),
]
AllPlansOption = Annotated[
    bool, typer.Option("--all-plans", help="Every plan in the goals directory.")
]
CompareOption = Annotated[
    str | None,
    typer.Option(
        help="Also show each goal's status and value at this period, beside: a period, "
        "previous (one step of the evaluated period's frequency earlier: the quarter before "
        "a quarter; under --period newest, each goal's own) or year-ago."
    ),
]


def _earlier(project: Project, plan: Plan, report: Report, compare: str | None) -> Report | None:
    """The plan at the period ``--compare`` names, beside ``report``; ``None`` without it."""
    from beskplan.evaluation.timing import RELATIVE

    how = compare.strip().lower() if compare is not None else None
    if how in RELATIVE:
        return project.earlier(plan, report, how)
    at = _period(compare, "--compare")
    return project.evaluate(plan, at) if at is not None else None


def _plans(project: Project, names: list[str] | None, all_plans: bool) -> list[Plan]:
    """The plans named, or with ``--all-plans`` every plan in the goals folder (none is a
    note, not an error: a new project's pipeline has nothing to do yet)."""
    from beskplan.core.errors import InputError, Problem

    _one_of(names, all_plans)
    if not names and not all_plans:
        raise InputError(
            Problem(
                "give a plan id or the path of a goal file (beskplan plans lists them), "
                "or --all-plans"
            )
        )
    chosen = project.plans(names or [])
    if not chosen:
        sys.stderr.write(f"note: no plans in {project.goals}: nothing to do\n")
    return chosen


def _one_of(names: list[str] | None, all_plans: bool) -> None:
    """Plan ids and ``--all-plans`` are refused together."""
    from beskplan.core.errors import InputError, Problem

    if names and all_plans:
        raise InputError(Problem("give plan ids or --all-plans, not both"))


def _outputs(output: Path | None, plans: list[Plan], joinable: bool) -> list[Path | None]:
    """Where each plan's output goes: ``--output`` with ``{plan}`` in it names a file per
    plan; several plans to one place only where their outputs read one after another
    (a table, Markdown) on the terminal."""
    from beskplan.core.errors import InputError, Problem

    if output is not None and "{plan}" in output.name:
        return [output.with_name(output.name.replace("{plan}", plan.id)) for plan in plans]
    if len(plans) > 1 and (output is not None or not joinable):
        raise InputError(
            Problem(
                f"{len(plans)} plans make {len(plans)} reports: give --output with {{plan}} in "
                "the file name (reports/{plan}.json), which each plan's id replaces"
            )
        )
    return [output] * len(plans)


def _fail(error: InputError) -> NoReturn:
    for problem in error.problems:
        sys.stderr.write(f"{problem}\n")
    raise typer.Exit(2)


def _period(text: str | None, option: str = "--period") -> Choice:
    """``None``, ``latest``, ``newest`` or a parsed period; a bad one is an input error."""
    from beskplan.core.errors import InputError, Problem
    from beskplan.core.periods import PeriodError, parse_choice

    try:
        return parse_choice(text)
    except PeriodError as exc:
        raise InputError(Problem(f"{option}: {exc}")) from None


def _excel(excel: bool, format: StrEnum) -> bool:
    """``--excel``, refused where the output is not CSV."""
    from beskplan.core.errors import InputError, Problem

    if excel and format.value != "csv":
        raise InputError(
            Problem(
                f"--excel goes with --format csv (for a workbook, --format xlsx), not "
                f"{format.value}"
            )
        )
    return excel


def _lang(choice: StrEnum | None) -> Language:
    """``--lang``, else the project file's ``lang``, else Danish."""
    from beskplan.render.wording import language

    if choice is not None:
        return language(choice.value)
    from beskplan.api.settings import find

    found = find()
    return language(found.lang if found and found.lang else "da")


def _project(
    goals: Path | None, data: Path | None, no_cache: bool = False, bundled_only: bool = False
) -> Project:
    """The folders the flags, the environment or the project file choose."""
    from beskplan.api import Project

    return Project.find(goals, data, use_cache=not no_cache, bundled_only=bundled_only)


def _progress(label: str) -> Progress:
    """A progress bar on a terminal for ``label`` (nothing on a pipe)."""
    from beskplan.core.output import progress

    return lambda total: progress(total, label)


def _deliver(
    rendered: Rendered, output: Path | None, quiet: bool = False, no_color: bool = False
) -> None:
    """Rendered output to the terminal or, atomically, to ``--output``; files it brings
    (a Markdown report's charts) beside it."""
    from beskplan.core.errors import InputError, Problem
    from beskplan.core.output import console, make_folder
    from beskplan.core.output import rendered as rendered_text

    if rendered.files:
        if output is None:
            raise InputError(
                Problem("--format markdown writes chart files beside the report: give --output")
            )
        folder = output.with_name(output.stem + "-charts")
        make_folder(folder, "the charts go")
        for name, content in rendered.files.items():
            _write(folder / name, content)
    if rendered.data is not None:
        if output is None:
            raise InputError(
                Problem("--format xlsx writes a workbook, not text: give --output FILE.xlsx")
            )
        _write(output, rendered.data)
        return
    if rendered.paint is not None:
        if output is not None:
            _write(output, rendered_text(rendered.paint))
        elif not quiet:
            shown = console(no_color)
            if shown.is_terminal:
                rendered.paint(shown)
            else:  # a pipe: plain lines, no trailing blanks
                sys.stdout.write(rendered_text(rendered.paint, shown.width))
        return
    text = rendered.text or ""
    if output is not None:
        _write(output, text)
    elif not quiet:
        sys.stdout.write(text)


def _write(path: Path, text: str | bytes) -> None:
    """``--output``'s file, through the one writer; its problems name the option."""
    from dataclasses import replace

    from beskplan.core.errors import InputError
    from beskplan.core.output import write_atomic

    try:
        write_atomic(path, text)
    except InputError as exc:
        raise InputError(
            [replace(p, message=f"--output: {p.message}") for p in exc.problems]
        ) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"beskplan {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Follow up the goals of a Danish employment plan against Jobindsats data."""


def main() -> None:
    import atexit
    import gc
    import os
    import signal

    # a command's objects are mostly modules, classes and functions that live as long as
    # the process, and the rest is freed by reference counting: with Python's default
    # threshold (700) the cycle collector ran about 130 times in a run, scanning them all
    # again (55-90 ms of a command here, against 17 ms for the stack's imports alone).
    # It still runs, after 200,000 new objects.
    gc.set_threshold(200_000)
    # At exit the objects still alive are left to the operating system: the collections
    # of interpreter shutdown would scan them all for nothing (0.08 s of a bundled run).
    # Files are closed and exit handlers run as before.
    atexit.register(gc.freeze)

    # the command line builds only beskplan's own models, which no pydantic plugin is for;
    # looking for plugins scans every installed distribution's entry points (15-20 ms of a
    # command here, more in a large environment). Typer builds its adapters the same way.
    # A value already set is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

    # past the file-size limit a write fails with an error to report, not a killed process
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    # a terminated run cleans up as an interrupted one does (temporary copies, partial files)
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    app()


# the commands register themselves on the app, in the order --help lists them
for _module in ("evaluating", "comparing", "publishing", "listing", "fetching", "starting"):
    importlib.import_module(f"beskplan.cli.{_module}")
