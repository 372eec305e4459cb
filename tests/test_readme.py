"""The README tells the truth: its CI example runs, and every command is documented."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from pytest_httpserver import HTTPServer

from beskplan.api.scaffold import files, init
from beskplan.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _ci_workflow() -> dict[str, object]:
    section = README.split("## Use in CI", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, flags=re.DOTALL)
    assert block is not None
    return yaml.safe_load(block.group(1))  # type: ignore[no-any-return]


def test_the_ci_example_is_the_workflow_init_writes() -> None:
    section = README.split("## Use in CI", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, flags=re.DOTALL)
    assert block is not None
    assert block.group(1).encode("utf-8") == files()[Path(".github/workflows/beskplan.yml")]


def test_the_ci_example_runs(tmp_path: Path, httpserver: HTTPServer) -> None:
    """Every step runs in a project made by init; the fetch asks a local server that lists no
    tables, so writes nothing."""
    httpserver.expect_request("/v3/tables").respond_with_json([])
    init(tmp_path)
    workflow = _ci_workflow()
    steps = workflow["jobs"]["goals"]["steps"]  # type: ignore[index]
    runs = [s for s in steps if "run" in s and not s["run"].startswith("python -m pip")]
    assert any("--strict" in s["run"] for s in runs)
    fetches = [s for s in runs if s["run"].startswith("beskplan fetch")]
    assert (
        fetches and fetches[0]["env"]["JOBINDSATS_API_KEY"] == "${{ secrets.JOBINDSATS_API_KEY }}"
    )
    assert runs.index(fetches[0]) < min(i for i, s in enumerate(runs) if "evaluate" in s["run"])
    for step in runs:
        command = step["run"]
        args = shlex.split(command)
        if args[0] == "beskplan":
            args = [sys.executable, "-m", "beskplan", *args[1:]]
        env = {
            **os.environ,
            **step.get("env", {}),
            "JOBINDSATS_API_KEY": "a-key-for-the-local-server",
            "BESKPLAN_JOBINDSATS_URL": httpserver.url_for("/v3"),
        }
        result = subprocess.run(
            args, cwd=tmp_path, capture_output=True, text=True, check=False, env=env
        )
        expected = 1 if "--strict" in args else 0  # the example plan misses goals 1 and 2
        assert result.returncode == expected, (command, result.stderr)
    assert (
        (tmp_path / "reports" / "eksempel-2026.xml").read_text(encoding="utf-8").startswith("<?xml")
    )
    uploads = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact")]
    assert uploads and uploads[0]["if"] == "always()"


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
