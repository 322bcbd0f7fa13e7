"""`counterclaim produce`: validated Article JSON lines onto the articles topic."""

from __future__ import annotations

import sys

from aiokafka import AIOKafkaProducer

from services.common.lines import BadLine, Progress, Summary, open_input, read_articles
from services.common.reach import client_lines_held
from services.common.settings import Settings


async def produce_file(settings: Settings, path: str,
                       summary: Summary | None = None) -> tuple[int, int]:
    """(produced, skipped). A broker that does not answer raises KafkaConnectionError
    before any line is read, with the producer closed."""
    summary = summary if summary is not None else Summary()
    with open_input(path):  # a missing file is reported before Kafka is tried
        pass
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap.split(","),
                                linger_ms=5, acks="all")
    try:
        with client_lines_held(settings.log_level):
            await producer.start()
    except BaseException:
        await producer.stop()
        raise
    produced = skipped = 0
    try:
        with open_input(path) as handle:
            summary.sources.append(handle)
            progress = Progress("produce", handle)
            for number, item, raw in read_articles(handle):
                progress.tick()
                summary.read += 1
                if isinstance(item, BadLine):
                    skipped += 1
                    summary.skip(item.reason)
                    print(f"line {number}: skipped: {item.reason}", file=sys.stderr)
                    continue
                await producer.send(settings.topic_articles, value=raw, key=item.id.encode())
                produced += 1
            progress.done()
        await producer.flush()
    finally:
        await producer.stop()
    return produced, skipped
