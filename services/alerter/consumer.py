"""One webhook receiver's Kafka consumer: reads alert versions, delivers them in per-alert
lanes (in order; a failed version yields to a newer one), commits behind finished work."""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import KafkaError

from schemas.alert import Alert
from services.alerter.config import DeliveryConfig, OnFailure
from services.alerter.offsets import OffsetTracker
from services.alerter.payloads import idempotency_key
from services.alerter.sender import Sender
from services.common.codec import DecodeError, decode
from services.common.logging import get_logger
from services.common.metrics import Metrics
from services.common.settings import WebhookReceiver

log = get_logger(__name__)


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
class _Lane:
    """One alert's versions waiting for one receiver, oldest first."""

    waiting: deque[tuple[TopicPartition, Any]] = field(default_factory=deque)
    newer: asyncio.Event = field(default_factory=asyncio.Event)
    troubled: bool = False  # the last version failed an attempt (or gave up)


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
    _inflight: set[asyncio.Task[None]] = field(default_factory=set)  # one task per lane
    _lanes: dict[bytes, _Lane] = field(default_factory=dict)
    _outstanding: int = 0  # records dispatched and not yet done
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
        free = self.receiver.max_in_flight - self._outstanding
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
        """Queue a record in its alert's lane (the key is the alert id); start the lane."""
        self.tracker.begin(tp, record.offset)
        self._outstanding += 1
        key: bytes = record.key or b""
        lane = self._lanes.get(key)
        if lane is None:
            lane = self._lanes[key] = _Lane()
            task = asyncio.create_task(self._run_lane(key, lane))
            self._inflight.add(task)
            task.add_done_callback(self._inflight.discard)
        else:
            lane.newer.set()  # whatever the lane is delivering now has a newer version behind it
        lane.waiting.append((tp, record))

    async def _run_lane(self, key: bytes, lane: _Lane) -> None:
        """Deliver one alert's versions in order. While the receiver keeps up, every version;
        once one failed an attempt, only the newest of those waiting."""
        try:
            while lane.waiting:
                tp, record = lane.waiting.popleft()
                if lane.troubled and lane.waiting:
                    self._skip_superseded(tp, record)
                    continue
                lane.newer = asyncio.Event()
                if lane.waiting:
                    lane.newer.set()
                lane.troubled = not await self._handle(tp, record, lane.newer)
        finally:
            if self._lanes.get(key) is lane:
                del self._lanes[key]

    def _skip_superseded(self, tp: TopicPartition, record: Any) -> None:
        label = self.receiver.label
        self.metrics.webhook_superseded.labels(label).inc()
        log.info("webhook version superseded by a newer one", receiver=label,
                 key=(record.key or b"").decode("utf-8", "replace"), offset=record.offset)
        self._finish(tp, record)

    def _finish(self, tp: TopicPartition, record: Any) -> None:
        self.tracker.done(tp, record.offset)
        self._outstanding -= 1
        self._slot.set()

    async def _handle(self, tp: TopicPartition, record: Any, newer: asyncio.Event) -> bool:
        """Deliver, supersede or dead-letter, then mark the offset done (never on
        cancellation). True when the receiver took it at the first attempt."""
        original: bytes = record.value or b""
        smooth = False
        try:
            alert = decode(record.value, Alert)
        except DecodeError as exc:
            await self._dead_letter(f"undeliverable alert record: {exc}", original, record)
            smooth = True
        else:
            if alert.version > 1 and not self.receiver.updates:
                smooth = True
            else:
                smooth = await self._deliver(alert, original, record, newer)
        self._finish(tp, record)
        return smooth

    async def _deliver(self, alert: Alert, original: bytes, record: Any,
                       newer: asyncio.Event) -> bool:
        assert self._sender is not None
        try:
            result = await self._sender.deliver(alert, newer)
        except Exception as exc:  # a bug must cost one dead letter, not the receiver's consumer
            log.exception("webhook delivery crashed", receiver=self.receiver.label,
                          alert_id=alert.alert_id)
            await self._dead_letter(f"{idempotency_key(alert)}: internal error: {exc!r}",
                                    original, record)
            return False
        if not result.delivered and not result.superseded:
            await self._dead_letter(f"{idempotency_key(alert)}: {result.reason}", original,
                                    record)
        return result.smooth

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
