"""Writing reports: atomically to a file, or to the console.

A report file is written to a temporary file beside it and renamed into
place, so a run that fails never leaves a half-written report, and the
previous report stays as it was.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from beskplan.core.errors import InputError, Problem

if TYPE_CHECKING:
    from rich.console import Console

# off a terminal a table is as wide as its content: wider than any content we make
CONTENT_WIDTH = 10_000

_Made = TypeVar("_Made")
_STOPPING = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def removed_after(make: Callable[[], _Made], remove: Callable[[_Made], None]) -> Iterator[_Made]:
    """Make something temporary and remove it when the block ends, however it ends.

    SIGINT and SIGTERM are held while it is made and while it is removed: a signal that
    came between the making and the ``try`` that removes it would leave it behind (a
    terminated run would leave its temporary copy). A held signal is raised again, to its
    own handler, once the removal is armed. The handlers are set aside rather than the
    signals blocked: a blocked signal still reaches the handler through any other thread
    (Polars keeps a pool of them). Off the main thread, which runs no handler, nothing is
    held.
    """
    held = _hold()
    try:
        made = make()
    except BaseException:
        _release(held)
        raise
    try:
        _release(held)  # a signal that came meanwhile is raised here, inside the try
        yield made
    finally:
        held = _hold()
        try:
            remove(made)
        finally:
            _release(held)


def scratch_folder() -> contextlib.AbstractContextManager[Path]:
    """A temporary folder of beskplan's own, removed with what it holds."""
    return removed_after(
        lambda: Path(tempfile.mkdtemp(prefix="beskplan-")),
        lambda folder: shutil.rmtree(folder, ignore_errors=True),
    )


class _Held:
    """The stopping signals' handlers, set aside while a temporary thing is made or
    removed; the signals that came meanwhile, to be raised again once they are back."""

    def __init__(self) -> None:
        self.came: list[int] = []
        self.handlers = {number: signal.signal(number, self._note) for number in _STOPPING}

    def _note(self, number: int, frame: object) -> None:
        self.came.append(number)

    def release(self) -> None:
        for number, handler in self.handlers.items():
            signal.signal(number, handler)
        for came in dict.fromkeys(self.came):
            signal.raise_signal(came)  # its own handler runs now, as it would have


def _hold() -> _Held | None:
    if threading.current_thread() is not threading.main_thread():
        return None  # only the main thread runs signal handlers, and may set them
    return _Held()


def _release(held: _Held | None) -> None:
    if held is not None:
        held.release()


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

    with temporary_file(folder, f".{target.name[:100]}.", ".tmp") as (fd, temp):
        shared(temp)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_bytes(text))
                handle.flush()
                os.fsync(handle.fileno())
            temp.replace(target)
        except OSError as exc:
            raise InputError(Problem(f"cannot write the file: {exc.strerror}", path)) from None


def temporary_file(
    folder: Path, prefix: str, suffix: str
) -> contextlib.AbstractContextManager[tuple[int, Path]]:
    """A new file in ``folder`` (its descriptor and path, as ``mkstemp`` makes it), gone
    after the block unless it was renamed into place. A folder the system will not write
    in is an input error that says so."""

    def make() -> tuple[int, Path]:
        try:
            fd, temp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
        except OSError as exc:
            raise InputError(
                Problem(f"cannot write in this folder: {exc.strerror}", folder)
            ) from None
        return fd, Path(temp)

    return removed_after(make, lambda made: made[1].unlink(missing_ok=True))


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
