"""Results in words, in Danish (the default, as the users speak it) or English.

Numbers keep their published decimals (``1,00`` stays ``1,00``); computed
figures with more decimals (a mean of three) are shown to two. Danish uses a
decimal comma and ``.`` between thousands. What a rule's verdict says is the
rule's own (:mod:`beskplan.rules.words`); here are the words around it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from beskplan.results import GoalResult, Report, Status

Lang = Literal["da", "en"]
LANGS: tuple[Lang, ...] = ("da", "en")


def language(value: str) -> Lang:
    """A language code as the type the renderers take; an unknown one is a bug."""
    for lang in LANGS:
        if lang == value:
            return lang
    raise ValueError(f"no language {value!r}")  # pragma: no cover - the CLI offers LANGS only


STATUS: dict[Lang, dict[Status, str]] = {
    "da": {Status.MET: "opfyldt", Status.UNMET: "ikke opfyldt", Status.NO_DATA: "ingen data"},
    "en": {Status.MET: "met", Status.UNMET: "unmet", Status.NO_DATA: "no data"},
}

HEADERS: dict[Lang, dict[str, str]] = {
    "da": {
        "id": "Mål",
        "title": "Titel",
        "status": "Status",
        "value": "Værdi",
        "reference": "Reference",
        "gap": "Forskel",
        "rank": "Placering",
        "explanation": "Forklaring",
        "summary": "{met} opfyldt, {unmet} ikke opfyldt, {no_data} uden data ({total} mål)",
        "period": "periode",
        "newest": "nyeste tal",
        "source": "Kilde",
    },
    "en": {
        "id": "Goal",
        "title": "Title",
        "status": "Status",
        "value": "Value",
        "reference": "Reference",
        "gap": "Gap",
        "rank": "Rank",
        "explanation": "Explanation",
        "summary": "{met} met, {unmet} unmet, {no_data} without data ({total} goals)",
        "period": "period",
        "newest": "newest figures",
        "source": "Source",
    },
}


def number(value: Decimal | int | None, lang: Lang = "da", *, signed: bool = False) -> str:
    """A figure as people read it: ``10,4`` in Danish, ``10.4`` in English."""
    if value is None:
        return "-"
    if isinstance(value, int):
        value = Decimal(value)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
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


def gap_unit(unit: str, lang: Lang) -> str:
    if unit == "pct.":
        return "pct.-point" if lang == "da" else "percentage points"
    return unit


def when(report: Report, lang: Lang) -> str:
    """The report's period in its heading: ``periode 2018M06``, or with ``--period newest``
    ``nyeste tal, 2026M06–2026M07``."""
    h = HEADERS[lang]
    if report.newest is None:
        return f"{h['period']} {report.period}"
    first, last = report.newest
    return f"{h['newest']}, {first}" + (f"–{last}" if last != first else "")


def period_note(goal: GoalResult, report: Report) -> str:
    """`` (2026M06)`` beside a value read at another period than the report's, or always
    with ``--period newest``, where each goal has its own."""
    same = goal.period == report.period and report.newest is None
    return "" if same else f" ({goal.period})"


def status(value: Status, lang: Lang) -> str:
    return STATUS[lang][value]


_COURSE: dict[Lang, dict[str, str]] = {
    "da": {
        "achieved": "nået før fristen {deadline}",
        "on_track": "på rette vej mod {deadline}",
        "needs_acceleration": "for langsomt mod {deadline}: forskellen skal mindskes "
        "{faster} {unit} hurtigere om året",
        "regressing": "går den forkerte vej mod {deadline}",
        "not_evaluable": "kursen mod {deadline} kan ikke vurderes (under tre perioder)",
        "deadline_passed": "fristen {deadline} er overskredet",
        "inputs": " (tendens {slope} {unit} om året over {n} perioder, fremskrevet forskel "
        "{projected} ved udgangen af {deadline})",
    },
    "en": {
        "achieved": "achieved before the {deadline} deadline",
        "on_track": "on track for {deadline}",
        "needs_acceleration": "too slow for {deadline}: the gap must shrink {faster} {unit} "
        "a year faster",
        "regressing": "moving the wrong way for {deadline}",
        "not_evaluable": "the course toward {deadline} cannot be judged (fewer than three periods)",
        "deadline_passed": "the {deadline} deadline has passed",
        "inputs": " (trend {slope} {unit} a year over {n} periods, projected gap {projected} "
        "at the end of {deadline})",
    },
}


def course(result: GoalResult, lang: Lang = "da") -> str:
    """The goal's course toward its deadline in words."""
    t = result.trajectory
    assert t is not None

    def num(value: float | None) -> str:
        if value is None:
            return "?"
        return number(Decimal(str(round(value, 2))), lang)

    words = _COURSE[lang]
    args = {
        "deadline": t.deadline,
        "projected": num(t.projected),
        "faster": num(t.faster_by),
        "slope": num(t.slope),
        "n": len(t.periods),
        "unit": gap_unit(result.unit, lang),
    }
    text = words[t.course.value].format(**args)
    if t.slope is not None:
        text += words["inputs"].format(**args)
    return text
