"""`counterclaim demo`: the whole path on one machine, with nothing to configure.

Starts an embedded Tansu broker, a local webhook receiver and a real `counterclaim worker`
subprocess (the same code path production runs), feeds the bundled sample articles, prints each
alert as it reaches the alerts topic and each webhook delivery as it arrives, then stops
everything it started. It exits 0 once every alert an offline replay of the same articles
predicts (the TJ and UZ alerts) has fired and reached the webhook in its final form; 1 on a
timeout or a worker crash, with the tail of the worker's log.

Alerts and deliveries go to stdout for the analyst; progress and diagnostics go to stderr.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Coroutine, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from prometheus_client.parser import text_string_to_metric_families

from schemas.alert import Alert
from services.common.broker import BrokerUnavailable, EmbeddedBroker
from services.common.codec import DecodeError, decode
from services.common.settings import Settings
from services.common.topics import ensure_topics
from services.demo.render import RULE, country_label, format_card, version_line
from services.demo.samples import Sample, evidence_ids, load_samples, replay_final
from services.pipeline import Pipeline
from services.testing.processes import WorkerProcess, worker_env
from services.testing.receiver import Received, WebhookReceiver

REQUIRED_COUNTRIES = frozenset({"TJ", "UZ"})
APP_ID = "counterclaim-demo"
TOPICS = {
    "articles": "counterclaim.articles",
    "events": "counterclaim.events",
    "alerts": "counterclaim.alerts",
    "dead_letters": "counterclaim.dead-letters",
}
PARTITIONS = 3
FEED_PACE_S = 0.25  # a beat after each article is consumed, so its alert prints before the next
ARTICLE_WAIT_S = 10.0
CONSUMED_METRIC = "counterclaim_articles_consumed_total"
EVENTS_METRIC = "counterclaim_events_total"
QUIET_S = 1.0  # after an article with events: no new alert or delivery for this long
SETTLE_MAX_S = 6.0
RECEIVER_STATUS = 200  # what services.testing.receiver answers to every recorded POST
READY_TIMEOUT_S = 45.0
WORKER_STOP_S = 20.0
WORKER_STOP_INTERRUPTED_S = 5.0
CLIENT_STOP_S = 5.0
LOG_TAIL_LINES = 40


class DemoFailed(Exception):
    """A reason to stop early and exit 1: timeout, worker crash, or the stream diverging."""


@dataclass
class Started:
    """What the demo started, so every exit path (even a second Ctrl-C) can stop it."""

    broker: EmbeddedBroker | None = None
    worker: WorkerProcess | None = None
    worker_code: int | None = None
    workdir: Path | None = None
    keep_workdir: bool = False  # on failure, for the logs
    interrupted: bool = False
    stopped: list[str] = field(default_factory=list)


@dataclass
class Timings:
    """Seconds from start to each first occurrence, for the summary an operator can compare."""

    t0: float = field(default_factory=time.monotonic)
    marks: dict[str, float] = field(default_factory=dict)

    def mark(self, name: str) -> float:
        self.marks.setdefault(name, time.monotonic() - self.t0)
        return self.marks[name]


@dataclass
class Watch:
    """What the stream and the webhook have shown so far, against what replay predicts.

    While the demo runs, each alert version and delivery is one line on stderr; the cards
    (`cards`) come at the end, one per alert at its final version, with its history."""

    expected: Mapping[str, Alert]
    names: Mapping[str, str]
    topic: dict[tuple[str, int], Alert] = field(default_factory=dict)
    latest: dict[str, Alert] = field(default_factory=dict)
    delivered: dict[tuple[str, int], list[Received]] = field(default_factory=dict)
    deliveries: int = 0
    last_activity: float = 0.0  # monotonic time of the latest alert or delivery seen

    def on_alert(self, alert: Alert) -> None:
        self.last_activity = time.monotonic()
        key = (alert.alert_id, alert.version)
        if key in self.topic:  # at-least-once: a republished version
            _note(f"alert {alert.alert_id} v{alert.version} seen again (redelivery); not repeated")
            return
        earlier = [v for (aid, v) in self.topic if aid == alert.alert_id and v < alert.version]
        previous = self.topic[(alert.alert_id, max(earlier))] if earlier else None
        self.topic[key] = alert
        if alert.alert_id not in self.latest or alert.version > self.latest[alert.alert_id].version:
            self.latest[alert.alert_id] = alert
        _note(f"alert {country_label(alert.target_country, self.names)} {alert.alert_id} "
              f"{version_line(alert, previous)}")

    def on_delivery(self, received: Received) -> None:
        self.last_activity = time.monotonic()
        self.deliveries += 1
        key = _delivery_key(received)
        if key is None:
            _note(f"webhook delivery without an Idempotency-Key ({len(received.body)} bytes)")
            return
        repeat = key in self.delivered
        self.delivered.setdefault(key, []).append(received)
        _note(f"webhook delivery {key[0]}:{key[1]} -> HTTP {RECEIVER_STATUS}"
              + (" (repeat: same Idempotency-Key)" if repeat else ""))

    def cards(self) -> str:
        """One card per alert seen, at its final version, in country order."""
        out = []
        for alert_id in sorted(self.latest, key=lambda a: (self.latest[a].target_country, a)):
            versions = [a for (aid, _), a in self.topic.items() if aid == alert_id]
            deliveries = {v: got for (aid, v), got in self.delivered.items() if aid == alert_id}
            out.append(format_card(versions, deliveries, self.names, RECEIVER_STATUS))
        return "\n".join(out)

    def final_delivered(self, alert_id: str) -> Alert | None:
        """The version that carries all the predicted evidence and reached the webhook."""
        want = evidence_ids(self.expected[alert_id])
        for (aid, version), alert in self.topic.items():
            if aid == alert_id and evidence_ids(alert) == want and (aid, version) in self.delivered:
                return alert
        return None

    def complete(self) -> bool:
        return all(self.final_delivered(a) is not None for a in self.expected)

    def unexpected(self) -> list[str]:
        return sorted(set(self.latest) - set(self.expected))

    def missing(self) -> list[str]:
        out = []
        for alert_id, alert in self.expected.items():
            label = f"{alert.target_country} {alert_id}"
            if alert_id not in self.latest:
                out.append(f"{label}: not on the alerts topic")
            elif self.final_delivered(alert_id) is None:
                seen = self.latest[alert_id]
                out.append(f"{label}: latest v{seen.version} with {len(evidence_ids(seen))} of "
                           f"{len(evidence_ids(alert))} statements; delivered versions "
                           f"{sorted(v for a, v in self.delivered if a == alert_id)}")
        return out


def _delivery_key(received: Received) -> tuple[str, int] | None:
    """(alert id, version) from the Idempotency-Key header the alerter sets."""
    key = {k.lower(): v for k, v in received.headers.items()}.get("idempotency-key", "")
    alert_id, _, version = key.rpartition(":")
    return (alert_id, int(version)) if alert_id and version.isdigit() else None


def _out(text: str) -> None:
    print(text, flush=True)


def _note(text: str) -> None:
    print(f"demo: {text}", file=sys.stderr, flush=True)


def run_demo(timeout_s: float = 120.0) -> int:
    """Entry point for `counterclaim demo`; returns the process exit code."""
    started = Started()
    try:
        return asyncio.run(_demo(timeout_s, started))
    except KeyboardInterrupt:
        _note("interrupted; everything the demo started has been stopped")
        return 130
    except asyncio.CancelledError:  # SIGTERM
        _note("terminated; everything the demo started has been stopped")
        return 128 + signal.SIGTERM
    finally:
        _last_resort(started)


def _last_resort(started: Started) -> None:
    """If cleanup itself was interrupted, kill what is left rather than leave orphans; remove
    the scratch directory unless a failure kept it for its logs."""
    worker = started.worker
    if worker is not None and worker.process is not None and worker.alive():
        with contextlib.suppress(ProcessLookupError):
            os.killpg(worker.process.pid, signal.SIGKILL)
        worker.process.wait()
    if started.broker is not None:
        started.broker.stop()
    if started.workdir is not None and not started.keep_workdir:
        shutil.rmtree(started.workdir, ignore_errors=True)


async def _demo(timeout_s: float, started: Started) -> int:
    timings = Timings()
    task = asyncio.current_task()
    if task is not None:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)

    samples = load_samples()
    pipeline = Pipeline.build()
    expected = replay_final(samples, pipeline)
    names = pipeline.lexicon.country_names
    countries = sorted(a.target_country for a in expected.values())
    if countries != sorted(REQUIRED_COUNTRIES):  # exactly one alert per country, no strays
        _note(f"an offline replay of the bundled articles gives alerts for {countries}, not "
              f"{sorted(REQUIRED_COUNTRIES)}: the extractor no longer reads them as intended")
        return 1
    _note(f"{len(samples)} sample articles; an offline replay predicts {len(expected)} alerts "
          f"({', '.join(countries)})")

    workdir = Path(tempfile.mkdtemp(prefix="counterclaim-demo-"))
    started.workdir = workdir
    watch = Watch(expected=expected, names=names)
    failure: str | None = None
    async with contextlib.AsyncExitStack() as stack:
        try:
            await _run(stack, started, watch, samples, timings, timeout_s)
        except DemoFailed as exc:
            failure = str(exc)
        except BrokerUnavailable as exc:
            failure = f"could not start the embedded broker: {exc}"
        except asyncio.CancelledError:
            started.interrupted = True
            _note("interrupted; shutting down")
            raise
        except Exception as exc:  # still stop everything, and show the log that explains it
            failure = f"unexpected error: {type(exc).__name__}: {exc}"
        if failure is not None:
            _note(f"FAILED: {failure}; shutting down")
    timings.mark("stopped")
    if failure is None and started.worker_code not in (0, None):
        failure = f"the worker exited with code {started.worker_code} on SIGTERM"
    if failure is not None:
        if watch.latest:
            _out(watch.cards())
        _note(f"FAILED: {failure}")
        log = workdir / ("worker.log" if started.worker is not None else "broker.log")
        _print_log_tail(log)
        started.keep_workdir = True
        _note(f"logs kept in {workdir}")
        return 1
    _summary(watch, timings, started)
    return 0


def _settings(bootstrap: str, hook: str) -> Settings:
    """Explicit values only, so the demo never depends on the caller's COUNTERCLAIM_* env."""
    return Settings(
        kafka_bootstrap=bootstrap, app_id=APP_ID, topic_articles=TOPICS["articles"],
        topic_events=TOPICS["events"], topic_alerts=TOPICS["alerts"],
        topic_dead_letters=TOPICS["dead_letters"], partitions=PARTITIONS, replication_factor=1,
        webhook_urls=[hook],
    )


