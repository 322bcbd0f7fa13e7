"""HMAC-SHA256 request signing, pure: the caller passes the timestamp and the clock.

The signed message is `timestamp:body`, so a receiver can reject replays of an old request
(the timestamp is covered by the signature) without parsing the body first.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping

TIMESTAMP_HEADER = "X-Counterclaim-Timestamp"
SIGNATURE_HEADER = "X-Counterclaim-Signature"
SIGNATURE_PREFIX = "sha256="
DEFAULT_TOLERANCE_S = 300


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """`sha256=<hex>` of HMAC-SHA256(secret, f"{timestamp}:" + body)."""
    message = str(timestamp).encode("ascii") + b":" + body
    digest = hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()
    return SIGNATURE_PREFIX + digest


def signature_headers(secret: str | None, timestamp: int, body: bytes) -> dict[str, str]:
    """The timestamp always (receivers can log it); the signature only when there is a secret."""
    headers = {TIMESTAMP_HEADER: str(timestamp)}
    if secret:
        headers[SIGNATURE_HEADER] = signature(secret, timestamp, body)
    return headers


def verify(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    now: float,
    tolerance_s: float = DEFAULT_TOLERANCE_S,
) -> bool:
    """The receiver's side, for our own tests and tools; docs/delivery.md has a standalone one."""
    lowered = {k.lower(): v for k, v in headers.items()}
    stamp = lowered.get(TIMESTAMP_HEADER.lower(), "")
    given = lowered.get(SIGNATURE_HEADER.lower(), "")
    if not stamp.isdigit() or abs(now - int(stamp)) > tolerance_s:
        return False
    return hmac.compare_digest(given, signature(secret, int(stamp), body))
