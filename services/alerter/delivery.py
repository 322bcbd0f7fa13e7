"""Webhook delivery: at least once across restarts, isolated per receiver.

Each receiver has its own Kafka consumer on the alerts topic, in its own consumer group
(`{app_id}-webhook-{receiver id}`), its own HTTP session and its own bounded set of deliveries
in flight. An offset is committed only once every record before it in its partition was
delivered or dead-lettered (`OffsetTracker`), so a worker killed mid-delivery re-reads what
was not finished and the receiver, deduplicating on `Idempotency-Key`, keeps one of each.
A receiver that hangs fills only its own slots; the others and the pipeline never wait on it.

The decisions (payloads, signatures, retries, commit points) are pure and live elsewhere;
this module is the I/O around them.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import random
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import aiohttp
from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import KafkaError

from schemas.alert import Alert
from services.alerter.offsets import OffsetTracker
from services.alerter.payloads import DEFAULT_SOURCE, body, idempotency_key, request_headers
from services.alerter.retry import (
    Outcome,
    RetryPolicy,
    Verdict,
    attempt_timeout,
    decide,
    verdict,
)
from services.common.codec import DecodeError, decode
from services.common.logging import get_logger
from services.common.metrics import Metrics
from services.common.settings import Settings, WebhookReceiver

log = get_logger(__name__)

# (receiver, reason, original record value, the Kafka record or None) -> dead letter written
OnFailure = Callable[[WebhookReceiver, str, bytes, Any], Awaitable[None]]

DETAIL_BYTES = 300  # of an error response's body, kept for the dead letter
READ_LIMIT = 64 * 1024  # of any response body: enough to reuse the connection, bounded memory


def receiver_ids(receivers: list[WebhookReceiver]) -> list[str]:
    """Stable ids for consumer groups: the name's slug, else a hash of the URL; unique.

    Stable across restarts and reordering, so a receiver keeps its committed offsets; name
    receivers to keep them when a URL changes.
    """
    ids: list[str] = []
    for receiver in receivers:
        if receiver.name:
            base = re.sub(r"[^A-Za-z0-9._-]+", "-", receiver.name).strip("-")[:64] or "receiver"
        else:
            base = hashlib.sha256(str(receiver.url).encode("utf-8")).hexdigest()[:12]
        rid, n = base, 1
        while rid in ids:
            n += 1
            rid = f"{base}-{n}"
        ids.append(rid)
    return ids


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


@dataclass
class Sender:
    """Delivers one alert version to one receiver: attempts, backoff, deadline.

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

    async def deliver(self, alert: Alert) -> DeliveryResult:
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
            decision = decide(policy, attempt, last, self.monotonic() - started, self.jitter(),
                              datetime.fromtimestamp(self.wall(), UTC))
            if decision.delay is None:
                return self._gave_up(alert, attempt, decision.reason, last)
            log.info("webhook retry", receiver=label, alert_id=alert.alert_id,
                     version=alert.version, attempt=attempt, outcome=last.describe(),
                     delay_s=round(decision.delay, 3))
            await self.sleep(decision.delay)

    def _gave_up(self, alert: Alert, attempts: int, why: str, last: Outcome) -> DeliveryResult:
        label = self.receiver.label
        if self.metrics is not None:
            self.metrics.webhook_failures.labels(label).inc()
        reason = f"gave up after {attempts} attempt(s) ({why}); last error: {last.describe()}"
        log.warning("webhook delivery failed", receiver=label, alert_id=alert.alert_id,
                    version=alert.version, reason=reason)
        return DeliveryResult(False, attempts, last.status, reason)

    async def attempt(self, payload: bytes, headers: dict[str, str], timeout_s: float) -> Outcome:
        """One POST; every network failure becomes an Outcome, never an exception."""
        label = self.receiver.label
        if self.metrics is not None:
            self.metrics.webhook_attempts.labels(label).inc()
        t0 = time.monotonic()
        try:
            async with self.session.post(
                str(self.receiver.url), data=payload, headers=headers, allow_redirects=False,
                timeout=aiohttp.ClientTimeout(total=timeout_s),
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
            return Outcome(error=f"{type(exc).__name__}: {exc}")
        finally:
            if self.metrics is not None:
                self.metrics.webhook_latency.labels(label).observe(time.monotonic() - t0)


@dataclass(frozen=True)
class DeliveryConfig:
    """Where the alerts are and how this app's receiver consumers join their groups."""

    bootstrap: str
    topic: str
    app_id: str
    source: str = DEFAULT_SOURCE
    session_timeout_s: float = 10.0
    heartbeat_interval_s: float = 2.0
    commit_interval_s: float = 0.5
    stop_grace_s: float = 3.0
    reconnect_s: float = 2.0
    fetch_max_wait_ms: int = 50

    @classmethod
    def from_settings(cls, settings: Settings) -> DeliveryConfig:
        from services.alerter.payloads import source_for

        return cls(
            bootstrap=settings.kafka_bootstrap,
            topic=settings.topic_alerts,
            app_id=settings.app_id,
            source=source_for(settings.app_id),
            session_timeout_s=settings.broker_session_timeout_s,
            heartbeat_interval_s=settings.broker_heartbeat_interval_s,
        )


class _Rebalance(ConsumerRebalanceListener):  # type: ignore[misc]
    """Commit what is finished before partitions move, so their new owner repeats little."""

    def __init__(self, owner: ReceiverConsumer) -> None:
        self.owner = owner

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        await self.owner.commit(only=set(revoked))
        self.owner.tracker.forget(list(revoked))

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        log.info("webhook partitions assigned", receiver=self.owner.receiver.label,
                 partitions=sorted(tp.partition for tp in assigned))


@dataclass
class ReceiverConsumer:
    """One receiver's consumer: reads alerts, delivers up to `max_in_flight` at once, commits."""

    receiver: WebhookReceiver
    group_id: str
    config: DeliveryConfig
    metrics: Metrics
    on_failure: OnFailure
    tracker: OffsetTracker = field(default_factory=OffsetTracker)
    _consumer: Any = None
    _session: aiohttp.ClientSession | None = None
    _sender: Sender | None = None
    _task: asyncio.Task[None] | None = None
    _inflight: set[asyncio.Task[None]] = field(default_factory=set)
    _tails: dict[bytes, asyncio.Task[None]] = field(default_factory=dict)
    _slot: asyncio.Event = field(default_factory=asyncio.Event)
    _stopping: asyncio.Event = field(default_factory=asyncio.Event)
    _paused: bool = False

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=self.receiver.max_in_flight))
        self._sender = Sender(self.receiver, self._session, self.metrics, self.config.source)
        self._task = asyncio.create_task(self._run(), name=f"webhook:{self.group_id}")

    async def stop(self) -> None:
        """Finish what is in flight (briefly), commit it, leave the group."""
        self._stopping.set()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(self._task, timeout=5.0)
        if self._inflight:
            _, pending = await asyncio.wait(set(self._inflight), timeout=self.config.stop_grace_s)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        if self._consumer is not None:
            await self.commit()
            with contextlib.suppress(Exception):
                await self._consumer.stop()
            self._consumer = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _connect(self) -> bool:
        while not self._stopping.is_set():
            consumer = AIOKafkaConsumer(
                bootstrap_servers=self.config.bootstrap.split(","),
                group_id=self.group_id,
                client_id=self.group_id,
                enable_auto_commit=False,
                auto_offset_reset="earliest" if self.receiver.backfill else "latest",
                session_timeout_ms=int(self.config.session_timeout_s * 1000),
                heartbeat_interval_ms=int(self.config.heartbeat_interval_s * 1000),
                fetch_max_wait_ms=self.config.fetch_max_wait_ms,  # alerts are rare: go now
            )
            consumer.subscribe([self.config.topic], listener=_Rebalance(self))
            try:
                await consumer.start()
            except KafkaError as exc:
                log.warning("webhook consumer cannot connect", receiver=self.receiver.label,
                            error=str(exc))
                with contextlib.suppress(Exception):
                    await consumer.stop()
                await self._pause(self.config.reconnect_s)
                continue
            self._consumer = consumer
            return True
        return False

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), timeout=seconds)

    async def _run(self) -> None:
        if not await self._connect():
            return
        committer = asyncio.create_task(self._commit_loop())
        try:
            while not self._stopping.is_set():
                try:
                    await self._poll()
                except KafkaError as exc:
                    log.warning("webhook consumer error", receiver=self.receiver.label,
                                error=str(exc))
                    await self._pause(1.0)
                except Exception:  # a bug must not silently end this receiver's deliveries
                    log.exception("webhook consumer crashed; going on",
                                  receiver=self.receiver.label)
                    await self._pause(1.0)
        finally:
            committer.cancel()
            await asyncio.gather(committer, return_exceptions=True)

    async def _poll(self) -> None:
        consumer = self._consumer
        self._slot.clear()
        free = self.receiver.max_in_flight - len(self._inflight)
        if free <= 0:
            # Full: stop fetching but keep polling, so the group does not think we are dead.
            # Paused again every time: partitions assigned meanwhile start unpaused.
            consumer.pause(*consumer.assignment())
            self._paused = True
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._slot.wait(), timeout=1.0)
            batch = await consumer.getmany(timeout_ms=0)
        else:
            if self._paused:
                consumer.resume(*consumer.assignment())
                self._paused = False
            batch = await consumer.getmany(timeout_ms=500, max_records=free)
        # Every record returned is dispatched, even past max_in_flight: one skipped here
        # could be committed over by a later one of its partition, and lost.
        for tp, records in batch.items():
            for record in records:
                self._dispatch(tp, record)

    def _dispatch(self, tp: TopicPartition, record: Any) -> None:
        """Start a delivery; versions of one alert (one key) go out in order, one at a time."""
        self.tracker.begin(tp, record.offset)
        key: bytes = record.key or b""
        previous = self._tails.get(key)
        task = asyncio.create_task(self._handle(tp, record, previous))
        self._tails[key] = task
        self._inflight.add(task)

        def finished(t: asyncio.Task[None]) -> None:
            self._inflight.discard(t)
            if self._tails.get(key) is t:
                del self._tails[key]
            self._slot.set()

        task.add_done_callback(finished)

    async def _handle(self, tp: TopicPartition, record: Any,
                      previous: asyncio.Task[None] | None) -> None:
        """Deliver or dead-letter, then mark the offset done; never on cancellation."""
        if previous is not None:
            await asyncio.wait([previous])
        label = self.receiver.label
        original: bytes = record.value or b""
        try:
            alert = decode(record.value, Alert)
        except DecodeError as exc:
            await self._dead_letter(f"undeliverable alert record: {exc}", original, record)
            self.tracker.done(tp, record.offset)
            return
        if alert.version > 1 and not self.receiver.updates:
            self.tracker.done(tp, record.offset)
            return
        assert self._sender is not None
        try:
            result = await self._sender.deliver(alert)
        except Exception as exc:  # a bug must cost one dead letter, not the receiver's consumer
            log.exception("webhook delivery crashed", receiver=label, alert_id=alert.alert_id)
            await self._dead_letter(f"{idempotency_key(alert)}: internal error: {exc!r}",
                                    original, record)
        else:
            if not result.delivered:
                await self._dead_letter(f"{idempotency_key(alert)}: {result.reason}", original,
                                        record)
        self.tracker.done(tp, record.offset)

    async def _dead_letter(self, reason: str, original: bytes, record: Any) -> None:
        """Keep trying until written: an offset is committed only after its dead letter."""
        wait = 0.5
        while True:
            try:
                await self.on_failure(self.receiver, reason, original, record)
                return
            except Exception:
                log.exception("dead letter failed; will retry", receiver=self.receiver.label)
                await asyncio.sleep(wait)
                wait = min(wait * 2, 30.0)

    async def _commit_loop(self) -> None:
        while True:
            await asyncio.sleep(self.config.commit_interval_s)
            await self.commit()

    async def commit(self, only: set[TopicPartition] | None = None) -> None:
        consumer = self._consumer
        if consumer is None:
            return
        offsets = {tp: off for tp, off in self.tracker.to_commit().items()
                   if only is None or tp in only}
        if not offsets:
            return
        try:
            await consumer.commit(offsets)
        except (KafkaError, ValueError) as exc:
            # A rebalance took the partitions: their new owner re-delivers from the last commit.
            log.info("webhook commit skipped", receiver=self.receiver.label, error=str(exc))
            return
        self.tracker.committed(offsets)


@dataclass
class Deliverer:
    """All receivers' consumers, started and stopped with the app."""

    receivers: list[WebhookReceiver]
    metrics: Metrics
    on_failure: OnFailure
    config: DeliveryConfig
    consumers: list[ReceiverConsumer] = field(default_factory=list)

    def group_ids(self) -> list[str]:
        return [f"{self.config.app_id}-webhook-{rid}" for rid in receiver_ids(self.receivers)]

    async def start(self) -> None:
        for receiver, group_id in zip(self.receivers, self.group_ids(), strict=True):
            consumer = ReceiverConsumer(receiver, group_id, self.config, self.metrics,
                                        self.on_failure)
            await consumer.start()
            self.consumers.append(consumer)
            log.info("webhook receiver started", receiver=receiver.label, group=group_id,
                     format=str(receiver.format), updates=receiver.updates)

    async def stop(self) -> None:
        await asyncio.gather(*(c.stop() for c in self.consumers), return_exceptions=True)
        self.consumers.clear()
