"""`counterclaim webhook-test`: the real command against a real local receiver."""

from __future__ import annotations

import asyncio
import json
import sys
import time

import pytest

from services.alerter.signing import verify
from services.common.broker import free_port
from services.testing.receiver import WebhookReceiver, statuses


async def _run(*args: str) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "services.cli", "webhook-test", *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        stdin=asyncio.subprocess.DEVNULL,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=30)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


@pytest.mark.parametrize("fmt", ["native", "cloudevents", "alertmanager"])
async def test_sends_a_signed_sample_and_prints_the_answer(fmt: str) -> None:
    async with WebhookReceiver() as receiver:
        code, out, err = await _run(receiver.url("/in"), "--secret", "sekrit", "--format", fmt)
        assert code == 0, err
        assert out.splitlines()[0] == "HTTP 200 OK"
        assert json.loads(out.splitlines()[1]) == {"ok": True}
        assert len(receiver.received) == 1
        got = receiver.received[0]
    assert got.path == "/in"
    assert got.key == "sample-0000000000000001:1"
    assert verify("sekrit", got.headers, got.body, now=time.time())
    payload = got.json()
    if fmt == "alertmanager":
        assert payload["version"] == "4" and payload["alerts"][0]["labels"]["target_country"]
    elif fmt == "cloudevents":
        assert payload["specversion"] == "1.0" and payload["data"]["alert_id"]
    else:
        assert payload["alert_id"] == "sample-0000000000000001"


async def test_an_error_answer_exits_1_and_is_printed() -> None:
    async with WebhookReceiver(responder=statuses([503])) as receiver:
        code, out, _ = await _run(receiver.url())
    assert code == 1
    assert "HTTP 503" in out
    assert "answer 503" in out


async def test_no_receiver_exits_1() -> None:
    code, _, err = await _run(f"http://127.0.0.1:{free_port()}/", "--timeout", "2")
    assert code == 1
    assert "request failed" in err


async def test_bad_url_exits_2() -> None:
    code, _, err = await _run("not-a-url")
    assert code == 2
    assert err.startswith("counterclaim webhook-test: URL 'not-a-url': Input should be a valid URL")
    assert "errors.pydantic.dev" not in err and len(err.strip().splitlines()) == 1
