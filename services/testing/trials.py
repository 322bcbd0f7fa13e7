"""Restart trials: a worker killed mid-stream must still leave every known alert behind.

One trial: a generated stream with known alerts (`stream.py`) is produced at a steady pace
while real `counterclaim worker` processes run against a real broker and deliver to a real
webhook receiver; part-way through, a worker is stopped (`kill -9` or SIGTERM) and, in the
one-worker modes, started again. The trial passes when the alerts topic ends with exactly the
alert versions the replay gives, each alert's last version identical to the replay's, and
the receiver got every version (duplicates by `Idempotency-Key` allowed).

The tests run a few trials; the longer command runs many and prints the figures:

    .venv/bin/python -m services.testing.trials --runs 10 --mode all
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import shutil
import signal
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from services.common.broker import EmbeddedBroker
from services.pipeline import Pipeline
from services.testing.processes import WorkerProcess, create_topics, topic_env, worker_env
from services.testing.receiver import WebhookReceiver, delay
from services.testing.stream import KnownStream, final_alerts, known_stream, versions_of

MODES = ("kill9", "sigterm", "two-workers")


@dataclass
class TrialResult:
    mode: str
    alerts_expected: int
    versions_expected: int
    alerts_final_equal: int = 0
    versions_on_topic: int = 0
    versions_at_webhook: int = 0
    extra_versions: int = 0
    webhook_duplicates: int = 0
    ready_again_s: float | None = None
    done_s: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (self.alerts_final_equal == self.alerts_expected
                and self.versions_on_topic == self.versions_expected
                and self.versions_at_webhook == self.versions_expected
                and self.extra_versions == 0)

    def line(self) -> str:
        ready = f"{self.ready_again_s:.1f}s" if self.ready_again_s is not None else "-"
        done = f"{self.done_s:.1f}s" if self.done_s is not None else "not done"
        return (f"{self.mode:12} alerts {self.alerts_final_equal}/{self.alerts_expected} final "
                f"equal; versions topic {self.versions_on_topic}/{self.versions_expected}, "
                f"webhook {self.versions_at_webhook}/{self.versions_expected} "
                f"(+{self.webhook_duplicates} dup); ready again {ready}; all in {done}"
                + (f"; {'; '.join(self.notes)}" if self.notes else ""))


class TopicWatcher:
    """Reads a topic from the start in the background, keeping every value."""

    def __init__(self, bootstrap: str, topic: str) -> None:
        self.bootstrap = bootstrap
        self.topic = topic
        self.values: list[bytes] = []
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> TopicWatcher:
        consumer = AIOKafkaConsumer(self.topic, bootstrap_servers=self.bootstrap,
                                    auto_offset_reset="earliest", enable_auto_commit=False,
                                    group_id=None, fetch_max_wait_ms=100)
        await consumer.start()
        self._task = asyncio.create_task(self._run(consumer))
        return self

    async def _run(self, consumer: AIOKafkaConsumer) -> None:
        try:
            while True:
                batch = await consumer.getmany(timeout_ms=200)
                for records in batch.values():
                    self.values.extend(r.value for r in records if r.value is not None)
        finally:
            await consumer.stop()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task


async def wait_ready(worker: WorkerProcess, timeout_s: float,
                     newer_than: int | None = None) -> float | None:
    """Seconds until the worker's /readyz answers 200 (with a consumer generation above
    `newer_than`: ready again after a rebalance), or None."""
    started = time.monotonic()
    url = f"http://127.0.0.1:{worker.metrics_port}/readyz"
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as http:
        while time.monotonic() - started < timeout_s:
            with contextlib.suppress(aiohttp.ClientError, TimeoutError, OSError, ValueError):
                async with http.get(url) as response:
                    body = await response.json()
                    if response.status == 200 and (
                            newer_than is None or int(body["generation"]) > newer_than):
                        return time.monotonic() - started
            if not worker.alive():
                return None
            await asyncio.sleep(0.25)
    return None


async def generation(worker: WorkerProcess) -> int:
    url = f"http://127.0.0.1:{worker.metrics_port}/readyz"
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as http, \
            http.get(url) as response:
        return int((await response.json())["generation"])


async def produce_paced(bootstrap: str, topic: str, stream: KnownStream, rate_per_s: float,
                        reached: asyncio.Event, stop_at: float) -> None:
    """Produce the stream at `rate_per_s`; set `reached` once `stop_at` of it is out."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    await producer.start()
    try:
        chunk = 20
        for start in range(0, len(stream.records), chunk):
            t0 = time.monotonic()
            for record in stream.records[start:start + chunk]:
                await producer.send(topic, key=record.key, value=record.value)
            await producer.flush()
            if start + chunk >= stop_at * len(stream.records):
                reached.set()
            await asyncio.sleep(max(0.0, chunk / rate_per_s - (time.monotonic() - t0)))
    finally:
        reached.set()
        await producer.stop()


