from __future__ import annotations

import pytest

from beskplan.periods import Kind, PeriodError, parse_period


@pytest.mark.parametrize(
    ("text", "code", "kind"),
    [
        ("2018M06", "2018M06", Kind.MONTH),
        ("2018m6", "2018M06", Kind.MONTH),
        ("2024Q01", "2024Q01", Kind.QUARTER),
        ("2024Q1", "2024Q01", Kind.QUARTER),
        ("2024K1", "2024Q01", Kind.QUARTER),
        ("2021QMAT02", "2021QMAT02", Kind.MOVING_YEAR),
        ("2019", "2019", Kind.YEAR),
        (2019, "2019", Kind.YEAR),
        # API v3 writes a year with its period type Y (the real y28a15 answer: 2024Y01)
        ("2024Y01", "2024", Kind.YEAR),
        ("2024y1", "2024", Kind.YEAR),
        ("2022H02", "2022H02", Kind.HALF_YEAR),
        ("2022h1", "2022H01", Kind.HALF_YEAR),
    ],
)
def test_parse(text: str, code: str, kind: Kind) -> None:
    period = parse_period(text)
    assert (period.code, period.kind) == (code, kind)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2018M13", "there is no month 13"),
        ("2018M00", "there is no month 0"),
        ("2024Q5", "there is no quarter 5"),
        ("2024H03", "there is no half-year 3"),
        ("2024Y02", "a year is written 2024Y01"),
        ("2024A01", "does not parse"),
        ("18M06", "the year must have four digits"),
        ("juni 2018", "does not parse"),
        ("", "does not parse"),
    ],
)
def test_refuse(text: str, message: str) -> None:
    with pytest.raises(PeriodError, match=message):
        parse_period(text)


def test_lookup_order_goes_from_the_period_to_those_containing_it() -> None:
    assert [p.code for p in parse_period("2020M06").lookup_order()] == [
        "2020M06",
        "2020Q02",
        "2020H01",
        "2020QMAT02",
        "2020",
    ]
    assert [p.code for p in parse_period("2020Q04").lookup_order()] == [
        "2020Q04",
        "2020H02",
        "2020QMAT04",
        "2020",
    ]
    assert [p.code for p in parse_period("2020M07").lookup_order()][:3] == [
        "2020M07",
        "2020Q03",
        "2020H02",
    ]
    assert [p.code for p in parse_period("2020H01").lookup_order()] == ["2020H01", "2020"]
    assert [p.code for p in parse_period("2020").lookup_order()] == ["2020", "2020QMAT04"]


def test_order_and_spans() -> None:
    assert parse_period("2018M06").is_after(parse_period("2017M06"))
    assert not parse_period("2018Q02").is_after(parse_period("2018M06"))  # both end in June
    assert parse_period("2021QMAT02").first_month == parse_period("2020M07").first_month


@pytest.mark.parametrize(
    ("first", "following"),
    [
        ("2018M12", "2019M01"),
        ("2018M06", "2018M07"),
        ("2018Q04", "2019Q01"),
        ("2018H01", "2018H02"),
        ("2018H02", "2019H01"),
        ("2020QMAT04", "2021QMAT01"),
        ("2019", "2020"),
    ],
)
def test_next(first: str, following: str) -> None:
    assert parse_period(first).next() == parse_period(following)


def test_half_years_span_six_months() -> None:
    h2 = parse_period("2022H02")
    assert (h2.months, h2.first_month, h2.last_month) == (
        6,
        parse_period("2022M07").first_month,
        parse_period("2022M12").last_month,
    )
    assert parse_period("2024Y01") == parse_period("2024")
