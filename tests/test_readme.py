"""The README tells the truth: its CI example runs, and every command is documented."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

from beskplan.api.scaffold import WORKFLOW, files
from beskplan.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_ci_example_is_the_workflow_init_writes() -> None:
    """The README shows what init writes, pinned to this version (tests/test_workflow.py
    runs it)."""
    section = README.split("## Use in CI", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, flags=re.DOTALL)
    assert block is not None
    assert block.group(1).encode("utf-8") == files()[WORKFLOW]


def test_every_command_is_documented() -> None:
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    for name in names:
        assert f"beskplan {name}" in README, name


def test_the_python_api_example_runs() -> None:
    section = README.split("## Python API", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```python\n(.*?)```", section, flags=re.DOTALL)
    assert block is not None
    result = subprocess.run(
        [sys.executable, "-c", block.group(1)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 8 and lines[0].startswith("A ")  # Frederiksberg 2019 has goals A to H


def test_the_opening_sample_is_the_real_output(run: Any) -> None:
    """The first console block is what ``beskplan evaluate frederiksberg-2019`` prints to a
    terminal of 100 columns, character for character (trailing blanks aside); the pipe's
    full-width table is held by the golden file of the table format."""
    import io

    from rich.console import Console

    from beskplan.api import Project
    from beskplan.render import Options, render

    block = re.search(
        r"```console\n\$ beskplan evaluate frederiksberg-2019\n(.*?)```", README, re.DOTALL
    )
    assert block is not None
    assert run("evaluate", "frederiksberg-2019").exit_code == 0
    project = Project.open()
    report = project.evaluate(project.plan("frederiksberg-2019"))
    out = io.StringIO()
    terminal = Console(width=100, force_terminal=True, no_color=True, color_system=None, file=out)
    shown = render("evaluation", "table", report, Options())
    assert shown.paint is not None
    shown.paint(terminal)
    printed = "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"
    assert block.group(1) == printed
    assert max(len(line) for line in printed.splitlines()) <= 100
