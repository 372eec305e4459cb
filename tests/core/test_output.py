"""Writing reports: atomic files, quiet runs, no colour codes off a terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from beskplan.core import output


def test_output_replaces_the_file(run: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")
    assert (
        run("evaluate", "frederiksberg-2019", "--format", "json", "--output", str(out)).exit_code
        == 0
    )
    assert out.read_text(encoding="utf-8").startswith("{")
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_failed_run_leaves_the_old_report(run: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")
    result = run("evaluate", "frederiksberg-2019", "--period", "2018M13", "--output", str(out))
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "old"


def test_an_interrupted_write_leaves_the_old_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.md"
    out.write_text("old", encoding="utf-8")

    def crash(self: Path, target: Path) -> Path:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(out, "new report")
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temporary file left


def test_output_to_a_missing_folder_is_an_input_error(run: Any, tmp_path: Path) -> None:
    result = run("evaluate", "frederiksberg-2019", "--output", str(tmp_path / "no" / "r.txt"))
    assert result.exit_code == 2
    assert "--output: the folder does not exist" in result.stderr


def test_quiet_prints_nothing_and_keeps_the_exit_code(run: Any) -> None:
    result = run("evaluate", "frederiksberg-2019", "--quiet", "--strict")
    assert (result.exit_code, result.stdout) == (1, "")


def test_no_colour_codes(run: Any) -> None:
    for args in (["--no-color"], []):
        result = run("evaluate", "frederiksberg-2019", *args)
        assert "\x1b[" not in result.stdout


def test_colour_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert output.console().no_color is False
    assert output.console(no_color=True).no_color is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert output.console().no_color is True


def test_progress_is_silent_off_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    with output.progress(10, "Kommuner") as step:
        for _ in range(10):
            step()
    assert capsys.readouterr().err == ""


def test_progress_shows_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # rich's word for a terminal
    with output.progress(3, "Kommuner") as step:
        step()
    assert "Kommuner" in capsys.readouterr().err


def test_no_progress_on_a_pipe(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    with output.progress(3, "Kommuner") as step:
        step()
    assert capsys.readouterr().err == ""


def test_overview_on_a_pipe_prints_no_progress(run: Any) -> None:
    result = run("overview")
    assert result.exit_code == 0 and "\r" not in result.stderr and result.stderr == ""


def test_a_fifo_is_written_through_not_replaced(run: Any, tmp_path: Path) -> None:
    import os
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    result = run("evaluate", "frederiksberg-2019", "--format", "json", "--output", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still a FIFO
    assert got and got[0].startswith("{")


def test_a_symlink_is_followed_and_kept(run: Any, tmp_path: Path) -> None:
    target = tmp_path / "target.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert (
        run("evaluate", "frederiksberg-2019", "--format", "json", "--output", str(link)).exit_code
        == 0
    )
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (".", "--output: this is a folder; give the name of a file to write"),
        ("/dev/full", "--output: cannot write: No space left on device"),
    ],
)
def test_what_cannot_take_the_report_is_refused_and_kept(run: Any, name: str, message: str) -> None:
    result = run("evaluate", "frederiksberg-2019", "--output", name)
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(message)
    assert "Traceback" not in result.output


def test_a_long_name_and_the_file_size_limit(tmp_path: Path) -> None:
    import subprocess
    import sys

    long = tmp_path / ("x" * 250)
    done = subprocess.run(
        [sys.executable, "-m", "beskplan", "evaluate", "frederiksberg-2019", "--output", str(long)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and long.is_file(), done.stderr
    limited = subprocess.run(
        [
            "bash",
            "-c",
            f"ulimit -f 1; {sys.executable} -m beskplan evaluate frederiksberg-2019 --format json --output {tmp_path / 'big.json'}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert limited.returncode == 2
    assert limited.stderr.strip().endswith("--output: cannot write the file: File too large")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


@pytest.mark.parametrize("stopping", ["SIGTERM", "SIGINT"])
def test_a_signal_just_after_the_making_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stopping: str
) -> None:
    """A signal between the making of a temporary folder and the ``try`` that removes it
    (what a terminated run met in CI) is acted on only once the removal is armed."""
    import os
    import signal
    import tempfile

    number = getattr(signal, stopping)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    made = tempfile.mkdtemp

    def made_then_signalled(*args: Any, **kwargs: Any) -> str:
        folder = made(*args, **kwargs)
        os.kill(os.getpid(), number)  # as if it came before mkdtemp returned
        return folder

    monkeypatch.setattr(tempfile, "mkdtemp", made_then_signalled)
    previous = signal.signal(number, lambda *_: (_ for _ in ()).throw(SystemExit(128 + number)))
    try:
        with pytest.raises(SystemExit), output.scratch_folder():
            pytest.fail("the block must not run once the signal has come")
    finally:
        signal.signal(number, previous)
    assert list(tmp_path.iterdir()) == []


def test_a_temporary_file_renamed_into_place_is_kept(tmp_path: Path) -> None:
    import os

    with output.temporary_file(tmp_path, ".x.", ".tmp") as (fd, temp):
        os.close(fd)
        temp.replace(tmp_path / "kept")
    with pytest.raises(RuntimeError), output.temporary_file(tmp_path, ".x.", ".tmp") as (fd, temp):
        os.close(fd)
        raise RuntimeError
    assert [p.name for p in tmp_path.iterdir()] == ["kept"]
