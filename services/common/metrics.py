"""Prometheus metrics, registered on a registry the composition root owns (none at import)."""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


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
    webhook_latency: Histogram
    dead_letters: Counter
    correlation_state_size: Gauge
    consumer_lag: Gauge

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
                "counterclaim_consumer_lag", "Records behind the end of the partition",
                ["topic", "partition"], registry=r),
        )
