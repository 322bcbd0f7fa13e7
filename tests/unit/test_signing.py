"""Signing: HMAC-SHA256 over `timestamp:body`, verified with the docs' own snippet against
requests that really crossed HTTP."""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from services.alerter.delivery import Sender
from services.alerter.sample import sample_alert
from services.alerter.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, signature, verify
from services.common.settings import PayloadFormat
from services.common.settings import WebhookReceiver as ReceiverConfig
from services.testing.receiver import Received, WebhookReceiver

README = Path(__file__).resolve().parents[2] / "README.md"
SECRET = "correct horse battery staple"

Verifier = Callable[..., bool]


@pytest.fixture(scope="module")
def docs_verify() -> Verifier:
    """`verify_signature` defined by executing the README's snippet, as a user would."""
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- snippet: verify-signature -->\n```python\n(.*?)\n```", text, re.S)
    assert match, "README.md lost its verification snippet"
    namespace: dict[str, Any] = {}
    exec(compile(match.group(1), str(README), "exec"), namespace)
    verifier: Verifier = namespace["verify_signature"]
    return verifier


async def _deliver(fmt: PayloadFormat, secret: str | None) -> Received:
    async with WebhookReceiver() as receiver, aiohttp.ClientSession() as session:
        config = ReceiverConfig(url=receiver.url(), name="t", secret=secret,
                                format=fmt)
        result = await Sender(config, session).deliver(sample_alert())
        assert result.delivered
        assert len(receiver.received) == 1
        return receiver.received[0]


def test_signature_is_hmac_sha256_over_timestamp_colon_body() -> None:
    body = b'{"alert_id":"a"}'
    expected = hmac.new(b"k", b"1700000000:" + body, hashlib.sha256).hexdigest()
    assert signature("k", 1_700_000_000, body) == "sha256=" + expected


@pytest.mark.parametrize("fmt", list(PayloadFormat))
async def test_docs_snippet_verifies_real_requests(docs_verify: Verifier,
                                                   fmt: PayloadFormat) -> None:
    got = await _deliver(fmt, SECRET)
    assert SIGNATURE_HEADER in got.headers and TIMESTAMP_HEADER in got.headers
    assert abs(int(got.headers[TIMESTAMP_HEADER]) - time.time()) < 10
    assert docs_verify(SECRET, got.headers, got.body)
    # Header names arrive in any case through proxies; the snippet must not care.
    assert docs_verify(SECRET, {k.lower(): v for k, v in got.headers.items()}, got.body)
    assert verify(SECRET, got.headers, got.body, now=time.time())


async def test_docs_snippet_rejects_forgeries(docs_verify: Verifier) -> None:
    got = await _deliver(PayloadFormat.NATIVE, SECRET)
    headers: Mapping[str, str] = got.headers
    assert not docs_verify("wrong secret", headers, got.body)
    assert not docs_verify(SECRET, headers, got.body.replace(b"firing", b"resolvd"))
    # A replayed request with a fresh timestamp but the old signature fails...
    fresh = {**headers, TIMESTAMP_HEADER: str(int(headers[TIMESTAMP_HEADER]) + 1)}
    assert not docs_verify(SECRET, fresh, got.body)
    # ...and a correctly signed but old one is refused as a replay.
    old = int(time.time()) - 3600
    stale = {**headers, TIMESTAMP_HEADER: str(old),
             SIGNATURE_HEADER: signature(SECRET, old, got.body)}
    assert not docs_verify(SECRET, stale, got.body)
    assert docs_verify(SECRET, stale, got.body, tolerance_s=7200)


async def test_unsigned_without_secret(docs_verify: Verifier) -> None:
    got = await _deliver(PayloadFormat.NATIVE, None)
    assert SIGNATURE_HEADER not in got.headers
    assert TIMESTAMP_HEADER in got.headers
    assert not docs_verify(SECRET, got.headers, got.body)
