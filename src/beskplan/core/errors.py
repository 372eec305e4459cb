"""Two exception families: the user's input is wrong, or beskplan has a bug.

A :class:`InputError` carries every problem found, each with the place it points
at, so that all of a file's mistakes are reported at once. The command line
prints them one per line and exits 2, without a traceback. Anything else that
escapes is a bug and keeps its traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# characters that move the cursor, clear the screen, set a window title or turn text
# around, or that XML and UTF-8 cannot carry: C0 and C1 controls (tab and newline aside),
# DEL, the bidi overrides, lone surrogates and the noncharacters U+FFFE and U+FFFF
CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)


def shown(text: str, keep_newlines: bool = False) -> str:
    """``text`` safe to print: each control character written as its escape (``\\x1b``)."""
    found = CONTROL if keep_newlines else re.compile(CONTROL.pattern[:-1] + "\n\t]")
    return found.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def control_character(text: str) -> str | None:
    """The first control character in ``text``, escaped, or ``None``."""
    found = CONTROL.search(text)
    return found.group().encode("unicode_escape").decode("ascii") if found else None


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, and where: ``path:line:column: message``.

    ``where`` names the place in words where lines and columns do not fit the
    file: a JSON answer's ``row 12, column 'Antal personer'``, a workbook's
    ``sheet 'Data', cell D12``. It is then said after the path instead.
    """

    message: str
    path: Path | str | None = None
    line: int | None = None
    column: int | None = None
    where: str | None = None

    def __str__(self) -> str:
        """The problem as one line: text from the input is shown with its controls escaped."""
        place = ""
        if self.path is not None:
            place = str(self.path)
            if self.where is not None:
                place += f", {self.where}"
            elif self.line is not None:
                place += f":{self.line}"
                if self.column is not None:
                    place += f":{self.column}"
            place += ": "
        return shown(place) + shown(self.message)


class MeasureError(ValueError):
    """A goal asks for a table, column or category the data does not have."""


class UnknownCluster(MeasureError):
    """A goal names a cluster that ``clusters.yaml`` does not define."""


class NoMembersYet(MeasureError):
    """A cluster has no member list valid at the end of a period: its first list is valid
    from a later date. At a period the caller asked for, the goal cannot be evaluated."""

    def __init__(self, message: str, first: object) -> None:
        super().__init__(message)
        self.first = first


class InputError(Exception):
    """The user's goal file, data or options are wrong; never a bug."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        # a file read by several goals fails for each of them: its problem is said once
        found = [problems] if isinstance(problems, Problem) else problems
        self.problems = list(dict.fromkeys(found))
        super().__init__("\n".join(str(p) for p in self.problems))


def closest(word: str, choices: list[str] | set[str] | tuple[str, ...]) -> str | None:
    """The choice most like ``word``, for a "did you mean" hint."""
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not found:
        lowered = {c.casefold(): c for c in choices}
        found = [
            lowered[m]
            for m in difflib.get_close_matches(word.casefold(), list(lowered), n=1, cutoff=0.6)
        ]
    return found[0] if found else None


def did_you_mean(word: str, choices: list[str] | set[str] | tuple[str, ...]) -> str:
    hint = closest(word, choices)
    return f" (did you mean '{hint}'?)" if hint else ""
