"""The command line as a whole: a light start, and running from anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def _python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"} | {"COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def _around_a_command(before: str, after: str, cwd: Path) -> str:
    """The last line ``after`` prints, in a process that imports the command line, runs
    ``before``, and then ``main`` as the entry point does, on the bundled plan."""
    code = (
        "import sys\n"
        "from beskplan.cli import main\n"
        f"{before}"
        "sys.argv = ['beskplan', 'evaluate', 'frederiksberg-2019', '--format', 'json']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"{after}"
    )
    result = _python(code, cwd)
    assert result.stdout.strip(), result.stderr
    return result.stdout.strip().splitlines()[-1]


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


@pytest.mark.parametrize("preset", [None, ""])
def test_a_command_does_not_scan_for_pydantic_plugins_unless_asked(
    preset: str | None, tmp_path: Path
) -> None:
    """Pydantic looks for plugins in every installed distribution's entry points; the
    command line skips that, unless PYDANTIC_DISABLE_PLUGINS is set (empty: plugins on)."""
    before = (
        "import os, importlib.metadata as metadata\n"
        f"preset = {preset!r}\n"
        "if preset is not None:\n"
        "    os.environ['PYDANTIC_DISABLE_PLUGINS'] = preset\n"
        "scans = []\n"
        "found = metadata.distributions\n"
        "metadata.distributions = lambda *a, **k: scans.append(1) or found(*a, **k)\n"
    )
    scans = _around_a_command(before, "print(len(scans))\n", tmp_path)
    assert scans == ("0" if preset is None else "1")


def test_the_cycle_collector_seldom_runs_in_a_command(tmp_path: Path) -> None:
    """With Python's default threshold it ran about 100 times in this command."""
    before = (
        "import gc\n"
        "runs = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'start' and runs.append(1))\n"
    )
    assert int(_around_a_command(before, "print(len(runs))\n", tmp_path)) <= 3


def test_the_objects_alive_at_exit_are_not_collected_again(tmp_path: Path) -> None:
    """A last collection at exit scanned every module, class and frame still alive."""
    after = (
        "import atexit, gc\n"
        "before = gc.get_freeze_count()\n"
        "atexit._run_exitfuncs()\n"
        "print(before, gc.get_freeze_count(), len(gc.get_objects()))\n"
    )
    before, frozen, left = map(int, _around_a_command("", after, tmp_path).split())
    assert before == 0
    # all but the few objects made since are out of the collector's reach
    assert frozen > 50_000
    assert left < 100


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


def test_a_terminated_run_leaves_no_temporary_copy(tmp_path: Path) -> None:
    """A Windows-1252 extract is read from a UTF-8 copy in a temporary folder; SIGTERM,
    as SIGINT, removes it."""
    import signal
    import time

    data = tmp_path / "data"
    data.mkdir()
    rows = "".join(f"Kommune {i} Køge;2020;1,{i % 10}\n" for i in range(400_000))
    (data / "T.csv").write_bytes(("Område;Periode;Andel (pct.)\n" + rows).encode("cp1252"))
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "plan: p\ntitle: P\nmunicipality: Kommune 1 Køge\nperiod: 2020\ngoals:\n  - id: A\n"
        "    title: A\n    measure: {table: T, column: Andel (pct.)}\n    better: lower\n"
        "    rule: national\n",
        encoding="utf-8",
    )
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "BESKPLAN_CACHE": str(tmp_path / "cache")}
    process = subprocess.Popen(
        [sys.executable, "-m", "beskplan", "evaluate", str(plan), "--data", str(data)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not any(scratch.iterdir()) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if process.poll() is not None:
        pytest.skip("the run ended before its temporary copy could be seen")
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)
    assert process.returncode != 0
    assert list(scratch.iterdir()) == []
