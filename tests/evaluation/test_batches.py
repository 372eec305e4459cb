"""Goals decided for many rows in one frame give what evaluating each row alone gives.

The property: for generated figures (decimals from none to three, suppressed and absent
cells, clusters that change during the range) and goals of every rule, the results of
``--all-municipalities`` and ``--periods`` are the same, record for record and decimal
for decimal, whether the rules decide in frames or one row at a time.
"""

from __future__ import annotations

from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from beskplan.core.errors import InputError
from beskplan.core.periods import between, parse_period
from beskplan.evaluation import batches
from beskplan.evaluation.context import Context
from beskplan.evaluation.nationwide import apply_all, timeline
from beskplan.evaluation.view import View
from beskplan.plan.goalfile import load_plan
from tests.conftest import REAL as SHARED_REAL
from tests.conftest import write
from tests.test_fuzz import EXAMPLES

AREAS = ["A", "B", "C", "D", "E", "F", "G", "H", "Hele landet"]  # H is in no cluster
PERIODS = [f"2020M{m:02d}" for m in range(1, 7)]
# D is in two clusters (the first by name is its own); G joins k1 in April
CLUSTERS = """clusters:
  - {name: k1, title: K1, benefit: X, valid_from: 2014-01-01, members: [A, B, C, D]}
  - {name: k1, title: K1, benefit: X, valid_from: 2020-04-01, members: [A, B, C, D, G]}
  - {name: k2, title: K2, benefit: X, valid_from: 2014-01-01, members: [D, E, F, G]}
"""
MEASURES = """measures:
  andel: {table: T, column: Andel (pct.)}
  antal: {table: T, column: Antal}
  begge: {sum: [andel, antal]}
"""


@st.composite
def figure(draw: Any) -> str | None:
    """A cell as published: a number with 0 to 3 decimals, a suppression token, or no row."""
    kind = draw(st.sampled_from(["number"] * 8 + ["token", "absent"]))
    if kind == "absent":
        return None
    if kind == "token":
        return draw(st.sampled_from(["..", "x", "-", ""]))
    decimals = draw(st.integers(0, 3))
    units = draw(st.integers(0, 60 * 10**decimals))
    text = str(Decimal(units).scaleb(-decimals))
    return text.replace(".", ",")


def margin(draw: Any) -> str:
    return draw(st.sampled_from(["0", "0.5", "0.25", "1"]))


@st.composite
def plans(draw: Any) -> str:
    better = draw(st.sampled_from(["lower", "higher"]))
    strict = draw(st.booleans())
    goals = [
        f"rule: cluster_mean\n    cluster: k1\n    strict: {strict}\n    margin: {margin(draw)}",
        "rule: cluster_best\n    cluster: k1",
        f"rule: cluster_rank\n    cluster: k1\n    top: {draw(st.integers(1, 4))}",
        f"rule: municipality\n    than: E\n    strict: {strict}\n    margin: {margin(draw)}",
        f"rule: national\n    strict: {draw(st.booleans())}\n    margin: {margin(draw)}",
        f"rule: threshold\n    target: {draw(st.sampled_from(['10', '20.5', '33.33']))}",
        "rule: baseline\n    baseline: 2020M02",
        "rule: gap_shrink\n    against: national\n    baseline: 2020M02\n    by: "
        + draw(st.sampled_from(["0", "0.2", "1.5"])),
        "rule: gap_shrink\n    against: cluster_mean\n    cluster: k1\n    baseline: 2020M02\n"
        f"    by_percent: {draw(st.sampled_from(['25', '50', '100', '12.5']))}",
        "rule: gap_shrink\n    against: cluster_best\n    cluster: k1\n    baseline: 2020M02\n"
        f"    by: {draw(st.sampled_from(['0', '0.5']))}",
        "rule: cluster_mean\n    cluster: [A, B, C]",
        "rule: cluster_mean\n    cluster: [A, B, Cee]",  # Cee is in no table: noted
        "rule: change\n    baseline: 2020M02\n    "
        + draw(st.sampled_from(["by: 0.5", "by_percent: 25", "by: 0"])),
        "rule: change\n    baseline: 2020M02\n    against: national",
        "rule: change\n    baseline: 2020M02\n    against: cluster\n    cluster: k1\n"
        f"    by_percent: {draw(st.sampled_from(['0', '5']))}",
        "rule: change\n    baseline: 2020M02\n    against: E\n    by: 0.2",
    ]
    text = "plan: p\ntitle: P\nmunicipality: A\nperiod: 2020M06\ngoals:\n"
    for i, rule in enumerate(goals):
        measure = draw(st.sampled_from(["andel", "begge", "{table: T, column: Antal}"]))
        text += f"  - id: g{i}\n    title: Mål {i}\n    measure: {measure}\n"
        text += f"    better: {better}\n    {rule}\n"
    return text


@st.composite
def tables(draw: Any) -> str:
    lines = ["Område;Periode;Andel (pct.);Antal"]
    for period in PERIODS:
        for area in AREAS:
            share, count = draw(figure()), draw(figure())
            if share is None and count is None:
                continue  # no row at all
            lines.append(f"{area};{period};{share or ''};{count or ''}")
    return "\n".join(lines) + "\n"