async def run_trial(bootstrap: str, workdir: Path, stream: KnownStream, mode: str,
                    stop_at: float = 0.5, rate_per_s: float = 200.0,
                    timeout_s: float = 150.0) -> TrialResult:
    """One trial on a broker: fresh topics and app id, so trials never share state."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    prefix = f"r{uuid.uuid4().hex[:8]}"
    topics = topic_env(prefix)
    result = TrialResult(mode, stream.alerts, len(stream.versions))
    receiver = await WebhookReceiver(responder=delay(0.02)).start()
    hooks = json.dumps([{"name": "sink", "url": receiver.url(), "max_in_flight": 4}])

    def env() -> dict[str, str]:
        return worker_env(bootstrap, COUNTERCLAIM_WEBHOOKS=hooks, **topics)

    await create_topics(bootstrap, [topics["COUNTERCLAIM_TOPIC_ARTICLES"]])
    log = workdir / f"{prefix}-{mode}.log"
    first = WorkerProcess(env(), log).start()
    workers = [first]
    if mode == "two-workers":
        workers.append(WorkerProcess(env(), log).start())
    alerts = await TopicWatcher(bootstrap, topics["COUNTERCLAIM_TOPIC_ALERTS"]).start()
    reached = asyncio.Event()
    producing: asyncio.Task[None] | None = None
    started = time.monotonic()
    try:
        for worker in workers:
            if await wait_ready(worker, 90) is None:
                result.notes.append("a worker never became ready at start")
                return result
        producing = asyncio.create_task(produce_paced(
            bootstrap, topics["COUNTERCLAIM_TOPIC_ARTICLES"], stream, rate_per_s, reached,
            stop_at))
        await reached.wait()
        sig = signal.SIGTERM if mode == "sigterm" else signal.SIGKILL
        survivor_generation = await generation(workers[-1]) if mode == "two-workers" else None
        await asyncio.to_thread(first.stop, 20, sig)
        if mode != "two-workers":
            second = WorkerProcess(env(), log).start()
            workers.append(second)
            result.ready_again_s = await wait_ready(second, 120)
        else:  # the survivor takes the dead worker's partitions over
            result.ready_again_s = await wait_ready(workers[1], 120, survivor_generation)
        await producing
        deadline = started + timeout_s
        while time.monotonic() < deadline:
            if _complete(stream, alerts.values, receiver):
                result.done_s = time.monotonic() - started
                break
            await asyncio.sleep(0.5)
        await asyncio.sleep(1.0)  # anything published late would show up as extra
    finally:
        if producing is not None and not producing.done():
            producing.cancel()
        await alerts.stop()
        for worker in workers:
            await asyncio.to_thread(worker.stop)
        await receiver.stop()
    _score(result, stream, alerts.values, receiver)
    if not result.ok:
        result.notes.append(f"log: {log}")
    return result


def _complete(stream: KnownStream, values: list[bytes], receiver: WebhookReceiver) -> bool:
    return (versions_of(values) >= stream.versions
            and set(receiver.deduped()) >= stream.versions)


def _score(result: TrialResult, stream: KnownStream, values: list[bytes],
           receiver: WebhookReceiver) -> None:
    final = final_alerts(values)
    result.alerts_final_equal = sum(1 for alert_id, alert in stream.expected.items()
                                    if final.get(alert_id) == alert)
    seen = versions_of(values)
    result.versions_on_topic = len(seen & stream.versions)
    result.extra_versions = len(seen - stream.versions)
    delivered = set(receiver.deduped())
    result.versions_at_webhook = len(delivered & stream.versions)
    result.webhook_duplicates = len(receiver.received) - len(delivered)


async def _main(runs: int, modes: list[str], size: int) -> int:
    pipeline = Pipeline.build()
    stream = known_stream(pipeline, size=size)
    print(f"stream: {len(stream.records)} articles, {stream.alerts} alerts, "
          f"{len(stream.versions)} alert versions", flush=True)
    results: list[TrialResult] = []
    logs = Path(tempfile.mkdtemp(prefix="counterclaim-trials-"))
    with EmbeddedBroker() as broker:
        for run in range(runs):
            for mode in modes:
                stop_at = (0.15, 0.5, 0.85)[run % 3]
                result = await run_trial(broker.bootstrap, logs, stream, mode, stop_at)
                results.append(result)
                print(f"run {run + 1:2} stop at {stop_at:.0%}: {result.line()}", flush=True)
    failed = [r for r in results if not r.ok]
    if not failed:
        shutil.rmtree(logs, ignore_errors=True)
    ready = [r.ready_again_s for r in results if r.ready_again_s is not None]
    done = [r.done_s for r in results if r.done_s is not None]
    print(f"{len(results) - len(failed)}/{len(results)} trials lost nothing", flush=True)
    if ready:
        print(f"ready again after the stop: median {statistics.median(ready):.1f}s, "
              f"max {max(ready):.1f}s", flush=True)
    if done:
        print(f"every alert version on the topic and at the webhook: median "
              f"{statistics.median(done):.1f}s, max {max(done):.1f}s after the first article",
              flush=True)
    return 1 if failed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--mode", choices=[*MODES, "all"], default="all")
    parser.add_argument("--size", type=int, default=3_000, help="articles per stream")
    args = parser.parse_args()
    modes = list(MODES) if args.mode == "all" else [args.mode]
    sys.exit(asyncio.run(_main(args.runs, modes, args.size)))


if __name__ == "__main__":
    main()
