"""Reaching Kafka at start: one line that says what to check, instead of a traceback.

aiokafka logs its own error for every failed connection and then raises
`KafkaConnectionError: Unable to bootstrap from [...]`; a person needs to read which address
was tried and which setting names it. While a command waits for the broker, aiokafka's own
connection lines are held back (they come back with `COUNTERCLAIM_LOG_LEVEL=debug`).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from aiokafka.errors import KafkaConnectionError

from services.common.settings import Settings

CHECK = "is the broker running, and is COUNTERCLAIM_KAFKA_BOOTSTRAP its address?"


def unreachable(settings: Settings) -> str:
    return f"cannot reach Kafka at {settings.kafka_bootstrap}: {CHECK}"


def is_unreachable(exc: BaseException) -> bool:
    """The broker did not answer at all (as opposed to answering with an error)."""
    return isinstance(exc, KafkaConnectionError | ConnectionError | OSError)


def backoff(first_s: float = 1.0, cap_s: float = 30.0) -> Iterator[float]:
    """1, 2, 4 ... seconds between attempts, never more than `cap_s`."""
    wait = first_s
    while True:
        yield wait
        wait = min(cap_s, wait * 2)


@contextlib.contextmanager
def client_lines_held(level: str) -> Iterator[None]:
    """aiokafka's per-connection error lines off while we say it once (unless debugging)."""
    logger = logging.getLogger("aiokafka")
    before = logger.level
    if level != "debug":
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(before)
