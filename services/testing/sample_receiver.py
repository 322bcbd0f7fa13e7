"""A sample webhook receiver for the compose stack: prints every POST as one JSON line.

It stands in for a real subscriber (counterclaim alerts on /hook) and for an on-call tool
(Alertmanager notifications on /alertmanager), so `docker compose logs webhook-receiver` shows
what each would have received. Not for production use.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import IO, Any

from aiohttp import web

SHOWN_HEADERS = ("content-type", "idempotency-key", "user-agent")


def application(out: IO[str]) -> web.Application:
    async def receive(request: web.Request) -> web.Response:
        raw = await request.read()
        try:
            body: Any = json.loads(raw)
        except ValueError:
            body = raw.decode("utf-8", "replace")
        headers = {k.lower(): v for k, v in request.headers.items()
                   if k.lower() in SHOWN_HEADERS or k.lower().startswith("x-")}
        line = {"received_at": datetime.now(UTC).isoformat(), "path": request.path,
                "headers": headers, "body": body}
        out.write(json.dumps(line, sort_keys=True) + "\n")
        out.flush()
        return web.json_response({"ok": True})

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response({"alive": True})

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_post("/{tail:.*}", receive)
    return app


async def serve(host: str, port: int, out: IO[str]) -> web.AppRunner:
    runner = web.AppRunner(application(out), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sample_receiver", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)

    async def run() -> None:
        runner = await serve(args.host, args.port, sys.stdout)
        try:
            await asyncio.Event().wait()
        finally:
            await runner.cleanup()

    try:
        asyncio.run(run())
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
