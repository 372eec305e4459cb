"""Markdown for committee papers and pull-request comments.

Text from goal and data files is escaped: table pipes, HTML and the
characters Markdown would read as formatting.
"""

from __future__ import annotations

import re

from beskplan.core.words import Lang, text
from beskplan.evaluation.results import Report
from beskplan.render import Options, Rendered
from beskplan.render.verdicts import explain, label
from beskplan.render.wording import HEADERS, as_of, distance, number, period_note, status, when
from beskplan.rules.outcome import Status

ICON = {Status.MET: "✅", Status.UNMET: "❌", Status.NO_DATA: "➖"}

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#!~])")


def escape(text: str) -> str:
    """Text as Markdown shows it literally, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def render(report: Report, lang: Lang = "da", previous: Report | None = None) -> str:
    h = HEADERS[lang]
    s = report.summary
    out = [
        f"## {escape(report.title)} — {escape(report.municipality)}, {when(report, lang)}\n",
        h["summary"].format(met=s.met, unmet=s.unmet, no_data=s.no_data, total=len(report.goals))
        + "\n",
    ]
    before = {g.id: g for g in previous.goals} if previous else {}
    # as the terminal table: no column of ranks where no goal has one
    ranked = any(g.outcome.rank is not None for g in report.goals)
    rows = []
    for g in report.goals:
        o = g.outcome
        old = before.get(g.id)
        compare = [f"{status(old.status, lang)} {number(old.outcome.value, lang)}" if old else "-"]
        ref = number(o.reference, lang) if o.reference is not None else "-"
        ref_label = label(o.reference_label, lang)
        rank = text(lang, "table.rank", rank=o.rank, of=o.of) if o.rank else ""
        value = number(o.value, lang) + period_note(g, report, lang)
        rows.append(
            [
                escape(g.id),
                escape(g.name or g.title),
                f"{ICON[g.status]} {status(g.status, lang)}",
                *(compare if previous else []),
                value,
                ref + (f" ({escape(ref_label)})" if ref_label else ""),
                distance(g, lang),
                *([rank] if ranked else []),
                escape(explain(g, lang)),
            ]
        )
    header = [h[k] for k in ("id", "title", "status")]
    header += [str(previous.period)] if previous else []
    header += [h[k] for k in ("value", "reference", "gap", *(("rank",) if ranked else ()))]
    header.append(h["explanation"])
    out.append(table(header, rows))
    if report.source:
        out.append(f"{h['source']}: {escape(report.source)}\n")
    if dated := as_of(report.sources, lang):
        out.append(f"{escape(dated)}\n")
    return "\n".join(out)


def evaluation(report: Report, options: Options) -> Rendered:
    return Rendered(render(report, options.lang, options.previous))


# this module's renderers in the registry (beskplan.render.RENDERERS), by kind and format
RENDERS = {
    ("evaluation", "markdown"): evaluation,
}
