"""The terminal table: one row per goal, in the plan's own words."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from beskplan.results import Report, Status
from beskplan.wording import HEADERS, Lang, explain, label, number, status

STYLE = {Status.MET: "green", Status.UNMET: "red", Status.NO_DATA: "yellow"}


def render(report: Report, console: Console, lang: Lang = "da") -> None:
    h = HEADERS[lang]
    title = Text(f"{report.title} — {report.municipality}, {h['period']} {report.period}")
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    table.add_column(h["id"], no_wrap=True)
    table.add_column(h["title"], ratio=3, min_width=16)
    table.add_column(h["status"], no_wrap=True)
    table.add_column(h["value"], justify="right", no_wrap=True)
    table.add_column(h["reference"], justify="right", min_width=10)
    table.add_column(h["gap"], justify="right", no_wrap=True)
    table.add_column(h["rank"], justify="right", no_wrap=True)
    table.add_column(h["explanation"], ratio=4, min_width=20)
    for goal in report.goals:
        o = goal.outcome
        reference = number(o.reference, lang) if o.reference is not None else "-"
        ref_label = label(o.reference_label, lang)
        if ref_label:
            reference += f"\n{ref_label}"
        rank = f"{o.rank} af {o.of}" if lang == "da" else f"{o.rank} of {o.of}"
        period_note = "" if goal.period == report.period else f" ({goal.period})"
        # Text, not str: a goal title is the user's text, never rich markup
        table.add_row(
            Text(goal.id),
            Text(goal.title),
            Text(status(goal.status, lang), style=STYLE[goal.status]),
            Text(number(o.value, lang) + period_note),
            Text(reference),
            Text(number(o.gap, lang, signed=True) if o.gap is not None else "-"),
            Text(rank if o.rank is not None else ""),
            Text(explain(goal, lang)),
        )
    console.print(table)
    s = report.summary
    console.print(
        h["summary"].format(met=s.met, unmet=s.unmet, no_data=s.no_data, total=len(report.goals))
    )
    if report.source:
        console.print(Text(f"{h['source']}: {report.source}", style="dim"))
