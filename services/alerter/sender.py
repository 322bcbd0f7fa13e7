"""Delivering one alert version to one receiver: attempts, backoff, deadline, supersession.

An attempt never outlasts the time left before `deadline_s`: aiohttp rounds timeouts of 5 s
and more up to the next whole second of its loop clock (`ceil_threshold`), so its rounding is
turned off and the attempt also runs under an exact `asyncio.timeout`. A version that failed
an attempt stops retrying as soon as a newer version of the same alert is waiting (`newer`):
the receiver gets the current state, as Alertmanager sends it, not a backlog of stale ones.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import aiohttp

from schemas.alert import Alert
from services.alerter.payloads import DEFAULT_SOURCE, body, request_headers
from services.alerter.retry import Outcome, RetryPolicy, Verdict, attempt_timeout, decide, verdict
from services.common.logging import get_logger
from services.common.metrics import Metrics
from services.common.settings import WebhookReceiver

log = get_logger(__name__)

DETAIL_BYTES = 300  # of an error response's body, kept for the dead letter
READ_LIMIT = 64 * 1024  # of any response body: enough to reuse the connection, bounded memory


def policy_for(receiver: WebhookReceiver) -> RetryPolicy:
    return RetryPolicy(
        max_attempts=receiver.max_attempts,
        deadline_s=receiver.deadline_s,
        base_delay_s=receiver.backoff_base_s,
        max_delay_s=receiver.backoff_max_s,
    )


@dataclass(frozen=True)
class DeliveryResult:
    delivered: bool
    attempts: int
    status: int | None
    reason: str
    superseded: bool = False

    @property
    def smooth(self) -> bool:
        """Delivered at the first attempt: the receiver keeps up."""
        return self.delivered and self.attempts == 1


@dataclass
class Sender:
    """Delivers one alert version to one receiver.

    Clock, wall clock and jitter are injectable so tests can drive time; defaults are real.
    """

    receiver: WebhookReceiver
    session: aiohttp.ClientSession
    metrics: Metrics | None = None
    source: str = DEFAULT_SOURCE
    monotonic: Callable[[], float] = time.monotonic
    wall: Callable[[], float] = time.time
    jitter: Callable[[], float] = random.random
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    async def deliver(self, alert: Alert, newer: asyncio.Event | None = None) -> DeliveryResult:
        """`newer`: set when a newer version of this alert is waiting for this receiver."""
        receiver = self.receiver
        label = receiver.label
        policy = policy_for(receiver)
        payload, content_type = body(alert, receiver.format, label, self.source)
        started = self.monotonic()
        attempt = 0
        last = Outcome(error="no attempt made")
        while True:
            timeout = attempt_timeout(policy, receiver.timeout_s, self.monotonic() - started)
            if timeout is None:
                return self._gave_up(alert, attempt, f"deadline of {policy.deadline_s:g}s", last)
            attempt += 1
            headers = request_headers(alert, receiver, payload, content_type, int(self.wall()))
            last = await self.attempt(payload, headers, timeout)
            if verdict(last) is Verdict.DELIVERED:
                if self.metrics is not None:
                    self.metrics.webhook_deliveries.labels(label).inc()
                log.info("webhook delivered", receiver=label, alert_id=alert.alert_id,
                         version=alert.version, status=last.status, attempts=attempt)
                return DeliveryResult(True, attempt, last.status, "delivered")
            if newer is not None and newer.is_set():
                return self._superseded(alert, attempt, last)
            decision = decide(policy, attempt, last, self.monotonic() - started, self.jitter(),
                              datetime.fromtimestamp(self.wall(), UTC))
            if decision.delay is None:
                return self._gave_up(alert, attempt, decision.reason, last)
            log.info("webhook retry", receiver=label, alert_id=alert.alert_id,
                     version=alert.version, attempt=attempt, outcome=last.describe(),
                     delay_s=round(decision.delay, 3))
            await self._pause(decision.delay, newer)
            if newer is not None and newer.is_set():
                return self._superseded(alert, attempt, last)

    async def _pause(self, delay: float, newer: asyncio.Event | None) -> None:
        """The backoff wait, cut short when a newer version arrives."""
        if newer is None:
            await self.sleep(delay)
            return
        waits = {asyncio.ensure_future(self.sleep(delay)), asyncio.ensure_future(newer.wait())}
        _, pending = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    def _superseded(self, alert: Alert, attempts: int, last: Outcome) -> DeliveryResult:
        label = self.receiver.label
        if self.metrics is not None:
            self.metrics.webhook_superseded.labels(label).inc()
        log.info("webhook version superseded by a newer one", receiver=label,
                 alert_id=alert.alert_id, version=alert.version, attempts=attempts,
                 last=last.describe())
        return DeliveryResult(False, attempts, last.status, "superseded", superseded=True)

    def _gave_up(self, alert: Alert, attempts: int, why: str, last: Outcome) -> DeliveryResult:
        label = self.receiver.label
        if self.metrics is not None:
            self.metrics.webhook_failures.labels(label).inc()
        reason = f"gave up after {attempts} attempt(s) ({why}); last error: {last.describe()}"
        log.warning("webhook delivery failed", receiver=label, alert_id=alert.alert_id,
                    version=alert.version, reason=reason)
        return DeliveryResult(False, attempts, last.status, reason)

    async def attempt(self, payload: bytes, headers: dict[str, str], timeout_s: float) -> Outcome:
        """One POST, over in `timeout_s` at the latest; every network failure becomes an
        Outcome, never an exception, and its text never carries the URL's secrets."""
        label = self.receiver.label
        if self.metrics is not None:
            self.metrics.webhook_attempts.labels(label).inc()
        t0 = time.monotonic()
        try:
            async with asyncio.timeout(timeout_s), self.session.post(
                str(self.receiver.url), data=payload, headers=headers, allow_redirects=False,
                timeout=aiohttp.ClientTimeout(total=timeout_s, ceil_threshold=math.inf),
            ) as response:
                text = await response.content.read(READ_LIMIT)
                ok = 200 <= response.status < 300
                detail = None if ok else text[:DETAIL_BYTES].decode("utf-8", "replace").strip()
                return Outcome(status=response.status,
                               retry_after=response.headers.get("Retry-After"),
                               detail=detail or None)
        except TimeoutError:
            return Outcome(error=f"timeout after {round(timeout_s, 3):g}s")
        except (aiohttp.ClientError, OSError) as exc:
            return Outcome(error=self._redact(f"{type(exc).__name__}: {exc}"))
        finally:
            if self.metrics is not None:
                self.metrics.webhook_latency.labels(label).observe(time.monotonic() - t0)

    def _redact(self, text: str) -> str:
        return text.replace(str(self.receiver.url), self.receiver.label)
