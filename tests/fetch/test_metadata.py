"""The API's metadata read tolerantly: absent fields passed over, extra ones ignored."""

from __future__ import annotations

from beskplan.core.periods import parse_period
from beskplan.fetch import metadata


def test_periods_keep_the_apis_ids_and_order() -> None:
    meta = metadata.parse(
        "y28a15",
        [  # an answer wrapped in a list, with fields the reader does not know
            {
                "periods": [
                    {
                        "periodtype_id": "Y",
                        "values": [{"period_id": "2025Y01"}, {"period_id": "2024Y01"}],
                    },
                    {"values": [{"period_id": "2024M01"}]},  # no type: passed over
                    {"periodtype_id": "M", "values": [{"period_id": "not a period"}, "2024M02"]},
                ],
                "update_freq": "Y",
            }
        ],
    )
    assert meta.periods["Y"] == [
        (parse_period("2024"), "2024Y01"),
        (parse_period("2025"), "2025Y01"),
    ]
    assert meta.periods["M"] == [(parse_period("2024M02"), "2024M02")]
    assert meta.period_type() == "M"  # the finest
    assert meta.period_type({parse_period("2024").kind}) == "Y"


def test_dimensions_without_hierarchy_ids_or_values_are_passed_over() -> None:
    meta = metadata.parse(
        "y01a02",
        {
            "dimensions": [
                {
                    "dimension_name": "Køn",
                    "hierarchies": [
                        {
                            "hierarchy_id": "_kon",
                            "levels": [
                                {
                                    "values": [
                                        {"value_id": "/", "value_name": "Køn i alt"},
                                        {"value_id": "k"},
                                    ]
                                }
                            ],
                        }
                    ],
                },
                {"dimension_name": "Alder", "hierarchies": [{"levels": []}]},
                "not a dimension",
            ]
        },
    )
    # no dimension id given: the dimension is known by its name
    assert meta.hierarchies == [metadata.Hierarchy("_kon", "Køn", (("/", "Køn i alt"),), "Køn")]
    assert meta.periods == {}
    assert meta.period_type() is None


def test_table_ids_are_found_wherever_the_list_puts_them() -> None:
    answer = {"tables": [{"table_id": "Y60A02"}, {"group": [{"tableId": "ptv_a02"}]}], "count": 2}
    assert metadata.table_ids(answer) == {"y60a02", "ptv_a02"}
