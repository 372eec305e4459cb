"""The console tables of a plan across municipalities and across periods.

``evaluate --all-municipalities`` and ``evaluate --periods FROM..TO`` as tables;
their JSON and CSV are :mod:`beskplan.render.wide`'s.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from beskplan.core.words import Lang, section
from beskplan.evaluation.nationwide import Applied, Timeline
from beskplan.render import Options, Rendered
from beskplan.render.grid import fixed, grid, prose
from beskplan.render.verdicts import say
from beskplan.render.wide import MARK, STYLE
from beskplan.render.wording import as_of, spoken


def all_table(applied: list[Applied], console: Console, lang: Lang = "da") -> None:
    w = section(lang, "wide")
    first = applied[0].report
    table = grid(console, w["all"].format(title=first.title, period=spoken(first.period, lang)))
    fixed(table, "#", "right")
    fixed(table, w["municipality"])
    fixed(table, w["met"], "right")
    for goal in first.goals:
        fixed(table, goal.id, "center")
    for place, a in enumerate(applied, start=1):
        s = a.report.summary
        marks = [
            Text(
                MARK[g.status] + ("*" if g.id in a.national_instead else ""), style=STYLE[g.status]
            )
            for g in a.report.goals
        ]
        table.add_row(
            str(place), Text(a.municipality), f"{s.met} {w['of']} {len(a.report.goals)}", *marks
        )
    console.print(table)
    console.print(Text(w["legend"], style="dim"))
    if applied and (dated := as_of(applied[0].report.sources, lang)):
        console.print(Text(dated, style="dim"))


def timeline_table(line: Timeline, console: Console, lang: Lang = "da") -> None:
    """A strip per goal, a mark at each period its data publishes in the range."""
    w = section(lang, "wide")
    title = w["timeline"].format(
        title=line.title,
        municipality=line.municipality,
        first=spoken(line.first, lang),
        last=spoken(line.last, lang),
    )
    table = grid(console, title)
    fixed(table, w["goal"])
    prose(table, w["name"])
    prose(table, w["periods"], ratio=2)
    fixed(table, w["met"], "right")
    for goal in line.goals:
        strip = Text()
        for result in goal.steps:
            strip.append(MARK[result.status], style=STYLE[result.status])
        if goal.steps:
            first, last = goal.steps[0].asked_period, goal.steps[-1].asked_period
            strip.append(f" {first}" + (f"–{last}" if last != first else ""), style="dim")
        elif goal.absent is not None:
            strip.append(say(goal.absent, lang), style="dim")
        table.add_row(
            Text(goal.id),
            Text(goal.name or goal.title),
            strip,
            f"{goal.met} {w['of']} {goal.with_data}",
        )
    console.print(table)
    console.print(Text(w["legend"].split(";")[0] + w["counted"], style="dim"))
    if dated := as_of(line.sources, lang):
        console.print(Text(dated, style="dim"))


def municipalities_table(applied: list[Applied], options: Options) -> Rendered:
    return Rendered(paint=lambda console: all_table(applied, console, options.lang))


def timeline_table_(line: Timeline, options: Options) -> Rendered:
    return Rendered(paint=lambda console: timeline_table(line, console, options.lang))


# this module's renderers in the registry (beskplan.render.RENDERERS), by kind and format
RENDERS = {
    ("municipalities", "table"): municipalities_table,
    ("timeline", "table"): timeline_table_,
}
