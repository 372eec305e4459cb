"""CSV: one row per goal, numbers as numbers, safe to open in a spreadsheet.

A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is prefixed with ``'`` so that a spreadsheet never runs it as a formula.
The Excel dialect (``--excel``) is what a Danish Excel opens by a double click:
``;`` between fields, decimal commas, CRLF line ends and a UTF-8 byte-order mark; its
headers and statuses are words in the output's language (Danish by default), where the
plain CSV keeps the JSON's keys and values for scripts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from beskplan.core.words import Lang, section, text
from beskplan.evaluation.results import Report
from beskplan.render import Options, Rendered
from beskplan.render.verdicts import explain, label
from beskplan.render.wording import trimmed

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = (
    "plan",
    "municipality",
    "id",
    "name",
    "title",
    "rule",
    "period",
    "status",
    "value",
    "reference",
    "reference_label",
    "gap",
    "distance",
    "rank",
    "of",
    "better",
    "unit",
    "explanation",
)


def cell(value: object, excel: bool = False) -> str | int | float:
    """A value as written to CSV: numbers stay numbers (with a decimal comma in the Excel
    dialect), text is neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        written = format(trimmed(value), "f")
        return written.replace(".", ",") if excel else written
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def write_rows(header: Sequence[str], rows: Iterable[Sequence[object]], excel: bool = False) -> str:
    """The rows as CSV, or in the Excel dialect."""
    out = io.StringIO()
    if excel:
        out.write("\ufeff")
    writer = csv.writer(
        out, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n"
    )
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(v, excel) for v in row])
    return out.getvalue()


COMPARE_COLUMNS = ("compare_period", "compare_status", "compare_value", "compare_gap")


def render(
    report: Report, lang: Lang = "da", previous: Report | None = None, excel: bool = False
) -> str:
    before = {g.id: g for g in previous.goals} if previous else {}
    rows = []
    for g in report.goals:
        o = g.outcome
        extra: tuple[object, ...] = ()
        if previous is not None:
            old = before.get(g.id)
            extra = (
                (old.period.code, old.status.value, old.outcome.value, old.outcome.gap)
                if old
                else (None, None, None, None)
            )
        rows.append(
            (
                report.plan,
                report.municipality,
                g.id,
                g.name,
                g.title,
                g.rule,
                g.period.code,
                g.status.value,
                o.value,
                o.reference,
                label(o.reference_label, lang) or None,
                o.gap,
                o.distance,
                o.rank,
                o.of,
                g.better,
                g.unit or None,
                explain(g, lang),
                *extra,
            )
        )
    columns = COLUMNS + (COMPARE_COLUMNS if previous else ())
    if excel:
        words = section(lang, "csv")
        at = {name: i for i, name in enumerate(columns)}
        rows = [_worded(row, at, lang) for row in rows]
        return write_rows([words[name] for name in columns], rows, excel)
    return write_rows(columns, rows, excel)


def _worded(row: Sequence[object], at: dict[str, int], lang: Lang) -> tuple[object, ...]:
    """A row for people: statuses as words."""
    found = list(row)
    for name in ("status", "compare_status"):
        if name in at and found[at[name]] is not None:
            found[at[name]] = text(lang, f"status.{found[at[name]]}")
    return tuple(found)


def evaluation(report: Report, options: Options) -> Rendered:
    return Rendered(render(report, options.lang, options.previous, options.excel))


# this module's renderers in the registry (beskplan.render.RENDERERS), by kind and format
RENDERS = {
    ("evaluation", "csv"): evaluation,
}
