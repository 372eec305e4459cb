"""The HTTP client: readable URLs, Retry-After honoured, the key never in a message."""

from __future__ import annotations

import pytest

from beskplan.core.errors import InputError
from beskplan.fetch.client import NO_KEY, _retry_after, base_url, key_from_environment, url


def test_retry_after_in_seconds_or_as_a_date() -> None:
    assert _retry_after("3") == 3.0
    assert _retry_after("100000") == 120.0  # capped
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date past
    assert _retry_after("soon") is None
    assert _retry_after(None) is None


def test_urls_keep_the_apis_characters_readable() -> None:
    assert url(
        "https://api.jobindsats.dk/v3",
        "data/y60a02",
        [("mgroup.*", "*"), ("hierarchy._kon", "/,k"), ("period.M", "latest:3")],
    ) == (
        "https://api.jobindsats.dk/v3/data/y60a02?mgroup.*=*&hierarchy._kon=/,k&period.M=latest:3"
    )
    assert url("http://x/v3", "tables", [("q", "a b&c")]) == "http://x/v3/tables?q=a%20b%26c"


def test_the_key_and_the_base_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBINDSATS_API_KEY", "  k-123 ")
    assert key_from_environment() == "k-123"
    monkeypatch.delenv("JOBINDSATS_API_KEY")
    with pytest.raises(InputError) as caught:
        key_from_environment()
    assert str(caught.value) == NO_KEY
    monkeypatch.setenv("BESKPLAN_JOBINDSATS_URL", "http://127.0.0.1:9/v3/")
    assert base_url() == "http://127.0.0.1:9/v3"
    monkeypatch.delenv("BESKPLAN_JOBINDSATS_URL")
    assert base_url() == "https://api.jobindsats.dk/v3"
