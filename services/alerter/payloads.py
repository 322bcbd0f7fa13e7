"""Alert -> what subscribers receive: Kafka headers, and HTTP bodies and headers per format.

Pure: no clock (the signing timestamp is passed in) and no I/O, so the bytes a receiver gets
for an alert version are the same on every attempt and every replay.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

import orjson

from schemas.alert import Alert
from services.alerter.signing import signature_headers
from services.common.settings import PayloadFormat, WebhookReceiver

SPECVERSION = "1.0"
DEFAULT_SOURCE = "/counterclaim"
TYPE_RAISED = "io.counterclaim.alert.raised"
TYPE_UPDATED = "io.counterclaim.alert.updated"
ALERTNAME = "CounterclaimContradiction"
ZERO_TIME = "0001-01-01T00:00:00Z"  # Alertmanager's endsAt for an alert still firing
USER_AGENT = "counterclaim/0.1"
JSON = "application/json"
CLOUDEVENTS_JSON = "application/cloudevents+json; charset=utf-8"


def source_for(app_id: str) -> str:
    """The CloudEvents `source`: which counterclaim deployment raised the alert."""
    return f"{DEFAULT_SOURCE}/{app_id}"


def idempotency_key(alert: Alert) -> str:
    return f"{alert.alert_id}:{alert.version}"


def _midnight(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def place(alert: Alert) -> str | None:
    loc = alert.location
    if loc is None:
        return None
    return loc.name or loc.admin_region


def subject(alert: Alert) -> str:
    """Target country and place, `UA/Kharkiv`, or just the country when no place is known."""
    where = place(alert)
    return f"{alert.target_country}/{where}" if where else alert.target_country


def event_type(alert: Alert) -> str:
    return TYPE_RAISED if alert.version == 1 else TYPE_UPDATED


def cloudevent_attributes(alert: Alert, source: str = DEFAULT_SOURCE) -> dict[str, str]:
    """The CloudEvents context attributes; `id` is unique per alert version (dedupe on it)."""
    return {
        "specversion": SPECVERSION,
        "id": idempotency_key(alert),
        "source": source,
        "type": event_type(alert),
        "time": _midnight(alert.incident_start),
        "subject": subject(alert),
        "datacontenttype": JSON,
    }


def kafka_headers(alert: Alert, source: str = DEFAULT_SOURCE) -> list[tuple[str, bytes]]:
    """CloudEvents Kafka binding, binary mode: attributes as `ce_*` headers, data as the value."""
    attrs = cloudevent_attributes(alert, source)
    content_type = attrs.pop("datacontenttype")
    headers = [(f"ce_{name}", value.encode("utf-8")) for name, value in attrs.items()]
    headers.append(("content-type", content_type.encode("utf-8")))
    return headers


def native(alert: Alert) -> dict[str, Any]:
    data: dict[str, Any] = alert.model_dump(mode="json")
    return data


def cloudevent(alert: Alert, source: str = DEFAULT_SOURCE) -> dict[str, Any]:
    """CloudEvents JSON format (structured mode): attributes and the alert as `data`."""
    return {**cloudevent_attributes(alert, source), "data": native(alert)}


def alertmanager_labels(alert: Alert) -> dict[str, str]:
    """Stable across versions (no version, no counts), so the alert keeps one fingerprint."""
    labels = {
        "alertname": ALERTNAME,
        "alert_id": alert.alert_id,
        "target_country": alert.target_country,
        "attacker": alert.attacker,
        "claimant_type": str(alert.claimant_type),
    }
    where = place(alert)
    if where:
        labels["place"] = where
    return labels


def fingerprint(labels: dict[str, str]) -> str:
    """16 hex digits from the sorted label set, the shape of Alertmanager's fingerprints."""
    canonical = "\xff".join(f"{k}\xfe{v}" for k, v in sorted(labels.items()))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _sources(alert: Alert) -> str:
    names: list[str] = []
    for ref in (*alert.claims, *alert.denials, *alert.confirmations):
        name = ref.source or ref.actor
        if name not in names:
            names.append(name)
    return ", ".join(names)


def alertmanager_annotations(alert: Alert) -> dict[str, str]:
    where = place(alert)
    target = f"{where}, {alert.target_country}" if where else alert.target_country
    return {
        "summary": f"{alert.attacker}'s claim of an attack on {target} is contradicted",
        "description": alert.why,
        "version": str(alert.version),
        "contradictions": ", ".join(alert.contradictions),
        "incident": f"{alert.incident_start.isoformat()}/{alert.incident_end.isoformat()}",
        "claims": str(len(alert.claims)),
        "denials": str(len(alert.denials)),
        "confirmations": str(len(alert.confirmations)),
        "sources": _sources(alert),
    }


def alertmanager(alert: Alert, receiver_name: str) -> dict[str, Any]:
    """The Alertmanager webhook payload (version 4): one group per alert, one alert in it."""
    labels = alertmanager_labels(alert)
    annotations = alertmanager_annotations(alert)
    generator = next((ref.url for ref in alert.claims if ref.url), "")
    status = str(alert.status)
    return {
        "version": "4",
        "groupKey": f'{{}}:{{alert_id="{alert.alert_id}"}}',
        "truncatedAlerts": 0,
        "status": status,
        "receiver": receiver_name,
        "groupLabels": {"alert_id": alert.alert_id},
        "commonLabels": labels,
        "commonAnnotations": annotations,
        "externalURL": "",
        "alerts": [
            {
                "status": status,
                "labels": labels,
                "annotations": annotations,
                "startsAt": _midnight(alert.incident_start),
                "endsAt": ZERO_TIME,
                "generatorURL": generator,
                "fingerprint": fingerprint(labels),
            }
        ],
    }


def body(alert: Alert, fmt: PayloadFormat, receiver_name: str = "counterclaim",
         source: str = DEFAULT_SOURCE) -> tuple[bytes, str]:
    """The request body in `fmt`, with its content type."""
    if fmt is PayloadFormat.CLOUDEVENTS:
        return orjson.dumps(cloudevent(alert, source)), CLOUDEVENTS_JSON
    if fmt is PayloadFormat.ALERTMANAGER:
        return orjson.dumps(alertmanager(alert, receiver_name)), JSON
    return orjson.dumps(native(alert)), JSON


def request_headers(
    alert: Alert, receiver: WebhookReceiver, payload: bytes, content_type: str, timestamp: int
) -> dict[str, str]:
    """Headers for one attempt: a fresh signature per `timestamp`, the same Idempotency-Key."""
    return {
        "Content-Type": content_type,
        "User-Agent": USER_AGENT,
        "Idempotency-Key": idempotency_key(alert),
        **signature_headers(receiver.secret, timestamp, payload),
    }


def render(
    alert: Alert, receiver: WebhookReceiver, timestamp: int, source: str = DEFAULT_SOURCE
) -> tuple[bytes, dict[str, str]]:
    """Body and headers of a request to `receiver`, signed at `timestamp` (Unix seconds)."""
    payload, content_type = body(alert, receiver.format, receiver.label, source)
    return payload, request_headers(alert, receiver, payload, content_type, timestamp)
