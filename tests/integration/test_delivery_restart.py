"""A worker restarted in the middle of deliveries: every alert version reaches the receiver at
least once, and deduplicating by Idempotency-Key leaves exactly one of each.

Real broker, real `counterclaim worker` processes, real HTTP receiver.
"""

from __future__ import annotations

import asyncio
import json
import signal
import time
from pathlib import Path

import pytest

from services.alerter.sample import sample_alert
from services.testing.processes import WorkerProcess, create_topics, produce, topic_env, worker_env
from services.testing.receiver import WebhookReceiver, delay

pytestmark = [pytest.mark.integration, pytest.mark.timeout(90)]

ALERTS = 12
VERSIONS = 2


def _env(broker: str, prefix: str, receivers: list[dict[str, object]]) -> dict[str, str]:
    return worker_env(
        broker,
        **topic_env(prefix),
        COUNTERCLAIM_WEBHOOKS=json.dumps(receivers),
    )


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
async def test_restart_mid_delivery_loses_nothing(broker: str, topic_prefix: str,
                                                  tmp_path: Path, sig: int) -> None:
    receiver = await WebhookReceiver(responder=delay(0.1)).start()
    env = _env(broker, topic_prefix, [{"name": "sink", "url": receiver.url(), "secret": "k",
                                       "max_in_flight": 2}])
    alerts = [sample_alert(v).model_copy(update={"alert_id": f"{topic_prefix}-{i:02d}"})
              for i in range(ALERTS) for v in range(1, VERSIONS + 1)]
    expected = {f"{a.alert_id}:{a.version}" for a in alerts}
    await create_topics(broker, [f"{topic_prefix}.alerts"])
    await produce(broker, f"{topic_prefix}.alerts",
                  [(a.alert_id.encode(), a.model_dump_json().encode()) for a in alerts])
    log = tmp_path / "worker.log"
    first = WorkerProcess(env, log).start()
    second: WorkerProcess | None = None
    try:
        assert await receiver.wait_for(lambda r: len(r.deduped()) >= 6, 45), log.read_text()
        # Off the event loop: the receiver must keep answering while the worker stops.
        await asyncio.to_thread(first.stop, 15, sig)
        at_stop = len(receiver.deduped())
        assert at_stop < len(expected), "the worker finished before it could be interrupted"

        t0 = time.monotonic()
        second = WorkerProcess(env, log).start()
        done = await receiver.wait_for(lambda r: set(r.deduped()) >= expected, 45)
        resumed_s = time.monotonic() - t0
        assert done, f"missing after restart: {sorted(expected - set(receiver.deduped()))}"
    finally:
        await asyncio.to_thread(first.stop)
        if second is not None:
            await asyncio.to_thread(second.stop)
        await receiver.stop()

    kept = receiver.deduped()
    assert set(kept) == expected  # exactly one of each after dedupe, nothing extra
    assert len(receiver.received) >= len(expected)  # at least once
    for key, got in kept.items():
        body = got.json()
        assert f"{body['alert_id']}:{body['version']}" == key
    # Versions of one alert arrive in order, across the restart too.
    first_seen = {key: i for i, key in reversed(list(enumerate(receiver.keys())))}
    for i in range(ALERTS):
        alert_id = f"{topic_prefix}-{i:02d}"
        assert first_seen[f"{alert_id}:1"] < first_seen[f"{alert_id}:2"]
    duplicates = len(receiver.received) - len(expected)
    if sig == signal.SIGTERM:
        # A graceful stop finishes what is in flight and commits it: nothing is sent twice.
        assert duplicates == 0
    print(f"\n{signal.Signals(sig).name}: {at_stop}/{len(expected)} delivered at the stop; "
          f"{duplicates} duplicate(s); all delivered "
          f"{resumed_s:.1f}s after the restart")
