"""Publishing an alert version to the alerts topic (keyed by alert id)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from schemas.alert import Alert
from services.common.codec import encode

if TYPE_CHECKING:
    from services.runtime import Runtime


async def publish_alert(rt: Runtime, alert: Alert) -> None:
    await rt.alerts.send(key=alert.alert_id.encode(), value=encode(alert))
