"""Charts for the report, as inline SVG drawn with matplotlib.

matplotlib writes SVG without a browser or a network, keeps text as text
(``svg.fonttype: none``, so no font is embedded or fetched), and its output is
made repeatable (fixed hash salt, no date). Danish labels use a decimal comma,
every tick of an axis has the same number of decimals, and the axis names the
unit. The municipality is drawn in blue and the requirement in orange, but lines
differ by style and marker as well, so the charts read in grey-scale print. Each
series is an SVG group with an id (``beskplan-value``, ``beskplan-reference``,
``beskplan-requirement``, ``beskplan-baseline``, ``beskplan-mean``) holding one
marker per data point.
"""

from __future__ import annotations

import io
import itertools
import math
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from beskplan.core import words
from beskplan.core.words import Lang
from beskplan.render.wording import number

WIDTH, HEIGHT = 6.4, 2.6
OWN = "#1f5fa8"  # the municipality: a dark blue, dark in grey-scale too
REQUIRED = "#b85c00"  # what the goal requires, and the cluster's mean: a dark orange
OTHERS = "0.55"


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


def _ticks(axis: Any, lang: Lang, unit: str) -> None:
    """At most six ticks at steps of 1, 2 or 5 (times a power of ten), each written with
    the decimals the step needs, and the unit as the axis's name."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))

    def written(value: float, _: int) -> str:
        ticks = list(axis.get_majorticklocs())
        steps = [b - a for a, b in itertools.pairwise(ticks) if b > a]
        step = min(steps) if steps else 1.0
        places = max(0, -math.floor(math.log10(step) + 1e-9))
        return number(Decimal(f"{value:.{places}f}"), lang)

    axis.set_major_formatter(FuncFormatter(written))
    if unit:
        axis.set_label_text(unit)


def trend(
    periods: Sequence[str],
    values: Sequence[Decimal | None],
    references: Sequence[Decimal | None],
    value_label: str,
    reference_label: str,
    lang: Lang = "da",
    requirement: Sequence[Decimal | None] | None = None,
    unit: str = "",
    baseline: int | None = None,
    missing: int | None = None,
) -> str:
    """The municipality's value against its reference at every period.

    ``requirement``, where a goal asks for a margin, is the line the value must reach;
    ``baseline`` is the index of the period a goal measures its progress from; ``missing``
    the index of the period evaluated, where the municipality has no figure: a shaded band
    says so, so that the line's end is not read as now.
    """
    plt = _plt()
    figure, axes = plt.subplots(figsize=(WIDTH, HEIGHT))
    xs = list(range(len(periods)))

    def series(data: Sequence[Decimal | None]) -> tuple[list[int], list[float]]:
        pairs = [(x, float(v)) for x, v in zip(xs, data, strict=True) if v is not None]
        return [p[0] for p in pairs], [p[1] for p in pairs]

    rx, ry = series(references)
    if rx:
        (line,) = axes.plot(rx, ry, linestyle="--", marker="s", color=OTHERS, label=reference_label)
        line.set_gid("beskplan-reference")
    if requirement is not None:
        qx, qy = series(requirement)
        if qx:
            (line,) = axes.plot(
                qx,
                qy,
                linestyle=":",
                color=REQUIRED,
                label=words.text(lang, "chart.requirement"),
            )
            line.set_gid("beskplan-requirement")
    vx, vy = series(values)
    if vx:
        (line,) = axes.plot(vx, vy, linestyle="-", marker="o", color=OWN, label=value_label)
        line.set_gid("beskplan-value")
    if baseline is not None:
        mark = axes.axvline(baseline, color="0.2", linestyle="-.", linewidth=0.8)
        mark.set_gid("beskplan-baseline")
        axes.annotate(
            words.text(lang, "chart.baseline", period=periods[baseline]),
            (baseline, 1),
            xycoords=("data", "axes fraction"),
            xytext=(3, -2),
            textcoords="offset points",
            va="top",
            fontsize=8,
        )
    if missing is not None:
        band = axes.axvspan(missing - 0.4, missing + 0.4, color="0.85", hatch="xx", linewidth=0)
        band.set_gid("beskplan-missing")
        axes.annotate(
            words.text(lang, "chart.missing", period=periods[missing]),
            (missing, 0.5),
            xycoords=("data", "axes fraction"),
            rotation=90,
            ha="center",
            va="center",
            fontsize=8,
        )
    step = max(1, -(-len(periods) // 5))  # at most five labels, so that they never overlap
    ticks = xs[::-1][::step][::-1]  # the newest period always labelled
    axes.set_xticks(ticks, [periods[i] for i in ticks])
    _ticks(axes.yaxis, lang, unit)
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
    unit: str = "",
) -> str:
    """The cluster's members in order, best first, the municipality highlighted, and the
    mean of the other members as a line."""
    plt = _plt()
    ordered = sorted(members, key=lambda m: m[1], reverse=better == "higher")
    figure, axes = plt.subplots(figsize=(WIDTH, 0.35 * len(ordered) + 0.6))
    names = [name for name, _ in ordered][::-1]
    values = [float(value) for _, value in ordered][::-1]
    colours = [OWN if name == highlight else "0.8" for name in names]
    hatches = ["//" if name == highlight else "" for name in names]
    bars = axes.barh(names, values, color=colours, edgecolor="0.1")
    for bar, hatch, name in zip(bars, hatches, names, strict=True):
        bar.set_hatch(hatch)
        bar.set_gid(f"beskplan-member-{len(names) - names.index(name)}")
    _ticks(axes.xaxis, lang, unit)
    for y, (_, value) in enumerate(ordered[::-1]):
        axes.text(float(value), y, " " + number(value, lang), va="center", fontsize=8)
    others = [value for name, value in members if name != highlight]
    if others:
        mean = sum(others, Decimal(0)) / len(others)
        line = axes.axvline(float(mean), color=REQUIRED, linestyle="--", linewidth=1.2)
        line.set_gid("beskplan-mean")
        shown = number(mean.quantize(Decimal(1).scaleb(-_decimals(others)), ROUND_HALF_UP), lang)
        axes.annotate(
            words.text(lang, "chart.mean", value=shown),
            (float(mean), 1),
            xycoords=("data", "axes fraction"),
            xytext=(3, 2),
            textcoords="offset points",
            va="bottom",
            fontsize=8,
            color=REQUIRED,
        )
    text = _svg(figure)
    plt.close(figure)
    return text


def _decimals(values: Sequence[Decimal]) -> int:
    """The most decimals among published figures (``10,4`` has one)."""
    found = [v.as_tuple().exponent for v in values]
    return max((-e for e in found if isinstance(e, int) and e < 0), default=0)