def _env(settings: Settings, hook: str) -> dict[str, str]:
    return worker_env(
        settings.kafka_bootstrap,
        COUNTERCLAIM_APP_ID=settings.app_id,
        COUNTERCLAIM_TOPIC_ARTICLES=settings.topic_articles,
        COUNTERCLAIM_TOPIC_EVENTS=settings.topic_events,
        COUNTERCLAIM_TOPIC_ALERTS=settings.topic_alerts,
        COUNTERCLAIM_TOPIC_DEAD_LETTERS=settings.topic_dead_letters,
        COUNTERCLAIM_PARTITIONS=str(settings.partitions),
        COUNTERCLAIM_REPLICATION_FACTOR=str(settings.replication_factor),
        COUNTERCLAIM_WEBHOOK_URLS=hook,
    )


async def _run(
    stack: contextlib.AsyncExitStack, started: Started, watch: Watch, samples: list[Sample],
    timings: Timings, timeout_s: float,
) -> None:
    """Start each part (registering its stop on `stack` at once), feed, and watch to the end."""
    deadline = time.monotonic() + timeout_s
    workdir = started.workdir or Path(tempfile.gettempdir())

    broker = EmbeddedBroker(log_path=workdir / "broker.log")
    started.broker = broker
    stack.callback(_stop_broker, started)
    broker.start()
    pid = broker.process.pid if broker.process else "?"
    _note(f"broker: Tansu on {broker.bootstrap} (pid {pid}), "
          f"ready in {timings.mark('broker'):.1f}s")

    receiver = await WebhookReceiver().start()
    stack.push_async_callback(_stop_receiver, receiver, started)
    hook = receiver.url("/hook")
    _note(f"webhook receiver: {hook}")

    settings = _settings(broker.bootstrap, hook)
    await ensure_topics(settings)

    worker = WorkerProcess(_env(settings, hook), workdir / "worker.log").start()
    started.worker = worker
    stack.push_async_callback(_stop_worker, started)
    _note(f"worker: `counterclaim worker` (pid {worker.process.pid if worker.process else '?'}); "
          "its log is shown if anything fails")
    await _wait_ready(worker, deadline)
    _note(f"worker ready in {timings.mark('worker'):.1f}s")

    consumer = AIOKafkaConsumer(
        settings.topic_alerts, bootstrap_servers=settings.kafka_bootstrap,
        auto_offset_reset="earliest", enable_auto_commit=False, group_id=None,
        fetch_max_wait_ms=50,
    )
    await consumer.start()
    stack.push_async_callback(_stop_client, consumer.stop())

    feed = asyncio.create_task(_feed(settings, worker, samples, timings, watch))
    stack.push_async_callback(_cancel, feed)

    seen = 0
    while True:
        batch = await consumer.getmany(timeout_ms=200)
        for records in batch.values():
            for record in records:
                try:
                    alert = decode(record.value, Alert)
                except DecodeError as exc:
                    _note(f"unreadable record on {settings.topic_alerts}: {exc}")
                    continue
                timings.mark("first alert")
                watch.on_alert(alert)
        while seen < len(receiver.received):
            watch.on_delivery(receiver.received[seen])
            seen += 1
        if feed.done() and not feed.cancelled() and (error := feed.exception()) is not None:
            if isinstance(error, DemoFailed):
                raise error
            raise DemoFailed(f"feeding the sample articles failed: {error!r}")
        _check_alive(worker, "unexpectedly")
        if feed.done() and watch.complete():
            break
        if time.monotonic() > deadline:
            raise DemoFailed(f"timed out after {timeout_s:.0f}s; missing: "
                             + ("; ".join(watch.missing()) or "nothing?"))
    timings.mark("complete")
    if watch.unexpected():
        raise DemoFailed(f"the stream raised alerts an offline replay does not: "
                         f"{watch.unexpected()}")


