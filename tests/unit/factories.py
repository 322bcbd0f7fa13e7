"""Small builders for events, so correlation tests read like the scenarios they check."""

from __future__ import annotations

from datetime import date

from schemas.event import ActorType, Event, EventKind, Evidence, IncidentTime, Location

_counter = 0


def event(
    kind: EventKind,
    *,
    actor: str = "Islamic State Khorasan Province",
    actor_type: ActorType | None = None,
    actor_country: str | None = None,
    target: str = "TJ",
    origin: str | None = "AF",
    day: date = date(2022, 5, 7),
    until: date | None = None,
    weapon: str | None = "rockets",
    count: int | None = None,
    occurred: bool = True,
    damage: bool | None = None,
    article: str | None = None,
    place: str | None = None,
) -> Event:
    global _counter
    _counter += 1
    state = kind is not EventKind.CLAIM and actor_type is None
    resolved_type = actor_type or (ActorType.STATE if state else ActorType.NON_STATE)
    return Event(
        event_id=f"e{_counter}",
        article_id=article or f"a{_counter}",
        source=f"Outlet {_counter}",
        published_at=until or day,
        kind=kind,
        actor=actor,
        actor_type=resolved_type,
        actor_country=actor_country or (target if resolved_type is ActorType.STATE else None),
        attacker="Islamic State Khorasan Province",
        target_country=target,
        origin_country=origin,
        location=Location(name=place, country=target),
        incident_time=IncidentTime(start=day, end=until or day, exact=until is None),
        weapon=weapon,
        count=count,
        damage=damage,
        occurred=occurred,
        evidence=Evidence(text="sentence", start=0, end=8),
    )
