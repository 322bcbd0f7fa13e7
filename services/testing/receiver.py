"""A real HTTP webhook receiver (aiohttp) that records what it gets; for tests and the demo."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
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


@dataclass
class WebhookReceiver:
    """POSTs to any path are recorded; `responder` may answer differently (errors, delays)."""

    host: str = "127.0.0.1"
    port: int = field(default_factory=free_port)
    responder: Responder | None = None
    received: list[Received] = field(default_factory=list)
    _runner: web.AppRunner | None = None
    _event: asyncio.Event = field(default_factory=asyncio.Event)

    def url(self, path: str = "/hook") -> str:
        return f"http://{self.host}:{self.port}{path}"

    async def start(self) -> WebhookReceiver:
        app = web.Application()
        app.router.add_post("/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        if self.responder is not None:
            answer = await self.responder(request, body)
            if answer is not None:
                return answer
        self.received.append(Received(request.path, dict(request.headers), body))
        self._event.set()
        return web.json_response({"ok": True})

    def json_bodies(self) -> list[Any]:
        import json

        return [json.loads(r.body) for r in self.received]
