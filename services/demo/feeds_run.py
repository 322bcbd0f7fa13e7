"""`counterclaim demo --feeds`: news web site -> `counterclaim ingest` -> worker -> alerts.

Like `counterclaim demo`, but the articles come from RSS and Atom feeds and article pages that
a local web server serves (services/demo/feeds_site.py), read by a real `counterclaim ingest`
process. Prints each article as it reaches the articles topic, each alert and webhook delivery,
then what the ingester counted. Exits 0 once every story was ingested exactly once and every
alert an offline replay of those articles predicts has reached the webhook; 1 otherwise.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
from aiokafka import AIOKafkaConsumer
from prometheus_client.parser import text_string_to_metric_families

from schemas.alert import Alert
from schemas.article import Article
from services.common.broker import BrokerUnavailable, EmbeddedBroker, free_port
from services.common.codec import DecodeError, decode
from services.demo.feeds_site import Outlet, feeds_yaml, load_outlets, originals, resources_for
from services.demo.render import RULE, country_label
from services.demo.run import (
    REQUIRED_COUNTRIES,
    DemoFailed,
    Watch,
    _env,
    _print_log_tail,
    _settings,
    _wait_ready,
)
from services.demo.samples import Sample, replay_final
from services.pipeline import Pipeline
from services.testing.ingest_process import IngestProcess
from services.testing.processes import WorkerProcess
from services.testing.receiver import WebhookReceiver
from services.testing.site import Site

POLL_INTERVAL_S = 2.0
STOP_S = 20.0


def _out(text: str) -> None:
    print(text, flush=True)


def _note(text: str) -> None:
    print(f"demo: {text}", file=sys.stderr, flush=True)


def run_feeds_demo(timeout_s: float = 120.0) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="counterclaim-feeds-demo-"))
    try:
        code = asyncio.run(_demo(workdir, timeout_s))
    except KeyboardInterrupt:
        _note("interrupted; everything the demo started has been stopped")
        code = 130
    if code == 0:
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        _note(f"logs kept in {workdir}")
    return code


async def _demo(workdir: Path, timeout_s: float) -> int:
    outlets = load_outlets()
    failure: str | None = None
    async with contextlib.AsyncExitStack() as stack:
        try:
            await _run(stack, workdir, outlets, timeout_s)
        except DemoFailed as exc:
            failure = str(exc)
        except BrokerUnavailable as exc:
            failure = f"could not start the embedded broker: {exc}"
    if failure is not None:
        _note(f"FAILED: {failure}")
        for name in ("ingest.log", "worker.log"):
            _print_log_tail(workdir / name)
        return 1
    return 0


async def _run(stack: contextlib.AsyncExitStack, workdir: Path, outlets: list[Outlet],
               timeout_s: float) -> None:
    started = time.monotonic()
    deadline = started + timeout_s
    broker = EmbeddedBroker(log_path=workdir / "broker.log")
    stack.callback(broker.stop)
    broker.start()
    _note(f"broker: Tansu on {broker.bootstrap} (pid {broker.process.pid if broker.process else '?'})")

    site_port = free_port()
    base = f"http://127.0.0.1:{site_port}"
    site = await Site(resources_for(outlets, base), port=site_port).start()
    stack.push_async_callback(site.stop)
    feeds_path = workdir / "feeds.yaml"
    feeds_path.write_text(feeds_yaml(outlets, base, poll_interval_s=POLL_INTERVAL_S))
    _note(f"news site: {base} ({len(outlets)} outlets' feeds and their pages)")

    receiver = await WebhookReceiver().start()
    stack.push_async_callback(receiver.stop)
    hook = receiver.url("/hook")
    settings = _settings(broker.bootstrap, hook)
    env = _env(settings, hook)
    worker = WorkerProcess(env, workdir / "worker.log").start()
    stack.push_async_callback(_stop, worker, "worker")
    _note(f"worker: `counterclaim worker` (pid {worker.process.pid if worker.process else '?'})")
    # The ingester starts at once: what it produces waits on the topic until the worker is up.
    ingest_env = {**env, "COUNTERCLAIM_METRICS_PORT": str(free_port()),
                  "COUNTERCLAIM_FEEDS": str(feeds_path)}
    ingester = IngestProcess(ingest_env, workdir / "ingest.log").start()
    stack.push_async_callback(_stop, ingester, "ingester")
    _note(f"ingester: `counterclaim ingest` with COUNTERCLAIM_FEEDS={feeds_path.name} "
          f"(pid {ingester.process.pid if ingester.process else '?'})")
    await _wait_ready(worker, deadline)
    _note(f"worker ready after {time.monotonic() - started:.1f}s")

    stories = originals(outlets)
    pipeline = Pipeline.build()
    watch = Watch(expected={}, names=pipeline.lexicon.country_names)
    consumer = AIOKafkaConsumer(settings.topic_articles, settings.topic_alerts,
                                bootstrap_servers=settings.kafka_bootstrap, group_id=None,
                                auto_offset_reset="earliest", enable_auto_commit=False,
                                fetch_max_wait_ms=50)
    await consumer.start()
    stack.push_async_callback(consumer.stop)
    articles: dict[str, Sample] = {}
    delivered = 0
    while True:
        batch = await consumer.getmany(timeout_ms=200)
        for tp, records in batch.items():
            for record in records:
                if tp.topic == settings.topic_articles:
                    _on_article(record.value or b"", articles, len(stories))
                else:
                    with contextlib.suppress(DecodeError):
                        watch.on_alert(decode(record.value, Alert))
        if len(articles) >= len(stories) and not watch.expected:
            watch.expected = _predict(list(articles.values()), pipeline)
        while delivered < len(receiver.received):
            watch.on_delivery(receiver.received[delivered])
            delivered += 1
        for process, name in ((worker, "worker"), (ingester, "ingester")):
            if not process.alive():
                raise DemoFailed(f"the {name} exited unexpectedly")
        if watch.expected and watch.complete():
            break
        if time.monotonic() > deadline:
            raise DemoFailed(f"timed out after {timeout_s:.0f}s: {len(articles)} of "
                             f"{len(stories)} stories ingested; missing: {watch.missing()}")
    if len(articles) != len(stories) or watch.unexpected():
        raise DemoFailed(f"{len(articles)} articles for {len(stories)} stories; unexpected "
                         f"alerts {watch.unexpected()}")
    counts = await _ingest_counts(int(ingest_env["COUNTERCLAIM_METRICS_PORT"]))
    _summary(watch, articles, counts, time.monotonic() - started)


def _on_article(raw: bytes, articles: dict[str, Sample], total: int) -> None:
    try:
        article = decode(raw, Article)
    except DecodeError as exc:
        _note(f"unreadable article record: {exc}")
        return
    if article.id in articles:
        raise DemoFailed(f"article {article.id} ({article.url}) was produced twice")
    articles[article.id] = Sample(raw=raw, article=article)
    day = str(article.published_at)[:10] if article.published_at else "no date"
    _out(f"INGESTED {len(articles)}/{total}: {article.source}, {day}: {article.title}\n"
         f"         {article.url}  ({len(article.body.split())} words, id {article.id})")


def _predict(samples: list[Sample], pipeline: Pipeline) -> dict[str, Alert]:
    """What an offline replay of the ingested articles (in story order) ends with."""
    ordered = sorted(samples, key=lambda s: str(s.article.published_at))
    expected = replay_final(ordered, pipeline)
    countries = sorted(a.target_country for a in expected.values())
    if countries != sorted(REQUIRED_COUNTRIES):
        raise DemoFailed(f"the ingested articles replay to alerts for {countries}, not "
                         f"{sorted(REQUIRED_COUNTRIES)}: extraction or the extractor changed")
    _note(f"all stories ingested; an offline replay of them predicts alerts for {countries}")
    return expected


async def _ingest_counts(port: int) -> dict[str, float]:
    """The ingester's own totals from its /metrics, summed over feeds."""
    totals: dict[str, float] = {}
    with contextlib.suppress(aiohttp.ClientError, TimeoutError, OSError):
        async with aiohttp.ClientSession() as session, session.get(
                f"http://127.0.0.1:{port}/metrics", timeout=aiohttp.ClientTimeout(total=3)) as r:
            text = await r.text()
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if sample.name.startswith("counterclaim_ingest_") and "feed" in sample.labels:
                    key = sample.name.removeprefix("counterclaim_ingest_").removesuffix("_total")
                    if key == "feed_polls":
                        key += "_" + sample.labels["outcome"]
                    totals[key] = totals.get(key, 0.0) + float(sample.value)
    return totals


