"""The bundled sample articles, produced to a topic on a real broker, reach a real webhook as
exactly the TJ and UZ alerts; and the stream ends with the same alerts as an offline replay.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable
from pathlib import Path

import pytest

from schemas.alert import Alert
from services.demo.samples import evidence_ids, load_samples, replay_final
from services.testing.processes import WorkerProcess, collect, produce, topic_env, wait_for, worker_env
from services.testing.receiver import WebhookReceiver

pytestmark = pytest.mark.e2e

INCIDENT_ARTICLES = {f"cc-demo-00{n}" for n in range(1, 7)}
SETTLE_S = 3.0  # after the expected state is reached: room for a late, unexpected alert


def _final(alerts: Iterable[Alert]) -> dict[str, Alert]:
    """The highest version of each alert: what a subscriber ends up believing."""
    out: dict[str, Alert] = {}
    for alert in alerts:
        if alert.alert_id not in out or alert.version > out[alert.alert_id].version:
            out[alert.alert_id] = alert
    return out


def _summary(final: dict[str, Alert]) -> dict[str, tuple[object, ...]]:
    """What must agree between stream and replay; version numbers may not (arrival order)."""
    return {
        alert_id: (
            a.target_country,
            sorted(c.article_id for c in a.claims),
            sorted(d.article_id for d in a.denials),
            sorted(c.article_id for c in a.confirmations),
            evidence_ids(a),
        )
        for alert_id, a in final.items()
    }


async def test_sample_articles_reach_the_webhook_as_exactly_the_replayed_alerts(
    broker: str, topic_prefix: str, tmp_path: Path
) -> None:
    samples = load_samples()
    expected = replay_final(samples)
    assert sorted(a.target_country for a in expected.values()) == ["TJ", "UZ"], (
        "the bundled samples must give exactly a TJ and a UZ alert offline")

    receiver = await WebhookReceiver().start()
    topics = topic_env(topic_prefix)
    env = worker_env(broker, COUNTERCLAIM_WEBHOOK_URLS=receiver.url(), **topics)
    worker = WorkerProcess(env, tmp_path / "worker.log").start()

    def hook_alerts() -> list[Alert]:
        return [Alert.model_validate(body) for body in receiver.json_bodies()]

    try:
        await produce(broker, topics["COUNTERCLAIM_TOPIC_ARTICLES"],
                      [(s.article.id.encode(), s.raw) for s in samples])

        await wait_for(lambda: _summary(_final(hook_alerts())) == _summary(expected), 120)
        await asyncio.sleep(SETTLE_S)
        assert worker.alive(), worker.log_text()[-3000:]

        # The webhook holds exactly the TJ and UZ alerts, in the final form replay predicts.
        at_hook = _final(hook_alerts())
        assert sorted(a.target_country for a in at_hook.values()) == ["TJ", "UZ"], (
            f"{sorted(at_hook)}\n{worker.log_text()[-3000:]}")
        assert _summary(at_hook) == _summary(expected)
        tj = next(a for a in at_hook.values() if a.target_country == "TJ")
        assert "weapon" in tj.contradictions and {c.count for c in tj.claims} == {7}
        uz = next(a for a in at_hook.values() if a.target_country == "UZ")
        assert "occurrence" in uz.contradictions and uz.confirmations

        # No version of any alert, ever, cites an unrelated article.
        cited = {ref.article_id for a in hook_alerts()
                 for ref in (*a.claims, *a.denials, *a.confirmations)}
        assert cited <= INCIDENT_ARTICLES, cited - INCIDENT_ARTICLES

        # The alerts topic and the webhook saw the same versions, and the topic's final alerts
        # equal the replay's: the stream and `counterclaim replay` agree.
        hook_keys = {r.headers["Idempotency-Key"] for r in receiver.received}
        values = await collect(
            broker, topics["COUNTERCLAIM_TOPIC_ALERTS"],
            lambda v: {_key(x) for x in v} >= hook_keys, 30, settle_s=1)
        on_topic = [Alert.model_validate_json(v) for v in values]
        assert {f"{a.alert_id}:{a.version}" for a in on_topic} == hook_keys
        assert _summary(_final(on_topic)) == _summary(expected)
    finally:
        code = worker.stop()
        await receiver.stop()
    assert code == 0, worker.log_text()[-3000:]


def _key(raw: bytes) -> str:
    doc = json.loads(raw)
    return f"{doc['alert_id']}:{doc['version']}"
