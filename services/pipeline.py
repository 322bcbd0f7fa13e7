"""The pure pipeline the agents, `classify` and `replay` share: classify, key, correlate.

Built once by the composition root; holds no I/O and no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from schemas.alert import Alert
from schemas.article import Article
from schemas.event import Event
from services.classifier.extract import ClassifyResult, classify
from services.classifier.lexicon import Lexicon
from services.correlator.correlate import CorrelationPolicy, correlate
from services.correlator.state import CountryState


@dataclass
class Pipeline:
    lexicon: Lexicon
    policy: CorrelationPolicy

    @classmethod
    def build(cls, *, window_days: int = 7, retention_days: int = 60,
              state_claimants: bool = False) -> Pipeline:
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
            ),
        )

    def classify(self, article: Article, fallback_day: date) -> ClassifyResult:
        return classify(article, self.lexicon, fallback_day)

    def correlate(self, state: CountryState | None, event: Event) -> tuple[CountryState, list[Alert]]:
        return correlate(state, event, self.policy)


@dataclass
class Replay:
    """Classify + correlate in input order without a broker: the stream's logic, offline."""

    pipeline: Pipeline
    states: dict[str, CountryState] = field(default_factory=dict)

    def feed(self, article: Article, fallback_day: date) -> Iterator[Alert]:
        for event in self.pipeline.classify(article, fallback_day).events:
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
