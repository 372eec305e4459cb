"""``beskplan init``: a new project folder that evaluates from its first minute.

The files come from the package's ``template`` folder: ``beskplan.toml``, an example
plan with comments, the illustrative figures it reads, and the CI workflow the
README shows. The goal-file schema is written beside the plan for editors.
Nothing is overwritten: when any of the files is there already, nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from beskplan.core.errors import InputError, Problem

TEMPLATE = Path(__file__).resolve().parent / "template"
EXAMPLE = "eksempel-2026"  # the example plan's id (goals/eksempel-2026.yaml in the template)
SCHEMA = Path("goals") / "beskplan.schema.json"


def files() -> dict[Path, bytes]:
    """Each file a new project gets, by its path inside the project."""
    from beskplan.plan.goalschema import render

    found = {
        path.relative_to(TEMPLATE): path.read_bytes()
        for path in sorted(TEMPLATE.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
    found[SCHEMA] = render().encode("utf-8")
    return found


def init(folder: Path) -> list[Path]:
    """Write a new project into ``folder`` (made if missing); the paths written."""
    from beskplan.core.output import write_atomic

    wanted = files()
    if folder.exists() and not folder.is_dir():
        raise InputError(Problem("is a file; give a folder for the new project", folder))
    there = [folder / name for name in wanted if (folder / name).exists()]
    if there:
        raise InputError(
            [Problem("is there already; init writes nothing over existing files", p) for p in there]
        )
    written = []
    for name, content in wanted.items():
        path = folder / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(
                Problem(f"cannot make the folder: {exc.strerror}", path.parent)
            ) from None
        write_atomic(path, content)
        written.append(path)
    return written
