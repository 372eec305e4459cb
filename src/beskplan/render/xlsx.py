"""Excel workbooks (``--format xlsx``), written with xlsxwriter.

One sheet per table: the goals (or the differences, the municipalities, the
periods), the plan's header, and the files the figures came from. Numbers are
numeric cells shown with the decimals the figure was published with (a mean of
2,125 published to one decimal shows 2,1 and keeps 2,125), statuses are words,
the header row is frozen and filtered. Excel shows the numbers in the reader's
own locale: 10,4 in a Danish Excel.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from beskplan.core.errors import InputError, Problem
from beskplan.core.words import Lang, section, text
from beskplan.evaluation.results import GoalResult, Report
from beskplan.render import Options, Rendered
from beskplan.render.quarters import Grid, by_period, by_quarter
from beskplan.render.verdicts import explain, label
from beskplan.render.wording import HEADERS, distance, places, spoken, status

if TYPE_CHECKING:
    from beskplan.core.sources import SourceFile
    from beskplan.evaluation.diff import PlanDiff
    from beskplan.evaluation.nationwide import Applied, Timeline

MAX_WIDTH = 60  # a column wider than this wraps rather than pushing the others off screen


@dataclass(frozen=True)
class Figure:
    """A number and the decimals to show it with."""

    value: Decimal
    decimals: int


Cell = str | int | Figure | None


@dataclass
class Sheet:
    name: str
    header: Sequence[str]
    rows: list[Sequence[Cell]] = field(default_factory=list)


def decimals(value: Decimal | None) -> int:
    """The decimals a published figure has: ``10,4`` one, ``7.423`` none."""
    if value is None:
        return 0
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def figure(value: Decimal | None, places: int) -> Figure | None:
    return None if value is None else Figure(value, min(places, 6))


def shown(value: Decimal | None) -> Figure | None:
    """``value`` formatted as the text shows it (:func:`~beskplan.render.wording.places`)."""
    return figure(value, places(value))


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """The sheets as an .xlsx file."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    bold = book.add_format({"bold": True, "bottom": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    formats = {}
    for sheet in sheets:
        ws = book.add_worksheet(sheet.name[:31])
        widths = [len(h) for h in sheet.header]
        for col, head in enumerate(sheet.header):
            ws.write_string(0, col, head, bold)
        for row, cells in enumerate(sheet.rows, start=1):
            for col, value in enumerate(cells):
                if value is None:
                    continue
                if isinstance(value, Figure):
                    places = value.decimals
                    if places not in formats:
                        code = "#,##0" + ("." + "0" * places if places else "")
                        formats[places] = book.add_format({"num_format": code, "valign": "top"})
                    ws.write_number(row, col, float(value.value), formats[places])
                    shown = len(f"{value.value:,.{places}f}")
                elif isinstance(value, int):
                    ws.write_number(row, col, value)
                    shown = len(str(value))
                else:
                    _fits(value, sheet, row, col)
                    ws.write_string(row, col, value, wrap)
                    shown = max(len(line) for line in value.split("\n"))
                widths[col] = max(widths[col], shown)
        for col, width in enumerate(widths):
            ws.set_column(col, col, min(width, MAX_WIDTH) + 2)
        ws.freeze_panes(1, 0)
        if sheet.rows:
            ws.autofilter(0, 0, len(sheet.rows), len(sheet.header) - 1)
    book.close()
    return out.getvalue()


CELL_TEXT = 32_767  # characters: Excel cuts what is longer


def _fits(text: str, sheet: Sheet, row: int, col: int) -> None:
    """Refuse text that Excel would cut short, rather than cut it silently."""
    if len(text) > CELL_TEXT:
        from xlsxwriter.utility import xl_rowcol_to_cell

        raise InputError(
            Problem(
                f"--format xlsx: the text for sheet '{sheet.name[:31]}', cell "
                f"{xl_rowcol_to_cell(row, col)} ({sheet.header[col]}) is {len(text):,} "
                f"characters long, more than the {CELL_TEXT:,} an Excel cell holds; shorten "
                "it, or write --format csv or json"
            )
        )


def _sources(sources: Sequence[SourceFile], lang: Lang) -> Sheet:
    w = section(lang, "xlsx")
    header = [w["file"], "SHA-256", w["rows"], w["modified"], w["first"], w["newest"]]
    sheet = Sheet(w["sources"], header)
    for s in sources:
        sheet.rows.append([s.path, s.sha256, s.rows, s.modified, s.first, s.newest])
    return sheet


def _goal_row(goal: GoalResult, lang: Lang) -> list[Cell]:
    """A goal's row; each figure formatted with the decimals the text shows it with (a
    mean shown as 2,38 has two), its value exact."""
    o = goal.outcome
    return [
        goal.id,
        goal.name or goal.title,
        status(goal.status, lang),
        goal.period.code,
        shown(o.value),
        shown(o.reference),
        label(o.reference_label, lang) or None,
        distance(goal, lang),
        shown(o.distance),
        shown(o.gap),
        o.rank,
        o.of,
        goal.unit or None,
        explain(goal, lang),
    ]


def _goal_header(lang: Lang) -> list[str]:
    h, w = HEADERS[lang], section(lang, "xlsx")
    return [
        h["id"],
        h["title"],
        h["status"],
        w["period"],
        h["value"],
        h["reference"],
        w["compared_with"],
        h["gap"],
        w["distance"],
        w["gap"],
        h["rank"],
        w["of"],
        w["unit"],
        h["explanation"],
    ]


