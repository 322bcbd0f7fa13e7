"""Prometheus metrics, registered on a registry the composition root owns (none at import).

Names follow Prometheus conventions (`counterclaim_` prefix, `_total` counters, `_seconds`
durations). docs/operations.md lists them; the deploy tests check that every metric a rule or a
dashboard panel names is one of these.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from schemas.event import EventKind

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)

# Label values known before the first record, exported at 0 so that rate()/increase() see the
# first failure (a series born at 1 has no earlier sample to increase from).
DEAD_LETTER_STAGES = ("classify", "correlate", "alert", "deliver")
REJECT_REASONS = ("invalid", "error", "too_large")
EVENT_KINDS = tuple(kind.value for kind in EventKind)


@dataclass(frozen=True)
class Metrics:
    registry: CollectorRegistry
    articles_consumed: Counter
    articles_rejected: Counter
    articles_skipped_language: Counter
    events: Counter
    alerts_raised: Counter
    alerts_updated: Counter
    processing_latency: Histogram
    webhook_attempts: Counter
    webhook_deliveries: Counter
    webhook_failures: Counter
    webhook_superseded: Counter
    webhook_latency: Histogram
    dead_letters: Counter
    correlation_state_size: Gauge
    consumer_lag: Gauge
    worker_ready: Gauge

    @classmethod
    def create(cls, registry: CollectorRegistry | None = None) -> Metrics:
        r = registry or CollectorRegistry()
        return cls(
            registry=r,
            articles_consumed=Counter(
                "counterclaim_articles_consumed_total", "Articles read from the articles topic",
                registry=r),
            articles_rejected=Counter(
                "counterclaim_articles_rejected_total", "Articles that could not be read",
                ["reason"], registry=r),
            articles_skipped_language=Counter(
                "counterclaim_articles_skipped_language_total",
                "Articles skipped because the extractor does not read their language",
                ["language"], registry=r),
            events=Counter(
                "counterclaim_events_total", "Events extracted, by kind", ["kind"], registry=r),
            alerts_raised=Counter(
                "counterclaim_alerts_raised_total", "New alerts (version 1)", registry=r),
            alerts_updated=Counter(
                "counterclaim_alerts_updated_total", "Alert versions after the first", registry=r),
            processing_latency=Histogram(
                "counterclaim_processing_latency_seconds",
                "Article record time to alert published", buckets=LATENCY_BUCKETS, registry=r),
            webhook_attempts=Counter(
                "counterclaim_webhook_attempts_total", "Webhook HTTP attempts", ["receiver"],
                registry=r),
            webhook_deliveries=Counter(
                "counterclaim_webhook_deliveries_total", "Alert versions delivered (2xx)",
                ["receiver"], registry=r),
            webhook_failures=Counter(
                "counterclaim_webhook_failures_total",
                "Deliveries given up (attempts or deadline exhausted, or a final 4xx)",
                ["receiver"], registry=r),
            webhook_superseded=Counter(
                "counterclaim_webhook_superseded_total",
                "Alert versions not delivered because a newer version of the alert replaced them "
                "while the receiver was failing", ["receiver"], registry=r),
            webhook_latency=Histogram(
                "counterclaim_webhook_latency_seconds", "One webhook attempt, request to answer",
                ["receiver"], buckets=LATENCY_BUCKETS, registry=r),
            dead_letters=Counter(
                "counterclaim_dead_letters_total", "Records sent to the dead-letter topic",
                ["stage"], registry=r),
            correlation_state_size=Gauge(
                "counterclaim_correlation_state_events",
                "Statements held in correlation state, by target country", ["country"],
                registry=r),
            consumer_lag=Gauge(
                "counterclaim_consumer_lag",
                "Records behind the end of the partition (high watermark - committed offset), "
                "per consumer group", ["group", "topic", "partition"], registry=r),
            worker_ready=Gauge(
                "counterclaim_worker_ready",
                "1 once the worker has joined its group and recovered its tables, else 0",
                registry=r),
        )

    def prime(self, receivers: Iterable[str] = ()) -> None:
        """Create the known label children at 0, so alert rules see the first increment."""
        for stage in DEAD_LETTER_STAGES:
            self.dead_letters.labels(stage)
        for reason in REJECT_REASONS:
            self.articles_rejected.labels(reason)
        for kind in EVENT_KINDS:
            self.events.labels(kind)
        for label in receivers:
            self.webhook_attempts.labels(label)
            self.webhook_deliveries.labels(label)
            self.webhook_failures.labels(label)
            self.webhook_superseded.labels(label)
            self.webhook_latency.labels(label)


def exposed_names(metrics: object) -> dict[str, frozenset[str]]:
    """Every sample name the service can expose (e.g. `_total`, `_bucket`), with its labels.

    Lets tests check that rules and dashboards only name series that exist. Takes any metrics
    dataclass (the worker's `Metrics`, the ingester's `IngestMetrics`): it reads the collectors
    among its fields.
    """
    suffixes = {
        "counter": ("_total",),
        "histogram": ("_bucket", "_count", "_sum"),
        "gauge": ("",),
    }
    collectors = [
        value for value in vars(metrics).values()
        if isinstance(value, Counter | Gauge | Histogram)
    ]
    names: dict[str, frozenset[str]] = {}
    for collector in collectors:
        for family in collector.describe():
            labels = frozenset(getattr(collector, "_labelnames", ()))
            for suffix in suffixes[family.type]:
                extra = {"le"} if suffix == "_bucket" else set()
                names[family.name + suffix] = labels | extra
    return names
