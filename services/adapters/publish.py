"""Publishing an alert version to the alerts topic: JSON value keyed by alert id, with the
CloudEvents attributes in Kafka headers (binary mode), so subscribers can route and dedupe on
headers without parsing the value."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from schemas.alert import Alert
from services.alerter.payloads import kafka_headers, source_for
from services.common.codec import encode

if TYPE_CHECKING:
    from services.runtime import Runtime


async def publish_alert(rt: Runtime, alert: Alert) -> Any:
    """Hand the alert to the producer; the result resolves when the broker acknowledges it."""
    return await rt.alerts.send(
        key=alert.alert_id.encode(),
        value=encode(alert),
        headers=kafka_headers(alert, source_for(rt.settings.app_id)),
    )
