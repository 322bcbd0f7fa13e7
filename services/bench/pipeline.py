"""The full pipeline in one real `counterclaim worker`: articles topic -> alerts topic.

Two phases against the same worker:
1. maximum throughput: a backlog of articles is on the topic before the worker starts (a
   backfill); the worker's own `counterclaim_articles_consumed_total` counter, scraped every
   50 ms, gives the rate between 10% and 90% of the backlog;
2. latency: new articles offered at a fixed rate (half the maximum); for every relevant article,
   the time from handing it to the producer to the first alert record on the alerts topic that
   cites it (its id in the alert's claims, denials or confirmations).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import orjson
from aiokafka import AIOKafkaConsumer

from services.bench.measure import (
    CounterCurve,
    ProcessWatch,
    percentiles,
    produce_backlog,
    produce_paced,
)
from services.testing.processes import WorkerProcess, create_topics, topic_env, worker_env

CONSUMED = "counterclaim_articles_consumed_total"


@dataclass(frozen=True)
class Offered:
    """One article of the benchmark as bytes on the wire, and whether it should raise an alert."""

    article_id: str
    key: bytes
    value: bytes
    relevant: bool


@dataclass(frozen=True)
class PipelineResult:
    articles: int
    articles_per_s: float
    seconds: float
    startup_s: float
    offered_rate: float
    achieved_rate: float
    latency_articles: int
    latency_relevant: int
    latency_samples: int
    latency_ms: dict[str, float]
    alerts_seen: int
    dead_letters: float
    worker_peak_rss_mb: float
    worker_log: str


@dataclass
class AlertWatch:
    """Reads the alerts topic and remembers when each article id was first cited by an alert."""

    bootstrap: str
    topic: str
    first_seen: dict[str, float] = field(default_factory=dict)
    alerts: int = 0
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

    async def run(self) -> None:
        consumer = AIOKafkaConsumer(
            self.topic, bootstrap_servers=self.bootstrap, auto_offset_reset="earliest",
            group_id=None, enable_auto_commit=False, fetch_max_wait_ms=5,
        )
        await consumer.start()
        try:
            while not self._stop.is_set():
                batch = await consumer.getmany(timeout_ms=50)
                seen = time.time()
                for records in batch.values():
                    for record in records:
                        self._note(record.value, seen)
        finally:
            await consumer.stop()

    def _note(self, value: bytes | None, seen: float) -> None:
        if not value:
            return
        self.alerts += 1
        alert = orjson.loads(value)
        for part in ("claims", "denials", "confirmations"):
            for ref in alert.get(part) or ():
                self.first_seen.setdefault(ref["article_id"], seen)

    def stop(self) -> None:
        self._stop.set()


async def _scrape(session: aiohttp.ClientSession, port: int) -> dict[str, float]:
    """Unlabelled samples of the worker's Prometheus endpoint."""
    async with session.get(f"http://127.0.0.1:{port}/metrics") as response:
        text = await response.text()
    out: dict[str, float] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            try:
                out[name] = float(value)
            except ValueError:
                continue
    return out


def _total(samples: dict[str, float], prefix: str) -> float:
    return sum(v for k, v in samples.items() if k == prefix or k.startswith(prefix + "{"))


async def measure_pipeline(
    bootstrap: str, backlog: Sequence[Offered], live: Callable[[int], Sequence[Offered]],
    workdir: Path, latency_s: float, prefix: str = "bench", partitions: int = 3,
    timeout_s: float = 150.0,
) -> PipelineResult:
    """Backlog throughput, then latency at half of it, with one worker process.

    `live(n)` makes the n articles for the latency phase, once the rate (hence n) is known.
    """
    topics = {k: v for k, v in topic_env(prefix).items() if k != "COUNTERCLAIM_APP_ID"}
    articles = topics["COUNTERCLAIM_TOPIC_ARTICLES"]
    await create_topics(bootstrap, list(topics.values()), partitions)
    await produce_backlog(bootstrap, articles, [(a.key, a.value) for a in backlog])
    env = worker_env(bootstrap, COUNTERCLAIM_APP_ID=f"{prefix}-pipeline",
                     COUNTERCLAIM_PARTITIONS=str(partitions), **topics)
    worker = WorkerProcess(env, workdir / "worker.log")
    watch = AlertWatch(bootstrap, topics["COUNTERCLAIM_TOPIC_ALERTS"])
    alert_task = asyncio.create_task(watch.run())
    curve = CounterCurve()
    started = time.monotonic()
    first_consumed: float | None = None
    deadline = started + timeout_s
    worker.start()
    assert worker.process is not None
    rss = ProcessWatch(worker.process.pid)
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as session:
            consumed = 0.0
            while consumed < len(backlog):
                if not worker.alive():
                    raise RuntimeError(f"worker exited; see {worker.log_path}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"worker consumed {consumed:.0f}/{len(backlog)} articles "
                                       f"in {timeout_s}s; see {worker.log_path}")
                try:
                    consumed = _total(await _scrape(session, worker.metrics_port), CONSUMED)
                except (aiohttp.ClientError, TimeoutError):
                    await asyncio.sleep(0.2)
                    continue
                now = time.monotonic()
                curve.add(now, consumed)
                if consumed and first_consumed is None:
                    first_consumed = now
                await asyncio.sleep(0.05)
            rate, seconds = curve.rate(len(backlog))
            rss.sample()

            offered = max(1.0, rate / 2.0)
            paced = live(max(1, int(offered * latency_s)))
            sent_at: dict[str, float] = {}
            achieved = await produce_paced(
                bootstrap, articles, [(a.key, a.value) for a in paced], offered,
                lambda i, at: sent_at.__setitem__(paced[i].article_id, at),
            )
            expected = [a.article_id for a in paced if a.relevant]
            settle = time.monotonic() + 15.0
            while time.monotonic() < settle and not all(i in watch.first_seen for i in expected):  # noqa: ASYNC110
                await asyncio.sleep(0.05)
            final = await _scrape(session, worker.metrics_port)
        peak = rss.peak_rss_mb()
    finally:
        watch.stop()
        await alert_task
        worker.stop()
    samples = [(watch.first_seen[i] - sent_at[i]) * 1000.0 for i in expected
               if i in watch.first_seen]
    latency = percentiles(samples, (50, 95, 99)) if samples else {}
    if samples:
        latency["max"] = max(samples)
    return PipelineResult(
        articles=len(backlog),
        articles_per_s=rate,
        seconds=seconds,
        startup_s=(first_consumed or started) - started,
        offered_rate=offered,
        achieved_rate=achieved,
        latency_articles=len(paced),
        latency_relevant=len(expected),
        latency_samples=len(samples),
        latency_ms=latency,
        alerts_seen=watch.alerts,
        dead_letters=_total(final, "counterclaim_dead_letters_total"),
        worker_peak_rss_mb=peak,
        worker_log=str(worker.log_path),
    )
