"""The correlation state's clock cannot be poisoned, and its size stays bounded."""

from __future__ import annotations

from datetime import date

from schemas.event import Event, EventKind, Evidence
from services.correlator.bounds import WATERMARK_ARTICLES, bound, state_bytes
from services.correlator.correlate import CorrelationPolicy, correlate
from services.correlator.state import CountryState
from services.pipeline import EVIDENCE_MAX_CHARS, bounded
from tests.unit.factories import event

POLICY = CorrelationPolicy(window_days=7, retention_days=30)


def _fold(events: list[Event], policy: CorrelationPolicy = POLICY) -> tuple[CountryState, dict[str, int]]:
    state: CountryState | None = None
    versions: dict[str, int] = {}
    for e in events:
        state, alerts = correlate(state, e, policy)
        for a in alerts:
            versions[a.alert_id] = a.version
    assert state is not None
    return state, versions


def _bounded(e: Event) -> Event:
    kept = bounded(e, 1)
    assert kept is not None
    return kept


def test_one_far_future_event_prunes_nothing() -> None:
    claim = event(EventKind.CLAIM, day=date(2022, 5, 7))
    denial = event(EventKind.DENIAL, actor="Tajikistan", day=date(2022, 5, 8))
    poison = event(EventKind.CLAIM, day=date(2099, 1, 1), actor="Other Group")
    later = event(EventKind.DENIAL, actor="Tajikistan", day=date(2022, 5, 8))
    state, versions = _fold([claim, denial, poison, later])
    assert state.newest_day is None or state.newest_day < date(2023, 1, 1)
    assert [i.window_start for i in state.incidents][:1] == [date(2022, 5, 7)]
    assert list(versions.values()) == [2]  # the later denial still updated the real alert


def test_watermark_needs_several_articles_and_never_goes_back() -> None:
    days = [date(2022, 5, 1), date(2099, 1, 1), date(2022, 5, 3), date(2022, 5, 2),
            date(2022, 1, 1)]
    state: CountryState | None = None
    marks = []
    for day in days:
        state, _ = correlate(state, event(EventKind.DENIAL, actor="Tajikistan", day=day), POLICY)
        marks.append(state.newest_day)
    assert marks[: WATERMARK_ARTICLES - 1] == [None] * (WATERMARK_ARTICLES - 1)
    assert marks[2:] == [date(2022, 5, 1), date(2022, 5, 2), date(2022, 5, 2)]


def test_redelivered_article_does_not_count_twice() -> None:
    state: CountryState | None = None
    for _ in range(5):
        state, _ = correlate(state, event(EventKind.CLAIM, day=date(2099, 1, 1), article="a"),
                             POLICY)
    assert state is not None and state.newest_day is None


def test_state_bounded_in_events_keeps_the_incident_just_touched() -> None:
    policy = CorrelationPolicy(window_days=1, retention_days=3650, max_state_events=10)
    claims = [event(EventKind.CLAIM, day=date(2022, 1, 1 + 2 * n)) for n in range(12)]
    state, _ = _fold(claims, policy)
    assert state.size() <= 10
    starts = [i.window_start for i in state.incidents]
    assert starts[-1] == date(2022, 1, 23)  # the newest claim's incident stays
    assert date(2022, 1, 1) not in starts  # the oldest went first


def test_two_huge_claims_give_a_clipped_bounded_alert() -> None:
    """600 KB sentences: clipped evidence (offsets kept), state and alert far below 1 MB."""
    huge = "x" * 600_000
    policy = CorrelationPolicy(max_state_bytes=200_000)
    raw = [event(EventKind.CLAIM), event(EventKind.CLAIM),
           event(EventKind.DENIAL, actor="Tajikistan")]
    raw = [e.model_copy(update={"evidence": Evidence(text=huge, start=10, end=600_010)})
           for e in raw]
    state, versions = _fold([_bounded(e) for e in raw], policy)
    assert len(versions) == 1
    assert state_bytes(state) <= 200_000
    final = correlate(state, _bounded(event(EventKind.DENIAL, actor="Tajikistan")), policy)[1]
    assert final and len(final[0].model_dump_json()) < 100_000
    for ref in final[0].claims:
        assert len(ref.evidence.text) == EVIDENCE_MAX_CHARS
        assert (ref.evidence.start, ref.evidence.end) == (10, 600_010)


def test_bound_drops_pending_before_incidents() -> None:
    state, _ = _fold([event(EventKind.CLAIM, day=date(2022, 5, 1)),
                      event(EventKind.DENIAL, actor="Tajikistan", day=date(2022, 3, 1)),
                      event(EventKind.DENIAL, actor="Tajikistan", day=date(2022, 3, 20))],
                     CorrelationPolicy(window_days=1, retention_days=3650))
    assert len(state.pending) == 2
    smaller, dropped = bound(state, max_events=2, max_bytes=10**9)
    assert dropped == 1
    assert [e.incident_time.start for e in smaller.pending] == [date(2022, 3, 20)]
    assert len(smaller.incidents) == 1
