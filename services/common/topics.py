"""Topic declaration before the worker starts, so keys, partitions and the Table agree.

The events topic and the correlation Table's changelog must have the same partition count
(the Table is co-partitioned with the events it is built from); a mismatch is a clear error
at start, not a stream of failures later.
"""

from __future__ import annotations

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from services.common.settings import Settings

STATE_TABLE = "correlation-state"


class TopicLayoutError(RuntimeError):
    pass


def changelog_topic(settings: Settings) -> str:
    return f"{settings.app_id}-{STATE_TABLE}-changelog"


def planned_topics(settings: Settings) -> dict[str, dict[str, str]]:
    """Every topic the worker reads or writes, with its configs."""
    compact = {"cleanup.policy": "compact"}
    return {
        settings.topic_articles: {},
        settings.topic_events: {},
        settings.topic_alerts: {},
        settings.topic_dead_letters: {},
        changelog_topic(settings): compact,
    }


async def ensure_topics(settings: Settings) -> dict[str, int]:
    """Create missing topics with `settings.partitions`; return every topic's partition count."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap.split(","),
                                client_id=f"{settings.app_id}-admin")
    try:
        await admin.start()
    except BaseException:
        await admin.close()  # a client that never connected still holds a socket pool
        raise
    try:
        existing = set(await admin.list_topics())
        wanted = planned_topics(settings)
        missing = [
            NewTopic(name, num_partitions=settings.partitions,
                     replication_factor=settings.replication_factor, topic_configs=configs)
            for name, configs in wanted.items() if name not in existing
        ]
        if missing:
            await admin.create_topics(missing)
        described = await admin.describe_topics(list(wanted))
    finally:
        await admin.close()
    counts = {d["topic"]: len(d["partitions"]) for d in described}
    events, changelog = counts.get(settings.topic_events), counts.get(changelog_topic(settings))
    if events != changelog:
        raise TopicLayoutError(
            f"topic {settings.topic_events} has {events} partitions but the correlation table's "
            f"changelog {changelog_topic(settings)} has {changelog}; they must match "
            f"(COUNTERCLAIM_PARTITIONS={settings.partitions})"
        )
    return counts
