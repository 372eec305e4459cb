"""Results in words, in Danish (the default, as the users speak it) or English.

Numbers keep their published decimals (``1,00`` stays ``1,00``); computed
figures with more decimals (a mean of three) are shown to two. Danish uses a
decimal comma and ``.`` between thousands.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from beskplan.periods import Period
from beskplan.results import GoalResult, Msg, Report, Status

Lang = Literal["da", "en"]
LANGS: tuple[Lang, ...] = ("da", "en")

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

_LABELS: dict[Lang, dict[str, str]] = {
    "da": {
        "ref.cluster_mean": "klyngegennemsnit af {n} øvrige",
        "ref.cluster_best": "bedste øvrige i klyngen ({area})",
        "ref.rank": "nr. {top} blandt de øvrige i klyngen",
        "ref.municipality": "{area}",
        "ref.national": "landsgennemsnit",
        "ref.target": "mål",
        "ref.baseline": "basis {period}",
    },
    "en": {
        "ref.cluster_mean": "cluster mean of {n} others",
        "ref.cluster_best": "best other cluster member ({area})",
        "ref.rank": "place {top} among the other cluster members",
        "ref.municipality": "{area}",
        "ref.national": "national level",
        "ref.target": "target",
        "ref.baseline": "baseline {period}",
    },
}


# the same references in the definite form, as they read inside a sentence
_DEFINITE: dict[Lang, dict[str, str]] = {
    "da": {
        "ref.cluster_mean": "gennemsnittet af {n} øvrige i klyngen",
        "ref.cluster_best": "den bedste øvrige i klyngen ({area})",
        "ref.rank": "nr. {top} blandt de øvrige i klyngen",
        "ref.municipality": "{area}",
        "ref.national": "landsgennemsnittet",
        "ref.target": "målet",
        "ref.baseline": "niveauet i {period}",
    },
    "en": {
        "ref.cluster_mean": "the mean of the {n} other cluster members",
        "ref.cluster_best": "the best other cluster member ({area})",
        "ref.rank": "place {top} among the other cluster members",
        "ref.municipality": "{area}",
        "ref.national": "the national level",
        "ref.target": "the target",
        "ref.baseline": "the level of {period}",
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


def label(msg: Msg | None, lang: Lang, *, definite: bool = False) -> str:
    """What a reference is: ``landsgennemsnit``, or in a sentence ``landsgennemsnittet``."""
    if msg is None:
        return ""
    args = {k: _arg(v, lang) for k, v in msg.args.items()}
    return (_DEFINITE if definite else _LABELS)[lang][msg.key].format(**args)


def _arg(value: object, lang: Lang) -> str:
    if isinstance(value, Decimal):
        return number(value, lang)
    if isinstance(value, Period):
        return value.code
    if value is None:
        return "?"
    return str(value)


def _side(gap: Decimal, better: str, lang: Lang) -> str:
    """Under or over the reference, from the gap (positive: behind) and the direction."""
    below = (gap < 0) == (better == "lower")
    if lang == "da":
        return "under" if below else "over"
    return "below" if below else "above"


def _missing(area: str, raw: object, lang: Lang) -> str:
    if raw:
        return (
            f"{area}: tallet er undertrykt ('{raw}')"
            if lang == "da"
            else f"{area}: suppressed ('{raw}')"
        )
    return f"{area} har intet tal" if lang == "da" else f"{area} has no figure"


def explain(result: GoalResult, lang: Lang = "da") -> str:
    """A one-line explanation of the verdict, with the figures behind it."""
    o = result.outcome
    args = o.reason.args
    unit = gap_unit(result.unit, lang)
    ref = label(o.reference_label, lang, definite=True)
    da = lang == "da"
    text: str
    key = o.reason.key
    if key == "own_missing":
        text = _missing(str(args["area"]), args.get("raw"), lang)
        text += f" for {result.asked_period}" if not args.get("raw") else ""
    elif key == "no_reference":
        text = (
            "ingen referencetal at sammenligne med" if da else "no reference figure to compare with"
        )
    elif key == "reference_missing":
        text = _missing(str(args["area"]), args.get("raw"), lang)
    elif key == "not_evaluable":
        text = (
            f"kan ikke vurderes ved {args['period']}: basisperioden {args['later']} ligger senere"
            if da
            else f"cannot be evaluated at {args['period']}: the baseline {args['later']} is later"
        )
    elif key == "baseline_missing":
        text = (
            f"intet tal for basisperioden {args['period']}"
            if da
            else f"no figure for the baseline period {args['period']}"
        )
    elif key in ("compare", "target"):
        text = _compare(result, ref, unit, lang)
    elif key == "best":
        best = number(o.reference, lang)
        text = (
            f"nr. {args['rank']} af {args['of']} i klyngen; {ref}: {best}"
            if da
            else f"rank {args['rank']} of {args['of']} in the cluster; {ref}: {best}"
        )
    elif key == "rank":
        place = f"{args['rank']} af {args['of']}" if da else f"{args['rank']} of {args['of']}"
        text = (
            f"nr. {place} i klyngen; målet er top {args['top']}"
            if da
            else f"rank {place} in the cluster; the goal is top {args['top']}"
        )
    elif key == "shrink":
        text = _shrink(result, ref, unit, lang)
    else:  # pragma: no cover - every key a rule emits is worded above
        raise KeyError(key)
    notes = [_note(n, lang) for n in o.notes]
    if result.trajectory is not None:
        notes.append(course(result, lang))
    return "; ".join([text, *notes])


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


def _compare(result: GoalResult, ref: str, unit: str, lang: Lang) -> str:
    o = result.outcome
    assert o.gap is not None
    args = o.reason.args
    da = lang == "da"
    size = number(abs(o.gap), lang)
    ref = f"{ref} ({number(o.reference, lang)})"
    if o.gap == 0:
        text = f"på niveau med {ref}" if da else f"level with {ref}"
    else:
        side = _side(o.gap, result.better, lang)
        text = f"{size} {unit} {side} {ref}"
    text = text.replace("  ", " ")
    margin = args.get("margin")
    want_side = _side(Decimal(-1), result.better, lang)
    if isinstance(margin, Decimal) and margin > 0:
        text += (
            f"; kravet er mindst {number(margin, lang)} {unit} {want_side}"
            if da
            else f"; the goal asks for at least {number(margin, lang)} {unit} {want_side}"
        )
    elif args.get("strict"):
        text += f"; kravet er at ligge {want_side}" if da else f"; the goal asks to be {want_side}"
    return text


def _shrink(result: GoalResult, ref: str, unit: str, lang: Lang) -> str:
    a = result.outcome.reason.args
    n = {k: number(v, lang) if isinstance(v, Decimal) else str(v) for k, v in a.items()}
    shrunk = a["shrunk"]
    assert isinstance(shrunk, Decimal)
    if lang == "da":
        moved = (
            f"mindsket med {n['shrunk']}" if shrunk >= 0 else f"øget med {number(-shrunk, lang)}"
        )
        text = (
            f"gabet til {ref} er {n['gap_now']} {unit} mod {n['gap_base']} i {n['baseline']}: "
            f"{moved}, kravet er mindst {n['required']}"
        )
        if a.get("ahead_at_baseline"):
            text += "; kommunen lå ikke bagud i basisperioden og skal blot ikke komme bagud"
        return text
    moved = f"shrunk by {n['shrunk']}" if shrunk >= 0 else f"grown by {number(-shrunk, lang)}"
    text = (
        f"the gap to {ref} is {n['gap_now']} {unit} against {n['gap_base']} in "
        f"{n['baseline']}: {moved}, the goal asks for at least {n['required']}"
    )
    if a.get("ahead_at_baseline"):
        text += "; the municipality was not behind at the baseline and must only not fall behind"
    return text


def _note(note: Msg, lang: Lang) -> str:
    if note.key == "left_out":
        areas = note.args["areas"]
        assert isinstance(areas, list)
        listed = ", ".join(f"{a} ('{raw}')" if raw else str(a) for a, raw in areas)
        return (
            f"uden tal og udeladt: {listed}" if lang == "da" else f"left out, no figure: {listed}"
        )
    raise KeyError(note.key)  # pragma: no cover
