"""The retry policy, pure: every status class, backoff, Retry-After, attempts and deadline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from services.alerter.retry import (
    Outcome,
    RetryPolicy,
    Verdict,
    attempt_timeout,
    backoff,
    decide,
    retry_after_seconds,
    verdict,
)

NOW = datetime(2024, 3, 1, 12, 0, 0, tzinfo=UTC)
POLICY = RetryPolicy(max_attempts=5, deadline_s=60.0, base_delay_s=1.0, max_delay_s=8.0)


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        (Outcome(status=200), Verdict.DELIVERED),
        (Outcome(status=201), Verdict.DELIVERED),
        (Outcome(status=202), Verdict.DELIVERED),
        (Outcome(status=204), Verdict.DELIVERED),
        (Outcome(status=299), Verdict.DELIVERED),
        (Outcome(status=500), Verdict.RETRY),
        (Outcome(status=502), Verdict.RETRY),
        (Outcome(status=503), Verdict.RETRY),
        (Outcome(status=504), Verdict.RETRY),
        (Outcome(status=599), Verdict.RETRY),
        (Outcome(status=429), Verdict.RETRY),
        (Outcome(error="timeout after 5s"), Verdict.RETRY),
        (Outcome(error="ClientConnectorError: connection refused"), Verdict.RETRY),
        (Outcome(status=400), Verdict.FINAL),
        (Outcome(status=401), Verdict.FINAL),
        (Outcome(status=403), Verdict.FINAL),
        (Outcome(status=404), Verdict.FINAL),
        (Outcome(status=409), Verdict.FINAL),
        (Outcome(status=410), Verdict.FINAL),
        (Outcome(status=413), Verdict.FINAL),
        (Outcome(status=422), Verdict.FINAL),
        (Outcome(status=499), Verdict.FINAL),
        (Outcome(status=301), Verdict.FINAL),
        (Outcome(status=302), Verdict.FINAL),
        (Outcome(status=100), Verdict.FINAL),
    ],
    ids=lambda v: v.describe() if isinstance(v, Outcome) else str(v),
)
def test_each_status_class(outcome: Outcome, expected: Verdict) -> None:
    assert verdict(outcome) is expected
    decision = decide(POLICY, 1, outcome, 0.0, 0.5, NOW)
    assert decision.again is (expected is Verdict.RETRY)


def test_backoff_is_exponential_with_full_jitter_and_a_cap() -> None:
    # The ceiling doubles per attempt up to max_delay_s; the jitter scales it from 0 to 1.
    ceilings = [backoff(POLICY, n, 1.0) for n in range(1, 7)]
    assert ceilings == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert backoff(POLICY, 3, 0.0) == 0.0
    assert backoff(POLICY, 3, 0.25) == pytest.approx(1.0)
    assert backoff(POLICY, 1000, 0.5) == pytest.approx(4.0)  # no overflow on huge attempts


def test_retry_after_seconds_raises_the_wait() -> None:
    decision = decide(POLICY, 1, Outcome(status=503, retry_after="7"), 0.0, 0.1, NOW)
    assert decision.delay == pytest.approx(7.0)


def test_retry_after_never_shortens_the_backoff() -> None:
    decision = decide(POLICY, 4, Outcome(status=429, retry_after="0"), 0.0, 1.0, NOW)
    assert decision.delay == pytest.approx(8.0)


def test_retry_after_http_date() -> None:
    when = format_datetime(NOW + timedelta(seconds=30), usegmt=True)
    assert retry_after_seconds(when, NOW) == pytest.approx(30.0)
    decision = decide(POLICY, 1, Outcome(status=503, retry_after=when), 0.0, 0.0, NOW)
    assert decision.delay == pytest.approx(30.0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("  12 ", 12.0),
        ("soon", None),
        ("-5", None),
        ("1.5", None),
        (format_datetime(NOW - timedelta(seconds=30), usegmt=True), 0.0),  # in the past
        ("Fri, 01 Mar 2024 12:00:10", 10.0),  # no zone: read as UTC
    ],
)
def test_retry_after_parsing(value: str | None, expected: float | None) -> None:
    assert retry_after_seconds(value, NOW) == expected


def test_unreadable_retry_after_falls_back_to_backoff() -> None:
    decision = decide(POLICY, 2, Outcome(status=503, retry_after="later"), 0.0, 0.5, NOW)
    assert decision.delay == pytest.approx(1.0)


def test_max_attempts_bounds_the_retries() -> None:
    outcome = Outcome(status=500)
    assert decide(POLICY, 4, outcome, 0.0, 0.5, NOW).again
    stop = decide(POLICY, 5, outcome, 0.0, 0.5, NOW)
    assert not stop.again
    assert "5 attempts" in stop.reason


def test_deadline_is_respected() -> None:
    outcome = Outcome(error="timeout after 5s")
    # 55 s in, a wait of 4 s ends before the 60 s deadline: retry.
    assert decide(POLICY, 3, outcome, 55.0, 1.0, NOW).delay == pytest.approx(4.0)
    # 57 s in, the same wait would end past it: stop.
    stop = decide(POLICY, 3, outcome, 57.0, 1.0, NOW)
    assert stop.delay is None
    assert "deadline" in stop.reason


def test_retry_after_past_the_deadline_stops_now() -> None:
    stop = decide(POLICY, 1, Outcome(status=429, retry_after="3600"), 1.0, 0.5, NOW)
    assert stop.delay is None
    assert "Retry-After" in stop.reason


def test_final_and_delivered_never_retry_even_with_retry_after() -> None:
    assert decide(POLICY, 1, Outcome(status=400, retry_after="1"), 0.0, 0.5, NOW).delay is None
    assert decide(POLICY, 1, Outcome(status=200, retry_after="1"), 0.0, 0.5, NOW).delay is None


def test_attempt_timeout_is_cut_to_the_time_left() -> None:
    assert attempt_timeout(POLICY, 5.0, 0.0) == 5.0
    assert attempt_timeout(POLICY, 5.0, 58.0) == pytest.approx(2.0)
    assert attempt_timeout(POLICY, 5.0, 60.0) is None
    assert attempt_timeout(POLICY, 5.0, 75.0) is None


def test_outcome_describes_the_last_error() -> None:
    assert Outcome(status=503, detail="overloaded").describe() == "HTTP 503: overloaded"
    assert Outcome(status=404).describe() == "HTTP 404"
    assert Outcome(error="timeout after 2s").describe() == "timeout after 2s"
