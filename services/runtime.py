"""The composition root: builds the Faust app, topics, table and collaborators from settings.

Nothing is built at import time; `build_runtime(settings)` is the one place that wires it all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import faust

from schemas.dead_letter import DeadLetter
from services.adapters.acks import acknowledged, with_retries
from services.adapters.classify import register as register_classifier
from services.adapters.correlate import register as register_correlator
from services.adapters.deliver import register as register_deliverer
from services.adapters.table import state_table
from services.adapters.table import topic as raw_topic
from services.alerter.delivery import Deliverer, DeliveryConfig
from services.common.codec import encode
from services.common.faust_transport import ShortFetchTransport
from services.common.logging import get_logger
from services.common.metrics import Metrics
from services.common.settings import Settings, WebhookReceiver
from services.common.topics import STATE_TABLE
from services.pipeline import Bounds, Pipeline

log = get_logger(__name__)


@dataclass
class Runtime:
    settings: Settings
    app: Any  # faust.App
    pipeline: Pipeline
    metrics: Metrics
    deliverer: Deliverer
    articles: Any
    events: Any
    alerts: Any
    dead_letters: Any
    state: Any  # AckedTable: target country -> CountryState JSON

    async def dead_letter(
        self, stage: str, reason: str, original: bytes | None, message: Any = None,
        receiver: str | None = None,
    ) -> None:
        """Write a dead letter and return once the broker has it: the caller acks (and later
        commits) its input right after. Retried for ever, as nothing else could keep it."""
        record = DeadLetter.of(
            stage, reason, original or b"",
            topic=getattr(message, "topic", None),
            partition=getattr(message, "partition", None),
            offset=getattr(message, "offset", None),
            key=getattr(message, "key", None),
            receiver=receiver,
        )
        self.metrics.dead_letters.labels(stage).inc()
        log.warning("dead letter", stage=stage, reason=reason[:300], topic=record.topic,
                    partition=record.partition, offset=record.offset,
                    size=record.original_size, clipped=record.original_clipped)
        value = encode(record)

        async def publish() -> None:
            await acknowledged([await self.dead_letters.send(key=stage.encode(), value=value)],
                               "dead letter")

        await with_retries(publish, "dead letter", attempts=None)


def build_runtime(settings: Settings, pipeline: Pipeline | None = None,
                  metrics: Metrics | None = None, partitions: int | None = None) -> Runtime:
    """`partitions`: the events topic's real partition count, which the Table must match."""
    pipeline = pipeline or pipeline_for(settings)
    metrics = metrics or Metrics.create()
    # Faust makes only the last level of its data directory, and fails at start without it.
    Path(settings.faust_datadir).mkdir(parents=True, exist_ok=True)
    app = faust.App(
        settings.app_id,
        broker=settings.faust_broker,
        datadir=settings.faust_datadir,
        store="memory://",
        autodiscover=False,
        processing_guarantee="at_least_once",
        topic_partitions=partitions or settings.partitions,
        topic_replication_factor=settings.replication_factor,
        consumer_auto_offset_reset="earliest",
        web_enabled=True,
        web_port=settings.web_port,
        web_host="127.0.0.1" if settings.metrics_host == "127.0.0.1" else "0.0.0.0",
        broker_session_timeout=settings.broker_session_timeout_s,
        broker_heartbeat_interval=settings.broker_heartbeat_interval_s,
        broker_rebalance_timeout=settings.broker_rebalance_timeout_s,
        key_serializer="raw",
        value_serializer="raw",
    )
    # Faust hard-codes a 1.5 s fetch wait, which Tansu serves in full on every idle fetch.
    app.transport = ShortFetchTransport.for_app(app)

    def topic(name: str) -> Any:
        return raw_topic(app, name, partitions or settings.partitions)

    runtime_holder: list[Runtime] = []

    async def on_failure(receiver: WebhookReceiver, reason: str, original: bytes,
                         record: Any) -> None:
        # Acknowledged before returning: the delivery's offset is committed right after this.
        await runtime_holder[0].dead_letter("deliver", reason, original, record,
                                            receiver=receiver.label)

    deliverer = Deliverer(receivers=settings.receivers, metrics=metrics, on_failure=on_failure,
                          config=DeliveryConfig.from_settings(settings))
    runtime = Runtime(
        settings=settings,
        app=app,
        pipeline=pipeline,
        metrics=metrics,
        deliverer=deliverer,
        articles=topic(settings.topic_articles),
        events=topic(settings.topic_events),
        alerts=topic(settings.topic_alerts),
        dead_letters=topic(settings.topic_dead_letters),
        state=state_table(app, STATE_TABLE, partitions or settings.partitions),
    )
    runtime_holder.append(runtime)
    register_classifier(runtime)
    register_correlator(runtime)
    register_deliverer(runtime)
    return runtime


def pipeline_for(settings: Settings) -> Pipeline:
    """The pure pipeline with the settings' windows and bounds (the CLI builds the same)."""
    return Pipeline.build(
        window_days=settings.correlation_window_days,
        retention_days=settings.retention_days,
        state_claimants=settings.state_claimants,
        max_state_events=settings.max_state_events,
        max_state_bytes=settings.max_state_bytes,
        bounds=Bounds(max_body_chars=settings.max_article_bytes,
                      tolerance_days=settings.event_time_tolerance_days),
    )

