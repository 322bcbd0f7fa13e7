"""The ingester against local web sites and the real broker: conditional GET, a slow host, a
500, a malformed feed, robots.txt, a page without a date, one story under two URLs, and a
restart that keeps the seen set (read back from its compacted topic)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import aiohttp
import orjson
import pytest
from aiokafka import AIOKafkaConsumer

from services.common.broker import free_port
from services.common.settings import Settings
from services.ingest.config import FeedsFile, parse_feeds
from services.ingest.identity import article_id
from services.ingest.metrics import IngestMetrics
from services.ingest.service import IngestService
from services.ingest.store import seen_topic
from services.testing.feeds import Entry, atom, page, rss
from services.testing.site import ATOM_TYPE, RSS_TYPE, TEXT_TYPE, Resource, Site

pytestmark = [pytest.mark.integration, pytest.mark.timeout(90)]

WIRE, SYND, BROKEN, GARBAGE = "Test Wire", "Syndicator", "Broken Feed", "Garbage Feed"
WHEN = datetime(2022, 5, 9, 6, 0, tzinfo=UTC)

# Stories in our own words; the ingester does not care what they say.
STORY_A = ("Engineers reopened the mountain road after a landslide blocked it for two days.\n\n"
           "Lorries carrying flour and fuel queued at the checkpoint until the afternoon, when "
           "the first of them were waved through by the traffic police.")
STORY_B = ("The regional council approved a budget for three new schools in the valley.\n\n"
           "Construction is expected to start in the spring, once the tender has been awarded "
           "and the land transferred from the ministry of agriculture.")
STORY_E = ("Farmers along the river say the spring floods came two weeks earlier than usual.\n\n"
           "Several villages moved their livestock to higher pastures, and the local clinic "
           "asked for extra supplies of water purification tablets.")
SUMMARY_C = "A short summary of a story whose page is on a slow server."
SUMMARY_D = "A short summary of a story whose page robots.txt keeps us away from."


@dataclass
class World:
    site: Site
    slow: Site
    feeds: FeedsFile

    def paths(self) -> set[str]:
        return {r.path for r in self.site.requests} | {r.path for r in self.slow.requests}


@pytest.fixture
async def world() -> AsyncIterator[World]:
    site, slow = Site(), Site()
    a_url = site.url("/news/a.html")
    e_url, e_copy = site.url("/news/e.html"), site.url("/syndicated/e-copy.html")
    site.add("/robots.txt", Resource(b"User-agent: *\nDisallow: /private/\n", TEXT_TYPE))
    site.add("/news/a.html", Resource(page("Test Wire", "Road reopened", STORY_A, WHEN)))
    site.add("/news/b.html", Resource(page("Test Wire", "Schools budget", STORY_B, None)))
    site.add("/news/e.html", Resource(page("Test Wire", "Early floods", STORY_E, WHEN)))
    site.add("/syndicated/e-copy.html", Resource(page(
        "Syndicator", "Floods arrive early, farmers say", STORY_E, WHEN, byline=None)))
    site.add("/private/d.html", Resource(page("Test Wire", "Private", STORY_B, WHEN)))
    slow.add("/news/c.html", Resource(page("Slow", "Slow", STORY_B, WHEN), delay_s=1.0))
    site.add("/feeds/wire.xml", Resource(rss("Test Wire", site.url("/"), [
        Entry("Road reopened", a_url + "?utm_source=wire&utm_medium=rss", "A summary.",
              published=WHEN, guid="wire-a"),
        Entry("Schools budget", site.url("/news/b.html"), "B summary.", guid="wire-b"),
        Entry("Slow page", slow.url("/news/c.html"), SUMMARY_C, published=WHEN, guid="wire-c"),
        Entry("Private page", site.url("/private/d.html"), SUMMARY_D, published=WHEN,
              guid="wire-d"),
        Entry("Early floods", e_url, "E summary.", published=WHEN, guid="wire-e"),
    ]), RSS_TYPE, conditional=True))
    site.add("/feeds/synd.xml", Resource(atom("Syndicator", "urn:synd", [
        Entry("Road reopened (copy)", a_url + "?fbclid=abc123", "Copy summary.",
              published=WHEN, guid="urn:synd:1"),
        Entry("Floods arrive early, farmers say", e_copy, "Copy summary.", published=WHEN,
              guid="urn:synd:2"),
    ]), ATOM_TYPE))
    site.add("/feeds/broken.xml", Resource(b"oops", RSS_TYPE, status=500))
    site.add("/feeds/garbage.xml", Resource(b"<html><body><p>Moved!</p></body></html>"))
    await site.start()
    await slow.start()
    feeds = parse_feeds(orjson.dumps({
        "user_agent": "counterclaim-ingest-test/1.0",
        "poll_interval_s": 0.3, "timeout_s": 0.5, "backoff_max_s": 1.0,
        "host_interval_s": 0.01, "page_attempts": 2,
        "feeds": [
            {"name": WIRE, "url": site.url("/feeds/wire.xml")},
            {"name": SYND, "url": site.url("/feeds/synd.xml"), "language": "en"},
            {"name": BROKEN, "url": site.url("/feeds/broken.xml")},
            {"name": GARBAGE, "url": site.url("/feeds/garbage.xml")},
        ],
    }).decode())
    try:
        yield World(site, slow, feeds)
    finally:
        await site.stop()
        await slow.stop()


def settings_for(broker: str, prefix: str) -> Settings:
    return Settings(kafka_bootstrap=broker, app_id=prefix, topic_articles=f"{prefix}.articles",
                    partitions=1, metrics_port=0)


def value(metrics: IngestMetrics, name: str, **labels: str) -> float:
    return metrics.registry.get_sample_value(name, labels) or 0.0


def produced(metrics: IngestMetrics) -> float:
    return sum(value(metrics, "counterclaim_ingest_articles_produced_total", feed=f)
               for f in (WIRE, SYND, BROKEN, GARBAGE))


async def run_until(settings: Settings, feeds: FeedsFile,
                    done: Callable[[IngestMetrics], bool], timeout_s: float = 25.0
                    ) -> IngestMetrics:
    service = IngestService(settings, feeds)
    task = asyncio.create_task(service.run())
    deadline = time.monotonic() + timeout_s
    try:
        while not done(service.metrics):
            assert not task.done(), task.exception()
            assert time.monotonic() < deadline, "the ingester did not get there in time"
            await asyncio.sleep(0.05)
    finally:
        service.stop.set()
        await asyncio.wait_for(task, 10)
    return service.metrics


async def read_topic(bootstrap: str, topic: str) -> list[tuple[bytes, bytes]]:
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=None,
                                auto_offset_reset="earliest", enable_auto_commit=False,
                                fetch_max_wait_ms=50)
    await consumer.start()
    out: list[tuple[bytes, bytes]] = []
    try:
        quiet_since = time.monotonic()
        while time.monotonic() - quiet_since < 1.0:
            batch = await consumer.getmany(timeout_ms=100)
            for records in batch.values():
                out += [(r.key, r.value) for r in records]
                quiet_since = time.monotonic()
    finally:
        await consumer.stop()
    return out


def first_run_done(m: IngestMetrics) -> bool:
    return (produced(m) >= 5
            and value(m, "counterclaim_ingest_feed_polls_total", feed=WIRE,
                      outcome="not_modified") >= 1
            and value(m, "counterclaim_ingest_feed_polls_total", feed=BROKEN, outcome="error") >= 2
            and value(m, "counterclaim_ingest_feed_polls_total", feed=GARBAGE,
                      outcome="error") >= 2
            and value(m, "counterclaim_ingest_feed_polls_total", feed=SYND, outcome="ok") >= 2)


async def test_feeds_become_articles_once_and_a_restart_remembers_them(
    broker: str, topic_prefix: str, world: World
) -> None:
    settings = settings_for(broker, topic_prefix)
    m = await run_until(settings, world.feeds, first_run_done)

    records = await read_topic(broker, settings.topic_articles)
    articles = {key.decode(): orjson.loads(raw) for key, raw in records}
    assert len(records) == len(articles) == 5, [a["url"] for a in articles.values()]
    by_url = {a["url"]: a for a in articles.values()}
    for key, article in articles.items():
        assert article["id"] == key == article_id(article["url"])  # keyed by id from the URL

    # A page fetched for a summary-only item: the page's text, the feed's title and time; the
    # tracking parameters are gone from the URL; the copy under ?fbclid= was a duplicate.
    a = by_url[world.site.url("/news/a.html")]
    assert a["body"] == STORY_A and a["title"] == "Road reopened"
    assert a["published_at"].startswith("2022-05-09T06:00:00") and a["language"] == "en"
    assert a["source"] == WIRE
    # A page without a date, from an item without one: no date (the worker uses record time).
    b = by_url[world.site.url("/news/b.html")]
    assert b["body"] == STORY_B and b["published_at"] is None
    # The slow host timed out twice; the item fell back to its summary.
    c = by_url[world.slow.url("/news/c.html")]
    assert c["body"] == SUMMARY_C
    assert value(m, "counterclaim_ingest_fetch_errors_total", feed=WIRE, stage="page",
                 reason="timeout") == 2
    # robots.txt disallows /private/: never requested, produced from the summary.
    d = by_url[world.site.url("/private/d.html")]
    assert d["body"] == SUMMARY_D and "/private/d.html" not in world.paths()
    assert value(m, "counterclaim_ingest_robots_disallowed_total", feed=WIRE) == 1
    # One story under two URLs: produced once, the other copy skipped by its text.
    copies = {world.site.url("/news/e.html"), world.site.url("/syndicated/e-copy.html")}
    assert len(copies & set(by_url)) == 1
    assert value(m, "counterclaim_ingest_duplicates_skipped_total", feed=SYND, key="url") + value(
        m, "counterclaim_ingest_duplicates_skipped_total", feed=WIRE, key="url") == 1
    assert sum(value(m, "counterclaim_ingest_duplicates_skipped_total", feed=f, key="text")
               for f in (WIRE, SYND)) == 1

    # Conditional GET: the wire's ETag came back and got a 304.
    wire = world.site.hits("/feeds/wire.xml")
    assert any(r.status == 304 and r.headers.get("If-None-Match") for r in wire)
    assert all(r.headers["User-Agent"] == "counterclaim-ingest-test/1.0" for r in wire)
    # The 500 and the malformed feed failed on every poll and stopped nothing else.
    assert value(m, "counterclaim_ingest_fetch_errors_total", feed=BROKEN, stage="feed",
                 reason="status") >= 2
    assert value(m, "counterclaim_ingest_fetch_errors_total", feed=GARBAGE, stage="feed",
                 reason="malformed") >= 2
    assert value(m, "counterclaim_ingest_feed_failing_since_timestamp_seconds", feed=BROKEN) > 0
    assert value(m, "counterclaim_ingest_feed_failing_since_timestamp_seconds", feed=WIRE) == 0
    assert value(m, "counterclaim_ingest_feed_last_success_timestamp_seconds",
                 feed=WIRE) == pytest.approx(time.time(), abs=60)
    assert m.registry.get_sample_value(
        "counterclaim_ingest_feed_last_success_timestamp_seconds", {"feed": BROKEN}) is None
    # Backoff: a failing feed is asked less and less often (0.3 s, 0.6 s, then 1 s apart).
    assert len(world.site.hits("/feeds/broken.xml")) < len(world.site.hits("/feeds/synd.xml")) + 2

    # Restart: a new process reads the seen set back from its topic and produces nothing,
    # without fetching a single page again.
    seen_records = await read_topic(broker, seen_topic(settings))
    assert len({k for k, _ in seen_records}) >= 8  # url, guid and text keys
    world.site.requests.clear()
    world.slow.requests.clear()
    again = await run_until(settings, world.feeds, lambda m2: all(
        value(m2, "counterclaim_ingest_feed_polls_total", feed=f, outcome="ok") >= 1
        for f in (WIRE, SYND)))
    assert produced(again) == 0
    assert value(again, "counterclaim_ingest_seen_keys") == len({k for k, _ in seen_records})
    skipped = sum(value(again, "counterclaim_ingest_duplicates_skipped_total", feed=f, key=k)
                  for f in (WIRE, SYND) for k in ("url", "text", "guid"))
    assert skipped == 7  # every item of both feeds
    assert world.paths() <= {"/feeds/wire.xml", "/feeds/synd.xml", "/feeds/broken.xml",
                             "/feeds/garbage.xml"}
    assert len(await read_topic(broker, settings.topic_articles)) == 5

    # Past the retention the seen set forgets: keys older than it are not loaded at start.
    await asyncio.sleep(1.0)
    short = world.feeds.model_copy(update={"seen_retention_days": 0.5 / 86_400})
    forgetful = await run_until(settings, short, lambda m3: produced(m3) >= 5)
    assert produced(forgetful) == 5
    assert len(await read_topic(broker, settings.topic_articles)) == 10



async def test_without_kafka_it_stays_alive_not_ready_and_stops_on_request(world: World) -> None:
    port = free_port()
    settings = Settings(kafka_bootstrap=f"127.0.0.1:{free_port()}", app_id="nobroker",
                        metrics_host="127.0.0.1", metrics_port=port)
    service = IngestService(settings, world.feeds)
    task = asyncio.create_task(service.run())
    try:
        await asyncio.sleep(1.5)  # long enough for failed connection attempts and a retry
        async with aiohttp.ClientSession() as http:
            deadline = time.monotonic() + 10
            while True:
                try:
                    async with http.get(f"http://127.0.0.1:{port}/readyz") as r:
                        ready = (r.status, await r.json())
                    async with http.get(f"http://127.0.0.1:{port}/healthz") as r:
                        alive = r.status
                    break
                except aiohttp.ClientError:
                    assert time.monotonic() < deadline
                    await asyncio.sleep(0.05)
        assert alive == 200
        assert ready[0] == 503 and ready[1]["joined"] is False and ready[1]["ready"] is False
        assert world.site.requests == []  # no feed is polled before Kafka is there
        assert not task.done()
    finally:
        service.stop.set()
        stopping = time.monotonic()
        await asyncio.wait_for(task, 10)
    assert time.monotonic() - stopping < 1.0  # a retry wait does not hold up the stop
