"""What plans read: the tables of their measures, the categories named in ``where``, the periods.

A goal reads its measure's columns (a sum reads each part) at its period and at
any period its rule reads besides (a baseline, from the rule's ``periods``). This is
what ``beskplan fetch`` asks the API for.
"""

from __future__ import annotations

from collections.abc import Sequence

from beskplan.core.errors import InputError, MeasureError, Problem
from beskplan.evaluation.context import columns
from beskplan.fetch.needs import Need
from beskplan.plan.catalogue import Measures
from beskplan.plan.goalfile import Plan


def needs(plans: Sequence[Plan], measures: Measures) -> dict[str, Need]:
    """Every table the plans' goals read, by lower-case id; all problems raised at once."""
    found: dict[str, Need] = {}
    problems: list[Problem] = []
    for plan in plans:
        for goal in plan.goals:
            try:
                measure = measures.resolve(goal.fields.measure)
            except MeasureError as exc:
                problems.append(plan.file.problem((*goal.loc, "measure"), f"goal {goal.id}: {exc}"))
                continue
            at = goal.fields.period or plan.period
            periods = {at, *goal.kind.reads(goal.params).periods}
            for spec in columns(measure.spec):
                need = found.setdefault(spec.table.casefold(), Need(spec.table))
                need.periods |= periods
                if (reader := f"{plan.id} {goal.id}") not in need.readers:  # a sum's parts
                    need.readers.append(reader)
                for dimension, category in spec.where:
                    need.categories.setdefault(dimension, set()).add(category)
    if problems:
        raise InputError(problems)
    return found
