"""Writing reports: atomically to a file, or to the console.

A report file is written to a temporary file beside it and renamed into
place, so a run that fails never leaves a half-written report, and the
previous report stays as it was.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from beskplan.core.errors import InputError, Problem

if TYPE_CHECKING:
    from rich.console import Console

# off a terminal a table is as wide as its content: wider than any content we make
CONTENT_WIDTH = 10_000


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8) or bytes to ``path``: the one writer of every file beskplan
    writes.

    A regular file (or a new one) is written to a temporary file beside it and renamed
    into place, so that a failed run leaves the old file and no partial one. A symbolic
    link is followed and its target written; a FIFO, a device or a socket is written
    through, never replaced. A directory, a folder that does not exist or cannot be
    written, and a write the system refuses (a full disk, the file-size limit, a name too
    long) are input errors that say so.
    """
    try:
        target = Path(os.path.realpath(path)) if path.is_symlink() else path
        kind = target.stat().st_mode if target.exists() else None
    except OSError as exc:
        raise InputError(Problem(f"cannot write the file: {exc.strerror}", path)) from None
    if kind is not None and stat.S_ISDIR(kind):
        raise InputError(Problem("this is a folder; give the name of a file to write", path))
    if kind is not None and not stat.S_ISREG(kind):
        _write_through(target, text, path)
        return
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise InputError(Problem("the folder does not exist", folder))
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name[:100]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(Problem(f"cannot write in this folder: {exc.strerror}", folder)) from None
    shared(Path(temp))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_bytes(text))
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).replace(target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise InputError(Problem(f"cannot write the file: {exc.strerror}", path)) from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def shared(path: Path) -> None:
    """Give a temporary file (``mkstemp`` makes it 0600) the mode of any file the user
    writes: a report, or data, is for sharing."""
    umask = os.umask(0)
    os.umask(umask)
    path.chmod(0o666 & ~umask)


def make_folder(folder: Path, holds: str = "the files go") -> None:
    """Make ``folder`` (its parent must exist), or find it there: the one maker of every
    folder beskplan writes. A file of that name, and anything the system refuses (a name
    too long, no permission), are input errors that say so."""
    try:
        if folder.exists() and not folder.is_dir():
            raise InputError(Problem(f"{holds} in a folder of this name, but it is a file", folder))
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise InputError(Problem(f"cannot make the folder: {exc.strerror}", folder)) from None


def _bytes(text: str | bytes) -> bytes:
    return text.encode("utf-8") if isinstance(text, str) else text


def _write_through(target: Path, text: str | bytes, named: Path) -> None:
    """Write to what is not a regular file (a FIFO, ``/dev/stdout``) as it is."""
    try:
        with target.open("wb") as handle:
            handle.write(_bytes(text))
    except OSError as exc:
        raise InputError(Problem(f"cannot write: {exc.strerror}", named)) from None


def console(no_color: bool = False) -> Console:
    """The standard output's console; colour and control codes only on a terminal, never
    with NO_COLOR. Off a terminal tables are as wide as their content (``COLUMNS``, when
    set, caps them)."""
    from rich.console import Console

    out = Console(no_color=True if no_color else None, highlight=False)
    if not out.is_terminal and "COLUMNS" not in os.environ:
        out.width = CONTENT_WIDTH
    return out


def rendered(draw: Callable[[Console], None], width: int = CONTENT_WIDTH) -> str:
    """What ``draw`` prints, as plain text without control codes (for a file)."""
    from rich.console import Console

    buffer = io.StringIO()
    draw(Console(file=buffer, width=width, no_color=True, force_terminal=False, highlight=False))
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


@contextlib.contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error when it is a terminal; on a pipe, nothing at all."""
    if total < 2 or not _maybe_terminal():
        yield lambda: None
        return
    from rich.console import Console

    err = Console(stderr=True)
    if not err.is_terminal:
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(console=err, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


def _maybe_terminal() -> bool:
    """Whether rich could take standard error for a terminal: it is one, or the
    environment says to treat it as one. A pipe is known without importing rich."""
    forced = "TTY_COMPATIBLE" in os.environ or "FORCE_COLOR" in os.environ
    try:
        return forced or sys.stderr.isatty()
    except ValueError:  # closed
        return False