@contextmanager
def one_row_at_a_time() -> Any:
    """Every rule evaluated row by row, as if none had a frame form."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(batches, "framed", lambda kind: None)
        yield


def same(framed: str, alone: str) -> None:
    """The two results alike; where not, where they part (a diff of the whole would take
    minutes)."""
    if framed == alone:
        return
    at = next(
        (i for i, (a, b) in enumerate(zip(framed, alone, strict=False)) if a != b), len(framed)
    )
    start = max(at - 300, 0)
    raise AssertionError(
        f"frames part from row by row at {at}:\n{framed[start : at + 300]}\n"
        f"against\n{alone[start : at + 300]}"
    )


def refused(*args: object) -> None:
    raise AssertionError("evaluated one row at a time")


def _everything(folder: Path, frames_only: bool) -> str:
    """Every municipality at the plan's period and at another, and every period;
    ``frames_only``: evaluating a row alone fails the test."""
    context = Context.open(folder / "data", use_cache=False)
    plan = load_plan(folder / "p.yaml", folder)
    span = between(parse_period("2020M01"), parse_period("2020M06"))
    with pytest.MonkeyPatch.context() as patch:
        if frames_only:
            patch.setattr(batches, "FRAME_ROWS", 1)
            patch.setattr(View, "read", refused)
        found = (
            apply_all(plan, context),
            apply_all(plan, context, parse_period("2020M03")),
            apply_all(plan, context, parse_period("2021Q1")),  # a period the table lacks
            timeline(plan, context, span),
        )
    return repr(found)


@settings(
    max_examples=max(EXAMPLES // 15, 10),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a failing case is shown unshrunk
)
@given(plan=plans(), table=tables())
def test_frames_decide_as_each_row_alone(plan: str, table: str, tmp_path_factory: Any) -> None:
    folder = tmp_path_factory.mktemp("case")
    write(folder / "p.yaml", plan)
    write(folder / "data" / "T.csv", table)
    write(folder / "data" / "clusters.yaml", CLUSTERS)
    write(folder / "data" / "measures.yaml", MEASURES)
    framed = _everything(folder, frames_only=True)
    with one_row_at_a_time():
        alone = _everything(folder, frames_only=False)
    same(framed, alone)


def test_a_bad_cell_is_said_where_it_stands_as_before(tmp_path: Path) -> None:
    """A frame does not take a cell that is not a number: the rows are read one by one and
    the reader says which cell, with every municipality."""
    write(
        tmp_path / "p.yaml",
        "plan: p\ntitle: P\nmunicipality: A\nperiod: 2020M06\ngoals:\n"
        "  - id: g\n    title: G\n    measure: andel\n    better: lower\n"
        "    rule: cluster_mean\n    cluster: k1\n",
    )
    write(tmp_path / "data" / "clusters.yaml", CLUSTERS)
    write(tmp_path / "data" / "measures.yaml", MEASURES)
    write(
        tmp_path / "data" / "T.csv",
        "Område;Periode;Andel (pct.);Antal\n"
        + "".join(f"{a};2020M06;2,5;3\n" for a in "ABCD")
        + "E;2020M06;2,5x;3\n",
    )
    context = Context.open(tmp_path / "data", use_cache=False)
    plan = load_plan(tmp_path / "p.yaml", tmp_path)
    with pytest.raises(InputError) as raised:
        apply_all(plan, context)
    assert "T.csv:6:3" in str(raised.value) and "'2,5x'" in str(raised.value)


REAL = SHARED_REAL / "kommunal-beskaeftigelsesindsats"
UNEMPLOYED = (
    "{table: Y25I01, column: Ledige fuldtidspersoner i pct. af arbejdsstyrken, "
    "where: {Ydelsesgrupper: Ydelsesgrupper i alt}}"
)
WAGES = "{table: Y60J01, column: Andel personer med ordinære løntimer}"
EAST_JUTLAND = "[Randers, Aarhus, Aalborg, Odense, Esbjerg, Vejle, Horsens, Kolding]"
REAL_PLAN = f"""plan: r
title: Randers
municipality: Randers
period: 2026M06
goals:
  - {{id: "1", title: Ledighed, measure: {UNEMPLOYED}, better: lower, rule: national}}
  - {{id: "2", title: Ledighed mod Aarhus, measure: {UNEMPLOYED}, better: lower,
      rule: municipality, than: Aarhus, margin: 0.2}}
  - {{id: "3", title: Løntimer, measure: {WAGES}, better: higher, rule: cluster_mean,
      cluster: {EAST_JUTLAND}}}
  - {{id: "4", title: Løntimer top 3, measure: {WAGES}, better: higher, rule: cluster_rank,
      top: 3, cluster: {EAST_JUTLAND}}}
  - {{id: "5", title: Gabet, measure: {UNEMPLOYED}, better: lower, rule: gap_shrink,
      against: national, baseline: 2025M06, by: 0.1}}
"""


@pytest.mark.skipif(
    not REAL.is_dir(), reason="the real Jobindsats files are not beside the project"
)
def test_real_figures_decide_in_frames_as_row_by_row(tmp_path: Path) -> None:
    """The real v3 figures of 98 municipalities (API v3 CSV): every municipality and
    every month from 2024, in frames and one row at a time, give the same results."""
    write(tmp_path / "r.yaml", REAL_PLAN)
    span = between(parse_period("2024M01"), parse_period("2026M07"))

    def everything(frames_only: bool) -> tuple[str, int]:
        context = Context.open(REAL / "data", use_cache=False)
        plan = load_plan(tmp_path / "r.yaml", tmp_path)
        with pytest.MonkeyPatch.context() as patch:
            if frames_only:
                patch.setattr(batches, "FRAME_ROWS", 1)
                patch.setattr(View, "read", refused)
            applied = apply_all(plan, context)
            line = timeline(plan, context, span)
        return repr((applied, line)), len(applied)

    framed, count = everything(frames_only=True)
    with one_row_at_a_time():
        alone, _ = everything(frames_only=False)
    assert count == 98
    same(framed, alone)
