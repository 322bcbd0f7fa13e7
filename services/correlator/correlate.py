"""The correlation step as a pure fold: (state, event) -> (state, alert versions to publish).

Windows are on incident (event) time, like Kafka Streams JoinWindows: a claim and a denial
about the same target country within `window_days` of each other belong together, whichever
article arrives first. Alert ids derive from the incident, so a replay reproduces them.
Pruning follows a watermark no single article can move, and the state stays within
`max_state_events` statements and `max_state_bytes` of JSON (`bounds.py`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from schemas.alert import Alert
from schemas.event import ActorType, Event, EventKind
from services.correlator.bounds import advance_watermark, bound
from services.correlator.matching import answers, same_family, same_time
from services.correlator.rules import build_alert, is_alert
from services.correlator.state import MAX_EVENTS_PER_LIST, CountryState, Incident


@dataclass(frozen=True)
class CorrelationPolicy:
    window_days: int = 7
    retention_days: int = 60
    state_claimants: bool = False
    families: tuple[tuple[str, str], ...] = ()  # (group, parent) for branch-aware matching
    max_state_events: int = 2_000
    max_state_bytes: int = 600_000

    def family(self, attacker: str) -> str:
        for group, parent in self.families:
            if group == attacker:
                return parent
        return attacker


def correlate(
    state: CountryState | None, event: Event, policy: CorrelationPolicy
) -> tuple[CountryState, list[Alert]]:
    """Fold one event into its target country's state; return any alert versions it causes."""
    if event.target_country is None:
        raise ValueError("events without a target country cannot be correlated")
    state = state or CountryState(country=event.target_country)
    if state.seen(event.event_id):
        return state, []  # at-least-once redelivery: already folded in
    state = _prune(advance_watermark(state, event), policy)
    if _is_history(event, policy):
        return state, []  # 'ISKP's claim in 2022 ... was denied': recalled, not news
    if event.kind is EventKind.CLAIM:
        if not _is_cross_border_claim(event):
            return state, []
        state, touched = _add_claim(state, event, policy)
    elif event.kind is EventKind.DENIAL or (
            event.kind is EventKind.ATTACK_REPORT and event.contested):
        if not _speaks_for_target(event):
            return state, []  # only the target's own denial contradicts a claim
        state, touched = _attach(state, event, "denials", policy)
    elif event.kind is EventKind.CONFIRMATION:
        state, touched = _attach(state, event, "confirmations", policy)
    else:
        return state, []
    state, alerts = _raise_alerts(state, touched, policy)
    state, _ = bound(state, policy.max_state_events, policy.max_state_bytes, frozenset(touched))
    return state, alerts


def _is_history(event: Event, policy: CorrelationPolicy) -> bool:
    """An incident that ended more than `retention_days` before the article reporting it was
    published is background: it neither starts nor answers an incident."""
    return event.incident_time.end < event.published_at - timedelta(days=policy.retention_days)


def _speaks_for_target(event: Event) -> bool:
    """The target state, or the operator of the hit asset (a shipping line for its ship)."""
    return (event.actor_type in (ActorType.STATE, ActorType.COMPANY)
            and event.actor_country == event.target_country)


def _is_cross_border_claim(event: Event) -> bool:
    if event.actor_type is ActorType.STATE:
        return event.actor_country != event.target_country
    return event.origin_country is None or event.origin_country != event.target_country


def _family_of(event: Event, policy: CorrelationPolicy) -> str | None:
    return policy.family(event.attacker) if event.attacker else None


def _add_claim(
    state: CountryState, claim: Event, policy: CorrelationPolicy
) -> tuple[CountryState, set[str]]:
    family = policy.family(claim.attacker or claim.actor)
    state_claim = claim.actor_type is ActorType.STATE
    incidents = list(state.incidents)
    for index, incident in enumerate(incidents):
        if (
            same_family(family, incident.attacker_family)
            and incident.state_claim == state_claim
            and same_time(claim.incident_time, incident, policy.window_days)
        ):
            incidents[index] = _with(incident, "claims", claim, widen=True)
            break
    else:
        anchor = claim.incident_time.start.isoformat()
        digest = hashlib.sha1(f"{claim.target_country}|{family}|{anchor}".encode()).hexdigest()
        incidents.append(
            Incident(
                incident_id=f"cc-{claim.target_country}-{digest[:16]}",
                target_country=claim.target_country or "",
                attacker=claim.attacker or claim.actor,
                attacker_family=family,
                state_claim=state_claim,
                window_start=claim.incident_time.start,
                window_end=claim.incident_time.end,
                claims=(claim,),
            )
        )
        index = len(incidents) - 1
    # Statements that arrived before any claim they could answer join it now.
    incident = incidents[index]
    still_pending: list[Event] = []
    for waiting in state.pending:
        if answers(waiting, incident, _family_of(waiting, policy), policy.window_days):
            # a report that contests the effect ('intercepted') waited as a denial
            field = "confirmations" if waiting.kind is EventKind.CONFIRMATION else "denials"
            incident = _with(incident, field, waiting)
        else:
            still_pending.append(waiting)
    incidents[index] = incident
    return (
        state.model_copy(update={"incidents": tuple(incidents), "pending": tuple(still_pending)}),
        {incident.incident_id},
    )


def _attach(
    state: CountryState, event: Event, field: str, policy: CorrelationPolicy
) -> tuple[CountryState, set[str]]:
    touched: set[str] = set()
    incidents = []
    family = _family_of(event, policy)
    for incident in state.incidents:
        if answers(event, incident, family, policy.window_days):
            incident = _with(incident, field, event)
            touched.add(incident.incident_id)
        incidents.append(incident)
    if touched:
        return state.model_copy(update={"incidents": tuple(incidents)}), touched
    pending = (*state.pending, event)[-MAX_EVENTS_PER_LIST:]
    return state.model_copy(update={"pending": pending}), touched


def _with(incident: Incident, field: str, event: Event, widen: bool = False) -> Incident:
    current: tuple[Event, ...] = getattr(incident, field)
    update: dict[str, object] = {field: (*current, event)[:MAX_EVENTS_PER_LIST]}
    if widen:
        update["window_start"] = min(incident.window_start, event.incident_time.start)
        update["window_end"] = max(incident.window_end, event.incident_time.end)
    return incident.model_copy(update=update)


def _raise_alerts(
    state: CountryState, touched: set[str], policy: CorrelationPolicy
) -> tuple[CountryState, list[Alert]]:
    alerts: list[Alert] = []
    incidents = []
    for incident in state.incidents:
        if incident.incident_id in touched and is_alert(incident, policy.state_claimants):
            version = incident.alert_version + 1
            alerts.append(build_alert(incident, version))
            incident = incident.model_copy(update={"alert_version": version})
        incidents.append(incident)
    return state.model_copy(update={"incidents": tuple(incidents)}), alerts


def _prune(state: CountryState, policy: CorrelationPolicy) -> CountryState:
    if state.newest_day is None:
        return state
    horizon = state.newest_day - timedelta(days=policy.retention_days)
    incidents = tuple(i for i in state.incidents if i.window_end >= horizon)
    pending = tuple(e for e in state.pending if e.incident_time.end >= horizon)
    if len(incidents) == len(state.incidents) and len(pending) == len(state.pending):
        return state
    return state.model_copy(update={"incidents": incidents, "pending": pending})