async def _wait_ready(worker: WorkerProcess, deadline: float) -> None:
    """Ready once /readyz answers 200: the worker has joined its group and recovered its table.

    A worker without /readyz (404) counts as ready once its ops endpoint answers at all; the
    lockstep feed then waits for the first article to be consumed anyway.
    """
    url = f"http://127.0.0.1:{worker.metrics_port}/readyz"
    start = time.monotonic()
    limit = min(deadline, start + READY_TIMEOUT_S)
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < limit:
            _check_alive(worker, "during start-up")
            with contextlib.suppress(TimeoutError, aiohttp.ClientError, OSError):
                async with session.get(url, timeout=aiohttp.ClientTimeout(total=1)) as response:
                    if response.status in (200, 404):
                        return
            await asyncio.sleep(0.2)
    raise DemoFailed(f"the worker did not become ready within {limit - start:.0f}s")


def _check_alive(worker: WorkerProcess, when: str) -> None:
    if not worker.alive():
        code = worker.process.returncode if worker.process else None
        raise DemoFailed(f"the worker exited {when} (code {code})")


async def _counters(session: aiohttp.ClientSession, url: str) -> dict[str, float] | None:
    """The worker's article and event counters from its Prometheus endpoint (None: unknown)."""
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=1)) as response:
            if response.status != 200:
                return None
            text = await response.text()
    except (TimeoutError, aiohttp.ClientError, OSError):
        return None
    totals = dict.fromkeys((CONSUMED_METRIC, EVENTS_METRIC), 0.0)
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name in totals:
                totals[sample.name] += float(sample.value)
    return totals


