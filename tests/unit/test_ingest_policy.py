"""Backoff, Retry-After, per-host spacing and robots.txt decisions, as pure functions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.alerter.retry import retry_after_seconds
from services.ingest.policy import (
    FeedHealth,
    give_up_page,
    host_slot,
    next_poll_delay,
)
from services.ingest.robots import (
    MAX_CRAWL_DELAY_S,
    UNREACHABLE_TTL_S,
    allowed,
    crawl_delay,
    rules_from_response,
    ttl,
)

UA = "counterclaim-ingest/0.1"
MID = 0.5  # the jitter draw that leaves a delay unchanged


def test_healthy_feed_waits_its_interval() -> None:
    assert next_poll_delay(300, 0, 1800, MID) == pytest.approx(300)


def test_failures_back_off_exponentially_up_to_the_cap() -> None:
    delays = [next_poll_delay(60, n, 900, MID) for n in range(1, 7)]
    assert delays == pytest.approx([60, 120, 240, 480, 900, 900])


def test_backoff_never_polls_a_failing_feed_more_often_than_a_healthy_one() -> None:
    assert next_poll_delay(3600, 1, 600, MID) == pytest.approx(3600)
    assert next_poll_delay(3600, 5, 600, MID) == pytest.approx(3600)


def test_jitter_spreads_delays_by_ten_percent() -> None:
    assert next_poll_delay(100, 0, 1000, 0.0) == pytest.approx(90)
    assert next_poll_delay(100, 0, 1000, 0.999999) == pytest.approx(110, rel=1e-4)


def test_retry_after_is_honoured_within_the_cap() -> None:
    assert next_poll_delay(60, 1, 900, MID, retry_after_s=300) == pytest.approx(300)
    assert next_poll_delay(60, 1, 900, MID, retry_after_s=10) == pytest.approx(60)
    assert next_poll_delay(60, 1, 900, MID, retry_after_s=86_400) == pytest.approx(900)
    # only a failing feed is told to wait
    assert next_poll_delay(60, 0, 900, MID, retry_after_s=300) == pytest.approx(60)


def test_retry_after_values() -> None:
    now = datetime(2024, 3, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("120", now) == 120
    assert retry_after_seconds("Fri, 01 Mar 2024 12:05:00 GMT", now) == 300
    assert retry_after_seconds("Fri, 01 Mar 2024 11:00:00 GMT", now) == 0
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


def test_feed_health_remembers_when_a_run_of_failures_began() -> None:
    health = FeedHealth().failed(100.0).failed(200.0).failed(300.0)
    assert health.failures == 3 and health.failing_since == 100.0
    recovered = health.succeeded(400.0)
    assert recovered == FeedHealth(failures=0, failing_since=None, last_success=400.0)
    assert recovered.failed(500.0).failing_since == 500.0


def test_host_slots_space_requests_without_holding_the_host() -> None:
    assert host_slot(None, 10.0, 1.0) == 10.0
    assert host_slot(10.0, 10.2, 1.0) == 11.0  # too soon: wait for the interval
    assert host_slot(10.0, 15.0, 1.0) == 15.0  # long enough ago: go now
    assert host_slot(10.0, 10.0, 0.0) == 10.0  # no limit


def test_page_attempts() -> None:
    assert not give_up_page(2, 3)
    assert give_up_page(3, 3)


ROBOTS = b"""
User-agent: *
Disallow: /private/
Crawl-delay: 2

User-agent: counterclaim-ingest
Disallow: /no-bots/
Allow: /private/open
Crawl-delay: 500
"""


def test_robots_rules_for_our_user_agent_and_others() -> None:
    rules = rules_from_response(200, ROBOTS)
    assert allowed(rules, UA, "https://n.example.org/news/a.html")
    assert not allowed(rules, UA, "https://n.example.org/no-bots/a.html")
    assert allowed(rules, UA, "https://n.example.org/private/open")
    assert not allowed(rules, "OtherBot/1.0", "https://n.example.org/private/x")
    assert allowed(rules, "OtherBot/1.0", "https://n.example.org/no-bots/a.html")
    assert crawl_delay(rules, UA) == MAX_CRAWL_DELAY_S  # 500 s asked, capped
    assert crawl_delay(rules, "OtherBot/1.0") == 2


def test_robots_status_rules_follow_rfc_9309() -> None:
    for status in (401, 403, 404, 410):
        assert allowed(rules_from_response(status, b"Disallow: /"), UA, "https://n.example.org/a")
    for failed in (500, 503, None):
        rules = rules_from_response(failed, None)
        assert not allowed(rules, UA, "https://n.example.org/a")
        assert ttl(rules, 3600) == UNREACHABLE_TTL_S  # asked again sooner
    assert ttl(rules_from_response(200, b""), 3600) == 3600
    assert allowed(rules_from_response(200, b""), UA, "https://n.example.org/a")
    assert crawl_delay(rules_from_response(404, None), UA) is None


def test_fractional_crawl_delays_and_groups_with_several_agents() -> None:
    text = (b"User-agent: a-bot\nUser-agent: counterclaim-ingest\nCrawl-delay: 0.5\n"
            b"Disallow: /x/\n\nUser-agent: *\nCrawl-delay: 1.5 # seconds\n"
            b"\nUser-agent: b-bot\nCrawl-delay: soon\n")
    rules = rules_from_response(200, text)
    assert crawl_delay(rules, UA) == 0.5
    assert crawl_delay(rules, "a-bot/2") == 0.5
    assert crawl_delay(rules, "Other/1") == 1.5
    assert crawl_delay(rules, "b-bot/1") == 1.5  # unreadable value: the default group's
    assert not allowed(rules, UA, "https://n.example.org/x/1")
