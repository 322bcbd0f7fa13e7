"""The benchmark corpus: reproducible, ~3 KB, the configured share of relevant articles, and
relevant articles that the real extractor reads as a claim contradicted by the target state."""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from datetime import date

import orjson
import pytest

from schemas.event import EventKind
from services.bench.corpus import BenchArticle, CorpusConfig, generate, make_article
from services.pipeline import Pipeline, Replay

FALLBACK = date(2023, 1, 1)


@pytest.fixture(scope="module")
def corpus() -> list[BenchArticle]:
    return list(generate(CorpusConfig(size=2000)))


def test_same_config_same_bytes() -> None:
    config = CorpusConfig(size=300, seed=11)
    first = [a.to_json() for a in generate(config)]
    again = [a.to_json() for a in generate(config)]
    assert first == again


def test_any_slice_is_reproducible_on_its_own() -> None:
    config = CorpusConfig(size=50, seed=11)
    whole = [a.to_json() for a in generate(CorpusConfig(size=400, seed=11))]
    assert [a.to_json() for a in generate(config, first=350)] == whole[350:400]
    assert make_article(config, 123).to_json() == whole[123]


def test_seed_changes_the_text() -> None:
    a = [x.article.body for x in generate(CorpusConfig(size=20, seed=1))]
    b = [x.article.body for x in generate(CorpusConfig(size=20, seed=2))]
    assert sum(x != y for x, y in zip(a, b, strict=True)) >= 18


def test_articles_are_about_3_kb(corpus: list[BenchArticle]) -> None:
    bodies = [len(a.article.body.encode()) for a in corpus]
    wire = [len(a.to_json()) for a in corpus]
    assert min(bodies) >= 2_500 and max(bodies) <= 3_800
    assert 2_800 <= statistics.mean(bodies) <= 3_300
    assert 2_900 <= statistics.mean(wire) <= 3_700


def test_wire_form_is_a_valid_article_with_unique_ids(corpus: list[BenchArticle]) -> None:
    records = [orjson.loads(a.to_json()) for a in corpus]
    assert len({r["id"] for r in records}) == len(records)
    assert all(r["body"] and r["published_at"] for r in records)
    undeclared = sum("language" not in r for r in records) / len(records)
    assert 0.15 <= undeclared <= 0.35  # some articles leave language detection to the extractor


@pytest.mark.parametrize("share", [0.02, 0.03, 0.05])
def test_relevant_share_is_exact_and_spread_out(share: float) -> None:
    items = list(generate(CorpusConfig(size=2000, relevant_share=share)))
    flags = [a.relevant for a in items]
    assert sum(flags) == int(2000 * share)
    positions = [i for i, relevant in enumerate(flags) if relevant]
    gaps = {b - a for a, b in itertools.pairwise(positions)}
    assert max(gaps) - min(gaps) <= 1  # evenly spread, not bunched at one end
    assert all(a.target_country for a in items if a.relevant)
    assert not any(a.target_country for a in items if not a.relevant)


def test_no_relevant_articles_when_share_is_zero() -> None:
    assert not any(a.relevant for a in generate(CorpusConfig(size=500, relevant_share=0.0)))


def test_irrelevant_news_is_varied(corpus: list[BenchArticle]) -> None:
    everyday = [a for a in corpus if not a.relevant]
    topics = Counter(a.topic for a in everyday)
    assert len(topics) >= 8
    assert min(topics.values()) >= len(everyday) / len(topics) / 2
    sample = [a.article.body for a in everyday[:300]]
    assert len(set(sample)) == len(sample)  # slot filling and shuffling, not one text repeated
    assert len({body.split(". ")[0] for body in sample}) >= 120


def test_relevant_articles_yield_claim_and_denial_about_their_target(
    pipeline: Pipeline, corpus: list[BenchArticle]
) -> None:
    relevant = [a for a in corpus if a.relevant][:40]  # every (group, country) pair, twice
    assert len(relevant) == 40
    for item in relevant:
        events = pipeline.classify(item.article, FALLBACK).events
        about = {(e.kind, e.target_country) for e in events}
        assert (EventKind.CLAIM, item.target_country) in about, item.article.body[:300]
        assert (EventKind.DENIAL, item.target_country) in about, item.article.body[:300]


def test_every_relevant_article_is_cited_by_an_alert(
    pipeline: Pipeline, corpus: list[BenchArticle]
) -> None:
    """The latency phase times article -> first alert citing it: that needs such an alert."""
    replay = Replay(pipeline)
    cited: set[str] = set()
    for item in corpus:
        for alert in replay.feed(item.article, FALLBACK):
            cited.update(ref.article_id for ref in (*alert.claims, *alert.denials))
    relevant = {a.article.id for a in corpus if a.relevant}
    assert len(relevant & cited) >= 0.95 * len(relevant)
    assert not cited - relevant  # everyday news raises no alert


def test_everyday_news_mostly_yields_no_events(
    pipeline: Pipeline, corpus: list[BenchArticle]
) -> None:
    everyday = [a for a in corpus if not a.relevant][:600]
    noisy = [a for a in everyday if pipeline.classify(a.article, FALLBACK).events]
    assert len(noisy) <= len(everyday) // 100, [a.article.body[:200] for a in noisy[:3]]


def test_config_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        CorpusConfig(size=-1)
    with pytest.raises(ValueError):
        CorpusConfig(size=10, relevant_share=1.5)