async def _wait_consumed(
    session: aiohttp.ClientSession, url: str, worker: WorkerProcess, number: int, limit: float
) -> dict[str, float] | None:
    """Until the worker has consumed `number` articles; None when it cannot be told."""
    while time.monotonic() < limit:
        _check_alive(worker, "while reading the articles")
        counters = await _counters(session, url)
        if counters is None or counters[CONSUMED_METRIC] >= number:
            return counters
        await asyncio.sleep(0.05)
    _note(f"article {number} not consumed within the wait; feeding on")
    return None


async def _wait_quiet(watch: Watch, limit: float) -> None:
    """Until no alert or delivery has been seen for QUIET_S (or `limit`)."""
    start = time.monotonic()
    while time.monotonic() < limit:
        if time.monotonic() - max(start, watch.last_activity) >= QUIET_S:
            return
        await asyncio.sleep(0.05)


async def _feed(
    settings: Settings, worker: WorkerProcess, samples: list[Sample], timings: Timings,
    watch: Watch,
) -> None:
    """Publish the articles in story order, keyed by id as `counterclaim produce` does.

    Lockstep: the next article goes out once the worker has consumed the previous one, so the
    alerts fire and update in the order the story was reported, as they would in real life.
    """
    metrics_url = f"http://127.0.0.1:{worker.metrics_port}/metrics"
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap, acks="all")
    await producer.start()
    try:
        async with aiohttp.ClientSession() as session:
            events_before = 0.0
            for number, sample in enumerate(samples, start=1):
                a = sample.article
                await producer.send_and_wait(settings.topic_articles, value=sample.raw,
                                             key=a.id.encode())
                timings.mark("first article")
                day = a.publication_date(datetime.now(UTC).date()).isoformat()
                _note(f"article {number}/{len(samples)} -> {settings.topic_articles}: "
                      f"{a.source or '?'}, {day}: {a.title or a.id}")
                limit = time.monotonic() + (READY_TIMEOUT_S if number == 1 else ARTICLE_WAIT_S)
                counters = await _wait_consumed(session, metrics_url, worker, number, limit)
                if counters is not None and counters[EVENTS_METRIC] > events_before:
                    # The article said something about an attack: let its alert (if any) print
                    # before the next article goes out.
                    events_before = counters[EVENTS_METRIC]
                    await _wait_quiet(watch, time.monotonic() + SETTLE_MAX_S)
                await asyncio.sleep(FEED_PACE_S)
    finally:
        await _stop_client(producer.stop())
    timings.mark("fed")


