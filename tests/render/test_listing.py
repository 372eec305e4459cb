"""The plans list and the overview matrix, as tables and JSON."""

from __future__ import annotations

import io
import json

from rich.console import Console

from beskplan.api import Project
from beskplan.render import listing


def test_plans_as_json_and_a_table() -> None:
    plans = Project.open().plans()
    records = {r["plan"]: r for r in json.loads(listing.render_json(listing.plans_record(plans)))}
    assert records["frederiksberg-2018"]["reconstructed"]
    buffer = io.StringIO()
    listing.render_plans(plans, Console(file=buffer, width=200, no_color=True), "da")
    assert "(rekonstrueret)" in buffer.getvalue()


def test_the_overview_record() -> None:
    overview = Project.open().overview(["kobenhavn-2018"])
    record = listing.overview_record(overview)
    # RAR Hovedstaden 2018: København marked X under goals 1 and 4, (X) under 5
    marks = record["plans"][0]["marks"]
    assert (marks["1"], marks["4"], marks["5"]) == ("X", "X", "(X)")
