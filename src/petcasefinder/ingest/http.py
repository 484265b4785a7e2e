"""A polite HTTP client for the harvesters: paced, retried, and honest about failure.

* Pacing: requests start at least ``min_interval_s`` apart (NCBI allows 3/s, 10/s
  with an API key; Europe PMC gets the same courtesy).
* Retries with exponential backoff on 5xx, 429, timeouts, refused or reset
  connections, and on bodies that are not what was asked for (a truncated JSON
  page, an HTML error page served with 200): ``parse`` raises ``BadResponse``.
* ``Retry-After`` (seconds or an HTTP date) is honoured when given.  NCBI sends
  none with its 429s, so a 429 also halves our own request rate for the rest of
  the run: pace rather than hammer.
* After the last try: one ``HarvestError`` line naming what was fetched, the URL
  and the last problem.  Other 4xx are not retried (asking again will not help).
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Self, TypeVar

import httpx

from ..errors import HarvestError

T = TypeVar("T")
MAX_INTERVAL_S = 10.0


class BadResponse(Exception):
    """A 2xx response whose body is unusable (truncated, an error page): retried like a 5xx."""


def retry_after_s(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date), if any."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    base = now if now is not None else datetime.now(UTC).timestamp()
    return max(0.0, when.timestamp() - base)


class PoliteClient:
    """GET with pacing and retries; ``parse`` turns the body into a value or raises ``BadResponse``."""

    def __init__(
        self,
        *,
        min_interval_s: float,
        retries: int = 5,
        backoff_s: float = 1.0,
        timeout_s: float = 30.0,
        max_backoff_s: float = 120.0,
        user_agent: str = "petcasefinder",
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.min_interval_s = min_interval_s
        self.retries = max(0, retries)
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s
        self.requests = 0
        self._sleep = sleep
        self._clock = clock
        self._last_start: float | None = None
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout_s), headers={"User-Agent": user_agent}, follow_redirects=True
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _pace(self) -> None:
        now = self._clock()
        if self._last_start is not None:
            wait = self._last_start + self.min_interval_s - now
            if wait > 0:
                self._sleep(wait)
                now = self._clock()
        self._last_start = now

    def _backoff(self, attempt: int) -> float:
        return float(min(self.max_backoff_s, self.backoff_s * (2**attempt)))

    def get(self, url: str, params: Mapping[str, str | int], parse: Callable[[bytes], T], *, what: str) -> T:
        """Fetch ``url`` and parse it, retrying transient failures; ``what`` names it in errors."""
        problem = "no attempt made"
        attempts = self.retries + 1
        for attempt in range(attempts):
            delay: float | None = None
            self._pace()
            self.requests += 1
            try:
                r = self._http.get(url, params=dict(params))
            except httpx.TimeoutException as e:
                problem = f"timed out ({type(e).__name__})"
            except httpx.TransportError as e:
                problem = f"connection failed ({type(e).__name__}: {' '.join(str(e).split()) or 'reset'})"
            else:
                if r.status_code == 429 or r.status_code >= 500:
                    problem = f"HTTP {r.status_code}"
                    delay = retry_after_s(r.headers.get("Retry-After"))
                    if r.status_code == 429:
                        self.min_interval_s = min(MAX_INTERVAL_S, max(self.min_interval_s * 2, 0.1))
                elif r.status_code >= 400:
                    snippet = " ".join(r.text[:200].split())
                    raise HarvestError(f"{what}: {url} answered HTTP {r.status_code} ({snippet or 'no body'})")
                else:
                    try:
                        return parse(r.content)
                    except BadResponse as e:
                        problem = str(e)
            if attempt + 1 < attempts:
                self._sleep(min(delay, self.max_backoff_s * 5) if delay is not None else self._backoff(attempt))
        raise HarvestError(f"{what}: {url}: {problem} (gave up after {attempts} attempts)")
