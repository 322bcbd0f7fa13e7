"""`counterclaim produce`: validated Article JSON lines onto the articles topic.

A line that is not an Article, is over `COUNTERCLAIM_MAX_ARTICLE_BYTES`, or that the broker
refuses is reported by number and skipped; the rest of the file is still sent.
"""

from __future__ import annotations

import asyncio
import sys
from collections import deque
from collections.abc import Callable
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError

from services.common.lines import BadLine, Progress, Summary, open_input, read_articles
from services.common.reach import client_lines_held
from services.common.settings import Settings

WINDOW = 1_000  # records sent and not yet acknowledged


async def produce_file(settings: Settings, path: str,
                       summary: Summary | None = None) -> tuple[int, int]:
    """(produced, skipped), and `summary` filled in. A broker that does not answer raises
    KafkaConnectionError before any line is read, with the producer closed."""
    summary = summary if summary is not None else Summary()
    with open_input(path):  # a missing file or a directory is said before Kafka is tried
        pass
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap.split(","),
                                linger_ms=5, acks="all")
    try:
        with client_lines_held(settings.log_level):
            await producer.start()
    except BaseException:
        await producer.stop()
        raise
    counts = {"produced": 0, "skipped": 0}
    sent: deque[tuple[int, asyncio.Future[Any]]] = deque()
    skip = _skipper(counts, summary)
    try:
        with open_input(path) as handle:
            summary.sources.append(handle)
            progress = Progress("produce", handle)
            for number, item, raw in read_articles(handle):
                progress.tick()
                summary.read += 1
                reason = _refused(item, raw, settings.max_article_bytes)
                if reason is None and not isinstance(item, BadLine):
                    try:
                        sent.append((number, await producer.send(
                            settings.topic_articles, value=raw, key=item.id.encode())))
                    except (KafkaError, ValueError) as exc:
                        reason = _broker_refused(exc)
                if reason is not None:
                    skip(number, reason)
                while len(sent) > WINDOW:
                    await _settle(counts, skip, *sent.popleft())
            progress.done()
        while sent:
            await _settle(counts, skip, *sent.popleft())
    finally:
        await producer.stop()
    return counts["produced"], counts["skipped"]


async def _settle(counts: dict[str, int], skip: Callable[[int, str], None], number: int,
                  future: asyncio.Future[Any]) -> None:
    """Count a sent line once the broker acknowledged or refused it."""
    try:
        await future
    except (KafkaError, ValueError) as exc:
        skip(number, _broker_refused(exc))
    else:
        counts["produced"] += 1


def _skipper(counts: dict[str, int], summary: Summary) -> Callable[[int, str], None]:
    def skip(number: int, reason: str) -> None:
        counts["skipped"] += 1
        summary.skip(reason)
        print(f"line {number}: skipped: {reason}", file=sys.stderr)

    return skip


def _broker_refused(exc: Exception) -> str:
    return f"the broker refused it: {type(exc).__name__}: {exc}"


def _refused(item: object, raw: bytes, max_bytes: int) -> str | None:
    if isinstance(item, BadLine):
        return item.reason
    if len(raw) > max_bytes:
        return (f"article of {len(raw)} bytes is over the limit of {max_bytes} "
                "(COUNTERCLAIM_MAX_ARTICLE_BYTES)")
    return None
