"""Events in, alerts out both ways: the alerts topic with CloudEvents headers set by the
correlator's publish inside a real Faust agent, and a signed webhook per alert version.

Fed at the events topic (the correlator's input), so the test does not depend on how the
classifier words its extraction; the classifier has its own tests.
"""

from __future__ import annotations

import asyncio
import json
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer

from schemas.alert import Alert
from schemas.event import ActorType, Event, EventKind, Evidence, IncidentTime, Location
from services.alerter.signing import verify
from services.testing.processes import WorkerProcess, create_topics, produce, topic_env, worker_env
from services.testing.receiver import WebhookReceiver

pytestmark = [pytest.mark.integration, pytest.mark.timeout(90)]

DAY = date(2024, 3, 1)


def _event(event_id: str, kind: EventKind, actor: str, actor_type: ActorType,
           source: str) -> Event:
    return Event(
        event_id=event_id, article_id=f"article-{event_id}", source=source,
        published_at=date(2024, 3, 2), kind=kind, actor=actor, actor_type=actor_type,
        actor_country="ZZ" if actor_type is ActorType.STATE else None,
        attacker="Sample Armed Group", target_country="ZZ",
        location=Location(name="Sampletown", country="ZZ"),
        incident_time=IncidentTime.on(DAY), weapon="rocket",
        count=4 if kind is EventKind.CLAIM else None,
        occurred=kind is not EventKind.DENIAL,
        evidence=Evidence(text=f"{actor} statement.", start=0, end=10),
    )


EVENTS = [
    _event("e-claim", EventKind.CLAIM, "Sample Armed Group", ActorType.NON_STATE, "Wire A"),
    _event("e-denial", EventKind.DENIAL, "Zedland", ActorType.STATE, "Daily B"),
    _event("e-claim-2", EventKind.CLAIM, "Sample Armed Group", ActorType.NON_STATE, "Wire C"),
]


async def _read_alerts(broker: str, topic: str, count: int, timeout_s: float) -> list[Any]:
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=broker, auto_offset_reset="earliest",
                                group_id=None, enable_auto_commit=False)
    await consumer.start()
    records: list[Any] = []
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=300)
            for part in batch.values():
                records.extend(part)
            if len(records) >= count:
                break
    finally:
        await consumer.stop()
    return records


async def test_events_to_topic_and_webhook(broker: str, topic_prefix: str,
                                            tmp_path: Path) -> None:
    prefix = topic_prefix
    receiver = await WebhookReceiver().start()
    env = worker_env(
        broker,
        **topic_env(prefix),
        COUNTERCLAIM_WEBHOOKS=json.dumps([{"name": "hq", "url": receiver.url(),
                                           "secret": "s3", "format": "cloudevents"}]),
    )
    await create_topics(broker, [f"{prefix}.events"])
    worker = WorkerProcess(env, tmp_path / "worker.log").start()
    try:
        await produce(broker, f"{prefix}.events",
                      [(b"ZZ", e.model_dump_json().encode()) for e in EVENTS])
        assert await receiver.wait_for(lambda r: len(r.received) >= 2, 60), worker.log_text()
        records = await _read_alerts(broker, f"{prefix}.alerts", 2, 10)
    finally:
        await asyncio.to_thread(worker.stop)
        await receiver.stop()

    assert len(records) == 2, "expected the raised alert and one update"
    records.sort(key=lambda r: r.offset)
    assert len({r.partition for r in records}) == 1
    for version, record in enumerate(records, start=1):
        alert = Alert.model_validate_json(record.value)
        assert alert.version == version and alert.target_country == "ZZ"
        assert record.key == alert.alert_id.encode()
        headers = dict(record.headers)
        assert headers["ce_id"] == f"{alert.alert_id}:{version}".encode()
        assert headers["ce_source"] == f"/counterclaim/{prefix}".encode()
        assert headers["ce_type"] == (b"io.counterclaim.alert.raised" if version == 1
                                      else b"io.counterclaim.alert.updated")
        assert headers["ce_time"] == b"2024-03-01T00:00:00Z"
        assert headers["ce_subject"] == b"ZZ/Sampletown"
        assert headers["ce_specversion"] == b"1.0"

    assert [r.key for r in receiver.received] == [
        f"{Alert.model_validate_json(r.value).alert_id}:{i}" for i, r in enumerate(records, 1)]
    for got, record in zip(receiver.received, records, strict=True):
        assert verify("s3", got.headers, got.body, now=time.time())
        event = got.json()
        assert event["id"] == dict(record.headers)["ce_id"].decode()
        assert Alert.model_validate(event["data"]) == Alert.model_validate_json(record.value)
