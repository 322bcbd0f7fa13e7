"""`counterclaim produce`: validated Article JSON lines onto the articles topic.

A line that is not an Article, is over `COUNTERCLAIM_MAX_ARTICLE_BYTES`, or that the broker
refuses is reported by number and skipped; the rest of the file is still sent.
"""

from __future__ import annotations

import asyncio
import sys
from collections import deque
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError

from services.common.lines import BadLine, Progress, open_input, read_articles
from services.common.settings import Settings

WINDOW = 1_000  # records sent and not yet acknowledged


async def produce_file(settings: Settings, path: str) -> tuple[int, int]:
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap.split(","),
                                linger_ms=5, acks="all")
    await producer.start()
    counts = {"produced": 0, "skipped": 0}
    progress = Progress("produce")
    sent: deque[tuple[int, asyncio.Future[Any]]] = deque()
    try:
        with open_input(path) as handle:
            for number, item, raw in read_articles(handle):
                progress.tick()
                reason = _refused(item, raw, settings.max_article_bytes)
                if reason is None and not isinstance(item, BadLine):
                    try:
                        sent.append((number, await producer.send(
                            settings.topic_articles, value=raw, key=item.id.encode())))
                    except (KafkaError, ValueError) as exc:
                        reason = _broker_refused(exc)
                if reason is not None:
                    _skip(counts, number, reason)
                while len(sent) > WINDOW:
                    await _settle(counts, *sent.popleft())
        while sent:
            await _settle(counts, *sent.popleft())
    finally:
        await producer.stop()
        progress.done()
    return counts["produced"], counts["skipped"]


async def _settle(counts: dict[str, int], number: int, future: asyncio.Future[Any]) -> None:
    """Count a sent line once the broker acknowledged or refused it."""
    try:
        await future
    except (KafkaError, ValueError) as exc:
        _skip(counts, number, _broker_refused(exc))
    else:
        counts["produced"] += 1


def _skip(counts: dict[str, int], number: int, reason: str) -> None:
    counts["skipped"] += 1
    print(f"line {number}: skipped: {reason}", file=sys.stderr)


def _broker_refused(exc: Exception) -> str:
    return f"the broker refused it: {type(exc).__name__}: {exc}"


def _refused(item: object, raw: bytes, max_bytes: int) -> str | None:
    if isinstance(item, BadLine):
        return item.reason
    if len(raw) > max_bytes:
        return (f"article of {len(raw)} bytes is over the limit of {max_bytes} "
                "(COUNTERCLAIM_MAX_ARTICLE_BYTES)")
    return None
