"""The polling loop: one task per feed, items in order, pages when a feed gives only summaries.

A feed's failure (no answer, an error status, not a feed) is counted, logged and retried with
backoff; it never reaches another feed's task. An item whose page cannot be fetched yet is left
unseen and tried again on the next poll, up to `page_attempts` times, then produced from the
feed's own text.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from schemas.article import Article
from services.alerter.retry import retry_after_seconds
from services.common.logging import get_logger
from services.ingest.config import FeedConfig, FeedsFile
from services.ingest.http import FetchError, Http, RobotsCache
from services.ingest.identity import SeenSet, key_kind
from services.ingest.items import FeedItem, MalformedFeed, parse_feed
from services.ingest.mapping import (
    Identity,
    identify,
    story_keys,
    to_article,
    wants_page,
    with_page_urls,
)
from services.ingest.metrics import IngestMetrics
from services.ingest.page_fetch import PageFetcher, PageLater, off_loop
from services.ingest.pages import ExtractedPage
from services.ingest.policy import FeedHealth, next_poll_delay

log = get_logger(__name__)

FEED_ACCEPT = ("application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,"
               "application/xml;q=0.8,text/xml;q=0.8,*/*;q=0.1")


class Sink(Protocol):
    async def publish(self, article: Article, keys: list[str], feed: str) -> None: ...

    async def remember(self, keys: list[str], article_id: str, feed: str) -> None: ...


@dataclass
class FeedState:
    config: FeedConfig
    health: FeedHealth = field(default_factory=FeedHealth)
    etag: str | None = None
    last_modified: str | None = None
    page_failures: dict[str, int] = field(default_factory=dict)  # item key -> failed fetches
    # Items handled in the previous and the current document: re-reading them is not news, and
    # not a duplicate story either, so they are passed over without a count.
    handled_before: set[str] = field(default_factory=set)
    handled_now: set[str] = field(default_factory=set)


@dataclass
class Ingester:
    feeds: FeedsFile
    http: Http
    robots: RobotsCache
    sink: Sink
    seen: SeenSet
    metrics: IngestMetrics
    wall: Callable[[], float] = time.time
    jitter: Callable[[], float] = random.random
    states: dict[str, FeedState] = field(default_factory=dict)
    pages: PageFetcher = field(init=False)

    def __post_init__(self) -> None:
        self.states = {f.name: FeedState(f) for f in self.feeds.feeds}
        self.pages = PageFetcher(self.feeds, self.http, self.robots, self.metrics)
        self.metrics.seen_keys.set(len(self.seen))

    async def run(self, stop: asyncio.Event) -> None:
        """Poll every feed until `stop` is set."""
        tasks = [asyncio.create_task(self._feed_loop(s, stop), name=f"feed:{name}")
                 for name, s in self.states.items()]
        tasks.append(asyncio.create_task(self._prune_loop(stop), name="seen:prune"))
        try:
            await stop.wait()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _prune_loop(self, stop: asyncio.Event) -> None:
        """Forget keys older than the retention, as the seen topic's retention.ms does."""
        retention_s = self.feeds.seen_retention_days * 86_400
        while not stop.is_set():
            forgotten = self.seen.prune(self.wall() - retention_s)
            if forgotten:
                log.info("seen set pruned", forgotten=forgotten, kept=len(self.seen))
                self.metrics.seen_keys.set(len(self.seen))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=min(3600.0, retention_s / 10))

    async def _feed_loop(self, state: FeedState, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                delay = await self.poll(state)
            except Exception as exc:  # a bug in one feed's handling must not end its loop
                log.exception("feed poll crashed", feed=state.config.name, error=str(exc))
                delay = self._failed(state, "feed", "error", f"internal error: {exc}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=delay)

    async def poll(self, state: FeedState) -> float:
        """Poll one feed once, produce its new items; return seconds until the next poll."""
        feed = state.config
        url = str(feed.url)
        headers = {"Accept": FEED_ACCEPT}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        try:
            answer = await self.http.get(url, self.feeds.max_feed_bytes, headers)
        except FetchError as exc:
            return self._failed(state, "feed", exc.reason, exc.detail)
        if answer.status == 304:
            return self._succeeded(state, "not_modified")
        if not 200 <= answer.status < 300:
            retry_after = retry_after_seconds(answer.headers.get("retry-after"), datetime.now(UTC))
            return self._failed(state, "feed", "status", f"HTTP {answer.status}", retry_after)
        try:
            parsed = await off_loop(len(answer.body), parse_feed, answer.body, answer.url,
                                answer.headers.get("content-type"))
        except MalformedFeed as exc:
            return self._failed(state, "feed", "malformed", str(exc))
        if parsed.warning:
            log.warning("feed parsed with problems", feed=feed.name, problem=parsed.warning)
        produced = 0
        pending = False
        state.handled_now = set()
        for item in parsed.items:
            try:
                produced += await self.ingest_item(state, item)
            except PageLater:
                pending = True
                continue
            except Exception as exc:  # one broken item must not hide the rest of the feed
                pending = True
                log.exception("item failed", feed=feed.name, link=item.link, error=str(exc))
        state.handled_before = state.handled_now
        # With items left for the next poll, the next poll must get the document again.
        state.etag = None if pending else answer.headers.get("etag")
        state.last_modified = None if pending else answer.headers.get("last-modified")
        log.info("feed polled", feed=feed.name, items=len(parsed.items), produced=produced)
        return self._succeeded(state, "ok")

    def _succeeded(self, state: FeedState, outcome: str) -> float:
        name = state.config.name
        now = self.wall()
        state.health = state.health.succeeded(now)
        self.metrics.feed_polls.labels(name, outcome).inc()
        self.metrics.last_success.labels(name).set(now)
        self.metrics.failing_since.labels(name).set(0)
        return next_poll_delay(self.feeds.interval(state.config), 0, self.feeds.backoff_max_s,
                               self.jitter())

    def _failed(self, state: FeedState, stage: str, reason: str, detail: str,
                retry_after: float | None = None) -> float:
        name = state.config.name
        state.health = state.health.failed(self.wall())
        self.metrics.feed_polls.labels(name, "error").inc()
        self.metrics.fetch_errors.labels(name, stage, reason).inc()
        self.metrics.failing_since.labels(name).set(state.health.failing_since or self.wall())
        delay = next_poll_delay(self.feeds.interval(state.config), state.health.failures,
                                self.feeds.backoff_max_s, self.jitter(), retry_after)
        log.warning("feed poll failed", feed=name, reason=reason, detail=detail,
                    failures=state.health.failures, retry_in_s=round(delay, 1))
        return delay

    async def _duplicate(self, state: FeedState, identity: Identity,
                         keys: tuple[str, ...]) -> bool:
        """True when the story was produced before; its new keys are remembered too, so the
        same copy is recognised by its URL next time, before its page is fetched again."""
        match = self.seen.first_seen(keys)
        if match is None:
            return False
        self.metrics.duplicates_skipped.labels(state.config.name, key_kind(match)).inc()
        new = self.seen.add(keys, self.wall())
        if new:
            await self.sink.remember(new, identity.article_id, state.config.name)
            self.metrics.seen_keys.set(len(self.seen))
        self._handled(state, identity.keys[0])
        return True

    @staticmethod
    def _handled(state: FeedState, first_key: str) -> None:
        """The item is done with (produced, a duplicate, or without text): not retried."""
        state.handled_now.add(first_key)
        state.page_failures.pop(first_key, None)

    async def ingest_item(self, state: FeedState, item: FeedItem) -> int:
        """1 when the item became an article; 0 when it was a duplicate or had no text."""
        feed = state.config
        self.metrics.items_seen.labels(feed.name).inc()
        identity = identify(str(feed.url), item)
        if identity is None:
            log.warning("item skipped: no link and no guid", feed=feed.name, title=item.title)
            return 0
        first_key = identity.keys[0]
        if first_key in state.handled_before or first_key in state.handled_now:
            state.handled_now.add(first_key)
            return 0
        if await self._duplicate(state, identity, identity.keys):
            return 0
        page: ExtractedPage | None = None
        if wants_page(feed, item) and item.link:
            page, final_url = await self.pages.fetch(feed.name, state.page_failures, item.link,
                                                     first_key)
            identity = with_page_urls(identity, final_url, page.canonical if page else None)
            if await self._duplicate(state, identity, identity.keys):
                return 0
        article = to_article(feed, identity, item, page)
        if article is None:
            log.warning("item skipped: no text in the feed or on the page", feed=feed.name,
                        link=item.link)
            self._handled(state, first_key)
            return 0
        keys = story_keys(identity, article)
        if await self._duplicate(state, identity, keys):
            return 0
        # Reserved before the first await, so a copy read meanwhile by another feed's task is
        # a duplicate; released again if Kafka does not take the article.
        new = self.seen.add(keys, self.wall())
        try:
            await self.sink.publish(article, new, feed.name)
        except Exception as exc:
            self.seen.discard(new)
            self.metrics.publish_errors.inc()
            log.error("could not produce article; retried on the next poll", feed=feed.name,
                      article_id=article.id, error=f"{type(exc).__name__}: {exc}")
            raise PageLater from exc
        self._handled(state, first_key)
        self.metrics.seen_keys.set(len(self.seen))
        self.metrics.articles_produced.labels(feed.name).inc()
        log.debug("article produced", feed=feed.name, article_id=article.id, url=article.url)
        return 1
