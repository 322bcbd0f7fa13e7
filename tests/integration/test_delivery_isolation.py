"""A receiver that hangs delays neither another receiver's delivery beyond its own timeout,
nor the pipeline; its failed deliveries are dead-lettered with the receiver and last error.

Real broker, a real `counterclaim worker`, real HTTP receivers.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest

from schemas.dead_letter import DeadLetter
from services.alerter.sample import sample_alert
from services.testing.processes import (
    WorkerProcess,
    collect,
    create_topics,
    produce,
    topic_env,
    worker_env,
)
from services.testing.receiver import WebhookReceiver, hang

pytestmark = [pytest.mark.integration, pytest.mark.timeout(90)]

HANG_TIMEOUT_S = 3.0


def _env(broker: str, prefix: str, receivers: list[dict[str, object]]) -> dict[str, str]:
    return worker_env(
        broker,
        **topic_env(prefix),
        COUNTERCLAIM_WEBHOOKS=json.dumps(receivers),
    )


def _record(alert_id: str, version: int = 1) -> tuple[bytes, bytes]:
    alert = sample_alert(version).model_copy(update={"alert_id": alert_id})
    return alert_id.encode(), alert.model_dump_json().encode()


async def test_hanging_receiver_delays_nobody(broker: str, topic_prefix: str,
                                              tmp_path: Path) -> None:
    stuck = await WebhookReceiver(responder=hang(60)).start()
    fast = await WebhookReceiver().start()
    receivers: list[dict[str, object]] = [
        # max_in_flight 1: the hung receiver's only slot stays busy, the worst case.
        {"name": "stuck", "url": stuck.url(), "timeout_s": HANG_TIMEOUT_S, "max_attempts": 2,
         "backoff_base_s": 0.1, "max_in_flight": 1},
        {"name": "fast", "url": fast.url(), "format": "cloudevents"},
    ]
    prefix = topic_prefix
    alerts_topic, dead_topic = f"{prefix}.alerts", f"{prefix}.dead-letters"
    await create_topics(broker, [alerts_topic, f"{prefix}.articles"])
    worker = WorkerProcess(_env(broker, prefix, receivers), tmp_path / "worker.log").start()
    try:
        # Warm up: once the fast receiver has the first alert, the stuck one is hanging on it.
        await produce(broker, alerts_topic, [_record(f"{prefix}-warm")])
        assert await fast.wait_for(lambda r: len(r.received) == 1, 45), worker.log_text()
        assert await stuck.wait_for(lambda r: len(r.attempts) >= 1, 10)

        ids = [f"{prefix}-{i}" for i in range(5)]
        sent_at = time.monotonic()
        await produce(broker, alerts_topic, [_record(i) for i in ids])
        assert await fast.wait_for(lambda r: len(r.received) == 6, 2 * HANG_TIMEOUT_S)
        latest = max(r.at for r in fast.received[1:]) - sent_at
        assert latest < HANG_TIMEOUT_S, (
            f"fast receiver waited {latest:.2f}s, at least the hung receiver's timeout")
        assert {r.json()["data"]["alert_id"] for r in fast.received[1:]} == set(ids)

        # The pipeline runs too: a bad article is dead-lettered by the classifier meanwhile.
        article_sent = time.monotonic()
        await produce(broker, f"{prefix}.articles", [(b"bad", b"not json")])

        def stages(values: list[bytes]) -> set[tuple[str, str | None]]:
            return {(d.stage, d.receiver)
                    for d in (DeadLetter.model_validate_json(v) for v in values)}

        dead = await collect(
            broker, dead_topic, timeout_s=30,
            until=lambda vs: {("classify", None), ("deliver", "stuck")} <= stages(vs))
        letters = [DeadLetter.model_validate_json(v) for v in dead]
        classify = [d for d in letters if d.stage == "classify"]
        assert classify, "the pipeline stalled behind a hung receiver"
        assert time.monotonic() - article_sent < 30
        delivery = [d for d in letters if d.stage == "deliver"]
        assert delivery, "the hung receiver's failure was not dead-lettered"
        first = delivery[0]
        assert first.receiver == "stuck"
        assert first.reason.startswith(f"{prefix}-warm:1: gave up after 2 attempt(s)")
        assert f"timeout after {HANG_TIMEOUT_S:g}s" in first.reason
        assert json.loads(first.original())["alert_id"] == f"{prefix}-warm"
        assert first.topic == alerts_topic and first.offset is not None
        assert all(d.receiver != "fast" for d in delivery)
        print(f"\nfast receiver: all 5 alerts within {latest * 1000:.0f} ms while the other "
              f"hung ({HANG_TIMEOUT_S:g}s timeout); {len(delivery)} dead letter(s) for it")
    finally:
        await asyncio.to_thread(worker.stop)
        await stuck.stop()
        await fast.stop()
