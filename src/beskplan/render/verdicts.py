"""A goal's verdict in words: the texts the rules declare, put together.

Every reason and reference label a rule gives is a :class:`~beskplan.evaluation.results.Msg`
whose key has a text in the rule's ``WORDS`` (or, for what all rules share, in
:data:`WORDS` here), in Danish and English, with ``{arguments}``. An argument that
is itself a ``Msg`` is worded first, so that a rule can compose (gap_shrink says
"mindsket med" or "øget med"). Comparisons with one reference share one sentence
(:func:`_compared`): how far over or under, and what the goal asks for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from functools import cache

from beskplan.core.periods import Period, PeriodRuns, runs
from beskplan.core.words import Lang
from beskplan.evaluation.results import GoalResult
from beskplan.render.wording import course, gap_unit, number, spoken
from beskplan.rules import RULES
from beskplan.rules.base import RuleKind, Words
from beskplan.rules.outcome import InWords, Msg
from beskplan.rules.references import WORDS as REFERENCE_WORDS

WORDS: Words = {
    "da": {
        "own_missing": "{area} har intet tal",
        "own_missing.for": "{area} har intet tal for {period}",
        "suppressed": "{area}: tallet er undertrykt ('{raw}')",
        "reference_missing": "{area} har intet tal",
        "no_reference": "ingen referencetal at sammenligne med",
        "baseline_missing": "intet tal for basisperioden {period}",
        "not_evaluable": "kan ikke vurderes ved {period}: basisperioden {later} ligger senere",
        "left_out": "uden tal og udeladt: {listed}",
        "no_members": (
            "kan ikke vurderes ved {period}: klyngen har ingen medlemsliste gyldig ved "
            "periodens slutning (den første gælder fra {first})"
        ),
        "stale": "forældet: {age} ældre end planens nyeste tal ({newest})",
        "no_period": "{table} har intet tal for {period}; tabellen har {has}",
        "no_periods": "{table} har intet tal fra {first} til {last}; tabellen har {has}",
        "not_in_table": "{area} findes ikke i {tables}",
        "not_in_table.closest": "{area} findes ikke i {tables}; nærmeste navne: {closest}",
        "age.year": "{n} år",
        "age.years": "{n} år",
        "age.month": "{n} måned",
        "age.months": "{n} måneder",
        "age.and": "{a} og {b}",
        "level": "på niveau med {ref}",
        "side": "{size} {unit} {side} {ref}",
        "under": "under",
        "over": "over",
        "asks.margin": "kravet er mindst {margin} {unit} {side}",
        "asks.strict": "kravet er at ligge {side}",
        "asks.level": "kravet er at ligge på niveau eller {side}",
    },
    "en": {
        "own_missing": "{area} has no figure",
        "own_missing.for": "{area} has no figure for {period}",
        "suppressed": "{area}: suppressed ('{raw}')",
        "reference_missing": "{area} has no figure",
        "no_reference": "no reference figure to compare with",
        "baseline_missing": "no figure for the baseline period {period}",
        "not_evaluable": "cannot be evaluated at {period}: the baseline {later} is later",
        "left_out": "left out, no figure: {listed}",
        "no_members": (
            "cannot be evaluated at {period}: the cluster has no member list valid at the end "
            "of the period (the first is valid from {first})"
        ),
        "stale": "stale: {age} older than the plan's newest figure ({newest})",
        "no_period": "{table} has no figure for {period}; the table has {has}",
        "no_periods": "{table} has no figure from {first} to {last}; the table has {has}",
        "not_in_table": "{area} is not an area in {tables}",
        "not_in_table.closest": "{area} is not an area in {tables}; closest names: {closest}",
        "age.year": "{n} year",
        "age.years": "{n} years",
        "age.month": "{n} month",
        "age.months": "{n} months",
        "age.and": "{a} and {b}",
        "level": "level with {ref}",
        "side": "{size} {unit} {side} {ref}",
        "under": "below",
        "over": "above",
        "asks.margin": "the goal asks for at least {margin} {unit} {side}",
        "asks.strict": "the goal asks to be {side}",
        "asks.level": "the goal asks to be level or {side}",
    },
}


def catalogue(lang: Lang) -> Mapping[str, str]:
    """Every text of every rule in ``lang``, by message key (shared: not to be changed)."""
    return _catalogue(lang, tuple(RULES.values()))


@cache  # worded thousands of times for --periods; a rule registered later is a new key
def _catalogue(lang: Lang, rules: tuple[RuleKind, ...]) -> Mapping[str, str]:
    texts: dict[str, str] = {}
    for words in (WORDS, REFERENCE_WORDS, *(rule.WORDS for rule in rules)):
        texts.update(words[lang])
    return texts


# a measure named so counts persons (Jobindsats: "Antal fuldtidspersoner", "Antal personer")
COUNTS = ("antal", "number of")


def say(msg: Msg, lang: Lang, unit: str = "", counted: bool = False) -> str:
    """A message in words; its arguments formatted for ``lang`` (numbers, periods, messages).
    ``counted``: the measure counts persons, so that a change is "færre", not "lavere",
    where the rule has the words for it."""
    texts = catalogue(lang)
    key = msg.key
    if counted and f"{key}.count" in texts:
        key += ".count"
    args = {k: _arg(v, lang, unit, counted) for k, v in msg.args.items()}
    return texts[key].format(unit=unit, **args)


def label(msg: Msg | None, lang: Lang, *, definite: bool = False) -> str:
    """What a reference is: ``landsgennemsnit``, or in a sentence ``landsgennemsnittet``."""
    if msg is None:
        return ""
    key = msg.key + (".the" if definite else "")
    return say(Msg(key, msg.args), lang)


def explain(result: GoalResult, lang: Lang = "da") -> str:
    """A one-line explanation of the verdict, with the figures behind it."""
    o = result.outcome
    unit = gap_unit(result.unit, lang)
    args = o.reason.args
    key = o.reason.key
    if key in ("own_missing", "reference_missing") and args.get("raw"):
        text = say(Msg("suppressed", args), lang)
    elif key == "own_missing":
        text = say(Msg("own_missing.for", {**args, "period": result.asked_period}), lang)
    elif key in ("compare", "target"):
        text = _compared(result, lang, unit)
    else:
        ref = f"{label(o.reference_label, lang, definite=True)}"
        counted = result.measure.casefold().startswith(COUNTS)
        said = say(Msg(key, {**args, "ref": ref, "reference": o.reference}), lang, unit, counted)
        text = re.sub(" {2,}", " ", said)  # an empty unit leaves no double space
    notes = [say(n, lang) for n in o.notes]
    if result.trajectory is not None:
        notes.append(course(result, lang))
    return "; ".join([text, *notes])


def _compared(result: GoalResult, lang: Lang, unit: str) -> str:
    """How far over or under one reference, and what the goal asks for."""
    o = result.outcome
    assert o.gap is not None
    texts = catalogue(lang)
    ref = f"{label(o.reference_label, lang, definite=True)} ({number(o.reference, lang)})"
    if o.gap == 0:
        text = texts["level"].format(ref=ref)
    else:
        side = _side(o.gap, result.better, lang)
        size = number(abs(o.gap), lang)
        amount = gap_unit(result.unit, lang, o.gap) if unit else unit
        text = texts["side"].format(size=size, unit=amount, side=side, ref=ref)
    text = text.replace("  ", " ")
    margin, strict = o.reason.args.get("margin"), o.reason.args.get("strict")
    want = _side(Decimal(-1), result.better, lang)
    if isinstance(margin, Decimal) and margin > 0:
        per = gap_unit(result.unit, lang, margin) if unit else unit
        asked = texts["asks.margin"].format(margin=number(margin, lang), unit=per, side=want)
        text += "; " + asked
    elif strict:
        text += "; " + texts["asks.strict"].format(side=want)
    elif margin is not None or strict is not None:  # a comparison the rule asks for
        text += "; " + texts["asks.level"].format(side=want)
    return text


def _side(gap: Decimal, better: str, lang: Lang) -> str:
    """Under or over the reference, from the gap (positive: behind) and the direction."""
    below = (gap < 0) == (better == "lower")
    return catalogue(lang)["under" if below else "over"]


def _arg(value: object, lang: Lang, unit: str, counted: bool = False) -> str:
    if isinstance(value, Msg):
        return say(value, lang, unit, counted)
    if isinstance(value, InWords):
        return spoken(value.period, lang)
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return number(value, lang)
    if isinstance(value, Period):
        return value.code
    if isinstance(value, PeriodRuns):
        return runs(value.periods, lang)
    if value is None:
        return "?"
    if isinstance(value, Mapping):  # pragma: no cover - no rule passes a mapping
        raise TypeError(value)
    return str(value)
