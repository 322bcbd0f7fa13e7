"""A receiver that is down does not build a backlog of stale versions: when it comes back it
gets the newest version of each alert, the older ones counted as superseded, none of them
dead-lettered. Real broker, a real `counterclaim worker`, a real HTTP receiver."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from services.alerter.sample import sample_alert
from services.testing.processes import (
    WorkerProcess,
    collect,
    create_topics,
    produce,
    topic_env,
    worker_env,
)
from services.testing.receiver import WebhookReceiver

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]


def _record(version: int) -> tuple[bytes, bytes]:
    alert = sample_alert(version)
    return alert.alert_id.encode(), alert.model_dump_json().encode()


async def _superseded(port: int) -> float:
    async with aiohttp.ClientSession() as http, http.get(
            f"http://127.0.0.1:{port}/metrics") as response:
        text = await response.text()
    found = re.search(r'counterclaim_webhook_superseded_total\{receiver="down"\} (\S+)', text)
    return float(found.group(1)) if found else -1.0


async def test_receiver_back_from_an_outage_gets_the_current_version(
    broker: str, topic_prefix: str, tmp_path: Path
) -> None:
    down = True

    async def outage(request: web.Request, body: bytes) -> web.StreamResponse | None:
        return web.Response(status=503, text="down") if down else None

    receiver = await WebhookReceiver(responder=outage).start()
    topics = topic_env(topic_prefix)
    hooks = [{"name": "down", "url": receiver.url(), "backoff_base_s": 0.5,
              "backoff_max_s": 1.0, "max_attempts": 50, "deadline_s": 60}]
    env = worker_env(broker, COUNTERCLAIM_WEBHOOKS=json.dumps(hooks), **topics)
    alerts = topics["COUNTERCLAIM_TOPIC_ALERTS"]
    await create_topics(broker, [alerts, topics["COUNTERCLAIM_TOPIC_ARTICLES"]])
    worker = WorkerProcess(env, tmp_path / "worker.log").start()
    try:
        await produce(broker, alerts, [_record(1)])
        assert await receiver.wait_for(lambda r: len(r.attempts) >= 2, 60), worker.log_text()[-2000:]
        await produce(broker, alerts, [_record(2), _record(3), _record(4)])
        await asyncio.sleep(3.0)  # the newer versions arrive while the receiver is down
        down = False
        assert await receiver.wait_for(lambda r: len(r.received) >= 1, 30), worker.log_text()[-2000:]
        await asyncio.sleep(2.0)  # anything stale would follow now
        superseded = await _superseded(worker.metrics_port)
        dead = await collect(broker, topics["COUNTERCLAIM_TOPIC_DEAD_LETTERS"],
                             lambda v: False, 2.0)
    finally:
        await asyncio.to_thread(worker.stop)
        await receiver.stop()
    delivered = [r.json()["version"] for r in receiver.received]
    assert delivered == [4]  # the current state only, not versions 1-3 first
    tried = {r.json()["version"] for r in receiver.attempts}
    assert tried <= {1, 4}  # versions 2 and 3 were never even sent
    assert superseded == 3.0
    assert dead == []  # superseded is not lost: the newer version carries everything
