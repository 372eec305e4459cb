"""The catalogue of bad inputs: each case under tests/bad_inputs is run through the command line.

A case is a folder with the input files, ``args`` (the command line, without ``beskplan``),
``expected`` (the exact standard error) and, where it is not 2, ``exit``. ``pad`` grows a
file to a size (``PATH BYTES``) so that no large file is kept in the repository. A file
named ``NAME.in`` becomes ``NAME`` in the copy that runs (a ``pyproject.toml`` kept as it is
would be read by the tools that work on the repository). ``links`` makes symbolic links
(``LINK TARGET`` per line, the target as written, resolved or not).
``{bundled_goals}`` in ``expected`` stands for the bundled goals folder.
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from beskplan.api.bundled import bundled
from beskplan.cli import app

CASES = Path(__file__).resolve().parent / "bad_inputs"


def _pad(folder: Path) -> None:
    spec = folder / "pad"
    if not spec.exists():
        return
    name, size = spec.read_text(encoding="utf-8").split()
    path = folder / name
    text = path.read_text(encoding="utf-8")
    filler = int(size) - len(text.encode("utf-8"))
    path.write_text(
        text + ("#" * 99 + "\n") * (filler // 100) + "#" * (filler % 100), encoding="utf-8"
    )


def _prepared(case: str, tmp_path: Path) -> Path:
    """The case's files copied to run: padded, ``.in`` files named, links made."""
    folder = tmp_path / case
    shutil.copytree(CASES / case, folder)
    _pad(folder)
    for kept in folder.rglob("*.in"):
        kept.rename(kept.with_suffix(""))
    links = folder / "links"
    if links.exists():
        for line in links.read_text(encoding="utf-8").splitlines():
            link, target = line.split()
            (folder / link).parent.mkdir(parents=True, exist_ok=True)
            (folder / link).symlink_to(target)
    return folder


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()))
def test_bad_input(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _prepared(case, tmp_path)
    monkeypatch.chdir(folder)
    args = shlex.split((folder / "args").read_text(encoding="utf-8"))
    expected = (folder / "expected").read_text(encoding="utf-8")
    expected = expected.replace("{bundled_goals}", str(bundled("goals")))
    code = int((folder / "exit").read_text(encoding="utf-8")) if (folder / "exit").exists() else 2
    result = CliRunner().invoke(app, args, env={"COLUMNS": "120", "NO_COLOR": "1"})
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    assert result.stderr == expected
    assert result.exit_code == code
    if code == 2:
        assert result.stdout == ""


def test_the_catalogue_has_at_least_40_cases() -> None:
    assert len(list(CASES.iterdir())) >= 40


@pytest.mark.parametrize(
    "case", sorted(p.name for p in CASES.iterdir() if p.name.startswith("data-"))
)
def test_a_cache_hit_says_the_same(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data problem found on a second run, from the cache, is worded and placed the same."""
    folder = _prepared(case, tmp_path)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("BESKPLAN_CACHE", str(tmp_path / "cache"))
    args = shlex.split((folder / "args").read_text(encoding="utf-8"))
    runs = [
        CliRunner().invoke(app, args, env={"COLUMNS": "120", "NO_COLOR": "1"}) for _ in range(2)
    ]
    assert runs[0].stderr == runs[1].stderr
    assert runs[0].exit_code == runs[1].exit_code
