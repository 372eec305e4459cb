"""JSON text into values: numbers kept as written, keys once, exponents checked first."""

from __future__ import annotations

from pathlib import Path

import pytest

from beskplan.core.errors import InputError
from beskplan.extracts.jsontext import Number, load, plain
from beskplan.extracts.locator import Locator

PATH = Path("T.json")


def test_numbers_are_kept_as_the_text_they_were_written_as() -> None:
    found = load('{"a": 2.70, "b": 7}', PATH, 1)
    assert found == {"a": "2.70", "b": "7"}
    assert isinstance(found["a"], Number)


def test_a_key_twice_in_one_object_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        load('{"Pct": 2.3, "Pct": 0.1}', PATH, 1)
    assert "holds the key 'Pct' twice" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "plain_text"),
    [("1.5e2", "150"), ("2E+1", "20"), ("1e-3", "0.001"), ("12", "12"), ("-0.5", "-0.5")],
)
def test_an_exponent_is_written_out(text: str, plain_text: str) -> None:
    assert plain(text, Locator(), PATH, 1, 0) == plain_text


@pytest.mark.parametrize("text", ["1e99999999999", "1e999999999", "1e-99999", "1e31"])
def test_an_exponent_beyond_a_figures_digits_is_refused_before_it_is_written_out(
    text: str,
) -> None:
    with pytest.raises(InputError) as caught:
        plain(text, Locator(), PATH, 1, 0)
    assert "is out of range: written out it has more than 15 digits" in str(caught.value)
