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


def _names(svg: str) -> list[str]:
    """The chart's text that is not a number: the members' names."""
    import re

    return [t for t in re.findall(r">([^<>]+)</text>", svg) if not t.strip()[0].isdigit()]


def test_a_cluster_chart_lists_the_members_best_first() -> None:
    members = [("Bo", Decimal("2.5")), ("Frederiksberg", Decimal("3.1")), ("Al", Decimal("2.0"))]
    # best first from the top; the SVG writes the axis labels from the bottom up
    assert _names(cluster(members, "Frederiksberg", "lower")) == ["Frederiksberg", "Bo", "Al"]
    assert _names(cluster(members, "Al", "higher")) == ["Al", "Bo", "Frederiksberg"]


def test_a_name_with_dollars_is_text_not_math() -> None:
    svg = cluster([("$\\x$", Decimal("1.0")), ("A", Decimal("2.0"))], "A", "lower")
    assert "$\\x$" in _names(svg)
