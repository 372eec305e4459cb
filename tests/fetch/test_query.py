"""A table's data query from its metadata: every municipality and the country, totals, periods."""

from __future__ import annotations

import pytest

from beskplan.core.errors import InputError
from beskplan.core.periods import parse_period
from beskplan.fetch.metadata import parse
from beskplan.fetch.needs import Need
from beskplan.fetch.query import Periods, build

META = parse(
    "y01a02",
    {
        "periods": [
            {"periodtype_id": "M", "values": [{"period_id": f"2024M0{m}"} for m in range(1, 7)]}
        ],
        "dimensions": [
            {
                "dimension_name": "Område",
                "hierarchies": [
                    {
                        "hierarchy_id": "_nykom",
                        "levels": [{"values": [{"value_id": "101", "value_name": "København"}]}],
                    },
                    {
                        "hierarchy_id": "_hele_landet",
                        "levels": [{"values": [{"value_id": "/", "value_name": "Hele landet"}]}],
                    },
                ],
            },
            {
                "dimension_name": "Køn",
                "hierarchies": [
                    {
                        "hierarchy_id": "_kon",
                        "levels": [
                            {
                                "values": [
                                    {"value_id": "/", "value_name": "Køn i alt"},
                                    {"value_id": "k", "value_name": "Kvinder"},
                                ]
                            }
                        ],
                    }
                ],
            },
        ],
    },
)


def need(categories: dict[str, set[str]] | None = None, earliest: str = "2024M04") -> Need:
    return Need("Y01A02", categories or {}, {parse_period(earliest)}, ["p A"])


def test_every_municipality_the_country_totals_and_the_periods_from_the_earliest() -> None:
    # the country is the top of _nykom: _hele_landet, a second hierarchy of the same
    # dimension, is not asked for beside it
    assert build(META, need(), Periods()) == [
        ("mgroup.*", "*"),
        ("period.M", "2024M04,2024M05,2024M06"),
        ("hierarchy._nykom", "*"),
        ("hierarchy._kon", "/"),
        ("format", "json"),
    ]


def test_a_category_named_in_where_is_asked_for_with_every_member() -> None:
    query = dict(build(META, need({"køn": {"Kvinder"}}), Periods.parse("latest:2")))
    assert (query["hierarchy._kon"], query["period.M"]) == ("*", "latest:2")


def test_latest_never_asks_past_the_history() -> None:
    query = dict(build(META, need(), Periods.parse("latest:40")))
    assert query["period.M"] == "latest:6"  # the table publishes six months


REAL_SHAPE = parse(
    "y25i01",
    {
        "periods": [{"periodtype_id": "M", "values": [{"period_id": "2026M07"}]}],
        "dimensions": [
            {
                "dimension_id": "_omrade",
                "name": "",
                "hierarchies": [
                    {
                        "hierarchy_id": "_nykom",
                        "levels": [{"values": [{"value_id": "/", "value_name": "Hele landet"}]}],
                    }
                ],
            },
            {
                "dimension_id": "_ygrpi09",
                "name": "",
                "hierarchies": [
                    {
                        "hierarchy_id": "_ygrpi09",
                        "levels": [
                            {
                                "values": [
                                    {"value_id": "/", "value_name": "Ydelsesgrupper i alt"},
                                    {"value_id": "/2/", "value_name": "A-dagpenge"},
                                ]
                            }
                        ],
                    }
                ],
            },
            {
                "dimension_id": "_akassebl",
                "name": "",
                "hierarchies": [
                    {
                        "hierarchy_id": "_akassebl",
                        "levels": [{"values": [{"value_id": "/", "value_name": "I alt"}]}],
                    }
                ],
            },
        ],
    },
)


def test_a_dimension_the_metadata_does_not_name_is_found_by_its_values() -> None:
    """The real metadata names no dimension: Ydelsesgrupper is the one listing A-dagpenge."""
    wanted = Need("Y25I01", {"Ydelsesgrupper": {"A-dagpenge"}}, {parse_period("2026M07")}, ["p A"])
    assert build(REAL_SHAPE, wanted, Periods()) == [
        ("mgroup.*", "*"),
        ("period.M", "2026M07"),
        ("hierarchy._nykom", "*"),
        ("hierarchy._ygrpi09", "*"),
        ("hierarchy._akassebl", "/"),
        ("format", "json"),
    ]


