"""A real HTTP webhook receiver (aiohttp) that records what it gets; for tests and the demo.

It behaves like a careful subscriber: it can answer with errors or hang (`responder`), and it
deduplicates by `Idempotency-Key` the way the docs ask receivers to.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from services.common.broker import free_port

Responder = Callable[[web.Request, bytes], Awaitable[web.StreamResponse | None]]


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float = 0.0  # time.monotonic() on arrival

    @property
    def key(self) -> str | None:
        return self.headers.get("Idempotency-Key")

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class WebhookReceiver:
    """POSTs to any path are recorded; `responder` may answer differently (errors, delays).

    `attempts` has every request; `received` only those answered 2xx by the default answer
    (a responder that returns None lets the request through to it).
    """

    host: str = "127.0.0.1"
    port: int = field(default_factory=free_port)
    responder: Responder | None = None
    received: list[Received] = field(default_factory=list)
    attempts: list[Received] = field(default_factory=list)
    _runner: web.AppRunner | None = None
    _event: asyncio.Event = field(default_factory=asyncio.Event)

    def url(self, path: str = "/hook") -> str:
        return f"http://{self.host}:{self.port}{path}"

    async def start(self) -> WebhookReceiver:
        app = web.Application()
        app.router.add_post("/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> WebhookReceiver:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        arrival = Received(request.path, dict(request.headers), body, time.monotonic())
        self.attempts.append(arrival)
        if self.responder is not None:
            answer = await self.responder(request, body)
            if answer is not None:
                return answer
        self.received.append(arrival)
        self._event.set()
        return web.json_response({"ok": True})

    def json_bodies(self) -> list[Any]:
        return [r.json() for r in self.received]

    def keys(self) -> list[str]:
        """Idempotency-Key of each accepted request, duplicates included."""
        return [r.key for r in self.received if r.key is not None]

    def deduped(self) -> dict[str, Received]:
        """What a receiver keeps after deduplicating on Idempotency-Key: the first of each."""
        kept: dict[str, Received] = {}
        for r in self.received:
            if r.key is not None and r.key not in kept:
                kept[r.key] = r
        return kept

    async def wait_for(self, predicate: Callable[[WebhookReceiver], bool],
                       timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        while not predicate(self):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self._event.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._event.wait(), timeout=min(remaining, 0.2))
        return True


# Responders: how misbehaving receivers answer.

def hang(seconds: float = 3600.0) -> Responder:
    """Never answers in time: the sender's timeout is what ends the request."""

    async def respond(request: web.Request, body: bytes) -> web.StreamResponse | None:
        await asyncio.sleep(seconds)
        return web.Response(status=504, text="hung")

    return respond


def delay(seconds: float) -> Responder:
    """Answers 2xx, slowly."""

    async def respond(request: web.Request, body: bytes) -> web.StreamResponse | None:
        await asyncio.sleep(seconds)
        return None

    return respond


def statuses(answers: Iterable[int | tuple[int, dict[str, str]]]) -> Responder:
    """Answers with these statuses in turn (optionally with headers), then 2xx."""
    queue = list(answers)

    async def respond(request: web.Request, body: bytes) -> web.StreamResponse | None:
        if not queue:
            return None
        answer = queue.pop(0)
        status, headers = answer if isinstance(answer, tuple) else (answer, {})
        if 200 <= status < 300:
            return None
        return web.Response(status=status, headers=headers, text=f"answer {status}")

    return respond
