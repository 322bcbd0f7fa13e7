"""The correlation fold: windows on incident time, order independence, versions, dedupe."""

from __future__ import annotations

import itertools
from datetime import date

from schemas.alert import Alert
from schemas.event import ActorType, Event, EventKind
from services.correlator.correlate import CorrelationPolicy, correlate
from services.correlator.state import CountryState
from tests.unit.factories import event

POLICY = CorrelationPolicy(window_days=7, families=(("Islamic State Khorasan Province",
                                                     "Islamic State"),))


def fold(events: list[Event], policy: CorrelationPolicy = POLICY) -> dict[str, Alert]:
    states: dict[str, CountryState] = {}
    final: dict[str, Alert] = {}
    for e in events:
        assert e.target_country is not None
        state, alerts = correlate(states.get(e.target_country), e, policy)
        states[e.target_country] = state
        for a in alerts:
            final[a.alert_id] = a
    return final


def test_claim_and_denial_within_window_make_one_alert() -> None:
    claim = event(EventKind.CLAIM, count=7)
    denial = event(EventKind.DENIAL, actor="Tajikistan", day=date(2022, 5, 8), weapon="bullets")
    alerts = fold([claim, denial])
    assert len(alerts) == 1
    alert = next(iter(alerts.values()))
    assert alert.target_country == "TJ"
    assert alert.contradictions == ["weapon"]
    assert "bullets" in alert.why and "rockets" in alert.why


def test_denial_outside_window_does_not_match() -> None:
    claim = event(EventKind.CLAIM)
    denial = event(EventKind.DENIAL, actor="Tajikistan", day=date(2022, 6, 1))
    assert fold([claim, denial]) == {}


def test_claim_alone_or_denial_alone_raises_nothing() -> None:
    assert fold([event(EventKind.CLAIM)]) == {}
    assert fold([event(EventKind.DENIAL, actor="Tajikistan")]) == {}


def test_order_does_not_change_the_alert() -> None:
    evs = [
        event(EventKind.CLAIM, count=7),
        event(EventKind.DENIAL, actor="Tajikistan", weapon="bullets"),
        event(EventKind.CLAIM, day=date(2022, 5, 8)),
    ]
    results: list[list[str]] = []
    for order in itertools.permutations(evs):
        final = fold(list(order))
        assert len(final) == 1
        alert = next(iter(final.values()))
        results.append(sorted(c.event_id for c in alert.claims))
    assert all(r == results[0] for r in results)


def test_more_evidence_updates_the_same_alert_with_a_higher_version() -> None:
    claim = event(EventKind.CLAIM)
    denial = event(EventKind.DENIAL, actor="Tajikistan", occurred=False)
    state, first = correlate(None, claim, POLICY)
    state, second = correlate(state, denial, POLICY)
    more = event(EventKind.CLAIM, day=date(2022, 5, 8))
    state, third = correlate(state, more, POLICY)
    assert first == []
    assert [a.version for a in second] == [1]
    assert [a.version for a in third] == [2]
    assert third[0].alert_id == second[0].alert_id
    assert len(third[0].claims) == 2


def test_redelivered_event_is_ignored() -> None:
    claim = event(EventKind.CLAIM)
    denial = event(EventKind.DENIAL, actor="Tajikistan")
    state, _ = correlate(None, claim, POLICY)
    state, alerts = correlate(state, denial, POLICY)
    again, repeat = correlate(state, denial, POLICY)
    assert len(alerts) == 1
    assert repeat == []
    assert again == state


def test_denial_by_another_state_or_a_group_is_not_a_contradiction() -> None:
    claim = event(EventKind.CLAIM)
    other_state = event(EventKind.DENIAL, actor="Afghanistan", actor_country="AF")
    group = event(EventKind.DENIAL, actor="Hezbollah", actor_type=ActorType.NON_STATE)
    assert fold([claim, other_state, group]) == {}


def test_confirmation_is_attached_to_the_alert() -> None:
    claim = event(EventKind.CLAIM, target="UZ", day=date(2022, 4, 18))
    denial = event(EventKind.DENIAL, actor="Uzbekistan", target="UZ", day=date(2022, 4, 18),
                   occurred=False)
    confirm = event(EventKind.CONFIRMATION, actor="Taliban", actor_type=ActorType.NON_STATE,
                    target="UZ", day=date(2022, 4, 18))
    alert = next(iter(fold([claim, denial, confirm]).values()))
    assert [c.actor for c in alert.confirmations] == ["Taliban"]
    assert "Taliban" in alert.why


def test_domestic_claim_is_out_of_scope() -> None:
    claim = event(EventKind.CLAIM, target="AF", origin="AF")
    denial = event(EventKind.DENIAL, actor="Afghanistan", target="AF")
    assert fold([claim, denial]) == {}


