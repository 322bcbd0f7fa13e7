"""The sender against a real local HTTP server: each status class, Retry-After, the deadline."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import aiohttp
import pytest

from services.alerter.delivery import Sender
from services.alerter.sample import sample_alert
from services.common.broker import free_port
from services.common.metrics import Metrics
from services.common.settings import WebhookReceiver as ReceiverConfig
from services.testing.receiver import WebhookReceiver, hang, statuses


def _config(url: str, **kw: Any) -> ReceiverConfig:
    defaults: dict[str, Any] = {"name": "t", "timeout_s": 2.0, "max_attempts": 4,
                                "deadline_s": 20.0, "backoff_base_s": 0.01,
                                "backoff_max_s": 0.05}
    return ReceiverConfig(url=url, **{**defaults, **kw})


class Sleeps:
    """Records the waits the sender asks for, and skips them (the server is still real)."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.mark.parametrize(
    ("answers", "delivered", "attempts"),
    [
        ([200], True, 1),
        ([204], True, 1),
        ([500, 200], True, 2),
        ([502, 503, 504, 200], True, 4),
        ([429, 200], True, 2),
        ([503, 503, 503, 503], False, 4),  # max_attempts
        ([400], False, 1),
        ([401], False, 1),
        ([403], False, 1),
        ([404], False, 1),
        ([422], False, 1),
        ([503, 410], False, 2),  # retried, then a final answer
        ([301], False, 1),  # redirects are not followed
    ],
    ids=lambda v: "-".join(map(str, v)) if isinstance(v, list) else str(v),
)
async def test_status_classes(answers: list[int], delivered: bool, attempts: int) -> None:
    metrics = Metrics.create()
    async with WebhookReceiver(responder=statuses(answers)) as server, \
            aiohttp.ClientSession() as session:
        sender = Sender(_config(server.url()), session, metrics, sleep=Sleeps())
        result = await sender.deliver(sample_alert())
        assert result.delivered is delivered
        assert result.attempts == attempts
        assert len(server.attempts) == attempts
        assert len({a.key for a in server.attempts}) == 1  # same Idempotency-Key every time
        assert len({a.body for a in server.attempts}) == 1
        if not delivered:
            assert f"HTTP {answers[attempts - 1]}" in result.reason
            assert f"answer {answers[attempts - 1]}" in result.reason  # the body's excerpt

    def sample(name: str, labels: dict[str, str]) -> float:
        return metrics.registry.get_sample_value(name, labels) or 0.0

    assert sample("counterclaim_webhook_attempts_total", {"receiver": "t"}) == attempts
    assert sample("counterclaim_webhook_deliveries_total", {"receiver": "t"}) == (
        1 if delivered else 0)
    assert sample("counterclaim_webhook_failures_total", {"receiver": "t"}) == (
        0 if delivered else 1)


async def test_retry_after_seconds_is_honoured_for_real() -> None:
    answers: list[int | tuple[int, dict[str, str]]] = [(503, {"Retry-After": "1"}), 200]
    async with WebhookReceiver(responder=statuses(answers)) as server, \
            aiohttp.ClientSession() as session:
        result = await Sender(_config(server.url()), session).deliver(sample_alert())
        assert result.delivered and result.attempts == 2
        gap = server.attempts[1].at - server.attempts[0].at
        assert gap >= 0.95, f"retried {gap:.3f}s after Retry-After: 1"


async def test_retry_after_values_drive_the_waits() -> None:
    now = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
    http_date = format_datetime(now + timedelta(seconds=42), usegmt=True)
    answers: list[int | tuple[int, dict[str, str]]] = [
        (429, {"Retry-After": "17"}), (503, {"Retry-After": http_date}), 200]
    sleeps = Sleeps()
    async with WebhookReceiver(responder=statuses(answers)) as server, \
            aiohttp.ClientSession() as session:
        sender = Sender(_config(server.url(), deadline_s=300.0), session, sleep=sleeps,
                        wall=now.timestamp)
        result = await sender.deliver(sample_alert())
    assert result.delivered and result.attempts == 3
    assert sleeps.waits == [pytest.approx(17.0), pytest.approx(42.0)]


async def test_retry_after_beyond_the_deadline_gives_up_at_once() -> None:
    answers = [(503, {"Retry-After": "3600"})]
    sleeps = Sleeps()
    async with WebhookReceiver(responder=statuses(answers)) as server, \
            aiohttp.ClientSession() as session:
        result = await Sender(_config(server.url()), session, sleep=sleeps).deliver(
            sample_alert())
    assert not result.delivered and result.attempts == 1
    assert sleeps.waits == []
    assert "Retry-After" in result.reason


async def test_timeouts_are_retried_then_given_up() -> None:
    async with WebhookReceiver(responder=hang(30)) as server, \
            aiohttp.ClientSession() as session:
        t0 = time.monotonic()
        result = await Sender(_config(server.url(), timeout_s=0.3, max_attempts=3),
                              session).deliver(sample_alert())
        elapsed = time.monotonic() - t0
    assert not result.delivered and result.attempts == 3
    assert "timeout after 0.3s" in result.reason
    assert 0.9 <= elapsed < 2.0


async def test_the_deadline_cuts_a_hanging_attempt() -> None:
    # Each attempt may take 5 s, but the whole delivery only 1 s: it must end at ~1 s.
    async with WebhookReceiver(responder=hang(30)) as server, \
            aiohttp.ClientSession() as session:
        t0 = time.monotonic()
        result = await Sender(_config(server.url(), timeout_s=5.0, deadline_s=1.0,
                                      max_attempts=10), session).deliver(sample_alert())
        elapsed = time.monotonic() - t0
    assert not result.delivered
    assert 0.9 <= elapsed < 1.5, f"took {elapsed:.2f}s against a 1 s deadline"
    assert "deadline" in result.reason


async def test_connection_refused_is_retried() -> None:
    url = f"http://127.0.0.1:{free_port()}/hook"  # nothing listens there
    sleeps = Sleeps()
    async with aiohttp.ClientSession() as session:
        result = await Sender(_config(url, max_attempts=3), session, sleep=sleeps).deliver(
            sample_alert())
    assert not result.delivered and result.attempts == 3
    assert len(sleeps.waits) == 2
    assert all(0 <= w <= 0.05 for w in sleeps.waits)  # full jitter under the cap
    assert "ClientConnectorError" in result.reason or "Connect" in result.reason
