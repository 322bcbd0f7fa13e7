"""Liveness and readiness of a real worker: alive as soon as it serves, ready only once it has
joined its consumer group and recovered its tables, and not ready again while a rebalance
(a second worker joining the group) is in progress."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from services.testing.processes import WorkerProcess, topic_env, worker_env

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]


@dataclass
class Probe:
    at: float
    healthz: int | None
    readyz: int | None
    body: dict[str, Any] | None


async def _get(http: aiohttp.ClientSession, url: str) -> tuple[int | None, Any]:
    try:
        async with http.get(url, timeout=aiohttp.ClientTimeout(total=2)) as r:
            return r.status, await r.json()
    except (aiohttp.ClientError, TimeoutError):
        return None, None


async def watch(worker: WorkerProcess, until: Any, timeout_s: float) -> list[Probe]:
    """Probe both endpoints every 50 ms until `until(probes)` holds."""
    base = f"http://127.0.0.1:{worker.metrics_port}"
    probes: list[Probe] = []
    start = time.monotonic()
    async with aiohttp.ClientSession() as http:
        while time.monotonic() - start < timeout_s:
            assert worker.alive(), worker.log_text()[-3000:]
            h, _ = await _get(http, f"{base}/healthz")
            r, body = await _get(http, f"{base}/readyz")
            probes.append(Probe(time.monotonic() - start, h, r, body))
            if until(probes):
                return probes
            await asyncio.sleep(0.05)
    raise AssertionError(f"condition not met in {timeout_s}s; last probes {probes[-3:]}\n"
                         f"{worker.log_text()[-3000:]}")


def _env(broker: str, prefix: str) -> dict[str, str]:
    return worker_env(
        broker,
        **topic_env(prefix),
    )


def _ready(probes: list[Probe]) -> bool:
    return probes[-1].readyz == 200


async def test_alive_before_ready_and_ready_once_joined_and_recovered(
    broker: str, topic_prefix: str, tmp_path: Path
) -> None:
    worker = WorkerProcess(_env(broker, topic_prefix), tmp_path / "worker.log").start()
    try:
        probes = await watch(worker, _ready, timeout_s=90)
        answered = [p for p in probes if p.healthz is not None]
        # Liveness answers from the start; readiness first says why it is not ready yet.
        assert answered and all(p.healthz == 200 for p in answered)
        waiting = [p for p in answered if p.readyz == 503]
        assert waiting, "the worker was never seen not ready before it joined"
        assert waiting[0].body is not None and waiting[0].body["ready"] is False
        assert not (waiting[0].body["joined"] and waiting[0].body["tables_recovered"])
        final = probes[-1].body
        assert final is not None
        assert final == {**final, "ready": True, "joined": True, "tables_recovered": True,
                         "rebalancing": False, "stopping": False}
        # The gauge follows within one refresh interval.
        async with aiohttp.ClientSession() as http:
            deadline = time.monotonic() + 15
            text = ""
            while time.monotonic() < deadline:
                async with http.get(f"http://127.0.0.1:{worker.metrics_port}/metrics") as r:
                    text = await r.text()
                if "counterclaim_worker_ready 1.0" in text:
                    break
                await asyncio.sleep(0.5)
            assert "counterclaim_worker_ready 1.0" in text
    finally:
        assert worker.stop() == 0, worker.log_text()[-3000:]


async def test_not_ready_while_a_second_worker_joins_the_group(
    broker: str, topic_prefix: str, tmp_path: Path
) -> None:
    env = _env(broker, topic_prefix)
    first = WorkerProcess(env, tmp_path / "first.log").start()
    second: WorkerProcess | None = None
    try:
        await watch(first, _ready, timeout_s=90)
        second_env = {**env}
        second_env.update({k: v for k, v in _env(broker, topic_prefix).items()
                           if k in {"COUNTERCLAIM_WEB_PORT", "COUNTERCLAIM_METRICS_PORT"}})
        second = WorkerProcess(second_env, tmp_path / "second.log").start()

        def rebalanced(probes: list[Probe]) -> bool:
            dropped = any(p.readyz == 503 for p in probes)
            return dropped and probes[-1].readyz == 200

        probes = await watch(first, rebalanced, timeout_s=90)
        dropped = [p for p in probes if p.readyz == 503]
        assert dropped[0].body is not None
        assert dropped[0].body["rebalancing"] or not dropped[0].body["tables_recovered"]
        assert all(p.healthz == 200 for p in probes), "liveness must not flap on a rebalance"
        await watch(second, _ready, timeout_s=90)
    finally:
        if second is not None:
            second.stop()
        first.stop()
