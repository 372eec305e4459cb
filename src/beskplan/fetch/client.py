"""The Jobindsats API v3 over HTTP: one GET, retried where retrying helps.

Requests carry the key as ``Authorization: Bearer <key>``, never in the URL, and
nothing here says the key: not an error, not a log line. 429 and 5xx answers,
timeouts and refused connections are retried with exponential backoff and jitter
by ``stamina`` (honouring ``Retry-After``); what still fails, and every other
error answer, becomes an :class:`~beskplan.core.errors.InputError` in words.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
import stamina
from stamina.instrumentation import RetryDetails, set_on_retry_hooks

from beskplan.core.errors import InputError, Problem

BASE_URL = "https://api.jobindsats.dk/v3"
KEY_VARIABLE = "JOBINDSATS_API_KEY"
URL_VARIABLE = "BESKPLAN_JOBINDSATS_URL"
ATTEMPTS = 5
TIMEOUT = 60.0
LONGEST_WAIT = 120.0  # a Retry-After longer than this is capped

NO_KEY = (
    f"{KEY_VARIABLE} is not set: export it with the key Jobindsats' API gave you. A municipality "
    "asks STAR (Styrelsen for Arbejdsmarked og Rekruttering) for a key by e-mail; jobindsats.dk "
    "says how under 'API'. The key is read from the environment only, never from the command line"
)


def key_from_environment() -> str:
    key = os.environ.get(KEY_VARIABLE, "").strip()
    if not key:
        raise InputError(Problem(NO_KEY))
    return key


def base_url() -> str:
    return (os.environ.get(URL_VARIABLE) or BASE_URL).rstrip("/")


def url(base: str, path: str, query: list[tuple[str, str]]) -> str:
    """The request's URL, readable: ``*``, ``/``, ``:`` and ``,`` are left as they are."""
    text = "&".join(f"{quote(k, safe='*._')}={quote(v, safe='*/:,._-')}" for k, v in query)
    return f"{base}/{path}" + (f"?{text}" if text else "")


class _Retry(Exception):
    """An answer worth asking again for (429, 5xx), with how long the API asks us to wait."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(response.status_code)
        self.response = response
        self.after = _retry_after(response.headers.get("Retry-After"))


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = (when - dt.datetime.now(tz=dt.UTC)).total_seconds()
    return min(max(seconds, 0.0), LONGEST_WAIT)


def said_on_retry(details: RetryDetails) -> None:
    """A retry said on standard error, by cause and wait: never with the request's headers."""
    cause = details.caused_by
    what = (
        f"answered {_status(cause.response)}"
        if isinstance(cause, _Retry)
        else f"could not be reached ({type(cause).__name__})"
    )
    sys.stderr.write(
        f"note: the API {what}; trying again in {details.wait_for:.0f} s "
        f"(retry {details.retry_num})\n"
    )


def _backoff(exc: Exception) -> bool | float:
    """Whether to try again, and after how long when the API said so."""
    if isinstance(exc, _Retry):
        return True if exc.after is None else exc.after
    return isinstance(exc, httpx.TimeoutException | httpx.NetworkError)


@dataclass
class Client:
    """A session with the API: ``get(path, query)`` gives the answer's JSON and bytes."""

    key: str
    base: str = BASE_URL
    attempts: int = ATTEMPTS

    @contextmanager
    def session(self) -> Iterator[httpx.Client]:
        set_on_retry_hooks([said_on_retry])  # instead of stamina's log line
        headers = {"Authorization": f"Bearer {self.key}", "Accept": "application/json"}
        with httpx.Client(headers=headers, timeout=TIMEOUT, follow_redirects=False) as http:
            yield http

    def get(self, http: httpx.Client, path: str, query: list[tuple[str, str]]) -> bytes:
        """The body of a successful answer; an :class:`InputError` saying why otherwise."""
        address = url(self.base, path, query)
        tries = 0
        try:
            for attempt in stamina.retry_context(
                on=_backoff, attempts=self.attempts, timeout=None, wait_initial=0.5, wait_max=30.0
            ):
                with attempt:
                    tries += 1
                    response = http.get(address)
                    if response.status_code == 429 or response.status_code >= 500:
                        raise _Retry(response)
        except _Retry as exc:
            raise InputError(
                Problem(
                    f"{_said(address)}: the API answered {_status(exc.response)} "
                    f"{tries} times; try again later"
                )
            ) from None
        except httpx.TimeoutException:
            raise InputError(
                Problem(f"{_said(address)}: {_host(address)} did not answer in {TIMEOUT:.0f} s")
            ) from None
        except httpx.HTTPError as exc:
            reason = type(exc).__name__ if not str(exc) else str(exc).splitlines()[0]
            raise InputError(
                Problem(f"{_said(address)}: cannot reach {_host(address)} ({reason})")
            ) from None
        if response.status_code in (401, 403):
            raise InputError(
                Problem(
                    f"{_said(address)}: the API refused the key ({_status(response)}); check "
                    f"{KEY_VARIABLE}, or ask STAR for a new key if it has expired"
                )
            )
        if response.status_code >= 400:
            raise InputError(
                Problem(
                    f"{_said(address)}: the API answered {_status(response)}: {_cause(response)}"
                )
            )
        return response.content

    def get_json(self, http: httpx.Client, path: str, query: list[tuple[str, str]]) -> Any:
        body = self.get(http, path, query)
        try:
            return json.loads(body)
        except (ValueError, RecursionError):
            raise InputError(
                Problem(f"{_said(url(self.base, path, query))}: the answer is not JSON")
            ) from None


def _said(address: str) -> str:
    """A request as messages name it: its path and query, without scheme and host."""
    parts = urlsplit(address)
    return "GET " + parts.path + (f"?{parts.query}" if parts.query else "")


def _host(address: str) -> str:
    return urlsplit(address).netloc or address


def _status(response: httpx.Response) -> str:
    return f"{response.status_code} {response.reason_phrase}".strip()


def _cause(response: httpx.Response) -> str:
    """The API's own words: v3's ``cause``, or the start of the body."""
    try:
        body = response.json()
    except (ValueError, RecursionError):
        body = None
    if isinstance(body, dict) and isinstance(body.get("cause"), str):
        return str(body["cause"])
    text = " ".join(response.text.split())[:200]
    return text or "(no reason given)"
