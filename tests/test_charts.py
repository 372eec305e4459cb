"""Charts as self-contained SVG: the trend with its requirement line, the cluster in order."""

from __future__ import annotations

from decimal import Decimal

from beskplan.charts import cluster, trend


def test_a_trend_is_svg_with_a_point_per_period_and_the_requirement() -> None:
    svg = trend(
        ["2018M03", "2018M06"],
        [Decimal("3.0"), Decimal("3.1")],
        [Decimal("2.4"), Decimal("2.3")],
        "Frederiksberg",
        "klyngegennemsnit",
        "da",
        requirement=[Decimal("1.4"), Decimal("1.3")],
    )
    assert svg.startswith("<svg") and "<metadata>" not in svg
    assert 'id="beskplan-requirement"' in svg
    assert "http" not in svg.replace("http://www.w3.org", "")  # nothing from outside


def test_a_cluster_chart_lists_the_members_best_first() -> None:
    import re

    members = [("Bo", Decimal("2.5")), ("Frederiksberg", Decimal("3.1")), ("Al", Decimal("2.0"))]
    svg = cluster(members, "Frederiksberg", "lower")
    names = [t for t in re.findall(r">([^<>]+)</text>", svg) if not t.strip()[0].isdigit()]
    # best first from the top; the SVG writes the axis labels from the bottom up
    assert names == ["Frederiksberg", "Bo", "Al"]
    higher = [
        t
        for t in re.findall(r">([^<>]+)</text>", cluster(members, "Al", "higher"))
        if not t[0].isdigit()
    ]
    assert higher == ["Al", "Bo", "Frederiksberg"]
