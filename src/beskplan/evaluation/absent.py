"""Why a figure is missing, and areas the data does not know.

A goal without a figure says why: its table has no figure for the period (with
the periods it has), the area is in none of the tables it reads (with the
closest names), or the area has no row at that period. A suppressed figure says
its marker where the rule finds it. A plan whose municipality is in none of the
tables it reads is refused before evaluation; a cluster member or ``than:`` that
is in none of them is noted beside the result, since a cluster may hold a member
without figures.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import replace

from beskplan.core.areas import area_key
from beskplan.core.errors import InputError, MeasureError
from beskplan.core.periods import Period, PeriodRuns
from beskplan.evaluation.context import Context, columns
from beskplan.extracts import Table
from beskplan.extracts.layout import AREA
from beskplan.plan.goalfile import Plan
from beskplan.rules.base import NATIONAL
from beskplan.rules.outcome import Msg, Outcome, Status

MISSING = ("own_missing", "reference_missing")


def closest_areas(area: str, tables: Iterable[Table], n: int = 3) -> list[str]:
    """The area names of ``tables`` closest to ``area``, closest first (none for the
    country: a table without it has no other name for it)."""
    if area_key(area) == area_key(NATIONAL):
        return []
    names = {area_key(name): name for table in tables for name in table.values(AREA)}
    keys = difflib.get_close_matches(area_key(area), list(names), n=n, cutoff=0.6)
    return [names[k] for k in keys]


def plan_tables(plan: Plan, context: Context) -> list[Table]:
    """The tables the plan's goals read, each once, in the goals' order (a goal whose
    measure cannot be resolved is left out: evaluating it says what is wrong)."""
    found: dict[str, Table] = {}
    for goal in plan.goals:
        try:
            for spec in columns(context.measures.resolve(goal.fields.measure).spec):
                found.setdefault(spec.table.casefold(), context.store.table(spec.table))
        except (InputError, MeasureError):
            continue
    return list(found.values())


def unknown_municipality(plan: Plan, context: Context) -> str | None:
    """Why the plan's municipality cannot be evaluated, where it is in none of the tables
    the plan reads: "Randres: not an area in Y25I01, Y60A02; did you mean Randers?"."""
    tables = plan_tables(plan, context)
    if not tables or any(table.has_area(plan.municipality) for table in tables):
        return None
    named = ", ".join(table.id for table in tables[:4])
    if len(tables) > 4:
        named += f" and {len(tables) - 4} more tables"
    hints = closest_areas(plan.municipality, tables)
    hint = f"; did you mean {' or '.join(hints[:2])}?" if hints else ""
    return (
        f"municipality {plan.municipality}: not an area in {named}{hint} Write the name as the "
        "tables write it"
    )


def why_missing(
    outcome: Outcome, tables: Sequence[tuple[Table, Period | None]], period: Period
) -> Outcome:
    """``outcome`` with the reason a missing figure is missing, where the data can say more
    than "has no figure": the table has no figure for ``period`` (``tables`` maps each
    table the goal reads to the period it is read at there), or the area is in none of
    them."""
    reason = outcome.reason
    if outcome.status is not Status.NO_DATA or reason.key not in MISSING or reason.args.get("raw"):
        return outcome
    for table, read in tables:
        if read is None:
            have = PeriodRuns(tuple(table.periods.values()))
            why = Msg("no_period", {"table": table.id, "period": period, "has": have})
            return replace(outcome, reason=why)
    area = str(reason.args.get("area", ""))
    read_from = [table for table, _ in tables]
    if area and not any(t.has_area(area) for t in read_from):
        return replace(outcome, reason=not_in_tables(area, read_from))
    return outcome


def not_in_tables(area: str, tables: list[Table]) -> Msg:
    """``area`` is in none of ``tables``, with the closest names they have."""
    hints = closest_areas(area, tables)
    args = {"area": area, "tables": ", ".join(t.id for t in tables), "closest": ", ".join(hints)}
    return Msg("not_in_table.closest" if hints else "not_in_table", args)


def unknown_areas(areas: Iterable[str], tables: list[Table]) -> tuple[Msg, ...]:
    """A note for each of ``areas`` (cluster members, ``than:``) that is in none of
    ``tables``, with the closest names."""
    seen: set[str] = set()
    notes = []
    for area in areas:
        key = area_key(area)
        if key in seen or area == NATIONAL or any(t.has_area(area) for t in tables):
            continue
        seen.add(key)
        notes.append(not_in_tables(area, tables))
    return tuple(notes)
