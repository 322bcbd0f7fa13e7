"""A worker whose broker has gone: SIGTERM still stops it at once with exit code 0, and the
outage writes a few library lines, not a flood. A broker of its own is stopped under it."""

from __future__ import annotations

import asyncio
import json
import signal
import time
from pathlib import Path

import aiohttp
import pytest

from services.common.broker import EmbeddedBroker
from services.testing.processes import WorkerProcess, topic_env, worker_env

pytestmark = [pytest.mark.integration, pytest.mark.timeout(180)]


async def _wait_ready(worker: WorkerProcess, timeout_s: float = 90) -> None:
    async with aiohttp.ClientSession() as http:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            assert worker.alive(), worker.log_text()[-3000:]
            try:
                async with http.get(f"http://127.0.0.1:{worker.metrics_port}/readyz") as r:
                    if r.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise AssertionError(f"worker never ready: {worker.log_text()[-3000:]}")


async def test_sigterm_with_the_broker_gone_stops_the_worker_cleanly(
    topic_prefix: str, tmp_path: Path
) -> None:
    broker = EmbeddedBroker(log_path=tmp_path / "broker.log").start()
    env = worker_env(broker.bootstrap, **topic_env(topic_prefix), COUNTERCLAIM_LOG_FORMAT="json",
                     COUNTERCLAIM_LOG_LEVEL="info")
    worker = WorkerProcess(env, tmp_path / "worker.log").start()
    try:
        await _wait_ready(worker)
        broker.stop()
        await asyncio.sleep(8)  # the consumer's fetches now fail and retry
        assert worker.alive(), worker.log_text()[-3000:]
        # Faust's own shutdown timeout is 60 s; the stop helper kills (-9) after 30.
        code = worker.stop(timeout=30, sig=signal.SIGTERM)
    finally:
        worker.stop(timeout=5)
        broker.stop()
    text = (tmp_path / "worker.log").read_text(errors="replace")
    assert code == 0, text[-3000:]
    records = [json.loads(line) for line in text.splitlines() if line.strip()]
    assert not [r for r in records if "Error while stopping child" in str(r.get("event"))]
    library = [r for r in records if str(r.get("logger", "")).startswith("aiokafka")]
    assert library, "the outage was not seen at all"
    # ~80 aiokafka lines a second without the repeat filter; each template once per 30 s with it
    assert len(library) <= 25, [r["event"][:80] for r in library]
