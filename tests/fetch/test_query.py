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
    assert build(META, need(), Periods()) == [
        ("mgroup.*", "*"),
        ("period.M", "2024M04,2024M05,2024M06"),
        ("hierarchy._nykom", "*"),
        ("hierarchy._hele_landet", "/"),
        ("hierarchy._kon", "/"),
        ("format", "json"),
    ]


def test_a_category_named_in_where_is_asked_for_beside_the_total() -> None:
    query = dict(build(META, need({"køn": {"Kvinder"}}), Periods.parse("latest:2")))
    assert (query["hierarchy._kon"], query["period.M"]) == ("/,k", "latest:2")


@pytest.mark.parametrize(
    ("categories", "message"),
    [
        (
            {"Køn": {"Kvindr"}},
            "dimension 'Køn' has no category 'Kvindr' in the API's metadata (read by p A); its categories: Køn i alt, Kvinder",
        ),
        (
            {"Alder": {"16-29"}},
            "the API's metadata has no dimension 'Alder' (read by p A); its dimensions: Køn, Område",
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
