"""Payload building, pure: topic headers, the three webhook formats, request headers, docs."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from schemas.alert import Alert
from schemas.event import Location
from services.alerter.payloads import (
    CLOUDEVENTS_JSON,
    alertmanager,
    body,
    fingerprint,
    kafka_headers,
    render,
    source_for,
    subject,
)
from services.alerter.sample import sample_alert
from services.alerter.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER
from services.common.settings import PayloadFormat, WebhookReceiver

DOCS = Path(__file__).resolve().parents[2] / "docs" / "delivery.md"
README = Path(__file__).resolve().parents[2] / "README.md"
RECEIVER = WebhookReceiver(url="https://alerts.example.org/hook", name="ops")

# The fields of Alertmanager's webhook payload (notify/webhook Message and template.Data).
AM_TOP = {"version", "groupKey", "truncatedAlerts", "status", "receiver", "groupLabels",
          "commonLabels", "commonAnnotations", "externalURL", "alerts"}
AM_ALERT = {"status", "labels", "annotations", "startsAt", "endsAt", "generatorURL",
            "fingerprint"}


def _rfc3339(value: str) -> datetime:
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", value), value
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def test_kafka_headers_are_cloudevents_binary_mode() -> None:
    alert = sample_alert(1)
    headers = dict(kafka_headers(alert, source_for("prod")))
    assert headers == {
        "ce_specversion": b"1.0",
        "ce_id": b"sample-0000000000000001:1",
        "ce_source": b"/counterclaim/prod",
        "ce_type": b"io.counterclaim.alert.raised",
        "ce_time": b"2024-03-01T00:00:00Z",
        "ce_subject": b"ZZ/Sampletown",
        "content-type": b"application/json",
    }
    updated = dict(kafka_headers(sample_alert(3)))
    assert updated["ce_type"] == b"io.counterclaim.alert.updated"
    assert updated["ce_id"] == b"sample-0000000000000001:3"


def test_ce_time_is_the_incident_time_not_publication() -> None:
    alert = sample_alert().model_copy(update={"incident_start": date(2022, 5, 7),
                                              "incident_end": date(2022, 5, 8)})
    assert dict(kafka_headers(alert))["ce_time"] == b"2022-05-07T00:00:00Z"


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        (Location(name="Sampletown", country="ZZ"), "ZZ/Sampletown"),
        (Location(admin_region="North Province", country="ZZ"), "ZZ/North Province"),
        (Location(country="ZZ"), "ZZ"),
        (None, "ZZ"),
    ],
)
def test_subject_names_country_and_place(location: Location | None, expected: str) -> None:
    alert = sample_alert().model_copy(update={"location": location})
    assert subject(alert) == expected
    assert dict(kafka_headers(alert))["ce_subject"] == expected.encode()


def test_non_ascii_place_is_utf8_in_headers() -> None:
    alert = sample_alert().model_copy(update={"location": Location(name="Kryvyi Rih’s Ä")})
    assert dict(kafka_headers(alert))["ce_subject"].decode("utf-8") == "ZZ/Kryvyi Rih’s Ä"


def test_native_is_the_alert_json() -> None:
    alert = sample_alert(2)
    payload, content_type = body(alert, PayloadFormat.NATIVE)
    assert content_type == "application/json"
    assert Alert.model_validate_json(payload) == alert


def test_cloudevents_structured_mode() -> None:
    alert = sample_alert(2)
    payload, content_type = body(alert, PayloadFormat.CLOUDEVENTS, source=source_for("prod"))
    assert content_type == CLOUDEVENTS_JSON
    event = json.loads(payload)
    assert event["specversion"] == "1.0"
    assert event["id"] == "sample-0000000000000001:2"
    assert event["source"] == "/counterclaim/prod"
    assert event["type"] == "io.counterclaim.alert.updated"
    assert event["subject"] == "ZZ/Sampletown"
    assert event["datacontenttype"] == "application/json"
    assert _rfc3339(event["time"]).date() == alert.incident_start
    assert Alert.model_validate(event["data"]) == alert
    # Topic headers and the HTTP envelope carry the same attributes.
    headers = dict(kafka_headers(alert, source_for("prod")))
    for name in ("id", "source", "type", "time", "subject", "specversion"):
        assert headers[f"ce_{name}"].decode() == event[name]


def test_alertmanager_payload_has_the_webhook_shape() -> None:
    alert = sample_alert(2)
    payload, content_type = body(alert, PayloadFormat.ALERTMANAGER, "ops")
    assert content_type == "application/json"
    message = json.loads(payload)
    assert set(message) == AM_TOP
    assert message["version"] == "4"
    assert message["status"] == "firing"
    assert message["receiver"] == "ops"
    assert message["groupKey"] == '{}:{alert_id="sample-0000000000000001"}'
    assert message["truncatedAlerts"] == 0
    assert len(message["alerts"]) == 1
    item = message["alerts"][0]
    assert set(item) == AM_ALERT
    assert item["status"] == "firing"
    assert _rfc3339(item["startsAt"]).date() == alert.incident_start
    assert item["endsAt"] == "0001-01-01T00:00:00Z"
    assert re.fullmatch(r"[0-9a-f]{16}", item["fingerprint"])
    assert item["generatorURL"] == "https://example.org/news/sample-claim"
    # Alertmanager labels and annotations are string maps.
    for mapping in (item["labels"], item["annotations"], message["groupLabels"],
                    message["commonLabels"], message["commonAnnotations"]):
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in mapping.items())
    assert item["labels"]["alertname"] == "CounterclaimContradiction"
    assert item["labels"]["alert_id"] == alert.alert_id
    assert item["labels"]["target_country"] == "ZZ"
    assert item["labels"]["place"] == "Sampletown"
    assert item["annotations"]["version"] == "2"
    assert item["annotations"]["description"] == alert.why
    assert message["commonLabels"] == item["labels"]


def test_alertmanager_fingerprint_is_stable_across_versions() -> None:
    first = alertmanager(sample_alert(1), "ops")["alerts"][0]
    later = alertmanager(sample_alert(4), "ops")["alerts"][0]
    assert first["fingerprint"] == later["fingerprint"]
    assert first["annotations"]["version"] != later["annotations"]["version"]
    other = sample_alert(1).model_copy(update={"alert_id": "another"})
    assert alertmanager(other, "ops")["alerts"][0]["fingerprint"] != first["fingerprint"]
    assert fingerprint({"a": "b"}) != fingerprint({"a": "c"})


def test_request_headers_idempotency_key_and_signature() -> None:
    alert = sample_alert(3)
    payload, headers = render(alert, RECEIVER, 1_700_000_000)
    assert headers["Idempotency-Key"] == "sample-0000000000000001:3"
    assert headers[TIMESTAMP_HEADER] == "1700000000"
    assert SIGNATURE_HEADER not in headers  # no secret, no signature
    signed = RECEIVER.model_copy(update={"secret": "s3cret"})
    payload2, headers2 = render(alert, signed, 1_700_000_000)
    assert payload2 == payload
    assert headers2[SIGNATURE_HEADER].startswith("sha256=")
    # A retry is signed afresh; the body and the key do not change.
    payload3, headers3 = render(alert, signed, 1_700_000_060)
    assert payload3 == payload
    assert headers3["Idempotency-Key"] == headers2["Idempotency-Key"]
    assert headers3[SIGNATURE_HEADER] != headers2[SIGNATURE_HEADER]


@pytest.mark.parametrize("fmt", list(PayloadFormat))
def test_bodies_are_deterministic(fmt: PayloadFormat) -> None:
    receiver = RECEIVER.model_copy(update={"format": fmt})
    assert render(sample_alert(), receiver, 1)[0] == render(sample_alert(), receiver, 2)[0]


def _doc_examples() -> dict[tuple[str, int], object]:
    text = README.read_text(encoding="utf-8")
    found = re.findall(r"<!-- example: (\w+) version=(\d+) -->\n```json\n(.*?)\n```", text,
                       flags=re.S)
    return {(fmt, int(version)): json.loads(block) for fmt, version, block in found}


def test_docs_show_one_example_of_each_format_exactly_as_sent() -> None:
    examples = _doc_examples()
    assert {fmt for fmt, _ in examples} == {f.value for f in PayloadFormat}
    for (fmt, version), shown in examples.items():
        sent, _ = body(sample_alert(version), PayloadFormat(fmt), "ops",
                       source_for("counterclaim"))
        assert json.loads(sent) == shown, f"README.md example for {fmt} has drifted"


def test_docs_show_the_topic_headers_as_sent() -> None:
    text = DOCS.read_text(encoding="utf-8")
    match = re.search(r"<!-- example: kafka-headers version=1 -->\n```text\n(.*?)\n```", text,
                      flags=re.S)
    assert match, "docs/delivery.md lost its topic headers example"
    shown = [tuple(line.split(": ", 1)) for line in match.group(1).splitlines()]
    sent = [(k, v.decode()) for k, v in kafka_headers(sample_alert(1), source_for("counterclaim"))]
    assert shown == sent
