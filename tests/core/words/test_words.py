"""The catalogue: every text in both languages, with the same arguments."""

from __future__ import annotations

import string

import pytest

from beskplan.core.words import CATALOGUES, section, text
from beskplan.render.verdicts import WORDS as VERDICT_WORDS
from beskplan.rules import RULES


def _arguments(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_have_every_key() -> None:
    assert set(CATALOGUES["da"]) == set(CATALOGUES["en"])


@pytest.mark.parametrize("key", sorted(CATALOGUES["da"]))
def test_a_text_takes_the_same_arguments_in_both_languages(key: str) -> None:
    assert _arguments(CATALOGUES["da"][key]) == _arguments(CATALOGUES["en"][key])


@pytest.mark.parametrize("words", [VERDICT_WORDS, *(rule.WORDS for rule in RULES.values())])
def test_the_verdicts_take_the_same_arguments_in_both_languages(words: object) -> None:
    assert isinstance(words, dict)
    assert set(words["da"]) == set(words["en"])
    for key, template in words["da"].items():
        assert _arguments(template) == _arguments(words["en"][key]), key


def test_text_and_section() -> None:
    assert text("da", "table.rank", rank=2, of=6) == "2 af 6"
    assert text("en", "table.rank", rank=2, of=6) == "2 of 6"
    assert section("da", "headers")["value"] == "Værdi"
    assert "added" in section("da", "diff") and "added" not in section("da", "headers")
