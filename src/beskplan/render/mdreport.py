"""The report as Markdown, for pasting into a committee document.

The same content as the HTML report; the charts are SVG files written beside
the Markdown file (``<name>-charts/``) and linked from it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from beskplan import charts
from beskplan.extracts.reading import Reading
from beskplan.render import Options, Rendered
from beskplan.render.html import requirement_line
from beskplan.render.markdown import escape
from beskplan.results import Report
from beskplan.rules.words import explain, label
from beskplan.wording import HEADERS, distance, number, status, when
from beskplan.words import Lang


def render(
    report: Report,
    members: Mapping[str, Sequence[Reading]],
    folder: str,
    lang: Lang = "da",
) -> tuple[str, dict[str, str]]:
    """The Markdown text and the charts to write beside it (file name in ``folder`` -> SVG)."""
    h = HEADERS[lang]
    s = report.summary
    out = [
        f"# {escape(report.title)} — {escape(report.municipality)}",
        "",
        _first_up(when(report, lang))
        + (f". {h['source']}: {escape(report.source)}" if report.source else ""),
        "",
        "**"
        + h["summary"].format(met=s.met, unmet=s.unmet, no_data=s.no_data, total=len(report.goals))
        + "**",
        "",
    ]
    files: dict[str, str] = {}
    for index, goal in enumerate(report.goals):
        o = goal.outcome
        out += [
            f"## {escape(goal.id)}. {escape(goal.name or goal.title)}",
            "",
            f"*{escape(goal.title)}*",
            "",
        ]
        facts = [f"**{status(goal.status, lang)}**", f"{number(o.value, lang)} ({goal.period})"]
        if o.reference is not None:
            facts.append(f"{number(o.reference, lang)} ({escape(label(o.reference_label, lang))})")
        if o.distance is not None:
            facts.append(distance(goal, lang))
        out += [" · ".join(facts), "", escape(explain(goal, lang)), ""]
        points = [*goal.history] or [(goal.period, o)]
        if any(p.value is not None or p.reference is not None for _, p in points):
            name = f"{_safe(goal.id, index)}-trend.svg"
            files[name] = charts.trend(
                [p.code for p, _ in points],
                [p.value for _, p in points],
                [p.reference for _, p in points],
                report.municipality,
                label(o.reference_label, lang) or "reference",
                lang,
                requirement_line(goal),
            )
            out += [f"![{escape(goal.id)}]({folder}/{name})", ""]
        present = [(r.area, r.value) for r in members.get(goal.id, ()) if r.value is not None]
        if present:
            name = f"{_safe(goal.id, index)}-cluster.svg"
            files[name] = charts.cluster(present, report.municipality, goal.better, lang)
            out += [f"![{escape(goal.id)}]({folder}/{name})", ""]
    return "\n".join(out), files


def _safe(goal_id: str, index: int) -> str:
    """A file name for a goal's chart: its place in the plan first, so that goals whose ids
    differ only in characters a file name cannot hold (``1.a``, ``1_a``) keep their own."""
    return f"{index + 1:02d}-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in goal_id)


def _first_up(text: str) -> str:
    """The first letter in upper case, the rest as it is (``Periode 2018M06``)."""
    return text[:1].upper() + text[1:]


def report(result: Report, options: Options) -> Rendered:
    text, files = render(result, options.members, options.charts, options.lang)
    return Rendered(text, files=files)


# this module's renderers in the registry (beskplan.render.RENDERERS), by kind and format
RENDERS = {
    ("report", "markdown"): report,
}
