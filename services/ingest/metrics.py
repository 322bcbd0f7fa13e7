"""The ingester's Prometheus metrics, on a registry its composition root owns (none at import).

Every series is labelled by the feed's `name` from the feeds file. Known label values are
exported at 0 from the start, so `increase()` sees the first failure of every feed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge

POLL_OUTCOMES = ("ok", "not_modified", "error")
# Why a fetch failed: no answer in time, no connection, a non-2xx status, an answer larger than
# allowed, not a feed / not a page, no main text found, a bug of ours (logged with a traceback).
FETCH_REASONS = ("timeout", "connection", "status", "too_large", "malformed", "not_html",
                 "no_text", "error")
FETCH_STAGES = ("feed", "page")
DUPLICATE_KEYS = ("url", "text", "guid")


@dataclass(frozen=True)
class IngestMetrics:
    registry: CollectorRegistry
    feed_polls: Counter
    items_seen: Counter
    articles_produced: Counter
    duplicates_skipped: Counter
    fetch_errors: Counter
    robots_disallowed: Counter
    pages_fetched: Counter
    publish_errors: Counter
    last_success: Gauge
    failing_since: Gauge
    seen_keys: Gauge

    @classmethod
    def create(cls, registry: CollectorRegistry | None = None) -> IngestMetrics:
        r = registry or CollectorRegistry()
        return cls(
            registry=r,
            feed_polls=Counter(
                "counterclaim_ingest_feed_polls_total",
                "Feed polls, by outcome (ok, not_modified: 304, error)", ["feed", "outcome"],
                registry=r),
            items_seen=Counter(
                "counterclaim_ingest_items_seen_total", "Feed items read (new or not)",
                ["feed"], registry=r),
            articles_produced=Counter(
                "counterclaim_ingest_articles_produced_total",
                "Articles produced to the articles topic", ["feed"], registry=r),
            duplicates_skipped=Counter(
                "counterclaim_ingest_duplicates_skipped_total",
                "Items skipped as already produced, by the key that matched (url, text, guid)",
                ["feed", "key"], registry=r),
            fetch_errors=Counter(
                "counterclaim_ingest_fetch_errors_total",
                "Failed fetches of a feed or of an item's page, by reason",
                ["feed", "stage", "reason"], registry=r),
            robots_disallowed=Counter(
                "counterclaim_ingest_robots_disallowed_total",
                "Pages not fetched because robots.txt disallows them", ["feed"], registry=r),
            pages_fetched=Counter(
                "counterclaim_ingest_pages_fetched_total",
                "Article pages fetched and their main text extracted", ["feed"], registry=r),
            publish_errors=Counter(
                "counterclaim_ingest_publish_errors_total",
                "Articles that could not be written to Kafka (retried on the next poll)",
                registry=r),
            last_success=Gauge(
                "counterclaim_ingest_feed_last_success_timestamp_seconds",
                "Unix time of the feed's last successful poll (200 or 304); absent before one",
                ["feed"], registry=r),
            failing_since=Gauge(
                "counterclaim_ingest_feed_failing_since_timestamp_seconds",
                "Unix time of the first failed poll in the feed's current run of failures; "
                "0 while its last poll succeeded", ["feed"], registry=r),
            seen_keys=Gauge(
                "counterclaim_ingest_seen_keys",
                "Dedupe keys held in the seen set (loaded from the seen topic at start)",
                registry=r),
        )

    def prime(self, feeds: Iterable[str]) -> None:
        for feed in feeds:
            for outcome in POLL_OUTCOMES:
                self.feed_polls.labels(feed, outcome)
            self.items_seen.labels(feed)
            self.articles_produced.labels(feed)
            for key in DUPLICATE_KEYS:
                self.duplicates_skipped.labels(feed, key)
            for stage in FETCH_STAGES:
                for reason in FETCH_REASONS:
                    self.fetch_errors.labels(feed, stage, reason)
            self.robots_disallowed.labels(feed)
            self.pages_fetched.labels(feed)
            self.failing_since.labels(feed).set(0)
