from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from beskplan.cli import app

ROOT = Path(__file__).resolve().parent.parent
GOALS = ROOT / "goals"
DATA = ROOT / "data"
# real Jobindsats data beside the project, where it is (a user's clone has none)
REAL = ROOT.parent / "shared" / "real"


GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(autouse=True)
def _cache_in_tmp(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never write to the user's cache folder, nor read the user's project choices."""
    monkeypatch.setenv("BESKPLAN_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("BESKPLAN_GOALS", raising=False)
    monkeypatch.delenv("BESKPLAN_DATA", raising=False)
    # reports say when they were made: at a fixed time, as a reproducible build makes them
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1781000000")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files under tests/golden from the current output",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/NAME, or rewrite the file with --update-golden."""
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {name}: run pytest --update-golden and review it"
        assert text == path.read_text(encoding="utf-8"), f"output differs from golden file {name}"

    return check


@pytest.fixture
def run() -> Callable[..., object]:
    """Run the command line in-process; returns the click Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def invoke(*args: str) -> object:
        return runner.invoke(app, list(args), env={"COLUMNS": None, "NO_COLOR": "1"})

    return invoke


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path
