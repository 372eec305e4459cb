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
    requirement: Annotated[
        str | None,
        typer.Option(
            help="What the CI workflow installs, where beskplan is not on the package index "
            "it uses: a wheel's path or URL, or git+https://HOST/PATH@TAG. Default: "
            "beskplan==<this version>.",
            show_default=False,
        ),
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Make a project: beskplan.toml, goals/ and data/ for your plans and extracts, an
    example in eksempel/ (a plan and its illustrative figures) and a CI workflow. Nothing
    is overwritten."""
    from beskplan.api import init as make
    from beskplan.api.scaffold import EXAMPLE, EXAMPLE_FOLDER
    from beskplan.core.errors import InputError

    try:
        written = make(folder, requirement)
    except InputError as exc:
        _fail(exc)
    if not quiet:
        for path in written:
            sys.stdout.write(f"{path}\n")
        sys.stdout.write(
            f"next: cd {folder / EXAMPLE_FOLDER} && beskplan evaluate {EXAMPLE}   (the example)\n"
            f"      your plans go in {folder / 'goals'}, their extracts in {folder / 'data'}\n"
        )
