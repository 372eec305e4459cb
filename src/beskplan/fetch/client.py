"""The Jobindsats API v3 over HTTP: one GET, retried where retrying helps.

Requests carry the key as ``Authorization: Bearer <key>``, never in the URL, and
nothing here says the key: not an error, not a log line; a server's words are shown
with the key masked. An answer is read whole within :data:`DEADLINE` seconds and up to
:data:`MAX_BYTES` unpacked, and a redirect is refused, naming where it points. 429 and 5xx answers,
timeouts and refused connections are retried with exponential backoff and jitter
by ``stamina`` (honouring ``Retry-After``); what still fails, and every other
error answer, becomes an :class:`~beskplan.core.errors.InputError` in words.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import math
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
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
DEADLINE = 600.0  # seconds for a whole answer: a server that trickles is cut off
MAX_BYTES = 512 * 1024 * 1024  # an answer's body, unpacked
ERROR_BYTES = 64 * 1024  # of an error answer's body, for its cause
KEY_FORM = re.compile(r"[A-Za-z0-9._~+/=-]{1,1024}")

NO_KEY = (
    f"{KEY_VARIABLE} is not set: export it with the key Jobindsats' API gave you. A municipality "
    "asks STAR (Styrelsen for Arbejdsmarked og Rekruttering) for a key by e-mail; jobindsats.dk "
    "says how under 'API'. The key is read from the environment only, never from the command line"
)


def key_from_environment() -> str:
    """The key, checked before any use: a token of the letters, digits and marks a key is
    written with (it goes in a header); said wrong without being echoed."""
    key = os.environ.get(KEY_VARIABLE, "").strip()
    if not key:
        raise InputError(Problem(NO_KEY))
    if not KEY_FORM.fullmatch(key):
        raise InputError(
            Problem(
                f"{KEY_VARIABLE} is not a key: it holds a space, a line break or a character "
                "outside ASCII letters, digits and ._~+/=-. "
                "Copy the key again from STAR's e-mail"
            )
        )
    return key


def base_url() -> str:
    """The API's address, from :data:`URL_VARIABLE` or the default; one with a user name or
    password in it is refused (the key goes in the header, never the URL)."""
    chosen = os.environ.get(URL_VARIABLE)
    address = (chosen or BASE_URL).rstrip("/")
    parts = urlsplit(address)
    if parts.username is not None or parts.password is not None:
        raise InputError(
            Problem(
                f"{URL_VARIABLE} holds a user name or password (user:pass@); remove it: the "
                f"key goes in {KEY_VARIABLE} and is sent as a Bearer header"
            )
        )
    if parts.scheme not in ("http", "https") or not parts.netloc:
        where = URL_VARIABLE if chosen else "the default"
        raise InputError(Problem(f"{where}: the API's address is not an http(s) URL"))
    return address


def base_source() -> str:
    """Where the API's address came from, for messages about its host."""
    return f"set by {URL_VARIABLE}" if os.environ.get(URL_VARIABLE) else "the default"


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
            if when.tzinfo is None:  # '-0000': UTC, by RFC 5322
                when = when.replace(tzinfo=dt.UTC)
            seconds = (when - dt.datetime.now(tz=dt.UTC)).total_seconds()
        except (TypeError, ValueError, OverflowError, IndexError):
            return None
    if not math.isfinite(seconds):  # 'nan', 'inf'
        return None
    return min(max(seconds, 0.0), LONGEST_WAIT)


def said_on_retry(details: RetryDetails, mask: Callable[[str], str] = str) -> None:
    """A retry said on standard error, by cause and wait: never with the request's headers,
    the server's words with the key masked."""
    cause = details.caused_by
    what = (
        f"answered {mask(_status(cause.response))}"
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
    source: str = "the default"  # where ``base`` came from, said where the host fails

    @contextmanager
    def session(self) -> Iterator[httpx.Client]:
        set_on_retry_hooks([lambda details: said_on_retry(details, self.mask)])  # not a log
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
                    response, body = self._answer(http, address)
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
                Problem(
                    f"{_said(address)}: {_host(address)} ({self.source}) did not answer in "
                    f"{TIMEOUT:.0f} s"
                )
            ) from None
        except httpx.HTTPError as exc:
            reason = type(exc).__name__ if not str(exc) else str(exc).splitlines()[0]
            raise InputError(
                Problem(
                    f"{_said(address)}: cannot reach {_host(address)}, the API's address "
                    f"{self.source} ({self.mask(reason)})"
                )
            ) from None
        if 300 <= response.status_code < 400:
            where = self.mask(response.headers.get("Location", "") or "(nowhere said)")
            raise InputError(
                Problem(
                    f"{_said(address)}: the API answered {self.mask(_status(response))}, a "
                    f"redirect to {where[:200]}; beskplan does not follow redirects: set "
                    f"{URL_VARIABLE} to the address the API answers at"
                )
            )
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
                    f"{_said(address)}: the API answered {self.mask(_status(response))}: "
                    f"{self.mask(_cause(body))}"
                )
            )
        return body

    def mask(self, text: str) -> str:
        """``text`` from a server with the key in it masked."""
        return text.replace(self.key, "***") if self.key else text

    def _answer(self, http: httpx.Client, address: str) -> tuple[httpx.Response, bytes]:
        """The answer and its body, read within :data:`DEADLINE` and up to
        :data:`MAX_BYTES` unpacked (an error answer's first :data:`ERROR_BYTES`)."""
        start = time.monotonic()
        body = bytearray()  # one buffer: a list of chunks joined would hold it twice
        with http.stream("GET", address) as response:
            error = response.status_code >= 300
            cap = ERROR_BYTES if error else MAX_BYTES
            for chunk in response.iter_bytes():
                body += chunk
                size = len(body)
                if size > cap and error:
                    break  # enough of an error answer to say its cause
                if size > cap:
                    raise InputError(
                        Problem(
                            f"{_said(address)}: the answer is over {MAX_BYTES // 2**20} MB "
                            "unpacked, more than a table of Jobindsats; ask for fewer periods "
                            "(--periods)"
                        )
                    )
                if time.monotonic() - start > DEADLINE:
                    raise InputError(
                        Problem(
                            f"{_said(address)}: the answer did not arrive whole in "
                            f"{DEADLINE:.0f} s; try again later"
                        )
                    )
        del body[cap:]
        return response, bytes(body)

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
    phrase = "".join(c for c in response.reason_phrase if c.isprintable())[:80]
    return f"{response.status_code} {phrase}".strip()


def _cause(body: bytes) -> str:
    """The API's own words: v3's ``cause``, or the start of the body, on one line."""
    try:
        found = json.loads(body)
    except (ValueError, RecursionError):
        found = None
    if isinstance(found, dict) and isinstance(found.get("cause"), str):
        text = str(found["cause"])
    else:
        text = body.decode("utf-8", "replace")
    text = " ".join("".join(c if c.isprintable() else " " for c in text).split())[:200]
    return text or "(no reason given)"
