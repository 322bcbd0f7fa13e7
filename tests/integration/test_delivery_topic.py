"""The alerts topic through a real broker: JSON keyed by alert id, CloudEvents headers; and
the worker's per-receiver lifecycle choice (updates or new alerts only)."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.structs import ConsumerRecord

from schemas.alert import Alert
from schemas.dead_letter import DeadLetter
from services.adapters.publish import publish_alert
from services.alerter.sample import sample_alert
from services.common.settings import load_settings
from services.testing.processes import WorkerProcess, collect, create_topics, produce, topic_env, worker_env
from services.testing.receiver import WebhookReceiver

pytestmark = [pytest.mark.integration, pytest.mark.timeout(90)]


@dataclass
class _KafkaTopic:
    """The one call publish_alert makes on a Faust topic, done by a real Kafka producer."""

    producer: AIOKafkaProducer
    name: str

    async def send(self, *, key: bytes, value: bytes, headers: Any) -> None:
        await self.producer.send_and_wait(self.name, key=key, value=value, headers=headers)


@dataclass
class _Runtime:
    settings: Any
    alerts: _KafkaTopic


async def test_published_alert_carries_cloudevents_headers(broker: str,
                                                           topic_prefix: str) -> None:
    topic = f"{topic_prefix}.alerts"
    await create_topics(broker, [topic])
    producer = AIOKafkaProducer(bootstrap_servers=broker, acks="all")
    await producer.start()
    try:
        rt = _Runtime(load_settings(app_id="prod-eu"), _KafkaTopic(producer, topic))
        for version in (1, 2):
            await publish_alert(rt, sample_alert(version))  # type: ignore[arg-type]
    finally:
        await producer.stop()

    consumer = AIOKafkaConsumer(topic, bootstrap_servers=broker, auto_offset_reset="earliest",
                                group_id=None, enable_auto_commit=False)
    await consumer.start()
    records: list[ConsumerRecord] = []
    try:
        async with asyncio.timeout(20):
            while len(records) < 2:
                batch = await consumer.getmany(timeout_ms=500)
                for part in batch.values():
                    records.extend(part)
    finally:
        await consumer.stop()

    assert len({r.partition for r in records}) == 1  # keyed: one alert, one partition, in order
    first, second = sorted(records, key=lambda r: r.offset)
    assert first.key == b"sample-0000000000000001"
    assert Alert.model_validate_json(first.value) == sample_alert(1)
    headers = dict(first.headers)
    assert headers["ce_specversion"] == b"1.0"
    assert headers["ce_id"] == b"sample-0000000000000001:1"
    assert headers["ce_source"] == b"/counterclaim/prod-eu"
    assert headers["ce_type"] == b"io.counterclaim.alert.raised"
    assert headers["ce_time"] == b"2024-03-01T00:00:00Z"
    assert headers["ce_subject"] == b"ZZ/Sampletown"
    assert dict(second.headers)["ce_type"] == b"io.counterclaim.alert.updated"
    assert dict(second.headers)["ce_id"] == b"sample-0000000000000001:2"


async def test_receivers_choose_updates_or_new_alerts_only(broker: str, topic_prefix: str,
                                                           tmp_path: Path) -> None:
    every = await WebhookReceiver().start()
    new_only = await WebhookReceiver().start()
    prefix = topic_prefix
    env = worker_env(
        broker,
        **topic_env(prefix),
        COUNTERCLAIM_WEBHOOKS=json.dumps([
            {"name": "every", "url": every.url(), "format": "alertmanager"},
            {"name": "new-only", "url": new_only.url(), "updates": False},
        ]),
    )
    records: list[tuple[bytes | None, bytes]] = []
    for alert_id, count in ((f"{prefix}-a", 3), (f"{prefix}-b", 1)):
        for v in range(1, count + 1):
            alert = sample_alert(v).model_copy(update={"alert_id": alert_id})
            records.append((alert_id.encode(), alert.model_dump_json().encode()))
    records.append((b"junk", b'{"alert_id": "no version"}'))  # bad input must not stop anyone
    await create_topics(broker, [f"{prefix}.alerts"])
    await produce(broker, f"{prefix}.alerts", records)
    worker = WorkerProcess(env, tmp_path / "worker.log").start()
    try:
        assert await every.wait_for(lambda r: len(r.received) >= 4, 45), worker.log_text()
        assert await new_only.wait_for(lambda r: len(r.received) >= 2, 10)
        dead = await collect(broker, f"{prefix}.dead-letters", timeout_s=15,
                             until=lambda vs: len(vs) >= 2, settle_s=1.0)
    finally:
        await asyncio.to_thread(worker.stop)
        await every.stop()
        await new_only.stop()

    assert sorted(every.deduped()) == [f"{prefix}-a:1", f"{prefix}-a:2", f"{prefix}-a:3",
                                       f"{prefix}-b:1"]
    versions = [r.json()["alerts"][0]["annotations"]["version"] for r in every.received
                if r.key and r.key.startswith(f"{prefix}-a:")]
    assert versions[:3] == ["1", "2", "3"]  # versions of one alert in order
    assert sorted(new_only.deduped()) == [f"{prefix}-a:1", f"{prefix}-b:1"]
    letters = [DeadLetter.model_validate_json(v) for v in dead]
    assert sorted(d.receiver or "" for d in letters) == ["every", "new-only"]
    for letter in letters:
        assert letter.stage == "deliver"
        assert letter.reason.startswith("undeliverable alert record")
        assert letter.original() == b'{"alert_id": "no version"}'
