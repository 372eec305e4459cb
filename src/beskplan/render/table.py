"""The terminal table: one row per goal.

A goal's short ``name`` is shown where the goal file gives one (the full
wording of the plan is in ``title``, and in the JSON); otherwise its title.
"""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.text import Text

from beskplan.core.words import Lang, text
from beskplan.evaluation.results import Report
from beskplan.render import Options, Rendered
from beskplan.render.grid import fixed, grid, prose
from beskplan.render.verdicts import explain, label
from beskplan.render.wording import HEADERS, as_of, distance, number, period_note, status, when
from beskplan.rules.outcome import Status

STYLE = {Status.MET: "green", Status.UNMET: "red", Status.NO_DATA: "yellow"}


BARS = "▁▂▃▄▅▆▇█"
TREND_POINTS = 12


def sparkline(values: list[Decimal | None]) -> str:
    """A small chart of values in block characters; a missing value is a space."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    span = high - low
    out = []
    for value in values:
        if value is None:
            out.append(" ")
        elif span == 0:
            out.append(BARS[len(BARS) // 2])
        else:
            out.append(BARS[int((value - low) / span * (len(BARS) - 1))])
    return "".join(out)


def render(
    report: Report,
    console: Console,
    lang: Lang = "da",
    previous: Report | None = None,
    trend: bool = False,
) -> None:
    """The table; with ``previous`` (the same plan at another period) a column for it. A
    terminal narrower than :data:`NARROW` gets the narrow table (:func:`narrow`)."""
    if console.is_terminal and console.width < NARROW and previous is None and not trend:
        narrow(report, console, lang)
        _footer(report, console, lang)
        return
    h = HEADERS[lang]
    table = grid(console, f"{report.title} — {report.municipality}, {when(report, lang)}")
    ranked = any(g.outcome.rank is not None for g in report.goals)
    fixed(table, h["id"])
    prose(table, h["title"], ratio=2)
    fixed(table, h["status"])
    before = {g.id: g for g in previous.goals} if previous else {}
    if previous:
        fixed(table, f"{previous.period}")
    fixed(table, h["value"], "right")
    prose(table, h["reference"], ratio=1)
    fixed(table, h["gap"])
    if ranked:
        fixed(table, h["rank"], "right")
    if trend:
        fixed(table, text(lang, "table.trend"))
    prose(table, h["explanation"], ratio=3)
    for goal in report.goals:
        o = goal.outcome
        reference = number(o.reference, lang) if o.reference is not None else "-"
        ref_label = label(o.reference_label, lang)
        if ref_label:
            reference += f" {ref_label}"
        rank = text(lang, "table.rank", rank=o.rank, of=o.of)
        # Text, not str: a goal title is the user's text, never rich markup
        cells = [
            Text(goal.id),
            Text(goal.name or goal.title),
            Text(status(goal.status, lang), style=STYLE[goal.status]),
        ]
        if previous:
            old = before.get(goal.id)
            cells.append(
                Text(f"{status(old.status, lang)} {number(old.outcome.value, lang)}")
                if old
                else Text("-")
            )
        cells += [
            Text(number(o.value, lang) + period_note(goal, report, lang)),
            Text(reference),
            Text(distance(goal, lang)),
        ]
        if ranked:
            cells.append(Text(rank if o.rank is not None else ""))
        if trend:
            values = [past.value for _, past in goal.history[-TREND_POINTS:]]
            cells.append(Text(sparkline(values)))
        table.add_row(*cells, Text(explain(goal, lang)))
    console.print(table)
    _footer(report, console, lang)


NARROW = 150  # columns: below this a terminal gets the narrow table


def narrow(report: Report, console: Console, lang: Lang) -> None:
    """The table for a narrow terminal: id, title, status, value and distance to the goal in
    columns, and each goal's explanation (its reference in words) on a row of its own
    beneath, under the title, so that no column is squeezed to a few letters."""
    h = HEADERS[lang]
    table = grid(console, f"{report.title} — {report.municipality}, {when(report, lang)}")
    fixed(table, h["id"])
    prose(table, h["title"], ratio=3)
    fixed(table, h["status"])
    fixed(table, h["value"], "right")
    prose(table, h["gap"], ratio=1)
    for goal in report.goals:
        table.add_row(
            Text(goal.id),
            Text(goal.name or goal.title),
            Text(status(goal.status, lang), style=STYLE[goal.status]),
            Text(number(goal.outcome.value, lang) + period_note(goal, report, lang)),
            Text(distance(goal, lang)),
        )
        table.add_row("", Text(explain(goal, lang), style="dim"), "", "", "", end_section=True)
    console.print(table)


def _footer(report: Report, console: Console, lang: Lang) -> None:
    h = HEADERS[lang]
    s = report.summary
    console.print(
        h["summary"].format(met=s.met, unmet=s.unmet, no_data=s.no_data, total=len(report.goals))
    )
    if report.source:
        console.print(Text(f"{h['source']}: {report.source}", style="dim"))
    if dated := as_of(report.sources, lang):
        console.print(Text(dated, style="dim"))


def evaluation(report: Report, options: Options) -> Rendered:
    return Rendered(
        paint=lambda console: render(report, console, options.lang, options.previous, options.trend)
    )


# this module's renderers in the registry (beskplan.render.RENDERERS), by kind and format
RENDERS = {
    ("evaluation", "table"): evaluation,
}
