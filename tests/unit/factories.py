"""Small builders for events, so correlation tests read like the scenarios they check."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from schemas.article import Article
from schemas.event import ActorType, Event, EventKind, Evidence, IncidentTime, Location

if TYPE_CHECKING:
    from services.pipeline import Pipeline

PUB = date(2024, 6, 14)  # a Friday: the publication day of the extractor tests' articles


def read(pipeline: Pipeline, body: str, published: date = PUB) -> list[Event]:
    """The events the extractor reads in one article of our own words."""
    return pipeline.classify(Article(id="t", body=body, published_at=published), PUB).events


Said = tuple[str, str | None, str]  # (kind, target country, the speaker's name begins with)
Shape = tuple[str, list[Said], list[Said]]  # an article, what it must say and must not


def said(events: list[Event]) -> set[tuple[str, str | None, str]]:
    return {(e.kind.value, e.target_country, e.actor) for e in events}


def has(events: list[Event], kind: str, target: str | None, speaker: str) -> bool:
    return any(e.kind.value == kind and e.target_country == target and e.actor.startswith(speaker)
               for e in events)


def check_shape(pipeline: Pipeline, name: str, shape: Shape) -> None:
    """The article of `shape` yields every statement it must and none it must not."""
    body, present, absent = shape
    events = read(pipeline, body)
    for kind, target, speaker in present:
        assert has(events, kind, target, speaker), (name, said(events))
    for kind, target, speaker in absent:
        assert not has(events, kind, target, speaker), (name, said(events))
    assert present or absent

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
