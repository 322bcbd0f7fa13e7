"""A failing version yields to a newer one; attempts end on time; receiver URLs stay secret.

Real local HTTP servers; waits skipped or real, as each test says."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import aiohttp

from services.alerter.delivery import Sender
from services.alerter.sample import sample_alert
from services.common.broker import free_port
from services.common.metrics import Metrics
from services.common.settings import WebhookReceiver as ReceiverConfig
from services.testing.receiver import WebhookReceiver, hang, statuses


def _config(url: str, **kw: Any) -> ReceiverConfig:
    defaults: dict[str, Any] = {"name": "t", "timeout_s": 2.0, "max_attempts": 6,
                                "deadline_s": 60.0, "backoff_base_s": 0.01,
                                "backoff_max_s": 0.05}
    return ReceiverConfig(url=url, **{**defaults, **kw})


def _count(metrics: Metrics, name: str) -> float:
    return sum(s.value for m in metrics.registry.collect() if m.name == name
               for s in m.samples if s.name.endswith("_total"))


async def test_a_failed_attempt_with_a_newer_version_waiting_is_superseded() -> None:
    metrics = Metrics.create()
    newer = asyncio.Event()
    newer.set()
    async with WebhookReceiver(responder=statuses([503] * 10)) as server, \
            aiohttp.ClientSession() as session:
        result = await Sender(_config(server.url()), session, metrics).deliver(
            sample_alert(), newer)
    assert result.superseded and not result.delivered
    assert result.attempts == 1 and len(server.attempts) == 1
    assert _count(metrics, "counterclaim_webhook_superseded") == 1
    assert _count(metrics, "counterclaim_webhook_failures") == 0  # not a failure


async def test_a_newer_version_cuts_the_backoff_short() -> None:
    newer = asyncio.Event()
    async with WebhookReceiver(responder=statuses([503] * 10)) as server, \
            aiohttp.ClientSession() as session:
        sender = Sender(_config(server.url(), backoff_base_s=30.0, backoff_max_s=30.0),
                        session, jitter=lambda: 1.0)
        asyncio.get_running_loop().call_later(0.3, newer.set)
        t0 = time.monotonic()
        result = await sender.deliver(sample_alert(), newer)
    assert result.superseded
    assert time.monotonic() - t0 < 5.0  # not the 30 s backoff


async def test_a_receiver_that_keeps_up_gets_every_version() -> None:
    newer = asyncio.Event()
    newer.set()
    async with WebhookReceiver() as server, aiohttp.ClientSession() as session:
        result = await Sender(_config(server.url()), session).deliver(sample_alert(), newer)
    assert result.delivered and result.smooth


async def test_an_attempt_never_runs_past_the_deadline() -> None:
    """aiohttp rounds timeouts of 5 s and more up to the next whole second; not here."""
    async with WebhookReceiver(responder=hang(60)) as server, \
            aiohttp.ClientSession() as session:
        sender = Sender(_config(server.url(), timeout_s=5.1, deadline_s=5.1, max_attempts=3),
                        session)
        t0 = time.monotonic()
        result = await sender.deliver(sample_alert())
        took = time.monotonic() - t0
    assert not result.delivered and "timeout" in result.reason
    assert 5.05 <= took <= 5.25, took


async def test_urls_without_a_name_are_labelled_without_their_secrets() -> None:
    port = free_port()  # nothing listens: the connection error is what could leak
    url = f"http://ops:hunter2@127.0.0.1:{port}/hook/path?token=s3cret#frag"
    config = ReceiverConfig.model_validate({"url": url, "max_attempts": 1})
    assert config.label == f"http://127.0.0.1:{port}/hook/path"
    metrics = Metrics.create()
    async with aiohttp.ClientSession() as session:
        result = await Sender(config, session, metrics).deliver(sample_alert())
    assert not result.delivered
    exposed = result.reason + "".join(
        f"{s.labels}" for m in metrics.registry.collect() for s in m.samples)
    for secret in ("s3cret", "hunter2", "token", "ops:"):
        assert secret not in exposed


def test_label_keeps_a_given_name_and_ports() -> None:
    assert ReceiverConfig.model_validate({"url": "https://x.example/h?k=v", "name": "ops"}).label == "ops"
    assert ReceiverConfig.model_validate(
        {"url": "https://x.example:8443/h?k=v"}).label == "https://x.example:8443/h"


