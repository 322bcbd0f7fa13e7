"""Alert -> HTTP body and headers for a receiver."""

from __future__ import annotations

from schemas.alert import Alert
from services.common.settings import WebhookReceiver


def render(alert: Alert, receiver: WebhookReceiver) -> tuple[bytes, dict[str, str]]:
    body = alert.model_dump_json().encode("utf-8")
    headers = {
        "Content-Type": "application/json",
        "Idempotency-Key": f"{alert.alert_id}:{alert.version}",
        "User-Agent": "counterclaim/0.1",
    }
    return body, headers
