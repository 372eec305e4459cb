"""A batch gives figures as integers of their published decimals, and rules decide on them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from beskplan.evaluation.context import Context
from beskplan.evaluation.figures import read_batch
from beskplan.rules import RULES, frames
from beskplan.rules.outcome import Status
from tests.evaluation.test_figures import CLUSTER, JUNE, SHARE, _batch, _context


def _outcomes(context: Context, rule: str, params: dict[str, object], better: str) -> list[object]:
    kind = RULES[rule]
    parsed = kind.Params.model_validate(params)
    rows = [(name, JUNE, CLUSTER) for name in CLUSTER]
    numbers = [v for v in vars(parsed).values() if isinstance(v, Decimal)]
    batch = read_batch(context, SHARE, better, rows, numbers=numbers)
    frame = kind.evaluate_frame(parsed, batch)  # type: ignore[attr-defined]
    return [kind.outcome(parsed, row) for row in frames.rows(frame, batch)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("strict", "margin", "expected"),
    [
        (False, "0", Status.MET),  # 1,5 against the mean of 1,0 and 2,0: exactly on it
        (True, "0", Status.UNMET),
        (False, "0.1", Status.UNMET),
        (False, "0.5", Status.UNMET),
    ],
)
def test_a_mean_is_compared_as_its_sum(
    tmp_path: Path, strict: bool, margin: str, expected: Status
) -> None:
    context = _context(
        tmp_path, "A;2020M06;1,5;0\nB;2020M06;1,0;0\nC;2020M06;2,0;0\nD;2020M06;..;0\n"
    )
    found = _outcomes(
        context,
        "cluster_mean",
        {"cluster": CLUSTER, "strict": strict, "margin": float(margin)},
        "lower",
    )
    a = found[0]
    assert a.status is expected  # type: ignore[attr-defined]
    assert a.reference == Decimal("1.5")  # type: ignore[attr-defined]
    # as compare.mean divides the Decimal sum 3,0 by 2: one decimal, as the figures have
    assert str(a.reference) == "1.5"  # type: ignore[attr-defined]


def test_a_mean_that_does_not_end_is_still_compared_exactly(tmp_path: Path) -> None:
    """The others' mean 4/3 = 1,333...: 1,3 is under it (met, lower better), 1,4 is not."""
    context = _context(tmp_path, "A;2020M06;1,3;0\nB;2020M06;1;0\nC;2020M06;1;0\nD;2020M06;2;0\n")
    met = _outcomes(context, "cluster_mean", {"cluster": CLUSTER}, "lower")[0]
    assert met.status is Status.MET  # type: ignore[attr-defined]
    context = _context(tmp_path, "A;2020M06;1,4;0\nB;2020M06;1;0\nC;2020M06;1;0\nD;2020M06;2;0\n")
    unmet = _outcomes(context, "cluster_mean", {"cluster": CLUSTER}, "lower")[0]
    assert unmet.status is Status.UNMET  # type: ignore[attr-defined]


def test_the_leader_of_a_tie_is_the_first_in_the_cluster(tmp_path: Path) -> None:
    """B and D tie for best at 1,0 (D written 1,00): B leads, as the one-goal path says."""
    context = _context(
        tmp_path, "A;2020M06;2,0;0\nB;2020M06;1,0;0\nC;2020M06;3,0;0\nD;2020M06;1,00;0\n"
    )
    a = _outcomes(context, "cluster_best", {"cluster": CLUSTER}, "lower")[0]
    assert a.reference_label.args == {"area": "B"}  # type: ignore[attr-defined]
    assert str(a.reference) == "1.0"  # type: ignore[attr-defined]
    assert (a.rank, a.of, a.status) == (3, 4, Status.UNMET)  # type: ignore[attr-defined]


def test_fifteen_digits_in_a_mean_do_not_overflow(tmp_path: Path) -> None:
    """Figures of 15 significant digits at three decimals, summed and multiplied by the
    count, stay exact in Int128: 999.999.999.999,999 against the mean of the others."""
    big = "999.999.999.999,999"
    context = _context(
        tmp_path,
        f"A;2020M06;{big};0\nB;2020M06;{big};0\nC;2020M06;{big};0\nD;2020M06;999.999.999.999,998;0\n",
    )
    a = _outcomes(context, "cluster_mean", {"cluster": CLUSTER, "strict": True}, "higher")[0]
    assert a.status is Status.MET  # type: ignore[attr-defined]
    assert a.value == Decimal("999999999999.999")  # type: ignore[attr-defined]


def test_cells_a_frame_cannot_hold_are_refused(tmp_path: Path) -> None:
    """Two rows that disagree for one area and period: the reader says so row by row."""
    context = _context(tmp_path, "A;2020M06;1,0;0\nA;2020M06;2,0;0\n")
    with pytest.raises(frames.Unfit):
        _batch(context, SHARE)
