"""Problems say where, in the words that fit the file; a problem is said once."""

from __future__ import annotations

from beskplan.errors import InputError, Problem, closest, did_you_mean


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
