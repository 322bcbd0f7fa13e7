"""Fetching one article page: robots.txt, the request, the answer's checks, main-text extraction,
and what a failure means for the item (try again next poll, or fall back to the feed's text)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from services.common.logging import get_logger
from services.ingest.config import FeedsFile
from services.ingest.http import FetchError, Http, RobotsCache
from services.ingest.metrics import IngestMetrics
from services.ingest.pages import ExtractedPage, extract_page
from services.ingest.policy import give_up_page
from services.ingest.robots import allowed, crawl_delay

log = get_logger(__name__)
T = TypeVar("T")

HTML_TYPES = ("text/html", "application/xhtml+xml")
PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
INLINE_BYTES = 256_000  # parsed on the event loop; larger documents go to a thread


class PageLater(Exception):
    """The page could not be fetched this time; leave the item for the next poll."""


async def off_loop(size: int, work: Callable[..., T], *args: Any) -> T:
    """Small documents are parsed inline: a few milliseconds, less than a thread hop and the GIL
    handover cost (the ingest benchmark is ~40% faster so). Large ones go to a thread, so the
    loop keeps answering health probes and other feeds while a multi-megabyte page is read."""
    if size <= INLINE_BYTES:
        return work(*args)
    return await asyncio.to_thread(work, *args)


@dataclass
class PageFetcher:
    feeds: FeedsFile
    http: Http
    robots: RobotsCache
    metrics: IngestMetrics

    async def fetch(self, feed: str, failures: dict[str, int], link: str, item_key: str
                    ) -> tuple[ExtractedPage | None, str | None]:
        """(page, final URL). (None, None) means "use the feed's own text"; PageLater means
        "try again on the next poll". `failures` counts failed fetches per item key."""
        if failures.get(item_key, 0) >= self.feeds.page_attempts:
            return None, None  # given up on this page earlier
        user_agent = self.feeds.user_agent
        rules = await self.robots.rules(link)
        delay = crawl_delay(rules, user_agent)
        if delay is not None:
            self.http.slow_down(link, delay)
        if not allowed(rules, user_agent, link):
            self.metrics.robots_disallowed.labels(feed).inc()
            log.info("page not fetched: robots.txt", feed=feed, link=link, why=rules.reason)
            return None, None
        try:
            answer = await self.http.get(link, self.feeds.max_page_bytes, {"Accept": PAGE_ACCEPT})
        except FetchError as exc:
            return self._failed(feed, failures, link, item_key, exc.reason, exc.detail,
                                retry=exc.reason in ("timeout", "connection"))
        if not 200 <= answer.status < 300:
            return self._failed(feed, failures, link, item_key, "status",
                                f"HTTP {answer.status}",
                                retry=answer.status >= 500 or answer.status == 429)
        content_type = answer.headers.get("content-type", "text/html").split(";")[0].strip()
        if content_type.lower() not in HTML_TYPES:
            return self._failed(feed, failures, link, item_key, "not_html", content_type,
                                retry=False)
        page = await off_loop(len(answer.body), extract_page, answer.body, answer.url)
        if page is None:
            return self._failed(feed, failures, link, item_key, "no_text", "no main text",
                                retry=False)
        self.metrics.pages_fetched.labels(feed).inc()
        return page, answer.url

    def _failed(self, feed: str, failures: dict[str, int], link: str, item_key: str,
                reason: str, detail: str, retry: bool) -> tuple[None, None]:
        self.metrics.fetch_errors.labels(feed, "page", reason).inc()
        count = failures.get(item_key, 0) + 1
        if not retry:
            count = max(count, self.feeds.page_attempts)
        failures[item_key] = count
        if retry and not give_up_page(count, self.feeds.page_attempts):
            log.warning("page fetch failed; retried on the next poll", feed=feed, link=link,
                        reason=reason, detail=detail, attempt=count)
            raise PageLater(detail)
        log.warning("page fetch failed; using the feed's text", feed=feed, link=link,
                    reason=reason, detail=detail, attempt=count)
        return None, None
