"""Event time cannot be poisoned: one article dated 2099 (by `published_at` or by a date in
its text) leaves every other alert intact, on the stream's path and offline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from schemas.alert import Alert
from schemas.article import Article
from schemas.event import EventKind, IncidentTime
from services.common.codec import decode_article
from services.pipeline import Pipeline, Replay, bounded
from tests.unit.factories import event

SAMPLES = Path(__file__).parents[2] / "services" / "demo" / "data" / "sample_articles.jsonl"
RECORD_DAY = date(2024, 6, 1)  # when the records reached the stream
POISON = [
    Article(id="from-2099", published_at=date(2099, 5, 8), body=(
        "Islamic State Khorasan Province said it fired rockets at Termez, Uzbekistan, on May 7. "
        "Uzbek officials denied that any rocket had landed.")),
    Article(id="dated-2099-in-text", published_at=date(2022, 4, 20), body=(
        "Islamic State Khorasan Province said on 7 May 2099 that it had fired rockets at "
        "Termez in Uzbekistan.")),
]


def _samples() -> list[Article]:
    return [decode_article(line) for line in SAMPLES.read_bytes().splitlines() if line.strip()]


def _versions(articles: list[Article], pipeline: Pipeline,
              record_day: date | None) -> dict[str, list[Alert]]:
    replay = Replay(pipeline)
    out: dict[str, list[Alert]] = {}
    for article in articles:
        for alert in replay.feed(article, date(2022, 5, 10), record_day):
            out.setdefault(alert.alert_id, []).append(alert)
    return out


@pytest.mark.parametrize("record_day", [RECORD_DAY, None], ids=["stream", "no-record-time"])
@pytest.mark.parametrize("poison", POISON, ids=lambda a: a.id)
def test_a_2099_article_leaves_every_other_alert_intact(
    pipeline: Pipeline, poison: Article, record_day: date | None
) -> None:
    samples = _samples()
    clean = _versions(samples, pipeline, record_day)
    assert {a.target_country for versions in clean.values() for a in versions} == {"TJ", "UZ"}
    assert sum(len(v) for v in clean.values()) >= 4
    for at in (1, len(samples) // 2, len(samples)):
        poisoned = _versions([*samples[:at], poison, *samples[at:]], pipeline, record_day)
        for alert_id, versions in clean.items():
            assert poisoned.get(alert_id) == versions, (poison.id, at, alert_id)


def test_a_future_article_is_read_as_published_on_its_record_day(pipeline: Pipeline) -> None:
    events = pipeline.classify(POISON[0], date(2022, 5, 10), RECORD_DAY).events
    assert events
    assert all(e.published_at == RECORD_DAY for e in events)
    assert all(e.incident_time.end <= date(2024, 6, 2) for e in events)


def test_a_statement_about_a_future_attack_is_dropped_and_an_open_one_clamped() -> None:
    """Whatever the extractor makes of a date in the text, the pipeline bounds what it emits."""
    claim = event(EventKind.CLAIM, day=date(2099, 5, 7))
    claim = claim.model_copy(update={"published_at": date(2022, 4, 20)})
    assert bounded(claim, tolerance_days=1) is None
    ongoing = claim.model_copy(update={"incident_time": IncidentTime(
        start=date(2022, 4, 1), end=date(2099, 1, 1), exact=False)})
    clamped = bounded(ongoing, 1)
    assert clamped is not None and clamped.event_id == claim.event_id
    assert clamped.incident_time == IncidentTime(start=date(2022, 4, 1), end=date(2022, 4, 21),
                                                 exact=False)
