from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from beskplan.cli import app

ROOT = Path(__file__).resolve().parent.parent
GOALS = ROOT / "goals"
DATA = ROOT / "data"


@pytest.fixture
def run() -> Callable[..., object]:
    """Run the command line in-process; returns the click Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def invoke(*args: str) -> object:
        return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})

    return invoke


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path
