"""The report as Markdown, for pasting into a committee document.

The same content as the HTML report; the charts are SVG files written beside
the Markdown file (``<name>-charts/``) and linked from it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from beskplan.core.words import Lang, section
from beskplan.evaluation.results import Report
from beskplan.extracts.reading import Reading
from beskplan.render import Options, Rendered
from beskplan.render.committee import anchor, fixed_headings, goal_charts, moved, overview
from beskplan.render.markdown import ICON, escape, table
from beskplan.render.quarters import HISTORY, by_quarter, note, short
from beskplan.render.quarters import headings as quarter_headings
from beskplan.render.verdicts import explain, label
from beskplan.render.wording import HEADERS, as_of, distance, made, number, spoken, status, when


def render(
    report: Report,
    members: Mapping[str, Sequence[Reading]],
    folder: str,
    lang: Lang = "da",
    previous: Report | None = None,
    history: int = HISTORY,
) -> tuple[str, dict[str, str]]:
    """The Markdown text and the charts to write beside it (file name in ``folder`` -> SVG);
    ``history`` quarters in the goal × quarter table."""
    h = HEADERS[lang]
    s = report.summary
    out = [
        f"# {escape(report.title)} — {escape(report.municipality)}",
        "",
        _first_up(when(report, lang))
        + (f". {h['source']}: {escape(report.source)}" if report.source else ""),
        "",
        escape(". ".join(part for part in (as_of(report.sources, lang), made(lang)) if part)),
        "",
        "**"
        + h["summary"].format(met=s.met, unmet=s.unmet, no_data=s.no_data, total=len(report.goals))
        + "**",
        "",
    ]
    if previous is not None:
        out += [escape(moved(report, previous, lang)), ""]
    out += [_overview(report, lang, previous), ""]
    if history:
        out += [_quarters(report, lang, history), ""]
    files: dict[str, str] = {}
    for index, goal in enumerate(report.goals):
        o = goal.outcome
        out += [
            f'<a id="{anchor(goal.id)}"></a>',
            "",
            f"## {escape(goal.id)}. {escape(goal.name or goal.title)}",
            "",
            f"*{escape(goal.title)}*",
            "",
        ]
        read_at = spoken(goal.period, lang)
        facts = [f"**{status(goal.status, lang)}**", f"{number(o.value, lang)} ({read_at})"]
        if o.reference is not None:
            facts.append(f"{number(o.reference, lang)} ({escape(label(o.reference_label, lang))})")
        if o.distance is not None:
            facts.append(distance(goal, lang))
        out += [" · ".join(facts), "", escape(explain(goal, lang)), ""]
        for chart in goal_charts(goal, report, members.get(goal.id, ()), lang):
            name = f"{_safe(goal.id, index)}-{chart.kind}.svg"
            files[name] = chart.svg
            out += [f"![{escape(chart.caption)}]({folder}/{name})", ""]
    return "\n".join(out), files


def _overview(report: Report, lang: Lang, previous: Report | None = None) -> str:
    """The table that opens the report: a row per goal, linking to its section; with
    ``previous`` a column of what moved since, and the course explained where shown."""
    columns, rows = overview(report, lang, previous)
    lines = [
        [
            f"[{escape(row.id)}](#{anchor(row.id)})",
            f"[{escape(row.name)}](#{anchor(row.id)})",
            f"{ICON[row.status]} {status(row.status, lang)}",
            *(escape(row.cells[key]) for key, _ in columns),
        ]
        for row in rows
    ]
    text = table([*fixed_headings(lang), *(head for _, head in columns)], lines)
    if any(key == "course" for key, _ in columns):
        text += "\n" + escape(section(lang, "html")["course_note"]) + "\n"
    return text


def _quarters(report: Report, lang: Lang, count: int) -> str:
    """The goal × quarter table: value (reference) and status at each quarter's end."""
    w = section(lang, "html")
    grid = by_quarter(report, count)
    if not grid.periods:
        return escape(w["quarters_none"]) + "\n"
    rows = [
        [
            f"{escape(line.id)}. {escape(line.name)}",
            *(
                "-" if o is None else f"{ICON[o.status]} {escape(short(o, lang))}"
                for o in line.cells
            ),
        ]
        for line in grid.lines
    ]
    return (
        f"**{escape(w['quarters'])}**\n\n"
        + table(quarter_headings(grid, lang), rows)
        + "\n"
        + escape(note(lang))
        + "\n"
    )


def _safe(goal_id: str, index: int) -> str:
    """A file name for a goal's chart: its place in the plan first, so that goals whose ids
    differ only in characters a file name cannot hold (``1.a``, ``1_a``) keep their own."""
    return f"{index + 1:02d}-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in goal_id)


def _first_up(text: str) -> str:
    """The first letter in upper case, the rest as it is (``Periode 2018M06``)."""
    return text[:1].upper() + text[1:]


def report(result: Report, options: Options) -> Rendered:
    text, files = render(
        result, options.members, options.charts, options.lang, options.previous, options.history
    )
    return Rendered(text, files=files)


# this module's renderers in the registry (beskplan.render.RENDERERS), by kind and format
RENDERS = {
    ("report", "markdown"): report,
}
