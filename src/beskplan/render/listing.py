"""Renderers for the plan list and the cross-plan overview."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.text import Text

from beskplan.core.words import Lang, section, text
from beskplan.evaluation.overview import Overview
from beskplan.plan.goalfile import Plan
from beskplan.render import Options, Rendered
from beskplan.render.grid import fixed, grid, prose


def plans_record(plans: list[Plan]) -> list[dict[str, Any]]:
    return [
        {
            "plan": p.id,
            "title": p.title,
            "municipality": p.municipality,
            "year": p.year,
            "period": p.period.code,
            "goals": len(p.goals),
            "source": p.source,
            "reconstructed": p.reconstructed,
        }
        for p in plans
    ]


def render_plans(plans: list[Plan], console: Console, lang: Lang = "da") -> None:
    w = section(lang, "listing")
    table = grid(console)
    fixed(table, w["plan"])
    prose(table, w["municipality"])
    fixed(table, w["year"])
    fixed(table, w["goals"], "right")
    fixed(table, w["period"])
    prose(table, w["source"], ratio=3)
    for p in plans:
        source = (p.source or "") + (text(lang, "listing.reconstructed") if p.reconstructed else "")
        table.add_row(
            Text(p.id),
            Text(p.municipality),
            str(p.year),
            str(len(p.goals)),
            p.period.code,
            Text(source),
        )
    console.print(table)


def overview_record(overview: Overview) -> dict[str, Any]:
    return {
        "ministermaal": {
            str(year): {str(n): text for n, text in goals.items()}
            for year, goals in sorted(overview.ministermaal.items())
        },
        "plans": [
            {
                "plan": r.plan,
                "municipality": r.municipality,
                "year": r.year,
                "period": r.period,
                "marks": {str(n): r.marks[n] for n in sorted(r.marks)},
                "goals": r.goals,
                "met": r.met,
                "unmet": r.unmet,
                "no_data": r.no_data,
                "share_met": round(r.share_met, 4),
            }
            for r in overview.rows
        ],
    }


def render_overview(overview: Overview, console: Console, lang: Lang = "da") -> None:
    w = section(lang, "listing")
    for year in overview.years():
        columns = overview.columns(year)
        table = grid(console, w["overview"].format(year=year))
        prose(table, w["municipality"])
        fixed(table, w["plan"])
        for n in columns:
            fixed(table, str(n), "center")
        fixed(table, w["met"], "right")
        for r in (r for r in overview.rows if r.year == year):
            share = f"{r.met} {w['of']} {r.goals} ({round(100 * r.share_met)} %)"
            table.add_row(
                Text(r.municipality), Text(r.plan), *(r.marks.get(n, "") for n in columns), share
            )
        console.print(table)
        if not columns:
            console.print(Text(w["none"], style="dim"))
        else:
            texts = overview.ministermaal.get(year, {})
            for n in columns:
                if n in texts:
                    console.print(Text(f"{n}. {texts[n]}", style="dim"))
            console.print(Text(w["legend"], style="dim"))
        console.print()


def render_json(record: object) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def plans_table(plans: list[Plan], options: Options) -> Rendered:
    return Rendered(paint=lambda console: render_plans(plans, console, options.lang))


def plans_json(plans: list[Plan], options: Options) -> Rendered:
    return Rendered(render_json(plans_record(plans)))


def overview_table(overview: Overview, options: Options) -> Rendered:
    return Rendered(paint=lambda console: render_overview(overview, console, options.lang))


def overview_json(overview: Overview, options: Options) -> Rendered:
    return Rendered(render_json(overview_record(overview)))


# this module's renderers in the registry (beskplan.render.RENDERERS), by kind and format
RENDERS = {
    ("plans", "table"): plans_table,
    ("plans", "json"): plans_json,
    ("overview", "table"): overview_table,
    ("overview", "json"): overview_json,
}
