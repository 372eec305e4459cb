from __future__ import annotations

import pytest

from beskplan.core.periods import Kind, PeriodError, parse_period


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


def test_lookup_order_is_the_periods_that_end_where_the_asked_one_ends() -> None:
    """The period a goal reads is its table's period that ends where the asked one ends:
    the asked period first, then the others finest first."""
    assert [p.code for p in parse_period("2026Q2").lookup_order()] == [
        "2026Q02",
        "2026M06",
        "2026H01",
        "2026QMAT02",
    ]
    assert [p.code for p in parse_period("2026").lookup_order()] == [
        "2026",
        "2026M12",
        "2026Q04",
        "2026H02",
        "2026QMAT04",
    ]
    assert [p.code for p in parse_period("2020M06").lookup_order()] == [
        "2020M06",
        "2020Q02",
        "2020H01",
        "2020QMAT02",
    ]
    # a month inside a quarter: no coarser period ends there
    assert [p.code for p in parse_period("2020M05").lookup_order()] == ["2020M05"]
    assert [p.code for p in parse_period("2020H01").lookup_order()] == [
        "2020H01",
        "2020M06",
        "2020Q02",
        "2020QMAT02",
    ]


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


# every pair of frequencies: whether the second holds the first, and whether a goal asked for
# the first reads a table that publishes only the second (Period.lookup_order): it does
# where the second ends where the first ends
PAIRS = [
    ("2018M06", "2018Q02", True, True),
    ("2018M06", "2018H01", True, True),
    ("2018M06", "2018QMAT02", True, True),
    ("2018M06", "2018", True, False),  # the year ends in December, not in June
    ("2018M06", "2018Y01", True, False),
    ("2018M07", "2018Q02", False, False),
    ("2018M07", "2018H01", False, False),
    ("2018M05", "2018Q02", True, False),  # held by the quarter, which ends later
    ("2018Q02", "2018H01", True, True),
    ("2018Q02", "2018QMAT02", True, True),
    ("2018Q02", "2018", True, False),
    ("2018Q03", "2018H01", False, False),
    ("2018H01", "2018", True, False),
    ("2018H02", "2018QMAT04", True, True),  # both end in December
    ("2018QMAT04", "2018", True, True),
    ("2018QMAT02", "2018", False, False),
    ("2018", "2018QMAT04", True, True),
    ("2018", "2018H02", False, True),
    ("2018Q02", "2018M06", False, True),  # a quarter reads its last month from monthly data
    ("2018", "2018M12", False, True),
]


@pytest.mark.parametrize(("asked", "published", "holds", "read"), PAIRS)
def test_every_pair_of_frequencies(asked: str, published: str, holds: bool, read: bool) -> None:
    a, p = parse_period(asked), parse_period(published)
    assert p.contains(a) == holds
    assert (p in a.lookup_order()) == read


@pytest.mark.parametrize(
    ("codes", "said"),
    [
        (["2017M01"], "2017M01"),
        (["2016M03", "2016M04", "2016M05"], "2016M03–2016M05"),
        (
            ["2016M03", "2016M04", "2016M12", "2017M02", "2017M03"],
            "2016M03–2016M04, 2016M12 and 2017M02–2017M03",
        ),
        (["2016M03", "2016M06", "2016M09", "2016M12"], "2016M03–2016M12 every 3 months"),
        (["2020QMAT02", "2020QMAT04", "2021QMAT02"], "2020QMAT02–2021QMAT02 every 6 months"),
        (["2019", "2020", "2022"], "2019–2020 and 2022"),
        ([], "none"),
    ],
)
def test_runs_say_the_gaps(codes: list[str], said: str) -> None:
    from beskplan.core.periods import runs

    assert runs(parse_period(c) for c in codes) == said


def test_ranges_and_the_periods_between() -> None:
    from beskplan.core.periods import between, parse_range

    first, last = parse_range("2018M11..2019M02")
    assert [p.code for p in between(first, last)] == ["2018M11", "2018M12", "2019M01", "2019M02"]
    assert parse_range("2020M01..2021QMAT04")[1].code == "2021QMAT04"  # fetch takes mixed ends
    with pytest.raises(PeriodError, match="2018M01 comes before 2018M05"):
        parse_range("2018M05..2018M01")
    with pytest.raises(PeriodError, match="is not a range"):
        parse_range("2018M05")
    with pytest.raises(PeriodError, match="not of the same frequency"):
        between(parse_period("2018M01"), parse_period("2018Q02"))


@pytest.mark.parametrize(
    ("period", "previous", "year_ago"),
    [
        ("2026Q01", "2025Q04", "2025Q01"),
        ("2026Q02", "2026Q01", "2025Q02"),
        ("2026M01", "2025M12", "2025M01"),
        ("2026QMAT02", "2026QMAT01", "2025QMAT02"),
        ("2026H01", "2025H02", "2025H01"),
        ("2026", "2025", "2025"),
    ],
)
def test_previous_and_year_ago_keep_the_frequency(
    period: str, previous: str, year_ago: str
) -> None:
    at = parse_period(period)
    assert (at.previous().code, at.year_ago().code) == (previous, year_ago)
