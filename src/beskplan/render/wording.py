"""Results in words, in Danish (the default, as the users speak it) or English.

Numbers keep their published decimals (``1,00`` stays ``1,00``); computed
figures with more decimals (a mean of three) are shown to two. Danish uses a
decimal comma and ``.`` between thousands. What a rule's verdict says is the
rule's own (:mod:`beskplan.render.verdicts`); here are the words around it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from beskplan.core.periods import Kind, Period, parse_period
from beskplan.core.sources import SourceFile
from beskplan.core.words import LANGS, Lang, section, text
from beskplan.evaluation.results import GoalResult, Report
from beskplan.rules.outcome import Status

HEADERS: dict[Lang, dict[str, str]] = {lang: section(lang, "headers") for lang in LANGS}


def language(value: str) -> Lang:
    """A language code as the type the renderers take; an unknown one is a bug."""
    for lang in LANGS:
        if lang == value:
            return lang
    raise ValueError(f"no language {value!r}")  # pragma: no cover - the CLI offers LANGS only


def places(value: Decimal | None) -> int:
    """The decimals :func:`number` shows ``value`` with: as published, and at most two for a
    computed figure (a mean of three, 2,375, is shown 2,38)."""
    if value is None:
        return 0
    exponent = value.as_tuple().exponent
    return min(-exponent, 2) if isinstance(exponent, int) and exponent < 0 else 0


def number(value: Decimal | int | None, lang: Lang = "da", *, signed: bool = False) -> str:
    """A figure as people read it: ``10,4`` in Danish, ``10.4`` in English."""
    if value is None:
        return "-"
    if isinstance(value, int):
        value = Decimal(value)
    exponent = value.as_tuple().exponent
    shown = places(value)
    if isinstance(exponent, int) and -exponent > shown:  # a computed figure: two decimals
        value = value.quantize(Decimal(1).scaleb(-shown), rounding=ROUND_HALF_UP)
    if value.is_zero():
        value = abs(value)
    text = f"{value:,}"
    if signed and value > 0:
        text = "+" + text
    if lang == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def trimmed(value: Decimal) -> Decimal:
    """A computed figure cut to six decimals (a mean of three), for machine-readable output."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -6:
        return value.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP).normalize()
    return value


def gap_unit(unit: str, lang: Lang, amount: Decimal | None = None) -> str:
    """The unit of a difference: ``pct.-point`` for a percentage; one point is singular."""
    if unit == "pct.":
        one = amount is not None and abs(amount) == 1 and "." not in str(amount)
        return text(lang, "unit.pct.one" if one else "unit.pct")
    return unit


def distance(goal: GoalResult, lang: Lang) -> str:
    """How far the goal's figure is from what it requires, in words where a sign would
    mislead: ``0,3 pct.-point fra målet``, ``0,4 pct.-point bedre end kravet``."""
    amount = goal.outcome.distance
    if amount is None:
        return "-"
    if amount == 0:
        return text(lang, "distance.on" if goal.status is Status.MET else "distance.limit")
    size = f"{number(abs(amount), lang)} {gap_unit(goal.unit, lang, abs(amount))}".strip()
    return text(lang, "distance.ahead" if amount > 0 else "distance.short", amount=size)


def spoken(period: Period, lang: Lang) -> str:
    """A period as people say it: ``juni 2018``, ``2. kvt. 2017``, ``2. halvår 2022``,
    ``året til og med 2. kvt. 2021``, ``2019`` (in English ``June 2018``, ``Q2 2017``)."""
    if period.kind is Kind.MONTH:
        month = text(lang, f"period.month.{period.index:02d}")
        return text(lang, "period.month", month=month, year=period.year)
    if period.kind is Kind.YEAR:
        return str(period.year)
    key = {Kind.QUARTER: "quarter", Kind.HALF_YEAR: "half", Kind.MOVING_YEAR: "moving"}
    return text(lang, f"period.{key[period.kind]}", index=period.index, year=period.year)


def axis_label(period: Period, lang: Lang) -> str:
    """A period as a chart's axis says it, short: ``jun. 2026``, ``2. kvt. 2026``, ``2019``;
    a moving year by the quarter it ends with (``år til 2. kvt. 2021``)."""
    if period.kind is Kind.MONTH:
        month = text(lang, f"period.month.{period.index:02d}")
        return f"{month[:3]}. {period.year}"
    if period.kind is Kind.MOVING_YEAR:
        return text(lang, "period.moving_short", index=period.index, year=period.year)
    return spoken(period, lang)


