"""Problems say where, in the words that fit the file; a problem is said once."""

from __future__ import annotations

from beskplan.core.errors import InputError, Problem, closest, did_you_mean


def test_a_problem_is_placed_by_line_and_column_or_in_words() -> None:
    assert str(Problem("bad", "T.csv", 3, 2)) == "T.csv:3:2: bad"
    assert str(Problem("bad", "T.csv", 3)) == "T.csv:3: bad"
    assert (
        str(Problem("bad", "T.json", 3, 2, "row 3, column 'Antal'"))
        == "T.json, row 3, column 'Antal': bad"
    )
    assert str(Problem("bad")) == "bad"


def test_the_same_problem_is_said_once() -> None:
    same = Problem("the file holds the API's error answer", "T.json")
    error = InputError([same, Problem("other"), same])
    assert error.problems == [same, Problem("other")]
    assert str(error).count("error answer") == 1


def test_closest() -> None:
    assert closest("cluster_mena", ["cluster_mean", "national"]) == "cluster_mean"
    assert closest("FREDERIKSBERG", ["Frederiksberg", "Gentofte"]) == "Frederiksberg"
    assert closest("xyz", ["national"]) is None
    assert did_you_mean("nationl", ["national"]) == " (did you mean 'national'?)"


def test_a_newline_in_a_file_name_cannot_forge_a_line(run: object, tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "data").mkdir()
    (folder / "data" / "T_x\nforged: line.csv").write_text(
        "Område;Periode;Andel (pct.)\nA;2020;n/a\nHele landet;2020;2,0\n", encoding="utf-8"
    )
    (folder / "p.yaml").write_text(
        "plan: p\ntitle: P\nmunicipality: A\nperiod: 2020\ngoals:\n  - id: A\n    title: A\n"
        "    measure: {table: T, column: Andel (pct.)}\n    better: lower\n    rule: national\n",
        encoding="utf-8",
    )
    result = run("evaluate", str(folder / "p.yaml"), "--data", str(folder / "data"))  # type: ignore[operator]
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "T_x\\nforged: line.csv:2:3: 'n/a'" in line


def test_no_control_character_survives_a_problem() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from beskplan.core.errors import CONTROL

    @given(st.text(), st.text())
    def check(message: str, path: str) -> None:
        assert not CONTROL.search(str(Problem(message, path, 1, 1)).replace("\n", ""))
        assert "\n" not in str(Problem(message, path))

    check()
