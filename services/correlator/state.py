"""Correlation state for one target country: incidents and the statements attached to them.

Serialised into the Faust Table (one value per target country), so it is a plain pydantic
model with bounded size: old incidents are pruned by event time, lists are capped, and the
whole state is kept under a number of statements and of bytes (`correlate.bound`).
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from schemas.event import Event

MAX_EVENTS_PER_LIST = 64


class Incident(BaseModel):
    model_config = ConfigDict(frozen=True)

    incident_id: str
    target_country: str
    attacker: str
    attacker_family: str
    state_claim: bool = False
    window_start: date
    window_end: date
    claims: tuple[Event, ...] = ()
    denials: tuple[Event, ...] = ()
    confirmations: tuple[Event, ...] = ()
    alert_version: int = 0

    def event_ids(self) -> set[str]:
        return {e.event_id for e in (*self.claims, *self.denials, *self.confirmations)}


class CountryState(BaseModel):
    model_config = ConfigDict(frozen=True)

    country: str
    incidents: tuple[Incident, ...] = ()
    pending: tuple[Event, ...] = Field(
        default=(), description="Denials and confirmations no claim has matched yet"
    )
    newest_day: date | None = Field(
        default=None,
        description="The watermark pruning follows: only moves once several articles agree",
    )
    recent: tuple[tuple[str, date], ...] = Field(
        default=(), description="(article id, publication day) of the last distinct articles"
    )

    def seen(self, event_id: str) -> bool:
        return any(event_id in i.event_ids() for i in self.incidents) or any(
            e.event_id == event_id for e in self.pending
        )

    def events(self) -> list[Event]:
        return [*self.pending, *(e for i in self.incidents
                                 for e in (*i.claims, *i.denials, *i.confirmations))]

    def size(self) -> int:
        return len(self.pending) + sum(
            len(i.claims) + len(i.denials) + len(i.confirmations) for i in self.incidents
        )
