"""When to poll again, when a host may be asked again, when a page is given up: pure functions.

No clock and no randomness: callers pass the current time and a uniform jitter draw.
"""

from __future__ import annotations

from dataclasses import dataclass

JITTER = 0.1  # +-10% on every wait, so feeds started together drift apart


@dataclass(frozen=True)
class FeedHealth:
    """What the poller remembers about one feed between polls."""

    failures: int = 0  # consecutive failed polls
    failing_since: float | None = None  # wall time of the first failure in the current run
    last_success: float | None = None

    def succeeded(self, now: float) -> FeedHealth:
        return FeedHealth(failures=0, failing_since=None, last_success=now)

    def failed(self, now: float) -> FeedHealth:
        return FeedHealth(failures=self.failures + 1,
                          failing_since=self.failing_since if self.failures else now,
                          last_success=self.last_success)


def next_poll_delay(interval_s: float, failures: int, backoff_max_s: float, jitter: float,
                    retry_after_s: float | None = None) -> float:
    """Seconds until the next poll of a feed.

    Healthy: the poll interval. After `failures` consecutive failures: the interval doubled per
    failure (a failing server is asked less often than a healthy one, never more), capped at
    `backoff_max_s` (but never below the interval). A server's Retry-After is honoured up to the
    same cap. `jitter` is uniform in [0, 1).
    """
    delay = interval_s
    if failures > 0:
        cap = max(interval_s, backoff_max_s)
        delay = min(cap, interval_s * 2.0 ** (failures - 1))
        if retry_after_s is not None:
            delay = min(cap, max(delay, retry_after_s))
    return delay * (1.0 - JITTER + 2.0 * JITTER * jitter)


def host_slot(last_slot: float | None, now: float, interval_s: float) -> float:
    """When the next request to a host may start: `interval_s` after the previous start.

    Slots are reserved, not held: a slow answer from a host does not delay the next request
    beyond the interval, and hosts never wait for each other.
    """
    if last_slot is None:
        return now
    return max(now, last_slot + interval_s)


def give_up_page(attempts: int, max_attempts: int) -> bool:
    """After this many failed page fetches, use the feed's own text instead."""
    return attempts >= max_attempts
