"""/healthz of the worker's ops service fails once the worker is stuck in recovery or a
rebalance, and only then: real HTTP server and the worker's own wiring, a stand-in Faust app
whose state the test moves, and a clock the test drives."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace
from typing import Any, cast

import aiohttp

from services.common.broker import free_port
from services.common.metrics import Metrics
from services.common.settings import Settings, load_settings
from services.runtime import Runtime
from services.worker import OpsService


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _app(**state: Any) -> SimpleNamespace:
    recovery = SimpleNamespace(active_offsets=Counter(), standby_offsets=Counter())
    app = SimpleNamespace(rebalancing_count=1, rebalancing=False, should_stop=False,
                          consumer_generation_id=1, crashed=False,
                          tables=SimpleNamespace(actives_ready=True, recovery=recovery))
    for name, value in state.items():
        setattr(app, name, value)
    return app


def _runtime(settings: Settings, app: SimpleNamespace) -> Runtime:
    """A stand-in for the worker's Runtime: the ops service reads only its settings, metrics and
    Faust app here, so these three attributes take the place of a real Faust runtime."""
    return cast(Runtime, SimpleNamespace(settings=settings, metrics=Metrics.create(), app=app))


async def _healthz(port: int) -> int:
    async with aiohttp.ClientSession() as http, http.get(
            f"http://127.0.0.1:{port}/healthz") as response:
        return response.status


async def test_healthz_fails_when_recovery_makes_no_progress() -> None:
    port = free_port()
    settings = load_settings(metrics_host="127.0.0.1", metrics_port=port, stuck_after_s=60)
    app = _app()
    ops = OpsService(_runtime(settings, app))
    clock = Clock()
    ops.watch.clock = clock
    await ops.on_start()
    try:
        assert await _healthz(port) == 200  # ready

        app.rebalancing = True  # a rebalance starts; recovery reads a changelog
        app.tables.actives_ready = False
        app.tables.recovery.active_offsets["changelog-0"] = 10
        assert await _healthz(port) == 200
        clock.now += 50
        app.tables.recovery.active_offsets["changelog-0"] = 500  # progress: the wait restarts
        assert await _healthz(port) == 200
        clock.now += 59
        assert await _healthz(port) == 200  # 59 s without progress: not yet
        clock.now += 2
        assert await _healthz(port) == 503  # 61 s: stuck, an orchestrator restarts it

        app.tables.recovery.active_offsets["changelog-0"] = 900
        assert await _healthz(port) == 200  # moving again
        app.rebalancing = False
        app.tables.actives_ready = True
        clock.now += 3600
        assert await _healthz(port) == 200  # ready and idle for an hour is fine
    finally:
        await ops.on_stop()


async def test_healthz_fails_when_the_app_crashed() -> None:
    port = free_port()
    settings = load_settings(metrics_host="127.0.0.1", metrics_port=port)
    app = _app()
    ops = OpsService(_runtime(settings, app))
    await ops.on_start()
    try:
        assert await _healthz(port) == 200
        app.crashed = True
        assert await _healthz(port) == 503
    finally:
        await ops.on_stop()
