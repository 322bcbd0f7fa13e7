"""A small web site (aiohttp) serving feeds and pages from memory: for the ingester's tests, the
`demo --feeds` and the ingest benchmark.

Each resource may be slow, fail with a status, or support conditional GET (ETag and
Last-Modified, answering 304); every request is logged with its headers so tests can check what
the ingester sent.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import json
import signal
from dataclasses import asdict, dataclass, field
from pathlib import Path

from aiohttp import web

from services.common.broker import free_port

LAST_MODIFIED = "Mon, 09 May 2022 10:00:00 GMT"
RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"


@dataclass
class Resource:
    body: bytes
    content_type: str = HTML_TYPE
    status: int = 200
    delay_s: float = 0.0
    conditional: bool = False  # ETag + Last-Modified, 304 when the client has this version
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    status: int


@dataclass
class Site:
    """Resources by path; anything else is a 404."""

    resources: dict[str, Resource] = field(default_factory=dict)
    host: str = "127.0.0.1"
    port: int = field(default_factory=free_port)
    requests: list[Request] = field(default_factory=list)
    _runner: web.AppRunner | None = None

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def add(self, path: str, resource: Resource) -> str:
        self.resources[path] = resource
        return self.url(path)

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    async def start(self) -> Site:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._serve)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _serve(self, request: web.Request) -> web.StreamResponse:
        resource = self.resources.get(request.path)
        headers = dict(request.headers)
        if resource is None:
            self.requests.append(Request(request.path, headers, 404))
            return web.Response(status=404, text="not found")
        if resource.delay_s:
            await asyncio.sleep(resource.delay_s)
        if resource.status != 200:
            self.requests.append(Request(request.path, headers, resource.status))
            return web.Response(status=resource.status, text="error", headers=resource.headers)
        extra = dict(resource.headers)
        if resource.conditional:
            extra.update({"ETag": resource.etag, "Last-Modified": LAST_MODIFIED})
            if request.headers.get("If-None-Match") == resource.etag:
                self.requests.append(Request(request.path, headers, 304))
                return web.Response(status=304, headers=extra)
        self.requests.append(Request(request.path, headers, 200))
        return web.Response(body=resource.body, headers={"Content-Type": resource.content_type,
                                                         **extra})


def save(resources: dict[str, Resource], path: Path) -> None:
    """Write a site to a JSON file that `python -m services.testing.site FILE` serves."""
    data = {p: {**asdict(r), "body": base64.b64encode(r.body).decode()} for p, r in
            resources.items()}
    path.write_text(json.dumps(data))


def load(path: Path) -> dict[str, Resource]:
    data = json.loads(path.read_text())
    return {p: Resource(**{**r, "body": base64.b64decode(r["body"])}) for p, r in data.items()}


async def _serve_forever(site: Site) -> None:
    await site.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print(f"serving {len(site.resources)} paths on {site.host}:{site.port}", flush=True)
    await stop.wait()
    await site.stop()


def main() -> None:
    """Serve a saved site in its own process (the ingest benchmark: the server's CPU is then
    not billed to the ingester it measures)."""
    parser = argparse.ArgumentParser(description="serve a site saved by services.testing.site")
    parser.add_argument("file", type=Path)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    asyncio.run(_serve_forever(Site(load(args.file), port=args.port)))


if __name__ == "__main__":
    main()