@pytest.mark.parametrize(
    ("categories", "message"),
    [
        (
            {"Køn": {"Kvindr"}},
            "no dimension in the API's metadata lists 'Kvindr', which 'Køn' names (read by p A) "
            "(did you mean 'Kvinder'?); its categories: Kvinder, Køn i alt",
        ),
        (
            {"Alder": {"16-29"}},
            "no dimension in the API's metadata lists '16-29', which 'Alder' names (read by p A); "
            "its categories: Kvinder, Køn i alt",
        ),
    ],
)
def test_what_the_metadata_has_not_is_refused(
    categories: dict[str, set[str]], message: str
) -> None:
    with pytest.raises(InputError) as caught:
        build(META, need(categories), Periods())
    assert str(caught.value) == "table Y01A02: " + message


def test_periods_option() -> None:
    assert Periods.parse(None) == Periods()
    assert Periods.parse("2024M02..2024M03").first == parse_period("2024M02")
    assert (
        dict(build(META, need(), Periods.parse("2024M02..2024M03")))["period.M"]
        == "2024M02,2024M03"
    )


def meta_of(periods: dict[str, list[str]]) -> object:
    return parse(
        "y01a02",
        {
            "periods": [
                {"periodtype_id": kind, "values": [{"period_id": code} for code in codes]}
                for kind, codes in periods.items()
            ],
            "dimensions": [],
        },
    )


@pytest.mark.parametrize(
    ("published", "asked", "expected"),
    [
        # a quarter reads its last month of a monthly table: from June on, not from April
        (
            {"M": [f"2024M{m:02}" for m in range(1, 10)]},
            "2024Q2",
            ("M", "2024M06,2024M07,2024M08,2024M09"),
        ),
        # a quarter reads the moving year that ends with it
        (
            {"QMAT": ["2024QMAT01", "2024QMAT02", "2024QMAT03"]},
            "2024Q2",
            ("QMAT", "2024QMAT02,2024QMAT03"),
        ),
        # a table with both quarters and months: the quarter itself first
        (
            {"M": ["2024M06", "2024M09"], "Q": ["2024Q02", "2024Q03"]},
            "2024Q2",
            ("Q", "2024Q02,2024Q03"),
        ),
        # a year reads December of a monthly table
        ({"M": ["2023M11", "2023M12", "2024M01"]}, "2023", ("M", "2023M12,2024M01")),
    ],
)
def test_the_periods_asked_for_are_those_the_goals_read(
    published: dict[str, list[str]], asked: str, expected: tuple[str, str]
) -> None:
    meta = meta_of(published)
    assert isinstance(meta, type(META))
    query = dict(build(meta, Need("Y01A02", {}, {parse_period(asked)}, ["p A"]), Periods()))
    kind, codes = expected
    assert query[f"period.{kind}"] == codes


def test_a_table_with_no_period_ending_where_the_goals_ask_is_refused_before_asking() -> None:
    meta = meta_of({"Y": ["2023Y01", "2024Y01"]})
    assert isinstance(meta, type(META))
    with pytest.raises(InputError) as caught:
        build(meta, Need("Y01A02", {}, {parse_period("2024Q2")}, ["p A"]), Periods())
    assert str(caught.value) == (
        "table Y01A02: the API publishes no Y periods that end where the goals' periods end "
        "(2024Q02; read by p A); "
        "it has 2023 to 2024"
    )


def test_where_the_values_cannot_decide_each_dimension_that_fits_is_asked_at_every_member() -> None:
    # two dimensions list 'I alt' and neither is named: both at *, the reader keeps the
    # column the answer names A-kasse
    doubled = parse(
        "y25i01",
        {
            "periods": [{"periodtype_id": "M", "values": [{"period_id": "2026M07"}]}],
            "dimensions": [
                {
                    "dimension_id": dim,
                    "hierarchies": [
                        {
                            "hierarchy_id": dim,
                            "levels": [{"values": [{"value_id": "/", "value_name": "I alt"}]}],
                        }
                    ],
                }
                for dim in ("_akassebl", "_tilbud")
            ],
        },
    )
    wanted = Need("Y25I01", {"A-kasse": {"I alt"}}, {parse_period("2026M07")}, ["p A"])
    query = dict(build(doubled, wanted, Periods()))
    assert (query["hierarchy._akassebl"], query["hierarchy._tilbud"]) == ("*", "*")
