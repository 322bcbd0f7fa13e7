"""`counterclaim produce`: validated Article JSON lines onto the articles topic."""

from __future__ import annotations

import sys

from aiokafka import AIOKafkaProducer

from services.common.lines import BadLine, Progress, open_input, read_articles
from services.common.settings import Settings


async def produce_file(settings: Settings, path: str) -> tuple[int, int]:
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap.split(","),
                                linger_ms=5, acks="all")
    await producer.start()
    produced = skipped = 0
    progress = Progress("produce")
    try:
        with open_input(path) as handle:
            for number, item, raw in read_articles(handle):
                progress.tick()
                if isinstance(item, BadLine):
                    skipped += 1
                    print(f"line {number}: skipped: {item.reason}", file=sys.stderr)
                    continue
                await producer.send(settings.topic_articles, value=raw, key=item.id.encode())
                produced += 1
        await producer.flush()
    finally:
        await producer.stop()
        progress.done()
    return produced, skipped
