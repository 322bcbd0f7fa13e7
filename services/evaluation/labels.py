"""Labelled articles: an Article plus what a person marked in it.

The format is one JSON object a line: the Article fields, `incident_id` (the incident the
article is mainly about) and `labels`:

- `labels.events[]`: `kind` (claim | denial | confirmation | attack_report), `target_country`
  (a name, an ISO code, or "A; B"), `incident_ref` (the incident the statement is about, when
  not the article's own). Other keys (actor, weapon, evidence ...) are kept for people.
- `labels.category` (this article) and `labels.incident_category` (its incident): A claim
  contradicted by the target state, B state confirms, C one side only or reversed, D unrelated.
- `labels.claimant_type`: non_state or state; `labels.background_incidents`: other incidents
  the article recalls.

An article without `labels.events` is unlabelled background news: any alert built on it alone
is false, and its events are not scored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from schemas.article import Article
from services.common.codec import json_object, problems

Kind = Literal["claim", "denial", "confirmation", "attack_report"]
KINDS: tuple[Kind, ...] = ("claim", "denial", "confirmation", "attack_report")


class LabelEvent(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    kind: Kind
    target_country: str | list[str] | None = None
    incident_ref: str | None = None
    incident_date: str | None = None  # YYYY-MM-DD, or YYYY-MM when only the month is known


class Labels(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    events: list[LabelEvent] | None = None
    category: Literal["A", "B", "C", "D"] | None = None
    incident_category: Literal["A", "B", "C", "D"] | None = None
    claimant_type: Literal["non_state", "state"] | None = None
    background_incidents: list[str] | None = None


class LabelledRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str = Field(min_length=1)
    published_at: str | None = None
    incident_id: str | None = None
    labels: Labels


@dataclass(frozen=True)
class Labelled:
    """One labelled article: what the service reads, and what the labeller marked."""

    article: Article
    incident_id: str | None
    labels: Labels
    published_at: str | None  # as written, for the stream order

    @property
    def is_labelled(self) -> bool:
        return self.labels.events is not None

    def incidents(self) -> set[str]:
        """Every incident the article speaks about: its own, the ones it recalls, and the
        ones its labelled statements refer to."""
        out = {self.incident_id} if self.incident_id else set()
        out.update(self.labels.background_incidents or ())
        for event in self.labels.events or ():
            out.update(refs(event, self.incident_id))
        return out


def refs(event: LabelEvent, own: str | None) -> list[str]:
    """The incidents a labelled statement is about ("A; B" names two)."""
    text = event.incident_ref or own or ""
    return [part.strip() for part in text.split(";") if part.strip()]


@dataclass(frozen=True)
class Problem:
    source: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: line {self.line}: skipped: {self.reason}"


def parse(line: bytes) -> Labelled:
    """One line -> a labelled article; ValueError says what is wrong with it."""
    data = json_object(line)  # DecodeError is a ValueError
    if "labels" not in data:
        raise ValueError("no `labels`: not a labelled article")
    try:
        record = LabelledRecord.model_validate(_dates_as_text(data))
        article = Article.model_validate(data)
    except ValidationError as exc:
        raise ValueError(problems(exc)) from exc
    return Labelled(article=article, incident_id=record.incident_id, labels=record.labels,
                    published_at=record.published_at)


def _dates_as_text(data: dict[str, object]) -> dict[str, object]:
    value = data.get("published_at")
    return data if value is None or isinstance(value, str) else {**data, "published_at": str(value)}


def read_labelled(lines: Iterable[bytes], source: str) -> Iterator[Labelled | Problem]:
    """Each non-blank line as a labelled article, or the problem that keeps it out."""
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        try:
            yield parse(line)
        except ValueError as exc:
            yield Problem(source, number, " ".join(str(exc).split()))
