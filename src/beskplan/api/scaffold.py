"""``beskplan init``: a new project folder that evaluates from its first minute.

The files come from the package's ``template`` folder: ``beskplan.toml``, the empty
``goals/`` and ``data/`` the project's own plans and extracts go in, the example
(``eksempel/``: a project of its own, an example plan with comments and the
illustrative figures it reads, so that the project's ``check`` never reads them), and
the CI workflow the README shows, which installs this beskplan, pinned, or what
``--requirement`` names. The goal-file schema is written beside the plans for editors.
Nothing is overwritten and nothing is written through a symbolic link: when anything
stands where the project's files go, nothing is written, and a write that fails on the
way removes what the run wrote.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from beskplan import __version__
from beskplan.core.errors import InputError, Problem

TEMPLATE = Path(__file__).resolve().parent / "template"
EXAMPLE = "eksempel-2026"  # the example plan's id
EXAMPLE_FOLDER = Path("eksempel")  # the example's own project: goals/eksempel-2026.yaml, data/
WORKFLOW = Path(".github") / "workflows" / "beskplan.yml"
SCHEMAS = (
    Path("goals") / "beskplan.schema.json",
    EXAMPLE_FOLDER / "goals" / "beskplan.schema.json",
)
# what the workflow's install step installs: a requirement pip takes (beskplan==0.1.0,
# a wheel's path or URL, git+https://...@tag); nothing that would end the quoted word
# in the shell or the YAML
_REQUIREMENT = re.compile(r"[A-Za-z0-9._~:/@+=<>!,\[\]#%?&-]{1,500}")
_MARK = b"@requirement@"


def pinned() -> str:
    """The requirement that installs the beskplan that writes the project."""
    return f"beskplan=={__version__}"


def files(requirement: str | None = None) -> dict[Path, bytes]:
    """Each file a new project gets, by its path inside the project; the workflow
    installs ``requirement`` (default: this version, pinned)."""
    from beskplan.plan.goalschema import render

    wanted = requirement if requirement is not None else pinned()
    if not _REQUIREMENT.fullmatch(wanted):
        raise InputError(
            Problem(
                f"--requirement {wanted!r}: not a requirement pip takes as one word; give "
                "beskplan==VERSION, a wheel's path or URL, or git+https://HOST/PATH@TAG "
                "(no spaces or quotes)"
            )
        )
    found = {
        path.relative_to(TEMPLATE): path.read_bytes()
        for path in sorted(TEMPLATE.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
    found[WORKFLOW] = found[WORKFLOW].replace(_MARK, wanted.encode("utf-8"))
    schema = render().encode("utf-8")
    for path in SCHEMAS:
        found[path] = schema
    return found


def init(folder: Path, requirement: str | None = None) -> list[Path]:
    """Write a new project into ``folder`` (made if missing); the paths written.

    Every path is checked before the first write: a file, folder or symbolic link (even
    one that points nowhere) where a file or folder of the project goes is refused, so that
    nothing is written through a link to outside the project. A write that fails on the
    way removes what this run wrote: a failed ``init`` leaves nothing behind.
    """
    from beskplan.core.output import make_folder, write_atomic

    wanted = files(requirement)
    problems = _in_the_way(folder, wanted)
    if problems:
        raise InputError(problems)
    made: list[Path] = []  # folders this run made, outermost first
    written: list[Path] = []
    try:
        for folder_needed in _folders(folder, wanted):
            if not os.path.lexists(folder_needed):
                make_folder(folder_needed)
                made.append(folder_needed)
        for name, content in wanted.items():
            write_atomic(folder / name, content)
            written.append(folder / name)
    except (InputError, OSError):
        for path in reversed(written):
            path.unlink(missing_ok=True)
        for path in reversed(made):
            with contextlib.suppress(OSError):
                path.rmdir()
        raise
    return written


def _folders(folder: Path, wanted: dict[Path, bytes]) -> list[Path]:
    """The project folder and every folder inside it that its files go in, outermost first."""
    inner = {parent for name in wanted for parent in name.parents if parent != Path()}
    return [folder, *(folder / p for p in sorted(inner, key=lambda p: (len(p.parts), p)))]


def _in_the_way(folder: Path, wanted: dict[Path, bytes]) -> list[Problem]:
    """What stands where the project's files and folders go (``lexists``: a link that
    points nowhere counts)."""
    if os.path.lexists(folder) and not folder.is_dir():
        return [Problem("is a file; give a folder for the new project", folder)]
    found: list[Problem] = []
    for path in _folders(folder, wanted)[1:]:
        if path.is_symlink():
            found.append(Problem("is a symbolic link; init writes no project through it", path))
        elif os.path.lexists(path) and not path.is_dir():
            found.append(Problem("is a file where the project's folder goes; move it", path))
    for name in wanted:
        path = folder / name
        if any(parent.is_symlink() or parent.is_file() for parent in _inside(folder, path)):
            continue  # said above, for the folder
        if path.is_symlink():
            found.append(Problem("is a symbolic link; init writes nothing through it", path))
        elif os.path.lexists(path):
            found.append(Problem("is there already; init writes nothing over existing files", path))
    return found


def _inside(folder: Path, path: Path) -> list[Path]:
    """The folders between ``folder`` and ``path``."""
    return [p for p in path.parents if p != folder and folder in p.parents]
