"""Writing reports: atomically to a file, or to the console.

A report file is written to a temporary file beside it and renamed into
place, so a run that fails never leaves a half-written report, and the
previous report stays as it was.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from rich.console import Console

from beskplan.errors import InputError, Problem

FILE_WIDTH = 120


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file renamed into place."""
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise InputError(Problem("--output: the folder does not exist", folder))
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    umask = os.umask(0)
    os.umask(umask)
    Path(temp).chmod(0o666 & ~umask)  # a report is for sharing, as any file the user writes
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def console(no_color: bool = False) -> Console:
    """The terminal console; colour and control codes only on a terminal, never with NO_COLOR."""
    return Console(no_color=True if no_color else None, highlight=False)


def rendered(draw: Callable[[Console], None], width: int = FILE_WIDTH) -> str:
    """What ``draw`` prints, as plain text without control codes (for a file)."""
    buffer = io.StringIO()
    draw(Console(file=buffer, width=width, no_color=True, force_terminal=False, highlight=False))
    return buffer.getvalue()


@contextlib.contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error when it is a terminal; on a pipe, nothing at all."""
    err = Console(stderr=True)
    if not err.is_terminal or total < 2:
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(console=err, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)
