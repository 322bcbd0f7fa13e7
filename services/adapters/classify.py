"""Faust adapter for the classify stage: articles topic -> events topic, keyed by target country.

An article is acked only once its events (or its dead letter) are acknowledged by the broker
(see `acks.py`): a crash at any point re-reads it, never skips it.
"""

from __future__ import annotations

import gc
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from schemas.event import Event
from services.adapters.acks import acknowledged, with_retries
from services.common.codec import DecodeError, decode_article, encode
from services.common.logging import get_logger

if TYPE_CHECKING:
    from services.runtime import Runtime

log = get_logger(__name__)


def register(rt: Runtime) -> None:
    @rt.app.agent(rt.articles, name="classify-articles")
    async def classify_articles(stream: Any) -> None:
        freeze_heap()
        manual = stream.noack()
        async for record in manual.events():
            await handle_article(rt, record.message, record.value)
            await manual.ack(record)


def freeze_heap() -> None:
    """Take what the worker built before its first record out of the garbage collector's scans.

    The lexicon alone is ~350k long-lived objects: each full collection walked them all
    (80-200 ms, measured), a pause that landed in the article -> alert latency tail. Frozen
    objects are never scanned again; objects made per record are collected as before.
    """
    gc.collect()
    gc.freeze()


def record_day(message: Any) -> Any:
    stamp = getattr(message, "timestamp", None)
    return datetime.fromtimestamp(stamp, UTC).date() if stamp else datetime.now(UTC).date()


async def handle_article(rt: Runtime, message: Any, value: bytes | None) -> None:
    """Classify one article record; return once everything it produced is acknowledged."""
    rt.metrics.articles_consumed.inc()
    limit = rt.settings.max_article_bytes
    if value is not None and len(value) > limit:
        rt.metrics.articles_rejected.labels("too_large").inc()
        await rt.dead_letter(
            "classify", f"article record of {len(value)} bytes is over the limit of {limit} "
            "(COUNTERCLAIM_MAX_ARTICLE_BYTES); not read", value, message)
        return
    try:
        article = decode_article(value)
    except DecodeError as exc:
        rt.metrics.articles_rejected.labels("invalid").inc()
        await rt.dead_letter("classify", str(exc), value, message)
        return
    try:
        day = record_day(message)
        result = rt.pipeline.classify(article, day, day)
    except Exception as exc:  # per-record: dead-letter it and keep the agent alive
        log.exception("classify failed", article_id=article.id)
        rt.metrics.articles_rejected.labels("error").inc()
        await rt.dead_letter("classify", f"{type(exc).__name__}: {exc}", value, message)
        return
    if result.skipped_language:
        rt.metrics.articles_skipped_language.labels(result.skipped_language).inc()
        return
    for event in result.events:
        rt.metrics.events.labels(event.kind.value).inc()
    keyed = [e for e in result.events if e.target_country is not None]
    error = await with_retries(lambda: publish_events(rt, keyed, message), "events")
    if error is not None:
        await rt.dead_letter("classify", f"events not published: {error}", value, message)


async def publish_events(rt: Runtime, events: list[Event], message: Any) -> None:
    stamp = getattr(message, "timestamp", None)
    sends = [await rt.events.send(key=(e.target_country or "").encode(), value=encode(e),
                                  timestamp=stamp) for e in events]
    await acknowledged(sends, "events")
