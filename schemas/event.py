"""What the classifier extracts from an article: one statement about one incident."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

CountryCode = str  # ISO 3166-1 alpha-2, upper case


class EventKind(StrEnum):
    CLAIM = "claim"
    DENIAL = "denial"
    CONFIRMATION = "confirmation"
    ATTACK_REPORT = "attack_report"


class ActorType(StrEnum):
    STATE = "state"
    NON_STATE = "non_state"
    COMPANY = "company"  # the operator of a ship or plant, speaking for its own asset


class Location(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str | None = None
    admin_region: str | None = None
    country: CountryCode | None = Field(default=None, pattern=r"^[A-Z]{2}$")


class IncidentTime(BaseModel):
    """A day when the text names one, else the interval the text allows; never an invented day."""

    model_config = ConfigDict(frozen=True)

    start: date
    end: date
    exact: bool = Field(description="True when the text names the day")

    @model_validator(mode="after")
    def _ordered(self) -> IncidentTime:
        if self.end < self.start:
            raise ValueError("incident time ends before it starts")
        return self

    @classmethod
    def on(cls, day: date) -> IncidentTime:
        return cls(start=day, end=day, exact=True)

    def overlaps(self, other: IncidentTime, slack_days: int) -> bool:
        """True when the two intervals are within `slack_days` of each other."""
        return (other.start - self.end).days <= slack_days and (
            self.start - other.end
        ).days <= slack_days


class Evidence(BaseModel):
    """The sentence that carries the statement, with character offsets into the body, or into
    the title when a headline carries it ('Kenya denies al-Shabaab claim of attack')."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    part: Literal["body", "title"] = Field(
        default="body", description="Which field of the article `start` and `end` index")


class Event(BaseModel):
    model_config = ConfigDict(frozen=True)

    event_id: str = Field(description="Deterministic: article id, kind and evidence offset")
    article_id: str
    source: str | None = None
    url: str | None = None
    published_at: date
    kind: EventKind
    actor: str = Field(description="Canonical name of who makes the statement")
    actor_type: ActorType
    actor_country: CountryCode | None = Field(
        default=None, description="For state actors: the state they speak for"
    )
    attacker: str | None = Field(default=None, description="Canonical name of the attacker")
    target_country: CountryCode | None = None
    origin_country: CountryCode | None = None
    location: Location | None = None
    incident_time: IncidentTime
    weapon: str | None = None
    count: int | None = Field(default=None, ge=0, description="How many weapons (rockets, drones)")
    casualties: int | None = Field(
        default=None, ge=0, description="How many people the statement says were killed or hurt"
    )
    damage: bool | None = Field(
        default=None, description="True: damage or casualties stated; False: explicitly none"
    )
    occurred: bool = Field(
        default=True, description="False when the statement says the attack did not happen"
    )
    contested: str | None = Field(
        default=None,
        description="For denials, what is denied: occurrence (no attack), weapon ('only "
        "bullets'), effect ('intercepted', 'no damage'); null otherwise",
    )
    evidence: Evidence
