"""What subscribers receive: a claim contradicted by a state's denial, with its evidence."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from schemas.event import ActorType, Event, Evidence, Location


class AlertStatus(StrEnum):
    FIRING = "firing"


class EventRef(BaseModel):
    """One statement behind an alert, enough for an analyst to check it at the source."""

    model_config = ConfigDict(frozen=True)

    event_id: str
    article_id: str
    source: str | None = None
    url: str | None = None
    published_at: date
    actor: str
    actor_type: ActorType
    weapon: str | None = None
    count: int | None = None
    casualties: int | None = None
    incident_start: date
    incident_end: date
    evidence: Evidence

    @classmethod
    def of(cls, event: Event) -> EventRef:
        return cls(
            event_id=event.event_id,
            article_id=event.article_id,
            source=event.source,
            url=event.url,
            published_at=event.published_at,
            actor=event.actor,
            actor_type=event.actor_type,
            weapon=event.weapon,
            count=event.count,
            casualties=event.casualties,
            incident_start=event.incident_time.start,
            incident_end=event.incident_time.end,
            evidence=event.evidence,
        )


class Alert(BaseModel):
    model_config = ConfigDict(frozen=True)

    alert_id: str = Field(description="Deterministic for an incident; stable across replays")
    version: int = Field(ge=1, description="Grows by one each time new evidence arrives")
    status: AlertStatus = AlertStatus.FIRING
    target_country: str = Field(pattern=r"^[A-Z]{2}$")
    attacker: str
    claimant_type: ActorType
    location: Location | None = None
    incident_start: date
    incident_end: date
    claims: list[EventRef]
    denials: list[EventRef]
    confirmations: list[EventRef] = Field(default_factory=list)
    contradictions: list[str] = Field(
        description="Slots in conflict: occurrence, weapon, count, damage, effect, place"
    )
    why: str = Field(description="Plain-language reason: which statement contradicts which")
