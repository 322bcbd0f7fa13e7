"""Receiver configuration from COUNTERCLAIM_WEBHOOKS, and the ids that name consumer groups."""

from __future__ import annotations

import json

import pytest

from services.alerter.delivery import Deliverer, DeliveryConfig, receiver_ids
from services.common.metrics import Metrics
from services.common.settings import ConfigError, PayloadFormat, WebhookReceiver, load_settings


def test_receivers_from_json_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNTERCLAIM_WEBHOOKS", json.dumps([
        {"name": "ops", "url": "https://a.example.org/hook", "secret": "hunter2-secret",
         "format": "alertmanager"},
        {"url": "http://b.example.org:8080/x", "format": "cloudevents", "updates": False,
         "timeout_s": 2, "max_attempts": 10, "deadline_s": 600, "max_in_flight": 2,
         "backfill": False},
    ]))
    monkeypatch.setenv("COUNTERCLAIM_WEBHOOK_URLS", "http://c.example.org/1")
    receivers = load_settings().receivers
    assert [r.label for r in receivers] == ["ops", "http://b.example.org:8080/x",
                                            "http://c.example.org/1"]
    ops, archive, plain = receivers
    assert ops.format is PayloadFormat.ALERTMANAGER and ops.secret == "hunter2-secret"
    assert archive.format is PayloadFormat.CLOUDEVENTS
    assert not archive.updates and not archive.backfill
    assert (archive.timeout_s, archive.max_attempts, archive.deadline_s,
            archive.max_in_flight) == (2, 10, 600, 2)
    assert plain.format is PayloadFormat.NATIVE and plain.updates and plain.secret is None
    assert "hunter2" not in repr(ops)  # the secret stays out of logs


@pytest.mark.parametrize(
    "receiver",
    [
        {"url": "not a url"},
        {"url": "http://a.example.org", "format": "slack"},
        {"url": "http://a.example.org", "timeout_s": 0},
        {"url": "http://a.example.org", "max_attempts": 0},
    ],
)
def test_bad_receiver_config_names_the_variable(monkeypatch: pytest.MonkeyPatch,
                                                receiver: dict[str, object]) -> None:
    monkeypatch.setenv("COUNTERCLAIM_WEBHOOKS", json.dumps([receiver]))
    with pytest.raises(ConfigError, match="COUNTERCLAIM_WEBHOOKS"):
        load_settings()


def _r(url: str, name: str | None = None) -> WebhookReceiver:
    return WebhookReceiver(url=url, name=name)


def test_receiver_ids_are_stable_unique_and_safe() -> None:
    receivers = [_r("http://a.example.org", "Ops team / EU"), _r("http://b.example.org"),
                 _r("http://c.example.org", "Ops team / EU"), _r("http://d.example.org", "///")]
    ids = receiver_ids(receivers)
    assert ids[0] == "Ops-team-EU"
    assert ids[2] == "Ops-team-EU-2"
    assert ids[3] == "receiver"
    assert len(set(ids)) == 4
    assert all(c.isalnum() or c in "._-" for rid in ids for c in rid)
    # The same receiver keeps its id when others are added or reordered (it keeps its offsets).
    assert receiver_ids([_r("http://b.example.org")]) == [ids[1]]


def test_consumer_groups_are_per_app_and_receiver() -> None:
    async def never(*_: object) -> None:
        raise AssertionError

    deliverer = Deliverer([_r("http://a.example.org", "ops"), _r("http://b.example.org", "x")],
                          Metrics.create(), never,
                          DeliveryConfig(bootstrap="127.0.0.1:9092", topic="t", app_id="prod"))
    assert deliverer.group_ids() == ["prod-webhook-ops", "prod-webhook-x"]