def required(goal: GoalResult, lang: Lang) -> str:
    """The level the goal's figure must reach, margin included: ``højst 1,7``, ``under
    11,8``, ``mindst 75`` (``-`` without a verdict to reach)."""
    o = goal.outcome
    if o.value is None or o.distance is None or goal.better not in ("lower", "higher"):
        return "-"
    level = o.value + o.distance if goal.better == "lower" else o.value - o.distance
    key = (
        ("below" if goal.better == "lower" else "above")
        if goal.strict
        else ("at_most" if goal.better == "lower" else "at_least")
    )
    return text(lang, f"required.{key}", level=number(level, lang))


def when(report: Report, lang: Lang) -> str:
    """The report's period in its heading: ``juni 2018``, or with ``--period newest``
    ``nyeste tal, juni 2026–juli 2026``."""
    h = HEADERS[lang]
    if report.newest is None:
        return spoken(report.period, lang)
    first, last = report.newest
    return f"{h['newest']}, {spoken(first, lang)}" + (
        f"–{spoken(last, lang)}" if last != first else ""
    )


def as_of(sources: Sequence[SourceFile], lang: Lang) -> str:
    """The data's as-of: the newest period of each table read, tables grouped by it, newest
    first: ``Data til og med juli 2026 (Y01A02, Y25I01); 4. kvt. 2022 (Y30R21)``."""
    h = HEADERS[lang]
    newest: dict[str, Period] = {}
    for source in sources:
        if source.table is None or source.newest is None:
            continue
        period = parse_period(source.newest)
        held = newest.get(source.table)
        if held is None or period.last_month > held.last_month:
            newest[source.table] = period
    if not newest:
        return ""
    groups: dict[Period, list[str]] = {}
    for table, period in newest.items():
        groups.setdefault(period, []).append(table)
    parts = []
    for period in sorted(groups, key=Period.sort_key, reverse=True):
        names = sorted(groups[period], key=str.casefold)
        listed = ", ".join(names) if len(names) <= 3 else h["as_of.tables"].format(n=len(names))
        parts.append(f"{spoken(period, lang)} ({listed})")
    return f"{h['as_of']} " + "; ".join(parts)


def made(lang: Lang) -> str:
    """When a report was made, to the minute, in UTC: ``SOURCE_DATE_EPOCH``'s time where set,
    so that a build can be made again byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = (
        dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        if epoch.isdigit()
        else dt.datetime.now(tz=dt.UTC)
    )
    day = text(
        lang, "period.month", month=text(lang, f"period.month.{moment.month:02d}"), year=moment.year
    )
    date = f"{moment.day}{'.' if lang == 'da' else ''} {day}, {moment:%H:%M} UTC"
    return HEADERS[lang]["made"].format(date=date)


def period_note(goal: GoalResult, report: Report, lang: Lang) -> str:
    """`` (juli 2023)`` beside a value read at another period than the report's, or always
    with ``--period newest``, where each goal has its own; a stale figure is marked so:
    `` (2022, forældet)``."""
    same = goal.period == report.period and report.newest is None
    marks = [] if same else [spoken(goal.period, lang)]
    if goal.stale is not None:
        marks.append(HEADERS[lang]["stale"])
    return f" ({', '.join(marks)})" if marks else ""


def status(value: Status, lang: Lang) -> str:
    return text(lang, f"status.{value.value}")


def course(result: GoalResult, lang: Lang = "da", detail: bool = True) -> str:
    """The goal's course toward its deadline in words; with ``detail`` the trend it is
    judged on."""
    t = result.trajectory
    assert t is not None

    def num(value: float | None) -> str:
        if value is None:
            return "?"
        return number(Decimal(str(round(value, 2))), lang)

    words = section(lang, "course")
    args = {
        "deadline": t.deadline,
        "projected": num(t.projected),
        "faster": num(t.faster_by),
        "slope": num(t.slope),
        "n": len(t.periods),
        "unit": gap_unit(result.unit, lang),
    }
    text = words[t.course.value].format(**args)
    if detail and t.slope is not None:
        text += words["inputs"].format(**args)
    return text