def test_state_claimants_only_with_the_setting() -> None:
    claim = event(EventKind.CLAIM, actor="Israel", actor_type=ActorType.STATE,
                  actor_country="IL", target="LB", origin="IL")
    denial = event(EventKind.DENIAL, actor="Lebanon", target="LB")
    assert fold([claim, denial]) == {}
    alerts = fold([claim, denial], CorrelationPolicy(state_claimants=True))
    assert len(alerts) == 1
    assert next(iter(alerts.values())).claimant_type == ActorType.STATE


def test_old_incidents_are_pruned() -> None:
    """Once three articles have reached May, January is past the 30-day retention."""
    policy = CorrelationPolicy(window_days=7, retention_days=30)
    state, _ = correlate(None, event(EventKind.CLAIM, day=date(2022, 1, 1)), policy)
    for day in (date(2022, 5, 1), date(2022, 5, 2), date(2022, 5, 3)):
        state, _ = correlate(state, event(EventKind.CLAIM, day=day), policy)
    assert [i.window_start for i in state.incidents] == [date(2022, 5, 1)]


def test_alert_id_is_deterministic_across_replays() -> None:
    def run() -> list[str]:
        claim = event(EventKind.CLAIM)
        denial = event(EventKind.DENIAL, actor="Tajikistan")
        return list(fold([claim, denial]))

    assert run() == run()


def test_an_interception_contests_the_effect_not_the_occurrence() -> None:
    """'Intercepted, no damage': the attack is granted, its claimed effect is not; the alert
    names that slot instead of saying the state denied any attack."""
    claim = event(EventKind.CLAIM)
    stopped = event(EventKind.DENIAL, actor="Tajikistan", damage=False).model_copy(
        update={"contested": "effect"})
    alert = next(iter(fold([claim, stopped]).values()))
    assert alert.contradictions == ["effect"]
    assert "effect (claimed a hit" in alert.why
    assert "stated it did not" not in alert.why


def test_a_contesting_report_before_the_claim_answers_it_as_a_denial() -> None:
    """'The drones were shot down' reported before the group claims them: whichever order they
    arrive in, the state's account contradicts the claim, never confirms it."""
    claim = event(EventKind.CLAIM)
    stopped = event(EventKind.ATTACK_REPORT, actor="Tajikistan").model_copy(
        update={"contested": "effect"})
    for order in ([claim, stopped], [stopped, claim]):
        alert = next(iter(fold(order).values()))
        assert [d.event_id for d in alert.denials] == [stopped.event_id]
        assert alert.confirmations == []


def test_an_incident_recalled_long_after_is_history_not_an_alert() -> None:
    """'ISKP's claim in 2022 ... was denied by Uzbekistan', in a 2024 article: background."""
    claim = event(EventKind.CLAIM, day=date(2022, 1, 1), until=date(2022, 12, 31))
    denial = event(EventKind.DENIAL, actor="Tajikistan", day=date(2022, 1, 1),
                   until=date(2022, 12, 31))
    late = [e.model_copy(update={"published_at": date(2024, 6, 14)}) for e in (claim, denial)]
    assert fold(late) == {}
    assert len(fold([claim, denial])) == 1  # the same pair, reported at the time


def test_a_group_nobody_names_joins_the_named_groups_incident() -> None:
    named = event(EventKind.CLAIM, count=7)
    unnamed = event(EventKind.CLAIM).model_copy(update={
        "actor": "unnamed armed group (Afghanistan)", "attacker": "unnamed armed group (Afghanistan)"})
    denial = event(EventKind.DENIAL, actor="Tajikistan", weapon="bullets")
    for order in ([named, unnamed, denial], [unnamed, named, denial]):
        alerts = fold(order)
        assert len(alerts) == 1, order
        assert {c.event_id for c in next(iter(alerts.values())).claims} == {named.event_id, unnamed.event_id}


def test_a_named_day_before_an_incidents_days_is_another_attack() -> None:
    week = event(EventKind.CLAIM, day=date(2023, 5, 25), until=date(2023, 6, 1))  # 'this week'
    earlier = event(EventKind.CLAIM, day=date(2023, 5, 22))  # 'a similar attack on May 22'
    today = event(EventKind.CLAIM, day=date(2023, 6, 1))
    denial = event(EventKind.DENIAL, actor="Tajikistan", day=date(2023, 6, 1))
    alerts = fold([week, earlier, today, denial])
    assert len(alerts) == 1
    claims = {c.event_id for c in next(iter(alerts.values())).claims}
    assert {week.event_id, today.event_id} <= claims and earlier.event_id not in claims
