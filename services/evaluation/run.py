"""The pipeline over a labelled stream, in-process: what `classify` and `replay` would print.

The same pure functions the CLI and the stream call (`Pipeline.classify`, `Replay`), one
article at a time in stream order; an article the extractor fails on is recorded and the run
goes on, as `classify` and `replay` skip it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from schemas.alert import Alert
from schemas.event import Event
from services.evaluation.labels import Labelled
from services.pipeline import Pipeline, Replay


@dataclass
class Outcome:
    events: list[Event] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)  # every version, in publication order
    failed: list[tuple[str, str]] = field(default_factory=list)  # article id, reason
    languages: Counter[str] = field(default_factory=Counter)  # skipped: language -> articles


def run_pipeline(records: Iterable[Labelled], pipeline: Pipeline, record_day: date,
                 tick: Callable[[], None] | None = None) -> Outcome:
    """Events and alert versions of the stream. `record_day`: the day the articles 'arrive'
    (the CLI's today), which bounds how late an article or event may be dated."""
    outcome = Outcome()
    replay = Replay(pipeline)
    for record in records:
        article = record.article
        try:
            result = pipeline.classify(article, record_day, record_day)
            alerts = [a for event in result.events for a in replay.feed_event(event)]
        except Exception as exc:  # one article's failure is that article's, not the run's
            outcome.failed.append((article.id, f"{type(exc).__name__}: {exc}"))
        else:
            outcome.events.extend(result.events)
            outcome.alerts.extend(alerts)
            if result.skipped_language:
                outcome.languages[result.skipped_language] += 1
        if tick is not None:
            tick()
    return outcome
