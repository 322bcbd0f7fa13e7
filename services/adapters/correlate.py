"""Faust adapter for correlation: events (keyed by target country) -> Table -> alerts topic."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from schemas.event import Event
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
        async for record in stream.events():
            await handle_event(rt, record.message, record.value, cache)


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


async def handle_event(rt: Runtime, message: Any, value: bytes | None,
                       cache: StateCache | None = None) -> None:
    try:
        event = decode(value, Event)
        if event.target_country is None:
            raise DecodeError("event has no target_country")
    except DecodeError as exc:
        await rt.dead_letter("correlate", str(exc), value, message)
        return
    try:
        key = event.target_country.encode()
        cache = cache if cache is not None else StateCache()
        state, alerts = rt.pipeline.correlate(cache.load(key, rt.state.get(key)), event)
        raw = encode(state)
        rt.state[key] = raw
        cache.remember(key, raw, state)
        rt.metrics.correlation_state_size.labels(event.target_country).set(state.size())
        stamp = getattr(message, "timestamp", None)
        for alert in alerts:
            (rt.metrics.alerts_raised if alert.version == 1 else rt.metrics.alerts_updated).inc()
            await publish_alert(rt, alert)
            if stamp:
                rt.metrics.processing_latency.observe(max(0.0, time.time() - float(stamp)))
            log.info("alert", alert_id=alert.alert_id, version=alert.version,
                     target_country=alert.target_country, why=alert.why)
    except Exception as exc:
        log.exception("correlate failed", event_id=event.event_id)
        await rt.dead_letter("correlate", f"{type(exc).__name__}: {exc}", value, message)
