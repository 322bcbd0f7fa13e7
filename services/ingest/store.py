"""Kafka side of the ingester: the articles it produces and the seen set that survives restarts.

The seen set lives in a compacted topic (key: dedupe key, value: the article id), read from the
beginning at start; its records also expire after the retention (`compact,delete`), as the
in-memory set forgets keys older than that. An article is written first and its keys only
once Kafka has acknowledged it: a crash in between produces the story again after the restart
(same article id, so the worker's deterministic event ids make it harmless) but never loses it.
"""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from schemas.article import Article
from services.common.codec import encode
from services.common.settings import Settings
from services.ingest.identity import SeenSet


def seen_topic_config(retention_days: float) -> dict[str, str]:
    return {"cleanup.policy": "compact,delete", "retention.ms": str(int(retention_days * 86_400_000))}


def seen_topic(settings: Settings) -> str:
    return f"{settings.app_id}-ingest-seen"


async def ensure_ingest_topics(settings: Settings, retention_days: float) -> None:
    """The articles topic (as the worker would create it) and the compacted seen topic."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap.split(","),
                                client_id=f"{settings.app_id}-ingest-admin")
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = {
            settings.topic_articles: (settings.partitions, {}),
            seen_topic(settings): (1, seen_topic_config(retention_days)),
        }
        missing = [
            NewTopic(name, num_partitions=partitions,
                     replication_factor=settings.replication_factor, topic_configs=configs)
            for name, (partitions, configs) in wanted.items() if name not in existing
        ]
        if missing:
            await admin.create_topics(missing)
    finally:
        await admin.close()


async def load_seen(settings: Settings, not_before: float = 0.0,
                    timeout_s: float = 60.0) -> SeenSet:
    """Every key on the seen topic up to its end at start (a null value removes a key), except
    those written before `not_before` (Unix time), which the retention has expired."""
    topic = seen_topic(settings)
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap.split(","),
                                group_id=None, enable_auto_commit=False,
                                auto_offset_reset="earliest", fetch_max_wait_ms=50)
    await consumer.start()
    seen = SeenSet()
    try:
        partitions = consumer.partitions_for_topic(topic)
        if not partitions:
            await consumer.force_metadata_update()
            partitions = consumer.partitions_for_topic(topic) or set()
        assigned = [TopicPartition(topic, p) for p in sorted(partitions)]
        if not assigned:
            return seen
        consumer.assign(assigned)
        await consumer.seek_to_beginning(*assigned)
        ends = await consumer.end_offsets(assigned)
        pending = {tp for tp in assigned if ends[tp] > 0}
        async with asyncio.timeout(timeout_s):
            while pending:
                batch = await consumer.getmany(*pending, timeout_ms=200)
                for records in batch.values():
                    for record in records:
                        if record.key is None:
                            continue
                        key = record.key.decode("utf-8", errors="replace")
                        at = record.timestamp / 1000.0
                        if record.value is None:
                            seen.discard([key])
                        elif at >= not_before:
                            seen.add([key], at)
                for tp in list(pending):
                    if await consumer.position(tp) >= ends[tp]:
                        pending.discard(tp)
    finally:
        await consumer.stop()
    return seen


class KafkaSink:
    """Articles to the articles topic keyed by id; then their dedupe keys to the seen topic."""

    def __init__(self, settings: Settings) -> None:
        self.articles_topic = settings.topic_articles
        self.seen_topic = seen_topic(settings)
        self._producer: Any = AIOKafkaProducer(
            bootstrap_servers=settings.kafka_bootstrap.split(","), acks="all", linger_ms=5,
            client_id=f"{settings.app_id}-ingest")

    async def start(self) -> None:
        await self._producer.start()

    async def stop(self) -> None:
        await self._producer.stop()

    async def publish(self, article: Article, keys: list[str], feed: str) -> None:
        """Returns once the article is acknowledged and its keys are on their way."""
        await self._producer.send_and_wait(self.articles_topic, key=article.id.encode(),
                                           value=encode(article))
        value = orjson.dumps({"article_id": article.id, "feed": feed})
        for key in keys:
            await self._producer.send(self.seen_topic, key=key.encode(), value=value)

    async def remember(self, keys: list[str], article_id: str, feed: str) -> None:
        """Keys of a duplicate copy (another URL of a story already produced)."""
        value = orjson.dumps({"article_id": article_id, "feed": feed, "duplicate": True})
        for key in keys:
            await self._producer.send(self.seen_topic, key=key.encode(), value=value)

    async def flush(self) -> None:
        await self._producer.flush()
