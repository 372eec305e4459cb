"""``beskplan fetch``: the tables a plan reads, from the Jobindsats API into the data directory."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated

import typer

from beskplan.cli import (
    AllPlansOption,
    DataOption,
    GoalsOption,
    PlansArgument,
    QuietOption,
    _fail,
    _plans,
    _project,
    app,
)

if TYPE_CHECKING:
    from beskplan.fetch.needs import Need


@app.command()
def fetch(
    plan: PlansArgument = None,
    all_plans: AllPlansOption = False,
    data: DataOption = None,
    goals: GoalsOption = None,
    periods: Annotated[
        str | None,
        typer.Option(
            help="latest:N (the newest N periods) or FROM..TO (2018M01..2019M12). Default: from "
            "the earliest period a goal reads (at its period or baseline) to the newest published."
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the data requests; fetch and write nothing.")
    ] = False,
    quiet: QuietOption = False,
) -> None:
    """Fetch every Jobindsats table the plans read, with JOBINDSATS_API_KEY from the environment.

    Each table's answer is written as received to DATA/<TABLE>.json (atomically), and
    DATA/fetch.json records each request, its time, periods, rows and SHA-256.
    """
    from beskplan.core.errors import InputError
    from beskplan.core.output import progress
    from beskplan.fetch import fetch as run
    from beskplan.fetch.client import (
        KEY_VARIABLE,
        Client,
        base_source,
        base_url,
        key_from_environment,
    )
    from beskplan.fetch.query import Periods

    try:
        project = _project(goals, data)
        folder = project.data
        chosen = Periods.parse(periods)
        loaded = _plans(project, plan, all_plans)
        if not loaded:
            return
        if dry_run and not os.environ.get(KEY_VARIABLE, "").strip():
            _needs_without_key(project.needs(loaded))
            return
        key = key_from_environment()
        client = Client(key, base_url(), source=base_source())
        outcome = run(
            project.needs(loaded),
            folder,
            client,
            chosen,
            dry_run,
            lambda n: progress(n, "Jobindsats"),
        )
    except InputError as exc:
        _fail(exc)
    for note in outcome.notes:
        sys.stderr.write(f"note: {note}\n")
    if quiet:
        return
    for request in outcome.planned:
        sys.stdout.write(f"{request}\n")
    for item in outcome.fetched:
        span = f"{item.periods[0]}–{item.periods[-1]}" if item.periods else "no periods"
        sys.stdout.write(f"{folder / item.file}: {item.rows} rows, {span}\n")
    if outcome.own_data:
        sys.stdout.write(f"own data, not fetched: {', '.join(outcome.own_data)}\n")


def _needs_without_key(wanted: Mapping[str, Need]) -> None:
    """``--dry-run`` without a key: what the plans need of each table; the exact requests
    are built from the API's metadata, which the key opens."""
    from beskplan.core.periods import Period

    for need in sorted(wanted.values(), key=lambda n: n.table.casefold()):
        periods = ", ".join(p.code for p in sorted(need.periods, key=Period.sort_key))
        where = "; ".join(
            f"{dimension}: {', '.join(sorted(categories))}"
            for dimension, categories in sorted(need.categories.items())
        )
        said = f"{need.table}: periods {periods}" + (f"; {where}" if where else "")
        sys.stdout.write(f"{said} (read by {', '.join(need.readers)})\n")
    sys.stderr.write(
        "note: JOBINDSATS_API_KEY is not set, so these are what the plans need, not the "
        "requests: those are built from each table's metadata, which takes the key\n"
    )
