"""The command line as a whole: a light start, and running from anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def _python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"} | {"COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_help_does_not_import_polars(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from beskplan.cli import app\n"
        "try:\n"
        "    app(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('polars' in sys.modules)\n"
    )
    result = _python(code, tmp_path)
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_runs_from_another_directory_as_a_module(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "beskplan", "evaluate", "frederiksberg-2019", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["met"] == 6
