"""A plan applied to every municipality, and over a range of periods."""

from __future__ import annotations

import json
from typing import Any

import pytest

from beskplan.core.errors import InputError
from beskplan.evaluation.nationwide import period_range


def test_all_municipalities(run: Any) -> None:
    result = run("evaluate", "frederiksberg-2019", "--all-municipalities", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = {r["municipality"]: r for r in json.loads(result.stdout)["municipalities"]}
    assert "Hele landet" not in rows and "RAR Hovedstaden" not in rows
    # Frederiksberg fares as in its own evaluation (the plan's status, June 2018)
    fb = rows["Frederiksberg"]
    assert fb["summary"] == {"met": 6, "unmet": 2, "no_data": 0}
    assert fb["national_instead"] == []
    # Gentofte is compared with its own a-dagpenge cluster (Frederiksberg's, in the bundled data)
    gentofte_d = next(g for g in rows["Gentofte"]["goals"] if g["id"] == "D")
    assert gentofte_d["reference"] == pytest.approx((3.1 + 2.6 + 2.0 + 2.5 + 2.3) / 5)
    # Furesø is in no a-dagpenge cluster: compared with the national level, and said so
    assert "D" in rows["Furesø"]["national_instead"]
    furesoe_d = next(g for g in rows["Furesø"]["goals"] if g["id"] == "D")
    assert furesoe_d["reference"] == 2.7
    met = [r["summary"]["met"] for r in json.loads(result.stdout)["municipalities"]]
    assert met == sorted(met, reverse=True)


def test_all_municipalities_table_and_csv(run: Any) -> None:
    table = run("evaluate", "frederiksberg-2019", "--all-municipalities")
    assert table.exit_code == 0 and "Frederiksberg" in table.stdout and "6 af 8" in table.stdout
    csv = run("evaluate", "frederiksberg-2019", "--all-municipalities", "--format", "csv")
    assert (
        csv.stdout.splitlines()[0]
        == "municipality,id,period,status,value,reference,gap,distance,national_instead"
    )


def test_periods_timeline(run: Any) -> None:
    result = run(
        "evaluate", "frederiksberg-2019", "--periods", "2017M06..2018M06", "--format", "json"
    )
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["range"] == ["2017M06", "2018M06"]
    h = next(g for g in doc["goals"] if g["id"] == "H")
    # a yearly figure read at the goal's own period, 2018: met (the plan's status)
    assert [(p["evaluated_at"], p["status"]) for p in h["timeline"]] == [("2018", "met")]
    assert (h["met"], h["with_data"]) == (1, 1)
    a = next(g for g in doc["goals"] if g["id"] == "A")
    # the data has figures at the end of each quarter (data/README.md): a step at each
    quarter_ends = ["2017M06", "2017M09", "2017M12", "2018M03", "2018M06"]
    assert [p["evaluated_at"] for p in a["timeline"]] == quarter_ends
    assert a["timeline"][0]["status"] == a["timeline"][-1]["status"] == "met"  # the plan's status
    assert doc["periods"] == ["2017M06", "2017M09", "2017M12", "2018M03", "2018M06", "2018"]
    table = run("evaluate", "frederiksberg-2019", "--periods", "2017M06..2018M06")
    assert "✔ 2018" in table.stdout and "1 af 1" in table.stdout


def test_periods_of_quarters_read_each_quarters_last_month(run: Any) -> None:
    result = run(
        "evaluate", "frederiksberg-2019", "--periods", "2017K3..2018Q2", "--format", "json"
    )
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    a = next(g for g in doc["goals"] if g["id"] == "A")
    # four quarters, each read at its last month of the monthly table; all four counted
    assert [p["evaluated_at"] for p in a["timeline"]] == [
        "2017M09",
        "2017M12",
        "2018M03",
        "2018M06",
    ]
    assert (a["met"], a["with_data"]) == (4, 4)  # the plan's status in June 2018 is met
    # how far each file reaches: data/README.md, the last month of every quarter 2016-2019
    series = next(s for s in doc["sources"] if s["path"] == "PTV_A02_series.csv")
    assert (series["first_period"], series["newest_period"]) == ("2016M03", "2019M12")
    table = run("evaluate", "frederiksberg-2019", "--periods", "2017Q3..2018Q2")
    assert "4 af 4" in table.stdout
    assert "Data til og med" in table.stdout and "december 2019" in table.stdout


def test_a_goal_with_no_period_in_the_range_says_which_periods_its_table_has(run: Any) -> None:
    # PTV_A02 (goal A) has the last month of every quarter 2016-2019 (data/README.md)
    result = run("evaluate", "frederiksberg-2019", "--periods", "2021M01..2021M06")
    assert result.exit_code == 0, result.stderr
    line = " ".join(next(r for r in result.stdout.splitlines() if r.startswith("A ")).split())
    assert "PTV_A02 har intet tal fra 2021M01 til 2021M06; tabellen har 2016M03–2019M12" in line
    assert line.endswith("0 af 0")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2018M01", "is not a range"),
        ("2018M01..2018Q02", "not of the same frequency"),
        ("2018M05..2018M01", "comes before"),
        ("2018M13..2019M01", "no month 13"),
    ],
)
def test_bad_ranges(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        period_range(text)


def test_not_both(run: Any) -> None:
    result = run(
        "evaluate", "frederiksberg-2019", "--all-municipalities", "--periods", "2018M01..2018M02"
    )
    assert result.exit_code == 2 and "not both" in result.stderr
