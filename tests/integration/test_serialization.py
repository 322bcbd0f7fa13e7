"""Every topic's and the correlation table's key and value serialisation, round-tripped
through a real broker exactly as Faust writes and reads them.

The table once wrote its changelog raw and read it back as JSON: recovery failed on every
record and a restarted worker never became ready. Here the bytes Faust would send go through
the broker and back through the very decoder Faust's consumer (and table recovery) uses.
"""

from __future__ import annotations

from datetime import date

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from faust.types import Message

from schemas.dead_letter import DeadLetter
from schemas.event import EventKind
from services.alerter.sample import sample_alert
from services.common.codec import encode
from services.common.settings import load_settings
from services.correlator.state import CountryState
from services.pipeline import Pipeline
from services.runtime import build_runtime
from services.testing.processes import create_topics, topic_env
from tests.unit.factories import event

pytestmark = [pytest.mark.integration, pytest.mark.timeout(60)]


async def test_topics_and_table_round_trip_through_the_broker(
    broker: str, topic_prefix: str, pipeline: Pipeline
) -> None:
    names = {k.removeprefix("COUNTERCLAIM_").lower(): v for k, v in topic_env(topic_prefix).items()}
    settings = load_settings(kafka_bootstrap=broker, metrics_port=0, **names)
    rt = build_runtime(settings, pipeline=pipeline, partitions=1)
    claim = event(EventKind.CLAIM)
    state = CountryState(country="TJ", newest_day=date(2022, 5, 7), recent=(("a", date(2022, 5, 7)),))
    table = rt.state
    cases = [
        (rt.articles, None, None, b"article-1", b'{"id": "article-1", "body": "Text."}'),
        (rt.articles, None, None, b"bad", b"\xff{not JSON, and it must stay these bytes"),
        (rt.events, None, None, b"TJ", encode(claim)),
        (rt.alerts, None, None, b"alert-1", encode(sample_alert(2))),
        (rt.dead_letters, None, None, b"classify", encode(DeadLetter.of("classify", "why", b"x"))),
        (table.changelog_topic, table.key_serializer, table.value_serializer, b"TJ",
         encode(state)),
    ]
    topics = sorted({channel.get_topic_name() for channel, *_ in cases})
    await create_topics(broker, topics, partitions=1)
    producer = AIOKafkaProducer(bootstrap_servers=broker, acks="all")
    await producer.start()
    try:
        for channel, key_serializer, value_serializer, key, value in cases:
            wire_key, _ = channel.prepare_key(key, key_serializer)
            wire_value, _ = channel.prepare_value(value, value_serializer)
            await producer.send_and_wait(channel.get_topic_name(), key=wire_key, value=wire_value)
    finally:
        await producer.stop()

    consumer = AIOKafkaConsumer(*topics, bootstrap_servers=broker, auto_offset_reset="earliest",
                                enable_auto_commit=False, group_id=None)
    await consumer.start()
    received: dict[str, list[Message]] = {}
    try:
        while sum(map(len, received.values())) < len(cases):
            batch = await consumer.getmany(timeout_ms=1000)
            for tp, records in batch.items():
                received.setdefault(tp.topic, []).extend(
                    Message(r.topic, r.partition, r.offset, r.timestamp / 1000, r.timestamp_type,
                            r.headers, r.key, r.value, None) for r in records)
    finally:
        await consumer.stop()

    for channel, _, _, key, value in cases:
        message = received[channel.get_topic_name()].pop(0)
        decoded = await channel.decode(message)
        assert decoded is not None, f"Faust cannot read back {channel.get_topic_name()}"
        assert (decoded.key, decoded.value) == (key, value), channel.get_topic_name()
    assert CountryState.model_validate_json(value) == state
    assert table.key_serializer == table.value_serializer == "raw"
