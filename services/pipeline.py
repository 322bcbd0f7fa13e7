"""The pure pipeline the agents, `classify` and `replay` share: classify, key, correlate.

Built once by the composition root; holds no I/O and no clock. Around the extractor it
enforces what the stream needs whatever the extractor does: a size budget per article, event
times that cannot run ahead of the record's time, and evidence of bounded length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from schemas.alert import Alert
from schemas.article import Article
from schemas.event import Event, IncidentTime
from services.classifier.extract import ClassifyResult, classify
from services.classifier.lexicon import Lexicon
from services.classifier.text import AS_SPACE
from services.correlator.correlate import CorrelationPolicy, correlate
from services.correlator.state import CountryState

# Evidence is one sentence; real ones are a few hundred characters. Longer text is clipped
# (its offsets into the body stay whole, so `len(text) < end - start` marks a clipped one).
EVIDENCE_MAX_CHARS = 1_000
SOURCE_MAX_CHARS = 200
URL_MAX_CHARS = 2_048
DEFAULT_MAX_BODY_CHARS = 262_144
# Publication dates outside these are not news dates; they are read as the record's day.
EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)


# No sentence holds this much white space in a row; a longer run reads as a paragraph break.
_WHITE_RUN = re.compile(r"\s{65,}")
_RUN = 65


def calm_white_space(body: str) -> str:
    """`body` with every run of more than 64 white-space characters turned into as many line
    breaks: same length, so every offset holds, and no pattern of any extractor can spend time
    superlinear in such a run (one of 87,000 spaces once took 500 s)."""
    if " " * _RUN not in body.translate(AS_SPACE):  # nearly always: a scan in C, no pattern
        return body
    return _WHITE_RUN.sub(lambda m: "\n" * len(m.group()), body)


class ArticleTooLarge(ValueError):
    """An article over the size budget: refused before extraction, never half-read."""


@dataclass(frozen=True)
class Bounds:
    """`max_body_chars`: the extraction budget; `tolerance_days`: how far past its record's
    day an article or event may be dated before it is clamped to that day."""

    max_body_chars: int = DEFAULT_MAX_BODY_CHARS
    tolerance_days: int = 1


@dataclass
class Pipeline:
    lexicon: Lexicon
    policy: CorrelationPolicy
    bounds: Bounds = field(default_factory=Bounds)

    @classmethod
    def build(cls, *, window_days: int = 7, retention_days: int = 60,
              state_claimants: bool = False, max_state_events: int = 2_000,
              max_state_bytes: int = 600_000, bounds: Bounds | None = None) -> Pipeline:
        lexicon = Lexicon.build()
        families = tuple(
            (g.name, lexicon.group_name(lexicon.family(g.id)))
            for g in lexicon.groups.values() if g.parent is not None
        )
        return cls(
            lexicon=lexicon,
            policy=CorrelationPolicy(
                window_days=window_days, retention_days=retention_days,
                state_claimants=state_claimants, families=families,
                max_state_events=max_state_events, max_state_bytes=max_state_bytes,
            ),
            bounds=bounds or Bounds(),
        )

    def classify(self, article: Article, fallback_day: date,
                 record_day: date | None = None) -> ClassifyResult:
        """Events of one article. `fallback_day`: its day when it has no `published_at`;
        `record_day`: when it reached us (Kafka record time; today in the CLI). An article
        dated after `record_day` + the tolerance is read as published on `record_day`, and no
        event is dated after its publication + the tolerance."""
        if len(article.body) > self.bounds.max_body_chars:
            raise ArticleTooLarge(
                f"body of {len(article.body)} characters is over the budget of "
                f"{self.bounds.max_body_chars}")
        tolerance = timedelta(days=self.bounds.tolerance_days)
        published = article.publication_date(fallback_day)
        if record_day is not None and published > record_day + tolerance:
            article = article.model_copy(update={"published_at": record_day})
        elif not EARLIEST <= published <= LATEST:  # year 1 or 9999: date arithmetic overflows
            article = article.model_copy(update={"published_at": record_day or fallback_day})
        calm = calm_white_space(article.body)
        if calm != article.body:
            article = article.model_copy(update={"body": calm})
        result = classify(article, self.lexicon, fallback_day)
        if not result.events:
            return result
        events = (bounded(e, self.bounds.tolerance_days) for e in result.events)
        return replace(result, events=[e for e in events if e is not None])

    def correlate(self, state: CountryState | None, event: Event) -> tuple[CountryState, list[Alert]]:
        return correlate(state, event, self.policy)


def bounded(event: Event, tolerance_days: int) -> Event | None:
    """The event with its incident time no later than its publication (+ tolerance) and its
    free text clipped; ids and offsets unchanged. None for a statement about an attack that
    starts after its own publication: not a report of one ("on 7 May 2099")."""
    update: dict[str, object] = {}
    latest = event.published_at + timedelta(days=tolerance_days)
    when = event.incident_time
    if when.start > latest:
        return None
    if when.end > latest:
        update["incident_time"] = IncidentTime(start=when.start, end=latest, exact=False)
    if len(event.evidence.text) > EVIDENCE_MAX_CHARS:
        update["evidence"] = event.evidence.model_copy(
            update={"text": event.evidence.text[:EVIDENCE_MAX_CHARS]})
    if event.source and len(event.source) > SOURCE_MAX_CHARS:
        update["source"] = event.source[:SOURCE_MAX_CHARS]
    if event.url and len(event.url) > URL_MAX_CHARS:
        update["url"] = event.url[:URL_MAX_CHARS]
    return event.model_copy(update=update) if update else event


@dataclass
class Replay:
    """Classify + correlate in input order without a broker: the stream's logic, offline."""

    pipeline: Pipeline
    states: dict[str, CountryState] = field(default_factory=dict)

    def feed(self, article: Article, fallback_day: date,
             record_day: date | None = None) -> Iterator[Alert]:
        for event in self.pipeline.classify(article, fallback_day, record_day).events:
            yield from self.feed_event(event)

    def feed_event(self, event: Event) -> Iterator[Alert]:
        if event.target_country is None:
            return
        state, alerts = self.pipeline.correlate(self.states.get(event.target_country), event)
        self.states[event.target_country] = state
        yield from alerts

    def run(self, articles: Iterable[tuple[Article, date]]) -> Iterator[Alert]:
        for article, day in articles:
            yield from self.feed(article, day)
