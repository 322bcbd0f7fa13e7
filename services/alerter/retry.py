"""Retry policy for webhook deliveries, as pure functions: what to do after an attempt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 6
    deadline_s: float = 120.0
    base_delay_s: float = 0.5
    max_delay_s: float = 30.0


@dataclass(frozen=True)
class Outcome:
    """What one attempt ended with: an HTTP status, or an error (timeout, connection)."""

    status: int | None = None
    error: str | None = None
    retry_after: str | None = None


def retryable(outcome: Outcome) -> bool:
    """2xx done; 5xx, 429, timeouts and connection errors retry; other 4xx are final."""
    if outcome.status is None:
        return True
    return outcome.status == 429 or outcome.status >= 500


def succeeded(outcome: Outcome) -> bool:
    return outcome.status is not None and 200 <= outcome.status < 300


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def next_delay(
    policy: RetryPolicy,
    attempt: int,
    outcome: Outcome,
    elapsed_s: float,
    jitter: float,
    now: datetime,
) -> float | None:
    """Seconds to wait before the next attempt, or None to stop.

    `attempt` counts from 1; `jitter` is a uniform draw in [0, 1) (full jitter); `now` is the
    wall clock for HTTP-date Retry-After values. Both come from the caller: this stays pure.
    """
    if succeeded(outcome) or not retryable(outcome) or attempt >= policy.max_attempts:
        return None
    backoff = min(policy.max_delay_s, policy.base_delay_s * (2 ** (attempt - 1))) * jitter
    hinted = retry_after_seconds(outcome.retry_after, now)
    delay = max(backoff, hinted) if hinted is not None else backoff
    if elapsed_s + delay >= policy.deadline_s:
        return None
    return delay
