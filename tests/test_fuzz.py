"""Fuzzing the goal-file parser and the CSV reader for a bounded time.

Only the documented error types may escape (see ``tests/fuzz_targets.py``), never
another exception, and memory stays bounded. ``BESKPLAN_FUZZ_EXAMPLES`` raises the
number of examples for a longer run (default 150 per target in CI).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import tracemalloc
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import fuzz_targets

EXAMPLES = int(os.environ.get("BESKPLAN_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
PEAK_PYTHON_BYTES = 32 * 1024 * 1024

KEYS = [
    "plan",
    "title",
    "municipality",
    "period",
    "goals",
    "id",
    "measure",
    "rule",
    "better",
    "cluster",
    "margin",
    "strict",
    "top",
    "target",
    "than",
    "baseline",
    "by",
    "by_percent",
    "against",
    "sum",
    "table",
    "column",
    "where",
    "ministermaal",
    "x",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(
        [
            "2018M06",
            "2018M13",
            "2024Q1",
            "lower",
            "national",
            "cluster_mean",
            "Frederiksberg",
            "1,0",
        ]
    ),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)
    ),
    max_leaves=25,
)


def _bounded(target: Any, *args: Any) -> None:
    tracemalloc.start()
    try:
        target(*args)
        assert tracemalloc.get_traced_memory()[1] < PEAK_PYTHON_BYTES
    finally:
        tracemalloc.stop()


@FUZZ
@given(st.text(max_size=3000))
def test_goal_parser_on_any_text(text: str) -> None:
    _bounded(fuzz_targets.goal_text, text)


@FUZZ
@given(documents)
def test_goal_parser_on_goal_shaped_documents(document: Any) -> None:
    _bounded(fuzz_targets.goal_text, yaml.safe_dump(document, allow_unicode=True))


@FUZZ
@given(st.binary(max_size=3000))
def test_csv_reader_on_any_bytes(tmp_path_factory: Any, data: bytes) -> None:
    _bounded(fuzz_targets.csv_bytes, data, tmp_path_factory.mktemp("csv"))


cells = st.one_of(
    st.sampled_from(
        [
            "A",
            "Hele landet",
            "2018M06",
            "2018Q02",
            "2019",
            "1,5",
            "1.234,5",
            "7.423",
            "..",
            "x",
            "",
            "-",
            "Køn i alt",
            "Kvinder",
            '"',
            "n/a",
            "KÃ¸benhavn",
            "2018M13",
        ]
    ),
    st.text(alphabet='0123456789,.-;" \tAxø', max_size=8),
)


@FUZZ
@given(
    header=st.lists(
        st.sampled_from(["Område", "Area", "Periode", "Køn", "Andel (pct.)", "Antal", "x"]),
        min_size=1,
        max_size=6,
    ),
    rows=st.lists(st.lists(cells, max_size=7), max_size=12),
    separator=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_csv_reader_on_extract_shaped_files(
    tmp_path_factory: Any, header: list[str], rows: list[list[str]], separator: str, encoding: str
) -> None:
    text = "\n".join(separator.join(r) for r in [header, *rows]) + "\n"
    data = text.encode(encoding, errors="replace")
    _bounded(fuzz_targets.csv_bytes, data, tmp_path_factory.mktemp("csv"))


def _padded(text: str, separator: str, width: int, pad: bool) -> str:
    return text + separator * (width - 1) if pad else text


@st.composite
def portal_exports(draw: Any) -> tuple[bytes, str]:
    """Files as the portal and Excel save them: title lines above the header, rows, blank
    lines (empty or separators alone), notes and a ``Kilde`` footer, padded or not."""
    separator = draw(st.sampled_from([";", ",", "\t"]))
    header = ["Område", "Periode", *draw(st.lists(st.sampled_from(["Andel", "Antal"]), max_size=2))]
    width = len(header)
    # mostly good rows, so that what follows them decides; now and then a bad one
    area = st.one_of(st.sampled_from(["A", "Hele landet", "Allerød"]), st.just(""))
    period = st.one_of(st.sampled_from(["2018M06", "2018M07", "2018M08"]), st.just("2019"))
    figure = st.sampled_from(["1,5", "2", "..", "", "1.234,5", "x"])
    row = st.tuples(area, period, *([figure] * (width - 2))).map(separator.join)
    pad = st.booleans()
    extra = st.one_of(
        st.just(""),
        st.just(separator * (width - 1)),
        st.builds(
            _padded,
            st.sampled_from(["Note: foreløbige tal", "Udtræk 2024"]),
            st.just(separator),
            st.just(width),
            pad,
        ),
    )
    footer = st.builds(
        _padded,
        st.sampled_from(["Kilde: Jobindsats.dk", "kilde: STAR", " Kilde"]),
        st.just(separator),
        st.just(width),
        pad,
    )
    titles = draw(
        st.lists(
            st.builds(
                _padded,
                st.sampled_from(["Ledighed", "Y38A02"]),
                st.just(separator),
                st.just(width),
                pad,
            ),
            max_size=3,
        )
    )
    body = draw(st.lists(st.one_of(row, row, row, extra), min_size=1, max_size=8))
    # most often a footer at the end, padded as Excel pads it, maybe empty rows after it
    tail = draw(st.lists(extra, max_size=2))
    tail += draw(st.lists(footer, min_size=draw(st.sampled_from([0, 1, 1])), max_size=1))
    tail += draw(st.lists(st.just(separator * (width - 1)), max_size=2))
    end = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [*titles, separator.join(header), *body, *tail]
    text = end.join(lines) + draw(st.sampled_from([end, ""]))
    encoding = draw(st.sampled_from(["utf-8", "cp1252"]))
    return text.encode(encoding), encoding


@FUZZ
@given(portal_exports())
def test_both_csv_paths_agree_on_portal_exports(
    tmp_path_factory: Any, export: tuple[bytes, str]
) -> None:
    """The one-pass read gives what the line-by-line read gives: the same extract, or the
    same message."""
    data, _ = export
    path = tmp_path_factory.mktemp("portal") / "T.csv"
    path.write_bytes(data)
    fuzz_targets.both_paths(path)


def test_memory_stays_bounded_in_a_separate_process(tmp_path: Path) -> None:
    """The whole process, Polars included: its peak resident memory over a fuzz run."""
    code = textwrap.dedent(
        f"""
        import random, sys
        from pathlib import Path
        sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})
        from tests import fuzz_targets
        rng = random.Random(7)
        alphabet = b"0123456789,.;-\\n\\"AaKnrx \\xc3\\xb8\\xe5"
        for i in range(300):
            size = rng.randrange(1, 20000)
            data = bytes(rng.choice(alphabet) for _ in range(size))
            fuzz_targets.csv_bytes(b"Omr\\xc3\\xa5de;Periode;Andel\\n" + data, Path({str(tmp_path)!r}) / str(i))
            fuzz_targets.goal_text(data.decode("utf-8", "replace"))
        """
    )
    child = subprocess.Popen([sys.executable, "-c", code])
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, for its resource usage
    assert child.returncode == 0
    peak_kib = usage.ru_maxrss
    assert peak_kib < 1024 * 1024, f"peak resident memory {peak_kib} KiB"


json_cells = st.one_of(
    cells,
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.lists(st.integers(), max_size=2),
)
json_labels = st.lists(
    st.sampled_from(["Område", "Area", "Periode", "Køn", "Andel (pct.)", "Antal", "x"]),
    min_size=1,
    max_size=5,
)


@st.composite
def json_answers(draw: Any) -> str:
    """A v3 answer, a v2 answer, records or JSON Lines, with any cells (or an API error)."""
    labels = draw(json_labels)
    rows = draw(st.lists(st.lists(json_cells, min_size=0, max_size=6), max_size=8))
    shape = draw(st.sampled_from(["v3", "v2", "records", "lines", "error", "any"]))
    if shape == "v3":
        return json.dumps({"columns": labels, "rows": rows})
    if shape == "v2":
        variables = [{"Name": f"v{i}", "Label": label} for i, label in enumerate(labels)]
        return json.dumps([{"Variables": variables, "Data": rows}])
    records = [dict(zip(labels, row, strict=False)) for row in rows]
    if shape == "records":
        return json.dumps(records)
    if shape == "lines":
        return "".join(json.dumps(r) + "\n" for r in records)
    if shape == "error":
        return json.dumps({"code": 422, "cause": draw(st.text(max_size=20)), "request_id": "x"})
    return json.dumps(draw(documents))


@FUZZ
@given(json_answers())
def test_json_reader_on_answer_shaped_documents(tmp_path_factory: Any, text: str) -> None:
    _bounded(fuzz_targets.csv_bytes, text.encode("utf-8"), tmp_path_factory.mktemp("j"), "T.json")


@FUZZ
@given(st.binary(max_size=2000))
def test_json_reader_on_any_bytes(tmp_path_factory: Any, data: bytes) -> None:
    _bounded(fuzz_targets.csv_bytes, b"[" + data, tmp_path_factory.mktemp("j"), "T.json")


@settings(
    max_examples=max(EXAMPLES // 5, 20), deadline=None, suppress_health_check=list(HealthCheck)
)
@given(
    header=json_labels,
    rows=st.lists(
        st.lists(json_cells.filter(lambda c: not isinstance(c, list)), max_size=6), max_size=6
    ),
    top=st.integers(0, 3),
    sheets=st.integers(0, 3),
    extras=st.lists(
        st.tuples(
            st.sampled_from(["formula", "error", "far"]),
            st.integers(0, 8),
            st.integers(0, 5),
        ),
        max_size=3,
    ),
)
def test_workbook_reader_on_any_sheet(
    tmp_path_factory: Any,
    header: list[str],
    rows: list[list[Any]],
    top: int,
    sheets: int,
    extras: list[tuple[str, int, int]],
) -> None:
    """Any sheet, behind empty sheets, with formulas, error values and a cell far away."""
    import io

    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    for i in range(sheets):
        book.add_worksheet(f"S{i}")
    sheet = book.add_worksheet("Data")
    for r, row in enumerate([header, *rows]):
        for c, value in enumerate(row):
            if isinstance(value, bool):
                sheet.write_boolean(top + r, c, value)
            elif isinstance(value, int | float):
                sheet.write_number(top + r, c, value)
            elif value is not None:
                sheet.write_string(top + r, c, value)
    for kind, r, c in extras:
        if kind == "formula":
            sheet.write_formula(r, c, "=1+1")
        elif kind == "error":
            sheet.write_formula(r, c, "=1/0", None, "#DIV/0!")
        else:
            sheet.write(1048575 - r, 16383 - c, "x")
    book.close()
    fuzz_targets.csv_bytes(buffer.getvalue(), tmp_path_factory.mktemp("x"), "T.xlsx")


json_numbers = st.from_regex(
    r"-?(0|[1-9][0-9]{0,20})(\.[0-9]{1,20})?([eE][+-]?[0-9]{1,12})?", fullmatch=True
)


@FUZZ
@given(st.lists(json_numbers, min_size=1, max_size=4))
def test_json_reader_on_any_number(tmp_path_factory: Any, numbers: list[str]) -> None:
    """Numbers of any size and exponent: read exactly or refused, quickly, in bounded memory."""
    rows = ",".join(
        f'{{"Område": "{area}", "Periode": "2020", "Andel": {number}}}'
        for area, number in zip(["A", "Hele landet", "B", "C"], numbers, strict=False)
    )
    _bounded(fuzz_targets.csv_bytes, f"[{rows}]".encode(), tmp_path_factory.mktemp("j"), "T.json")


@FUZZ
@given(documents)
def test_diff_results_on_any_json(tmp_path_factory: Any, document: Any) -> None:
    """Any JSON given to diff --results is read or refused, never a traceback."""
    import contextlib

    from beskplan.api import diff_results
    from beskplan.core.errors import InputError

    folder = tmp_path_factory.mktemp("saved")
    shaped = {"schema_version": 1, "plan": "p", "period": "2020", "goals": document}
    for name, value in (("a.json", document), ("b.json", shaped)):
        (folder / name).write_text(json.dumps(value, default=str), encoding="utf-8")
    with contextlib.suppress(InputError):
        diff_results(folder / "a.json", folder / "b.json")
    with contextlib.suppress(InputError):
        diff_results(folder / "b.json", folder / "b.json")
