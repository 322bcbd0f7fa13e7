"""Liveness, readiness and /metrics over one small aiohttp server in the worker's event loop.

Not on Faust's own web server: Faust starts that only after table recovery, so a probe there
could not tell "recovering" from "dead". Serving from the worker's loop also makes liveness
honest: a blocked event loop stops answering /healthz.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Hashable
from dataclasses import asdict, dataclass, field
from typing import Any

from aiohttp import web
from prometheus_client import CollectorRegistry
from prometheus_client.exposition import choose_encoder


@dataclass(frozen=True)
class Readiness:
    """Why the worker is or is not ready; served as the /readyz body."""

    joined: bool
    tables_recovered: bool
    rebalancing: bool
    stopping: bool
    generation: int

    @property
    def ready(self) -> bool:
        return self.joined and self.tables_recovered and not self.rebalancing and not self.stopping

    def as_dict(self) -> dict[str, Any]:
        return {"ready": self.ready, **asdict(self)}


def readiness(app: Any) -> Readiness:
    """Ready once the consumer has joined its group and every table is recovered.

    Faust counts rebalances from the first join (`rebalancing_count`), keeps `rebalancing` set
    until recovery ends (`on_rebalance_end`), and marks tables current with
    `tables.actives_ready`, which it clears at every rebalance start.
    """
    tables = getattr(app, "tables", None)
    return Readiness(
        joined=int(getattr(app, "rebalancing_count", 0) or 0) > 0,
        tables_recovered=bool(getattr(tables, "actives_ready", False)),
        rebalancing=bool(getattr(app, "rebalancing", False)),
        stopping=bool(getattr(app, "should_stop", False)),
        generation=int(getattr(app, "consumer_generation_id", 0) or 0),
    )


def alive(app: Any) -> bool:
    """Alive unless the app crashed; a hung loop fails the probe by not answering at all."""
    return not bool(getattr(app, "crashed", False))


def progress_marker(app: Any, state: Readiness) -> Hashable:
    """Changes whenever a worker that is not ready gets anywhere: it joins, a rebalance
    starts or ends, or table recovery reads further into a changelog."""
    recovery = getattr(getattr(app, "tables", None), "recovery", None)
    read = 0
    for name in ("active_offsets", "standby_offsets"):
        offsets = getattr(recovery, name, None) or {}
        read += sum(int(v) for v in offsets.values() if isinstance(v, int))
    rebalances = int(getattr(app, "rebalancing_count", 0) or 0)
    return (state.joined, state.tables_recovered, state.rebalancing, state.generation,
            rebalances, read)


def consumer_diagnostics(app: Any) -> dict[str, Any]:
    """What Faust's consumer is doing, for the log line of a worker that stopped progressing:
    paused and active partitions, flow control, unacked messages. Private attributes, read
    defensively; a missing one is reported as None."""
    consumer = getattr(app, "consumer", None)

    def partitions(value: Any) -> list[str] | None:
        if value is None:
            return None
        return sorted(f"{tp[0]}:{tp[1]}" for tp in value)

    flow = getattr(app, "flow_control", None)
    unacked = getattr(consumer, "_unacked_messages", None)
    try:
        assigned = partitions(consumer.assignment()) if consumer is not None else None
    except Exception:  # a consumer between generations may have no assignment to give
        assigned = None
    return {
        "assigned": assigned,
        "paused": partitions(getattr(consumer, "_paused_partitions", None)),
        "active": partitions(getattr(consumer, "_active_partitions", None)),
        "buffered": partitions(getattr(consumer, "_buffered_partitions", None)),
        "flow_active": flow.is_active() if flow is not None else None,
        "unacked": len(unacked) if unacked is not None else None,
    }


def task_stacks(names: tuple[str, ...], frames: int = 4) -> dict[str, list[str]]:
    """Where each running asyncio task whose coroutine is named in `names` waits, innermost
    frame last ('file:line function'): the await a stalled agent is blocked on."""
    out: dict[str, list[str]] = {}
    for task in asyncio.all_tasks():
        coro = task.get_coro()
        name = getattr(coro, "__qualname__", "") or repr(coro)
        if not any(n in name for n in names):
            continue
        out[f"{name}#{id(task) % 10_000}"] = _await_chain(coro)[-frames:]
    return out


def _await_chain(coro: Any) -> list[str]:
    """The coroutine and what it awaits, down to the innermost frame or future (a task's
    own stack shows only the outermost frame of a suspended coroutine)."""
    chain: list[str] = []
    current = coro
    for _ in range(64):
        frame = getattr(current, "cr_frame", None) or getattr(current, "gi_frame", None)
        if frame is not None:
            code = frame.f_code
            chain.append(f"{code.co_filename.rsplit('/', 2)[-1]}:{frame.f_lineno} {code.co_name}")
        nxt = getattr(current, "cr_await", None) or getattr(current, "gi_yieldfrom", None)
        if nxt is None:
            break
        if not (hasattr(nxt, "cr_frame") or hasattr(nxt, "gi_frame")):
            chain.append(repr(nxt)[:120])  # a future or a C-level awaitable: the end
            break
        current = nxt
    return chain


@dataclass
class StuckWatch:
    """Liveness that notices a worker stuck in recovery or a rebalance.

    A worker that is not ready and has made no progress (see `progress_marker`) for
    `after_s` seconds is stuck: /healthz fails, so an orchestrator restarts it. A worker that
    is ready, or not ready but moving, is never stuck.
    """

    after_s: float
    clock: Callable[[], float] = time.monotonic
    _since: float | None = field(default=None, repr=False)
    _marker: Hashable = field(default=None, repr=False)

    def observe(self, ready: bool, marker: Hashable) -> None:
        if ready:
            self._since = None
        elif self._since is None or marker != self._marker:
            self._since = self.clock()
        self._marker = marker

    def stalled_s(self) -> float:
        return 0.0 if self._since is None else self.clock() - self._since

    def stuck(self) -> bool:
        return self._since is not None and self.stalled_s() > self.after_s


class OpsServer:
    """GET /metrics (Prometheus text or OpenMetrics), /healthz (liveness), /readyz."""

    def __init__(self, host: str, port: int, registry: CollectorRegistry,
                 ready: Callable[[], Readiness], live: Callable[[], bool]) -> None:
        self.host = host
        self.port = port
        self.registry = registry
        self.ready = ready
        self.live = live
        self._runner: web.AppRunner | None = None

    def application(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/metrics", self._metrics)
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/readyz", self._readyz)
        return app

    async def start(self) -> None:
        self._runner = web.AppRunner(self.application(), access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _metrics(self, request: web.Request) -> web.Response:
        encoder, content_type = choose_encoder(request.headers.get("Accept", ""))
        return web.Response(body=encoder(self.registry), headers={"Content-Type": content_type})

    async def _healthz(self, request: web.Request) -> web.Response:
        ok = self.live()
        return web.json_response({"alive": ok}, status=200 if ok else 503)

    async def _readyz(self, request: web.Request) -> web.Response:
        state = self.ready()
        return web.json_response(state.as_dict(), status=200 if state.ready else 503)
