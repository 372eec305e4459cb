"""``beskplan init``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from beskplan.cli import QuietOption, _fail, app


@app.command()
def init(
    folder: Annotated[
        Path, typer.Argument(help="The project folder (made if missing). Default: here.")
    ] = Path(),
    quiet: QuietOption = False,
) -> None:
    """Make a project: beskplan.toml, goals/ with an example plan, data/ with its figures
    (illustrative) and a CI workflow. Nothing is overwritten."""
    from beskplan.api import init as make
    from beskplan.api.scaffold import EXAMPLE
    from beskplan.core.errors import InputError

    try:
        written = make(folder)
    except InputError as exc:
        _fail(exc)
    if not quiet:
        for path in written:
            sys.stdout.write(f"{path}\n")
        where = "" if folder == Path() else f"cd {folder} && "
        sys.stdout.write(f"next: {where}beskplan evaluate {EXAMPLE}\n")
