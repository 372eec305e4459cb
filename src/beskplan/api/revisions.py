"""A plan's goal file as it was at a revision of the project's git repository.

``beskplan diff randers-2026@HEAD~1 randers-2026`` compares the plan the committee
adopted last with the one in the working tree: ``PLAN@REV`` reads
``GOALS/PLAN.yaml`` at ``REV`` (a commit, ``HEAD~1``, a tag) with ``git show``.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from beskplan.core.errors import InputError, Problem
from beskplan.core.yamlfile import Located, parse_yaml

AT_REVISION = re.compile(r"(?P<plan>[^@/\\]+?)(?:\.ya?ml)?@(?P<rev>[^\s:]+)")
MAX_BYTES = 1024 * 1024  # as a goal file read from disk


def split(name: str) -> tuple[str, str] | None:
    """``(plan, revision)`` for ``PLAN@REV``; ``None`` for anything else."""
    found = AT_REVISION.fullmatch(name)
    return (found["plan"], found["rev"]) if found else None


def at_revision(goals: Path, plan: str, rev: str) -> Located:
    """The goal file ``goals/plan.yaml`` as it was at ``rev``, parsed; its messages name it
    ``goals/plan.yaml@rev``."""
    name = f"{plan}.yaml"
    shown = Path(f"{goals / name}@{rev}")
    if not goals.is_dir():
        raise InputError(Problem("the goals folder does not exist", goals))
    try:
        done = subprocess.run(
            ["git", "-C", str(goals), "show", f"{rev}:./{name}"],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except FileNotFoundError:
        raise InputError(
            Problem(
                f"{plan}@{rev} reads the plan from git, and git is not installed; install git, "
                "or save the old version as a file (git show REV:PATH > old.yaml) and diff that",
                goals,
            )
        ) from None
    except subprocess.TimeoutExpired:
        raise InputError(Problem(f"git show {rev}:{name} took over a minute", goals)) from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = said[0].removeprefix("fatal: ").rstrip(".") if said else f"exit {done.returncode}"
        raise InputError(
            Problem(
                f"cannot read {name} at revision '{rev}': {reason}. PLAN@REV reads the goal file "
                "from the git repository the goals folder is in, at a commit, HEAD~1 or a tag",
                goals,
            )
        )
    if len(done.stdout) > MAX_BYTES:
        raise InputError(Problem("the goal file is over 1 MB at that revision", shown))
    try:
        text = done.stdout.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(Problem("the goal file is not UTF-8 at that revision", shown)) from None
    return parse_yaml(text, shown)
