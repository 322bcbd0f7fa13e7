"""With COUNTERCLAIM_LOG_FORMAT=json every line a worker writes is one JSON object, including
the lines of Faust, mode and aiokafka, and nothing else (no spinner, no banner) reaches the
output. A broker of its own is stopped under the worker to make the libraries speak."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import aiohttp
import pytest

from services.common.broker import EmbeddedBroker
from services.testing.processes import WorkerProcess, worker_env

pytestmark = [pytest.mark.integration, pytest.mark.timeout(180)]

LIBRARIES = ("aiokafka", "faust", "mode")


def _records(text: str) -> list[dict[str, object]]:
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise AssertionError(f"line {number} is not JSON: {line!r}") from None
        assert isinstance(record, dict), f"line {number} is not a JSON object: {line!r}"
        records.append(record)
    return records


async def test_worker_output_is_json_lines_including_library_logs(
    topic_prefix: str, tmp_path: Path
) -> None:
    broker = EmbeddedBroker(log_path=tmp_path / "broker.log").start()
    env = worker_env(broker.bootstrap, COUNTERCLAIM_APP_ID=f"{topic_prefix}-app",
                     COUNTERCLAIM_TOPIC_ARTICLES=f"{topic_prefix}.articles",
                     COUNTERCLAIM_LOG_FORMAT="json", COUNTERCLAIM_LOG_LEVEL="info")
    worker = WorkerProcess(env, tmp_path / "worker.log").start()
    try:
        async with aiohttp.ClientSession() as http:
            deadline = time.monotonic() + 90
            ready = False
            while not ready and time.monotonic() < deadline:
                assert worker.alive(), worker.log_text()[-3000:]
                try:
                    url = f"http://127.0.0.1:{worker.metrics_port}/readyz"
                    async with http.get(url) as r:
                        ready = r.status == 200
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.2)
            assert ready, worker.log_text()[-3000:]
        broker.stop()  # the libraries now log connection errors of their own
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            loggers = {str(r.get("logger", "")) for r in _records(worker.log_text())}
            if any(name.startswith(LIBRARIES) for name in loggers):
                break
            await asyncio.sleep(0.5)
    finally:
        worker.stop(timeout=5)  # with its broker gone, Faust can take long to give up
        broker.stop()
    records = _records(worker.log_text())
    library = [r for r in records if str(r.get("logger", "")).startswith(LIBRARIES)]
    assert library, f"no Faust/aiokafka line seen: {records[-5:]}"
    for record in records:
        assert {"event", "level", "timestamp", "logger"} <= set(record), record
    ours = {r["event"] for r in records if r["logger"] == "services.worker"}
    assert {"worker starting", "worker ready"} <= ours
