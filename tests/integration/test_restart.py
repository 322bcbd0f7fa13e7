"""Workers that die mid-stream lose nothing: real broker, real worker processes, a real webhook.

A generated stream with known alerts (`services/testing/stream.py`) is produced at a steady
pace; half-way a worker is killed. Every expected alert version must end on the alerts topic,
each alert's last version identical to what `counterclaim replay` gives, and every version
must reach the webhook. The longer run (10 trials per mode, stops at 15/50/85 %) is
`.venv/bin/python -m services.testing.trials --runs 10`.
"""

from __future__ import annotations

import asyncio
import json
import signal
from datetime import date
from pathlib import Path

import pytest

from schemas.article import Article
from services.pipeline import Pipeline, Replay
from services.testing.processes import WorkerProcess, produce, topic_env, worker_env
from services.testing.stream import KnownStream, final_alerts, known_stream
from services.testing.trials import TopicWatcher, run_trial, wait_ready
from tests.unit.test_seed_classify import SEED

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]

PUBLISHED = date(2022, 5, 10)
# A denial alone: it raises nothing unless the worker remembers the incident it answers.
LATE_DENIAL = ("The Uzbek defence ministry said on Thursday that reports of rockets hitting "
               "Termez were false.")


@pytest.fixture(scope="module")
def stream(pipeline: Pipeline) -> KnownStream:
    known = known_stream(pipeline, size=1_200)
    assert known.alerts >= 40 and len(known.versions) > known.alerts
    return known


@pytest.mark.parametrize("mode", ["kill9", "two-workers"])
async def test_worker_killed_mid_stream_loses_nothing(
    broker: str, tmp_path: Path, stream: KnownStream, mode: str
) -> None:
    result = await run_trial(broker, tmp_path, stream, mode, stop_at=0.5)
    print(f"\n{result.line()}")
    assert result.ready_again_s is not None, _logs(tmp_path)
    assert result.alerts_final_equal == stream.alerts, result.line()
    assert result.versions_on_topic == len(stream.versions), result.line()
    assert result.extra_versions == 0, result.line()
    assert result.versions_at_webhook == len(stream.versions), result.line()


def _logs(directory: Path) -> str:
    return "\n".join(p.read_text(errors="replace")[-4000:] for p in sorted(directory.iterdir()))


def _article(article_id: str, body: str, day: date) -> tuple[bytes, bytes]:
    doc = {"id": article_id, "body": body, "published_at": day.isoformat(), "source": "Wire"}
    return article_id.encode(), json.dumps(doc).encode()


async def test_sigterm_restart_then_a_new_denial_updates_the_alert(
    broker: str, topic_prefix: str, tmp_path: Path, pipeline: Pipeline
) -> None:
    """The state recovered from the changelog answers a denial that arrives after a restart."""
    seed = Article(id="seed", body=SEED, published_at=PUBLISHED, source="Wire")
    late = Article(id="late", body=LATE_DENIAL, published_at=date(2022, 4, 22), source="Wire")
    assert list(Replay(pipeline).feed(late, PUBLISHED)) == []  # alone, it raises nothing
    replay = Replay(pipeline)
    before = final_alerts(a.model_dump_json().encode() for a in replay.feed(seed, PUBLISHED))
    after = list(replay.feed(late, PUBLISHED))
    assert len(after) == 1 and after[0].alert_id in before
    expected = after[0]

    topics = topic_env(topic_prefix)
    env = worker_env(broker, **topics)
    log = tmp_path / "worker.log"
    alerts = await TopicWatcher(broker, topics["COUNTERCLAIM_TOPIC_ALERTS"]).start()
    first = WorkerProcess(env, log).start()
    second: WorkerProcess | None = None
    try:
        await produce(broker, topics["COUNTERCLAIM_TOPIC_ARTICLES"], [_article("seed", SEED, PUBLISHED)])
        for _ in range(240):
            if set(final_alerts(alerts.values)) >= set(before):
                break
            await asyncio.sleep(0.25)
        assert final_alerts(alerts.values) == before, log.read_text()[-3000:]
        assert await asyncio.to_thread(first.stop, 20, signal.SIGTERM) == 0

        second = WorkerProcess(env, log).start()
        assert await wait_ready(second, 90) is not None, log.read_text()[-3000:]
        await produce(broker, topics["COUNTERCLAIM_TOPIC_ARTICLES"],
                      [_article("late", LATE_DENIAL, date(2022, 4, 22))])
        for _ in range(240):
            if final_alerts(alerts.values)[expected.alert_id].version == expected.version:
                break
            await asyncio.sleep(0.25)
        final = final_alerts(alerts.values)[expected.alert_id]
        assert final.version == before[expected.alert_id].version + 1, log.read_text()[-3000:]
        assert final == expected
    finally:
        await alerts.stop()
        await asyncio.to_thread(first.stop)
        if second is not None:
            await asyncio.to_thread(second.stop)
