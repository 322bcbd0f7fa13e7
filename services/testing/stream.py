"""A generated stream of articles whose alerts are known in advance, for restart trials.

Everyday news with relevant articles spread through it (the benchmark's corpus); each relevant
article opens an incident and raises one alert, and a later retelling of some of them by
another outlet updates that alert (version 2). The expected alerts are what `Replay` gives
for the same articles in the same order: the stream must end with exactly those.

Relevant articles are keyed by their target country, so all statements about one country
travel through one partition in file order, as in the replay; everyday articles are keyed by
their id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from schemas.alert import Alert
from schemas.article import Article
from services.bench.corpus import CorpusConfig, generate
from services.pipeline import Pipeline, Replay

FALLBACK = date(2023, 1, 1)


@dataclass(frozen=True)
class StreamRecord:
    key: bytes
    value: bytes


@dataclass(frozen=True)
class KnownStream:
    records: list[StreamRecord]
    expected: dict[str, Alert]  # alert_id -> final version, as the replay leaves it
    versions: set[str]  # every "alert_id:version" the stream publishes

    @property
    def alerts(self) -> int:
        return len(self.expected)


def known_stream(pipeline: Pipeline, size: int = 1_200, relevant_share: float = 0.04,
                 updates_every: int = 3, seed: int = 20240601) -> KnownStream:
    """`size` articles; about `size * relevant_share` alerts; every `updates_every`-th
    relevant article is told again by another outlet near the end, updating its alert."""
    corpus = list(generate(CorpusConfig(size=size, relevant_share=relevant_share, seed=seed)))
    articles: list[tuple[Article, str | None]] = [(c.article, c.target_country) for c in corpus]
    retold = [c for c in corpus if c.relevant][::updates_every]
    tail = len(articles) - len(articles) // 5
    for n, item in enumerate(retold):
        copy = item.article.model_copy(update={
            "id": f"{item.article.id}-retold", "source": "Retelling Wire",
            "url": f"https://retelling.example/{n}"})
        articles.insert(tail + n * 3, (copy, item.target_country))
    replay = Replay(pipeline)
    expected: dict[str, Alert] = {}
    versions: set[str] = set()
    for article, _ in articles:
        for alert in replay.feed(article, FALLBACK):
            expected[alert.alert_id] = alert
            versions.add(f"{alert.alert_id}:{alert.version}")
    records = [StreamRecord((target or article.id).encode(), _wire(article))
               for article, target in articles]
    return KnownStream(records, expected, versions)


def _wire(article: Article) -> bytes:
    doc = article.model_dump(mode="json", exclude_none=True)
    return json.dumps(doc).encode()


def final_alerts(values: Iterable[bytes]) -> dict[str, Alert]:
    """The highest version of each alert id among alert records."""
    final: dict[str, Alert] = {}
    for raw in values:
        alert = Alert.model_validate_json(raw)
        held = final.get(alert.alert_id)
        if held is None or alert.version > held.version:
            final[alert.alert_id] = alert
    return final


def versions_of(values: Iterable[bytes]) -> set[str]:
    return {f"{a.alert_id}:{a.version}" for a in map(Alert.model_validate_json, values)}
