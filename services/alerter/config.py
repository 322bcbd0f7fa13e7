"""How the receivers' consumers find the alerts and join their groups, and what they call
when a delivery is given up."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from services.alerter.payloads import DEFAULT_SOURCE
from services.common.settings import Settings, WebhookReceiver

# (receiver, reason, original record value, the Kafka record or None) -> dead letter written
OnFailure = Callable[[WebhookReceiver, str, bytes, Any], Awaitable[None]]


@dataclass(frozen=True)
class DeliveryConfig:
    """Where the alerts are and how this app's receiver consumers join their groups."""

    bootstrap: str
    topic: str
    app_id: str
    source: str = DEFAULT_SOURCE
    session_timeout_s: float = 10.0
    heartbeat_interval_s: float = 2.0
    commit_interval_s: float = 0.5
    stop_grace_s: float = 3.0
    reconnect_s: float = 2.0
    fetch_max_wait_ms: int = 50

    @classmethod
    def from_settings(cls, settings: Settings) -> DeliveryConfig:
        from services.alerter.payloads import source_for

        return cls(
            bootstrap=settings.kafka_bootstrap,
            topic=settings.topic_alerts,
            app_id=settings.app_id,
            source=source_for(settings.app_id),
            session_timeout_s=settings.broker_session_timeout_s,
            heartbeat_interval_s=settings.broker_heartbeat_interval_s,
        )
