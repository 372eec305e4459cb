"""Charts as self-contained SVG: the trend with its requirement line, the cluster in order."""

from __future__ import annotations

from decimal import Decimal

from beskplan.render.charts import cluster, trend


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

    texts = re.findall(r">([^<>]+)</text>", svg)
    return [t for t in texts if not t.strip()[0].isdigit() and not t.startswith("gennemsnit")]


def test_a_cluster_chart_lists_the_members_best_first() -> None:
    members = [("Bo", Decimal("2.5")), ("Frederiksberg", Decimal("3.1")), ("Al", Decimal("2.0"))]
    # best first from the top; the SVG writes the axis labels from the bottom up
    assert _names(cluster(members, "Frederiksberg", "lower")) == ["Frederiksberg", "Bo", "Al"]
    assert _names(cluster(members, "Al", "higher")) == ["Al", "Bo", "Frederiksberg"]


def test_a_name_with_dollars_is_text_not_math() -> None:
    svg = cluster([("$\\x$", Decimal("1.0")), ("A", Decimal("2.0"))], "A", "lower")
    assert "$\\x$" in _names(svg)


def _texts(svg: str) -> list[str]:
    import re

    return re.findall(r">([^<>]+)</text>", svg)


def test_the_cluster_chart_draws_the_mean_of_the_others_and_names_the_unit() -> None:
    members = [("Bo", Decimal("2.5")), ("Frederiksberg", Decimal("3.1")), ("Al", Decimal("2.0"))]
    svg = cluster(members, "Frederiksberg", "lower", "da", "pct.")
    assert 'id="beskplan-mean"' in svg
    # (2,5 + 2,0) / 2 = 2,25, shown to the members' one decimal, rounded half up
    assert "gennemsnit af de øvrige: 2,3" in _texts(svg)
    assert "pct." in _texts(svg)


def test_ticks_share_one_number_of_decimals_and_the_baseline_is_marked() -> None:
    import re

    svg = trend(
        ["2016M06", "2017M06", "2018M06"],
        [Decimal("3.0"), Decimal("3.1"), Decimal("3.12")],
        [Decimal("2.4"), Decimal("2.3"), Decimal("2.31")],
        "Frederiksberg",
        "landsgennemsnit",
        "da",
        unit="pct.",
        baseline=0,
    )
    assert 'id="beskplan-baseline"' in svg and "basis 2016M06" in _texts(svg)
    ticks = [t for t in _texts(svg) if re.fullmatch(r"-?[0-9.]+(,[0-9]+)?", t)]
    assert len(ticks) >= 3
    decimals = {len(t.split(",")[1]) if "," in t else 0 for t in ticks}
    assert len(decimals) == 1, ticks
    assert "pct." in _texts(svg)
