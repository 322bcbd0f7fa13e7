"""`counterclaim webhook-test URL`: one signed sample alert, and the receiver's answer.

One attempt, no retries: the point is to show a receiver's owner exactly what it answered.
"""

from __future__ import annotations

import asyncio
import sys
import time

import aiohttp
from pydantic import ValidationError

from services.alerter.payloads import render
from services.alerter.sample import sample_alert
from services.common.settings import PayloadFormat, WebhookReceiver

BODY_LIMIT = 4096
ARGUMENTS = {"url": "URL", "secret": "--secret", "format": "--format", "timeout_s": "--timeout"}


def run_webhook_test(url: str, *, secret: str | None = None, fmt: str = "native",
                     timeout_s: float = 10.0) -> int:
    """0 when the receiver answered 2xx, 1 for any other answer or none, 2 for bad arguments."""
    try:
        receiver = WebhookReceiver(url=url, name="webhook-test", secret=secret,
                                   format=PayloadFormat(fmt), timeout_s=timeout_s)
    except ValidationError as exc:
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "?"
            given = err.get("input")
            print(f"counterclaim webhook-test: {ARGUMENTS.get(field, field)} {given!r}: {err['msg']}"
                  + (" (give an http:// or https:// URL)" if field == "url" else ""),
                  file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"counterclaim webhook-test: {exc}", file=sys.stderr)
        return 2
    return asyncio.run(_send(receiver))


async def _send(receiver: WebhookReceiver) -> int:
    alert = sample_alert()
    payload, headers = render(alert, receiver, int(time.time()))
    signed = "signed" if receiver.secret else "unsigned"
    print(f"POST {receiver.url} ({receiver.format}, {signed}, "
          f"Idempotency-Key: {headers['Idempotency-Key']})", file=sys.stderr)
    try:
        async with aiohttp.ClientSession() as session, session.post(
            str(receiver.url), data=payload, headers=headers, allow_redirects=False,
            timeout=aiohttp.ClientTimeout(total=receiver.timeout_s),
        ) as response:
            text = (await response.content.read(BODY_LIMIT)).decode("utf-8", "replace")
            print(f"HTTP {response.status} {response.reason or ''}".rstrip())
            if text:
                print(text)
            return 0 if 200 <= response.status < 300 else 1
    except TimeoutError:
        print(f"no answer within {receiver.timeout_s:g}s", file=sys.stderr)
    except (aiohttp.ClientError, OSError) as exc:
        print(f"request failed: {type(exc).__name__}: {exc}", file=sys.stderr)
    return 1
