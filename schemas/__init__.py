"""Wire contracts of counterclaim: frozen pydantic v2 models, no I/O."""

from schemas.alert import Alert, AlertStatus, EventRef
from schemas.article import Article
from schemas.dead_letter import DeadLetter
from schemas.event import (
    ActorType,
    Event,
    EventKind,
    Evidence,
    IncidentTime,
    Location,
)

__all__ = [
    "ActorType",
    "Alert",
    "AlertStatus",
    "Article",
    "DeadLetter",
    "Event",
    "EventKind",
    "EventRef",
    "Evidence",
    "IncidentTime",
    "Location",
]
