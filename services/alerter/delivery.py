"""Webhook delivery: at least once across restarts, isolated per receiver.

Each receiver has its own Kafka consumer on the alerts topic, in its own consumer group
(`{app_id}-webhook-{receiver id}`), its own HTTP session and its own bounded set of deliveries
in flight. An offset is committed only once every record before it in its partition was
delivered or dead-lettered (`OffsetTracker`), so a worker killed mid-delivery re-reads what
was not finished and the receiver, deduplicating on `Idempotency-Key`, keeps one of each.
A receiver that hangs fills only its own slots; the others and the pipeline never wait on it.
Versions of one alert go out one at a time, in order; once one has failed an attempt, a newer
version waiting behind it supersedes it (and any others queued), so a receiver that comes back
gets the current state first instead of a backlog of stale versions.

The decisions (payloads, signatures, retries, commit points) are pure and live elsewhere;
this module and `consumer.py` (one receiver's consumer) and `sender.py` (one delivery) are
the I/O around them.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from dataclasses import dataclass, field

from services.alerter.config import DeliveryConfig, OnFailure
from services.alerter.consumer import ReceiverConsumer
from services.alerter.sender import DeliveryResult, Sender, policy_for
from services.common.logging import get_logger
from services.common.metrics import Metrics
from services.common.settings import WebhookReceiver

log = get_logger(__name__)

__all__ = ["Deliverer", "DeliveryConfig", "DeliveryResult", "OnFailure", "ReceiverConsumer",
           "Sender", "policy_for", "receiver_ids"]


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
