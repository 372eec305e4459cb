"""The report: one self-contained HTML file for the committee.

No scripts, no external fonts, styles or images: it opens on a locked-down PC
and prints well. Every text from a goal file or a data file is escaped. Each
goal has its wording, a status badge, its figures in plain Danish words, a
trend chart of its value against its reference over every period in the data
and, for cluster goals, the cluster's members in order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from beskplan.core.words import Lang, section
from beskplan.evaluation.results import GoalResult, Report
from beskplan.extracts.reading import Reading
from beskplan.render import Options, Rendered
from beskplan.render.committee import anchor, fixed_headings, goal_charts, moved, overview
from beskplan.render.quarters import HISTORY, by_quarter, cell, note
from beskplan.render.quarters import headings as quarter_headings
from beskplan.render.verdicts import explain, label
from beskplan.render.wording import HEADERS, as_of, distance, made, number, spoken, status, when

CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 52em;
       color: #111; line-height: 1.4; }
header { border-bottom: 2px solid #111; margin-bottom: 1.5em; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.2em; margin: 0 0 .3em; }
.summary { font-weight: bold; }
section.goal { border-top: 1px solid #999; padding: 1em 0; page-break-inside: avoid; }
.wording { font-style: italic; }
.badge { display: inline-block; padding: .1em .6em; border: 2px solid #111; border-radius: .3em;
         font-weight: bold; }
.badge.met { background: #dff0d8; }
.badge.unmet { background: #f2dede; border-style: double; }
.badge.no_data { background: #eee; border-style: dashed; }
dl { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; }
dt { font-weight: bold; }
figure { margin: .8em 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .85em; color: #444; }
table.overview { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; font-size: .9em; }
table.overview caption { text-align: left; font-weight: bold; margin-bottom: .3em; }
table.overview th, table.overview td { border-bottom: 1px solid #bbb; padding: .25em .4em;
       text-align: left; vertical-align: top; }
table.overview .num, table.overview .badge { white-space: nowrap; }
table.overview a { color: inherit; }
.wide { overflow-x: auto; }
table.quarters { border-collapse: collapse; margin-bottom: 1.5em; font-size: .75em; }
table.quarters caption { text-align: left; font-weight: bold; margin-bottom: .3em; }
table.quarters th, table.quarters td { border-bottom: 1px solid #bbb; padding: .2em .35em;
       text-align: right; vertical-align: top; white-space: nowrap; }
table.quarters th:first-child, table.quarters td:first-child { text-align: left;
       white-space: normal; max-width: 10em; }
table.quarters .ref { color: #444; }
table.quarters .badge { font-size: .85em; padding: 0 .3em; border-width: 1px; }
.note { font-size: .85em; color: #444; }
footer { border-top: 1px solid #999; margin-top: 2em; font-size: .85em; color: #444; }
@media print { body { margin: 0; max-width: none; } .wide { overflow: visible; } }
"""


def _figure(goal: GoalResult, report: Report, members: Sequence[Reading], lang: Lang) -> str:
    return "\n".join(
        f'<figure class="{chart.kind}">{chart.svg}'
        f"<figcaption>{escape(chart.caption)}</figcaption></figure>"
        for chart in goal_charts(goal, report, members, lang)
    )


def _overview(report: Report, lang: Lang, previous: Report | None = None) -> str:
    """The table that opens the report: a row per goal, linking to its section; with
    ``previous`` a column of what moved since, and the course explained where shown."""
    w = section(lang, "html")
    columns, rows = overview(report, lang, previous)
    lines = []
    for row in rows:
        link = f'href="#{anchor(row.id)}"'
        badge = f'<span class="badge {row.status.value}">{escape(status(row.status, lang))}</span>'
        cells = [
            f"<a {link}>{escape(row.id)}</a>",
            f"<a {link}>{escape(row.name)}</a>",
            badge,
            *(
                f'<span class="num">{escape(row.cells[key])}</span>'
                if key in NUMERIC
                else escape(row.cells[key])
                for key, _ in columns
            ),
        ]
        lines.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    heads = [*fixed_headings(lang), *(head for _, head in columns)]
    head = "".join(f"<th>{escape(x)}</th>" for x in heads)
    shows_course = any(key == "course" for key, _ in columns)
    note = f'\n<p class="note">{escape(w["course_note"])}</p>' if shows_course else ""
    return (
        f'<table class="overview">\n<caption>{escape(w["overview"])}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(lines)
        + "\n</tbody>\n</table>"
        + note
    )


# the overview's columns that hold a figure, never wrapped
NUMERIC = frozenset({"value", "required"})


