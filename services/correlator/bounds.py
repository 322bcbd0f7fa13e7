"""What keeps one country's correlation state small and its clock honest (pure).

The watermark: pruning drops incidents older than `retention_days` before the country's
newest day. If one record could move that day, one article dated 2099 would prune every real
incident of its country. So the watermark moves only to a day that the last
`WATERMARK_ARTICLES` distinct articles all reached, and never back.

The bounds: the state is one Kafka record (the table's changelog), so it must stay well
under the broker's message size. Past `max_events` statements or `max_bytes` of JSON, the
oldest pending statements go first, then the oldest incidents; the incidents the current
event touched stay.
"""

from __future__ import annotations

from collections.abc import Iterable

from schemas.event import Event
from services.correlator.state import CountryState

WATERMARK_ARTICLES = 3
# Bytes of JSON an event adds besides its evidence, source and url (ids, names, dates); an
# over-estimate, so the exact (costlier) measure runs only when the state may be near its bound.
_EVENT_OVERHEAD_BYTES = 700


def advance_watermark(state: CountryState, event: Event) -> CountryState:
    """Remember the event's article and day; move `newest_day` to what they all reached."""
    if any(article == event.article_id for article, _ in state.recent):
        return state
    recent = (*state.recent, (event.article_id, event.published_at))[-WATERMARK_ARTICLES:]
    newest = state.newest_day
    if len(recent) == WATERMARK_ARTICLES:
        agreed = min(day for _, day in recent)
        newest = agreed if newest is None else max(newest, agreed)
    return state.model_copy(update={"recent": recent, "newest_day": newest})


def estimated_bytes(events: Iterable[Event]) -> int:
    return sum(len(e.evidence.text) + len(e.source or "") + len(e.url or "")
               + _EVENT_OVERHEAD_BYTES for e in events)


def state_bytes(state: CountryState) -> int:
    return len(state.model_dump_json())


def within(state: CountryState, max_events: int, max_bytes: int) -> bool:
    if state.size() > max_events:
        return False
    if estimated_bytes(state.events()) <= max_bytes // 2:
        return True
    return state_bytes(state) <= max_bytes


def bound(state: CountryState, max_events: int, max_bytes: int,
          keep: frozenset[str] = frozenset()) -> tuple[CountryState, int]:
    """The state within both bounds, and how many statements were dropped to get there.

    `keep`: incident ids that stay whatever it costs (the ones the current event changed).
    """
    if within(state, max_events, max_bytes):
        return state, 0
    before = state.size()
    # Oldest first: pending statements, then incidents no current event touched.
    victims: list[str] = [e.event_id for e in sorted(
        state.pending, key=lambda e: (e.incident_time.end, e.event_id))]
    victims += [i.incident_id for i in sorted(
        (i for i in state.incidents if i.incident_id not in keep),
        key=lambda i: (i.window_end, i.incident_id))]
    dropped: set[str] = set()
    for victim in victims:
        dropped.add(victim)
        state = _without(state, dropped)
        if within(state, max_events, max_bytes):
            break
    return state, before - state.size()


def _without(state: CountryState, dropped: set[str]) -> CountryState:
    """The state less the pending events and incidents named in `dropped`, order kept."""
    return state.model_copy(update={
        "pending": tuple(e for e in state.pending if e.event_id not in dropped),
        "incidents": tuple(i for i in state.incidents if i.incident_id not in dropped),
    })