def _summary(watch: Watch, articles: dict[str, Sample], counts: dict[str, float],
             wall_s: float) -> None:
    _out(watch.cards())
    _out(RULE)
    _out(f"SUMMARY: {len(articles)} articles ingested from feeds; {len(watch.expected)} alerts "
         f"fired; {watch.deliveries} webhook deliveries received; {wall_s:.0f} s in all.")
    _out(f"  ingester: {counts.get('items_seen', 0):.0f} feed items read, "
         f"{counts.get('pages_fetched', 0):.0f} pages fetched (main text extracted), "
         f"{counts.get('duplicates_skipped', 0):.0f} duplicates skipped (one story under two URLs), "
         f"{counts.get('feed_polls_not_modified', 0):.0f} polls answered 304 Not Modified, "
         f"{counts.get('fetch_errors', 0):.0f} fetch errors.")
    for alert in sorted(watch.expected.values(), key=lambda a: a.target_country):
        final = watch.final_delivered(alert.alert_id) or alert
        _out(f"  {country_label(alert.target_country, watch.names)}  {alert.alert_id}  "
             f"final v{final.version}: {len(final.claims)} claims, {len(final.denials)} denials, "
             f"{len(final.confirmations)} confirmations; delivered")


async def _stop(process: WorkerProcess, name: str) -> None:
    code = await asyncio.to_thread(process.stop, STOP_S)
    _note(f"{name} stopped (exit {code})")
