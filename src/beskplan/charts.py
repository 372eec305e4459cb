"""Charts for the report, as inline SVG drawn with matplotlib.

matplotlib writes SVG without a browser or a network, keeps text as text
(``svg.fonttype: none``, so no font is embedded or fetched), and its output is
made repeatable (fixed hash salt, no date). Danish labels use a decimal comma.
Lines differ by style and marker as well as shade, so the charts read in
grey-scale print. Each series is an SVG group with an id (``beskplan-value``,
``beskplan-reference``) holding one marker per data point.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from beskplan import words
from beskplan.wording import number
from beskplan.words import Lang

WIDTH, HEIGHT = 6.4, 2.6


def _plt() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update(
        {
            "svg.fonttype": "none",
            "text.parse_math": False,  # names from the data are text, never $math$
            "svg.hashsalt": "beskplan",
            "font.family": "DejaVu Sans",
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    import matplotlib.pyplot as plt

    return plt


def _svg(figure: Any) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.DOTALL)  # RDF, not needed
    return text[text.index("<svg") :]


def _formatter(lang: Lang) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _: number(Decimal(str(round(value, 2))), lang))


def trend(
    periods: Sequence[str],
    values: Sequence[Decimal | None],
    references: Sequence[Decimal | None],
    value_label: str,
    reference_label: str,
    lang: Lang = "da",
    requirement: Sequence[Decimal | None] | None = None,
) -> str:
    """The municipality's value against its reference at every period.

    ``requirement``, where a goal asks for a margin, is the line the value must reach.
    """
    plt = _plt()
    figure, axes = plt.subplots(figsize=(WIDTH, HEIGHT))
    xs = list(range(len(periods)))

    def series(data: Sequence[Decimal | None]) -> tuple[list[int], list[float]]:
        pairs = [(x, float(v)) for x, v in zip(xs, data, strict=True) if v is not None]
        return [p[0] for p in pairs], [p[1] for p in pairs]

    rx, ry = series(references)
    if rx:
        (line,) = axes.plot(rx, ry, linestyle="--", marker="s", color="0.55", label=reference_label)
        line.set_gid("beskplan-reference")
    if requirement is not None:
        qx, qy = series(requirement)
        if qx:
            (line,) = axes.plot(
                qx,
                qy,
                linestyle=":",
                color="0.3",
                label=words.text(lang, "chart.requirement"),
            )
            line.set_gid("beskplan-requirement")
    vx, vy = series(values)
    if vx:
        (line,) = axes.plot(vx, vy, linestyle="-", marker="o", color="0.0", label=value_label)
        line.set_gid("beskplan-value")
    step = max(1, -(-len(periods) // 5))  # at most five labels, so that they never overlap
    ticks = xs[::step]
    axes.set_xticks(ticks, [periods[i] for i in ticks])
    axes.yaxis.set_major_formatter(_formatter(lang))
    axes.grid(axis="y", color="0.9")
    if rx or vx:
        axes.legend(frameon=False, loc="best")
    text = _svg(figure)
    plt.close(figure)
    return text


def cluster(
    members: Sequence[tuple[str, Decimal]],
    highlight: str,
    better: str,
    lang: Lang = "da",
) -> str:
    """The cluster's members in order, best first, the municipality highlighted."""
    plt = _plt()
    ordered = sorted(members, key=lambda m: m[1], reverse=better == "higher")
    figure, axes = plt.subplots(figsize=(WIDTH, 0.35 * len(ordered) + 0.6))
    names = [name for name, _ in ordered][::-1]
    values = [float(value) for _, value in ordered][::-1]
    colours = ["0.1" if name == highlight else "0.75" for name in names]
    hatches = ["//" if name == highlight else "" for name in names]
    bars = axes.barh(names, values, color=colours, edgecolor="0.1")
    for bar, hatch, name in zip(bars, hatches, names, strict=True):
        bar.set_hatch(hatch)
        bar.set_gid(f"beskplan-member-{len(names) - names.index(name)}")
    axes.xaxis.set_major_formatter(_formatter(lang))
    for y, value in enumerate(values):
        axes.text(value, y, " " + number(Decimal(str(value)), lang), va="center", fontsize=8)
    text = _svg(figure)
    plt.close(figure)
    return text
