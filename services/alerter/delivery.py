"""Webhook delivery: one queue and one worker task per receiver, so a slow receiver only
delays itself. The retry decisions come from `retry.next_delay` (pure)."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import aiohttp

from schemas.alert import Alert
from services.alerter.payloads import render
from services.alerter.retry import Outcome, RetryPolicy, next_delay, succeeded
from services.common.logging import get_logger
from services.common.metrics import Metrics
from services.common.settings import WebhookReceiver

log = get_logger(__name__)

OnFailure = Callable[[WebhookReceiver, Alert, bytes, str], Awaitable[None]]
OnDelivered = Callable[[WebhookReceiver, Alert, int], Awaitable[None]]


@dataclass
class Deliverer:
    receivers: list[WebhookReceiver]
    metrics: Metrics
    on_failure: OnFailure
    on_delivered: OnDelivered | None = None
    queue_size: int = 10_000
    _queues: list[asyncio.Queue[Alert]] = field(default_factory=list)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)
    _session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        self._session = aiohttp.ClientSession()
        for receiver in self.receivers:
            queue: asyncio.Queue[Alert] = asyncio.Queue(self.queue_size)
            self._queues.append(queue)
            self._tasks.append(asyncio.create_task(self._run(receiver, queue)))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
        if self._session is not None:
            await self._session.close()

    async def submit(self, alert: Alert) -> None:
        for receiver, queue in zip(self.receivers, self._queues, strict=True):
            if alert.version > 1 and not receiver.updates:
                continue
            await queue.put(alert)

    async def drain(self) -> None:
        await asyncio.gather(*(q.join() for q in self._queues))

    async def _run(self, receiver: WebhookReceiver, queue: asyncio.Queue[Alert]) -> None:
        while True:
            alert = await queue.get()
            try:
                await self.deliver(receiver, alert)
            except Exception as exc:  # a bug here must not kill the receiver's worker
                log.exception("delivery crashed", receiver=receiver.label, alert_id=alert.alert_id)
                body, _ = render(alert, receiver)
                await self.on_failure(receiver, alert, body, f"internal error: {exc!r}")
            finally:
                queue.task_done()

    async def deliver(self, receiver: WebhookReceiver, alert: Alert) -> bool:
        assert self._session is not None, "start() first"
        policy = RetryPolicy(max_attempts=receiver.max_attempts, deadline_s=receiver.deadline_s)
        body, headers = render(alert, receiver)
        started = time.monotonic()
        attempt = 0
        label = receiver.label
        while True:
            attempt += 1
            outcome = await self._attempt(receiver, body, headers)
            if succeeded(outcome):
                self.metrics.webhook_deliveries.labels(label).inc()
                log.info("webhook delivered", receiver=label, alert_id=alert.alert_id,
                         version=alert.version, status=outcome.status, attempts=attempt)
                if self.on_delivered is not None:
                    await self.on_delivered(receiver, alert, outcome.status or 0)
                return True
            delay = next_delay(policy, attempt, outcome, time.monotonic() - started,
                               random.random(), datetime.now(UTC))
            if delay is None:
                reason = f"HTTP {outcome.status}" if outcome.status else f"{outcome.error}"
                self.metrics.webhook_failures.labels(label).inc()
                log.warning("webhook delivery failed", receiver=label, alert_id=alert.alert_id,
                            attempts=attempt, reason=reason)
                await self.on_failure(receiver, alert, body,
                                      f"gave up after {attempt} attempts: {reason}")
                return False
            await asyncio.sleep(delay)

    async def _attempt(
        self, receiver: WebhookReceiver, body: bytes, headers: dict[str, str]
    ) -> Outcome:
        assert self._session is not None
        label = receiver.label
        self.metrics.webhook_attempts.labels(label).inc()
        t0 = time.monotonic()
        try:
            async with self._session.post(
                str(receiver.url), data=body, headers=headers,
                timeout=aiohttp.ClientTimeout(total=receiver.timeout_s),
            ) as response:
                await response.read()
                return Outcome(status=response.status,
                               retry_after=response.headers.get("Retry-After"))
        except TimeoutError:
            return Outcome(error=f"timeout after {receiver.timeout_s}s")
        except aiohttp.ClientError as exc:
            return Outcome(error=f"{type(exc).__name__}: {exc}")
        finally:
            self.metrics.webhook_latency.labels(label).observe(time.monotonic() - t0)