def _grid(grid: Grid, name: str, lang: Lang) -> Sheet:
    """A goal × period table as a sheet: a row per goal, and for each period its value,
    reference and status, side by side."""
    w = section(lang, "xlsx")
    h = HEADERS[lang]
    header = [h["id"], h["title"]]
    for period in grid.periods:
        said = spoken(period, lang)
        header += [
            f"{said}: {w['value'].lower()}",
            f"{said}: {w['reference']}",
            f"{said}: {w['status']}",
        ]
    sheet = Sheet(name, header)
    for line in grid.lines:
        cells: list[Cell] = [line.id, line.name]
        for o in line.cells:
            cells += (
                [None, None, None]
                if o is None
                else [shown(o.value), shown(o.reference), status(o.status, lang)]
            )
        sheet.rows.append(cells)
    return sheet


def _evaluation(report: Report, lang: Lang) -> list[Sheet]:
    w = section(lang, "xlsx")
    goals = Sheet(w["goals"], _goal_header(lang), [_goal_row(g, lang) for g in report.goals])
    s = report.summary
    plan = Sheet(
        w["plan"],
        [w["field"], w["value"]],
        [
            [w["plan"], report.plan],
            [HEADERS[lang]["title"], report.title],
            [w["municipality"], report.municipality],
            [w["period"], report.period.code],
            [text(lang, "status.met"), s.met],
            [text(lang, "status.unmet"), s.unmet],
            [text(lang, "status.no_data"), s.no_data],
            [HEADERS[lang]["source"], report.source],
        ],
    )
    return [goals, plan, _sources(report.sources, lang)]


def evaluation(report: Report, options: Options) -> Rendered:
    return Rendered(data=workbook(_evaluation(report, options.lang)))


def report(result: Report, options: Options) -> Rendered:
    """The committee's report as a workbook: the goals, the goal × quarter table, the plan
    and the sources."""
    lang = options.lang
    goals, *rest = _evaluation(result, lang)
    quarters = _grid(by_quarter(result, options.history), section(lang, "xlsx")["quarters"], lang)
    return Rendered(data=workbook([goals, quarters, *rest]))


def municipalities(applied: list[Applied], options: Options) -> Rendered:
    lang = options.lang
    w = section(lang, "xlsx")
    first = applied[0].report if applied else None
    # each goal's column headed by its id and name; a status compared with the national
    # level for want of a cluster is marked *, as the table marks it
    heads = [f"{g.id}. {g.name or g.title}" for g in first.goals] if first else []
    overview = Sheet(w["municipalities"], ["#", w["municipality"], w["met"], w["goals_n"], *heads])
    figures = Sheet(w["figures"], [w["municipality"], *_goal_header(lang), w["national_instead"]])
    for place, a in enumerate(applied, start=1):
        s = a.report.summary
        marks: list[Cell] = [
            status(g.status, lang) + (" *" if g.id in a.national_instead else "")
            for g in a.report.goals
        ]
        overview.rows.append([place, a.municipality, s.met, len(a.report.goals), *marks])
        for g in a.report.goals:
            national = w["yes"] if g.id in a.national_instead else None
            figures.rows.append([a.municipality, *_goal_row(g, lang), national])
    sources = first.sources if first else ()
    return Rendered(data=workbook([overview, figures, _sources(sources, lang)]))


def timeline(line: Timeline, options: Options) -> Rendered:
    lang = options.lang
    w = section(lang, "xlsx")
    sheet = Sheet(w["timeline"], [w["evaluated_at"], *_goal_header(lang)])
    for goal in line.goals:
        for step in goal.steps:
            sheet.rows.append([step.asked_period.code, *_goal_row(step, lang)])
    wide = _grid(by_period(line), w["by_period"], lang)
    return Rendered(data=workbook([sheet, wide, _sources(line.sources, lang)]))


def diff(result: PlanDiff, options: Options) -> Rendered:
    from beskplan.render.difference import change_text, field_text, movement_text

    lang = options.lang
    w, d = section(lang, "xlsx"), section(lang, "diff")
    sheet = Sheet(
        w["differences"],
        [
            d["id"],
            d["name"],
            d["change"],
            f"{d['old']}: {w['status']}",
            f"{d['old']}: {w['period']}",
            f"{d['old']}: {HEADERS[lang]['value']}",
            f"{d['new']}: {w['status']}",
            f"{d['new']}: {w['period']}",
            f"{d['new']}: {HEADERS[lang]['value']}",
            d["movement"],
            d["fields"],
        ],
    )
    for g in result.goals:
        old, new = g.old, g.new
        places = max(decimals(old.value if old else None), decimals(new.value if new else None))
        sheet.rows.append(
            [
                g.id,
                g.title,
                change_text(g, lang),
                status(old.status, lang) if old else None,
                old.period if old else None,
                figure(old.value, places) if old else None,
                status(new.status, lang) if new else None,
                new.period if new else None,
                figure(new.value, places) if new else None,
                movement_text(g, lang) or None,
                "\n".join(field_text(g, lang)) or None,
            ]
        )
    files = Sheet(
        w["sources"],
        [w["file"], f"SHA-256 ({d['old'].lower()})", f"SHA-256 ({d['new'].lower()})", w["same"]],
    )
    for path, before, now in result.sources:
        same = None if before is None or now is None else w["yes"] if before == now else w["no"]
        files.rows.append([path, before, now, same])
    return Rendered(data=workbook([sheet, files]))


# this module's renderers in the registry (beskplan.render.RENDERERS), by kind and format
RENDERS = {
    ("evaluation", "xlsx"): evaluation,
    ("report", "xlsx"): report,
    ("municipalities", "xlsx"): municipalities,
    ("timeline", "xlsx"): timeline,
    ("diff", "xlsx"): diff,
}
