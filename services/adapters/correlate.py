"""Faust adapter for correlation: events (keyed by target country) -> Table -> alerts topic.

Publish before remembering: the alert versions an event causes are published and acknowledged
first, the country's new state is written (and its changelog write acknowledged) second, and
the event is acked last. A crash before the state write replays the event from the old state
and publishes the same versions again (same `alert_id:version`, harmless); a crash after it
finds the event already folded in. No order of crashes loses a version.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from schemas.alert import Alert
from schemas.event import Event
from services.adapters.acks import acknowledged, with_retries
from services.adapters.classify import record_day
from services.adapters.publish import publish_alert
from services.common.codec import DecodeError, decode, encode
from services.common.logging import get_logger
from services.correlator.state import CountryState

if TYPE_CHECKING:
    from services.runtime import Runtime

log = get_logger(__name__)


def register(rt: Runtime) -> None:
    cache = StateCache()

    @rt.app.agent(rt.events, name="correlate-events")
    async def correlate_events(stream: Any) -> None:
        manual = stream.noack()
        async for record in manual.events():
            await handle_event(rt, record.message, record.value, cache)
            await manual.ack(record)


@dataclass
class StateCache:
    """The decoded CountryState of each table key, trusted only while the table still holds
    the very bytes object it was decoded from (identity, not equality).

    Parsing a country's state back from JSON on every event cost up to ~0.2 ms for a busy
    country; the table is written only here, so the bytes read back are the ones just written.
    Any other writer (changelog recovery after a rebalance) stores new bytes objects, which
    miss the cache and are parsed.
    """

    entries: dict[bytes, tuple[bytes, CountryState]] = field(default_factory=dict)

    def load(self, key: bytes, raw: bytes | None) -> CountryState | None:
        if not raw:
            return None
        hit = self.entries.get(key)
        if hit is not None and hit[0] is raw:
            return hit[1]
        state = CountryState.model_validate_json(raw)
        self.entries[key] = (raw, state)
        return state

    def remember(self, key: bytes, raw: bytes, state: CountryState) -> None:
        self.entries[key] = (raw, state)


def _admit(rt: Runtime, value: bytes | None, message: Any) -> Event:
    """The event, or DecodeError saying why it cannot be correlated."""
    event = decode(value, Event)
    if event.target_country is None:
        raise DecodeError("event has no target_country")
    latest = record_day(message) + timedelta(days=rt.settings.event_time_tolerance_days)
    if event.published_at > latest or event.incident_time.start > latest:
        raise DecodeError(f"event dated after its record time: published {event.published_at}, "
                          f"incident from {event.incident_time.start}, record day + tolerance "
                          f"{latest}")
    return event


async def handle_event(rt: Runtime, message: Any, value: bytes | None,
                       cache: StateCache | None = None) -> None:
    """Fold one event in; return once its alerts and the new state are acknowledged."""
    try:
        event = _admit(rt, value, message)
    except DecodeError as exc:
        await rt.dead_letter("correlate", str(exc), value, message)
        return
    cache = cache if cache is not None else StateCache()
    key = (event.target_country or "").encode()
    try:
        before = cache.load(key, rt.state.get(key))
        state, alerts = rt.pipeline.correlate(before, event)
        raw = encode(state)
    except Exception as exc:
        log.exception("correlate failed", event_id=event.event_id)
        await rt.dead_letter("correlate", f"{type(exc).__name__}: {exc}", value, message)
        return
    error = await with_retries(lambda: publish_alerts(rt, alerts), "alerts")
    if error is not None:  # nothing remembered: the event stays unanswered, in dead letters
        await rt.dead_letter("correlate", f"alerts not published: {error}", value, message)
        return
    _observe(rt, message, alerts, before, state)
    error = await with_retries(lambda: remember(rt, key, raw), "correlation state")
    if error is not None:
        await rt.dead_letter("correlate", f"state not saved: {error}", value, message)
        return
    cache.remember(key, raw, state)


async def publish_alerts(rt: Runtime, alerts: list[Alert]) -> None:
    await acknowledged([await publish_alert(rt, alert) for alert in alerts], "alerts")


async def remember(rt: Runtime, key: bytes, raw: bytes) -> None:
    rt.state[key] = raw
    await acknowledged([rt.state.last_write], "correlation state")


def _observe(rt: Runtime, message: Any, alerts: list[Alert], before: CountryState | None,
             state: CountryState) -> None:
    rt.metrics.correlation_state_size.labels(state.country).set(state.size())
    if before is not None and state.size() < before.size():
        log.warning("correlation state: oldest statements dropped (retention or size bound)",
                    target_country=state.country, dropped=before.size() + 1 - state.size())
    stamp = getattr(message, "timestamp", None)
    for alert in alerts:
        (rt.metrics.alerts_raised if alert.version == 1 else rt.metrics.alerts_updated).inc()
        if stamp:
            rt.metrics.processing_latency.observe(max(0.0, time.time() - float(stamp)))
        log.info("alert", alert_id=alert.alert_id, version=alert.version,
                 target_country=alert.target_country, why=alert.why)