def _quarters(report: Report, lang: Lang, count: int) -> str:
    """The goal × quarter table: each goal's value, reference and status at the end of the
    last ``count`` quarters that have figures."""
    if count == 0:
        return ""
    w = section(lang, "html")
    grid = by_quarter(report, count)
    if not grid.periods:
        return f'<p class="note">{escape(w["quarters_none"])}</p>'
    rows = []
    for line in grid.lines:
        cells = [f"<td>{escape(line.id)}. {escape(line.name)}</td>"]
        for outcome in line.cells:
            value, reference, said = cell(outcome, lang)
            if said is None:
                cells.append("<td>-</td>")
                continue
            ref = f' <span class="ref">({escape(reference)})</span>' if reference != "-" else ""
            badge = f'<span class="badge {said.value}">{escape(status(said, lang))}</span>'
            cells.append(f"<td>{escape(value)}{ref}<br>{badge}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    # a quarter's heading on two lines ("2. kvt." over "2026"), so that eight fit the page
    first, *periods = quarter_headings(grid, lang)
    split = (said.rpartition(" ") for said in periods)
    head = f"<th>{escape(first)}</th>" + "".join(
        f"<th>{escape(quarter)}<br>{escape(year)}</th>" for quarter, _, year in split
    )
    return (
        f'<div class="wide"><table class="quarters">\n<caption>{escape(w["quarters"])}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + f'\n</tbody>\n</table></div>\n<p class="note">{escape(note(lang))}</p>'
    )


def _section(goal: GoalResult, report: Report, members: Sequence[Reading], lang: Lang) -> str:
    w = section(lang, "html")
    o = goal.outcome
    unit = f" {goal.unit}" if goal.unit else ""
    rows = [
        (
            w["value"],
            number(o.value, lang)
            + (unit if o.value is not None else "")
            + f" ({spoken(goal.period, lang)})",
        )
    ]
    if o.reference is not None:
        rows.append(
            (
                w["reference"],
                f"{number(o.reference, lang)}{unit} ({label(o.reference_label, lang)})",
            )
        )
    if o.distance is not None:
        rows.append((w["gap"], distance(goal, lang)))
    if o.rank is not None:
        rows.append((w["rank"], f"{o.rank} {w['of']} {o.of}"))
    if goal.focus:
        rows.append((w["focus"], goal.focus))
    details = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    name = goal.name or goal.title
    return (
        f'<section class="goal" id="{escape(anchor(goal.id))}">\n'
        f"<h2>{escape(goal.id)}. {escape(name)}</h2>\n"
        f'<p class="wording">{escape(goal.title)}</p>\n'
        f'<p><span class="badge {goal.status.value}">'
        f"{escape(status(goal.status, lang))}</span></p>\n"
        f"<dl>{details}</dl>\n"
        f'<p class="explanation">{escape(explain(goal, lang))}</p>\n'
        f"{_figure(goal, report, members, lang)}\n"
        "</section>"
    )


def render(
    report: Report,
    members: Mapping[str, Sequence[Reading]] | None = None,
    lang: Lang = "da",
    previous: Report | None = None,
    history: int = HISTORY,
) -> str:
    """The whole report; ``members`` gives each cluster goal's members' figures by goal id;
    ``history`` quarters in the goal × quarter table."""
    h = HEADERS[lang]
    s = report.summary
    summary = h["summary"].format(
        met=s.met, unmet=s.unmet, no_data=s.no_data, total=len(report.goals)
    )
    sections = "\n".join(
        _section(g, report, (members or {}).get(g.id, ()), lang) for g in report.goals
    )
    source = f"<p>{escape(h['source'])}: {escape(report.source)}</p>" if report.source else ""
    dated = as_of(report.sources, lang)
    source += (
        f"\n<p>{escape(dated)}. {escape(made(lang))}</p>"
        if dated
        else f"\n<p>{escape(made(lang))}</p>"
    )
    files = ", ".join(escape(f.path) for f in report.sources)
    title = f"{report.title} — {report.municipality}"
    moved_line = (
        f'<p class="moved">{escape(moved(report, previous, lang))}</p>\n' if previous else ""
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}, {escape(when(report, lang))}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{escape(title)}</h1>\n"
        f"<p>{escape(_first_up(when(report, lang)))}</p>\n{source}\n"
        f'<p class="summary">{escape(summary)}</p>\n{moved_line}</header>\n'
        f"<main>\n{_overview(report, lang, previous)}\n{_quarters(report, lang, history)}\n"
        f"{sections}\n</main>\n"
        f"<footer><p>{escape(section(lang, 'html')['sources'])}: {files}</p></footer>\n"
        "</body>\n</html>\n"
    )


def _first_up(text: str) -> str:
    """The first letter in upper case, the rest as it is (``Periode 2018M06``)."""
    return text[:1].upper() + text[1:]


def report(result: Report, options: Options) -> Rendered:
    return Rendered(
        render(result, options.members, options.lang, options.previous, options.history)
    )


# this module's renderers in the registry (beskplan.render.RENDERERS), by kind and format
RENDERS = {
    ("report", "html"): report,
}
