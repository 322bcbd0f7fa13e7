"""Retry policy for webhook deliveries, as pure functions: what to do after an attempt.

No clock and no randomness here: the caller passes the elapsed time, the wall clock (for
HTTP-date `Retry-After` values) and a uniform jitter draw, so every decision is testable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum


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
    detail: str | None = None  # a short excerpt of the response body, for the dead letter

    def describe(self) -> str:
        if self.status is None:
            return self.error or "no answer"
        text = f"HTTP {self.status}"
        return f"{text}: {self.detail}" if self.detail else text


class Verdict(StrEnum):
    DELIVERED = "delivered"
    RETRY = "retry"  # worth another attempt, if attempts and the deadline allow
    FINAL = "final"  # the receiver refused this request; repeating it cannot help


def verdict(outcome: Outcome) -> Verdict:
    """2xx done; 5xx, 429, timeouts and connection errors retry; everything else is final.

    1xx and 3xx count as final too: redirects are not followed (the signed body must reach
    the configured URL, not wherever a redirect points).
    """
    status = outcome.status
    if status is None:
        return Verdict.RETRY
    if 200 <= status < 300:
        return Verdict.DELIVERED
    if status == 429 or 500 <= status < 600:
        return Verdict.RETRY
    return Verdict.FINAL


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def backoff(policy: RetryPolicy, attempt: int, jitter: float) -> float:
    """Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^(attempt-1)))."""
    ceiling = min(policy.max_delay_s, policy.base_delay_s * (2.0 ** min(attempt - 1, 62)))
    return ceiling * min(max(jitter, 0.0), 1.0)


@dataclass(frozen=True)
class Decision:
    """`delay` seconds before the next attempt, or None to stop; `reason` says why it stops."""

    delay: float | None
    reason: str = ""

    @property
    def again(self) -> bool:
        return self.delay is not None


def decide(
    policy: RetryPolicy,
    attempt: int,
    outcome: Outcome,
    elapsed_s: float,
    jitter: float,
    now: datetime,
) -> Decision:
    """After attempt number `attempt` (from 1) ended with `outcome`, `elapsed_s` after the first
    attempt began: wait and try again, or stop.

    A `Retry-After` hint raises the wait to at least that long; a wait that would start the next
    attempt at or past the deadline stops instead, so the deadline is never overrun.
    """
    kind = verdict(outcome)
    if kind is Verdict.DELIVERED:
        return Decision(None, "delivered")
    if kind is Verdict.FINAL:
        return Decision(None, "final answer")
    if attempt >= policy.max_attempts:
        return Decision(None, f"{attempt} attempts")
    delay = backoff(policy, attempt, jitter)
    hinted = retry_after_seconds(outcome.retry_after, now)
    if hinted is not None:
        delay = max(delay, hinted)
    if elapsed_s + delay >= policy.deadline_s:
        why = "Retry-After past the deadline" if hinted is not None and hinted >= delay else ""
        return Decision(None, why or f"deadline of {policy.deadline_s:g}s")
    return Decision(delay)


def attempt_timeout(policy: RetryPolicy, timeout_s: float, elapsed_s: float) -> float | None:
    """The timeout for an attempt starting `elapsed_s` in: never past the deadline.

    None when no time is left, so the caller stops without another request.
    """
    remaining = policy.deadline_s - elapsed_s
    if remaining <= 0:
        return None
    return min(timeout_s, remaining)
