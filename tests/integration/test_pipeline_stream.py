"""Articles on a real broker -> exactly the TJ and UZ alerts on the alerts topic and at a real
webhook; a malformed record becomes a dead letter and the worker goes on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from schemas.dead_letter import DeadLetter
from services.testing.processes import WorkerProcess, collect, produce, topic_env, wait_for, worker_env
from services.testing.receiver import WebhookReceiver
from tests.unit.test_seed_classify import SEED

pytestmark = pytest.mark.integration

UNRELATED = (
    "Shares in the carmaker rocketed on Tuesday after the company said it fired its chief "
    "executive. The ministry denied the reports of a cabinet reshuffle."
)


def _article(article_id: str, body: str, day: str = "2022-05-10") -> tuple[bytes, bytes]:
    doc = {"id": article_id, "body": body, "published_at": day, "source": "Test Wire"}
    return article_id.encode(), json.dumps(doc).encode()


def _final(values: list[bytes]) -> dict[str, dict[str, Any]]:
    """The last version of each alert, as the JSON the worker published."""
    final: dict[str, dict[str, Any]] = {}
    for raw in values:
        alert = json.loads(raw)
        if alert["alert_id"] not in final or alert["version"] > final[alert["alert_id"]]["version"]:
            final[alert["alert_id"]] = alert
    return final


async def test_articles_to_alerts_topic_webhook_and_dead_letters(
    broker: str, topic_prefix: str, tmp_path: Path
) -> None:
    receiver = await WebhookReceiver().start()
    topics = topic_env(topic_prefix)
    env = worker_env(broker, COUNTERCLAIM_WEBHOOK_URLS=receiver.url(), **topics)
    worker = WorkerProcess(env, tmp_path / "worker.log").start()
    try:
        await produce(broker, topics["COUNTERCLAIM_TOPIC_ARTICLES"], [
            (b"broken", b"{this is not json"),
            (b"no-body", json.dumps({"id": "no-body"}).encode()),
            _article("unrelated", UNRELATED),
            _article("seed", SEED),
        ])

        def both(values: list[bytes]) -> bool:
            return {a["target_country"] for a in _final(values).values()} >= {"TJ", "UZ"}

        alerts = await collect(broker, topics["COUNTERCLAIM_TOPIC_ALERTS"], both, 90, settle_s=3)
        final = _final(alerts)
        assert sorted(a["target_country"] for a in final.values()) == ["TJ", "UZ"], worker.log_text()[-3000:]
        for alert in final.values():
            assert [c["article_id"] for c in alert["claims"]] == ["seed"]
            assert alert["denials"]

        delivered = await wait_for(
            lambda: {b["alert_id"] for b in receiver.json_bodies()} >= set(final), 30)
        assert delivered, "webhook did not receive both alerts"
        keys = {r.headers["Idempotency-Key"] for r in receiver.received}
        assert {f"{a['alert_id']}:{a['version']}" for a in final.values()} <= keys

        dead = await collect(broker, topics["COUNTERCLAIM_TOPIC_DEAD_LETTERS"],
                             lambda v: len(v) >= 2, 30, settle_s=1)
        letters = [DeadLetter.model_validate_json(v) for v in dead]
        assert sorted(d.original() for d in letters) == sorted(
            [b"{this is not json", json.dumps({"id": "no-body"}).encode()])
        assert all(d.stage == "classify" and d.topic == topics["COUNTERCLAIM_TOPIC_ARTICLES"]
                   for d in letters)
        assert any("not JSON" in d.reason for d in letters)
        assert any("body" in d.reason for d in letters)
        assert worker.alive(), "the worker must survive bad records"

        # ...and it keeps working after them.
        await produce(broker, topics["COUNTERCLAIM_TOPIC_ARTICLES"], [
            _article("later", "Uzbek officials denied on April 19 that any rockets had landed "
                     "near Termez after ISKP claimed it fired rockets at Termez on April 18.",
                     "2022-04-19"),
        ])
        updated = await collect(
            broker, topics["COUNTERCLAIM_TOPIC_ALERTS"],
            lambda v: any(
                "later" in {c["article_id"] for c in a["claims"]}
                for a in _final(v).values()), 60)
        assert any(
            "later" in {c["article_id"] for c in a["claims"]}
            for a in _final(updated).values()
        )
    finally:
        code = worker.stop()
        await receiver.stop()
    assert code == 0, worker.log_text()[-3000:]