async def _stop_client(stopping: Coroutine[Any, Any, None]) -> None:
    """Stop a Kafka client, but not for longer than CLIENT_STOP_S: on Ctrl-C the broker (in the
    same process group) is already gone, and a producer's flush would retry until its timeout."""
    try:
        await asyncio.wait_for(stopping, CLIENT_STOP_S)
    except TimeoutError:
        _note(f"a Kafka client did not stop within {CLIENT_STOP_S:.0f} s (broker gone?); left")


async def _cancel(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await task


async def _stop_worker(started: Started) -> None:
    """SIGTERM, in a thread so the receiver keeps answering deliveries during the drain."""
    worker = started.worker
    if worker is None:
        return
    timeout = WORKER_STOP_INTERRUPTED_S if started.interrupted else WORKER_STOP_S
    started.worker_code = await asyncio.to_thread(worker.stop, timeout)
    started.stopped.append(f"worker (exit {started.worker_code})")
    _note(f"worker stopped (exit {started.worker_code})")


async def _stop_receiver(receiver: WebhookReceiver, started: Started) -> None:
    await receiver.stop()
    started.stopped.append("webhook receiver")
    _note("webhook receiver stopped")


def _stop_broker(started: Started) -> None:
    if started.broker is not None:
        started.broker.stop()
    if started.workdir is not None and not started.keep_workdir:
        shutil.rmtree(started.workdir, ignore_errors=True)
        started.stopped.append("broker")
        _note("broker stopped")


def _print_log_tail(path: Path) -> None:
    """The end of a child's log: usually enough to see why it died or never got ready."""
    text = path.read_text(errors="replace") if path.exists() else ""
    lines = text.splitlines()[-LOG_TAIL_LINES:]
    print(f"---- last {len(lines)} lines of {path} ----", file=sys.stderr)
    for line in lines:
        print(line, file=sys.stderr)
    print(f"---- end of {path.name} ----", file=sys.stderr, flush=True)


def _summary(watch: Watch, timings: Timings, started: Started) -> None:
    m = timings.marks
    _out(watch.cards())
    _out(RULE)
    _out(f"SUMMARY: {len(watch.expected)} alerts fired; {len(watch.topic)} alert versions "
         f"published to {TOPICS['alerts']}; {watch.deliveries} webhook deliveries received.")
    for alert_id, alert in sorted(watch.expected.items(), key=lambda kv: kv[1].target_country):
        final = watch.final_delivered(alert_id) or alert
        _out(f"  {country_label(alert.target_country, watch.names)}  {alert_id}  "
             f"final v{final.version}: {len(final.claims)} claims, {len(final.denials)} "
             f"denials, {len(final.confirmations)} confirmations; delivered; "
             f"same evidence as an offline replay")
    steps = [("broker up", "broker"), ("worker ready", "worker"),
             ("first article fed", "first article"), ("first alert", "first alert"),
             ("all alerts delivered", "complete"), ("everything stopped", "stopped")]
    _out("  Timings (seconds since start): "
         + ", ".join(f"{label} {m[key]:.1f}" for label, key in steps if key in m) + ".")
    _out(f"  Stopped: {', '.join(started.stopped)}.")
