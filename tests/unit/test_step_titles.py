"""Headlines: read before the body, as a paragraph of their own, with offsets into the title."""

from __future__ import annotations

from schemas.article import Article
from schemas.event import EventKind
from services.classifier.extract import TITLE_MAX_CHARS, headline
from services.pipeline import Pipeline, Replay
from tests.unit.factories import PUB

TITLE = "Kenya denies al-Shabaab claim of attack on Lamu base"
BODY = ("Al-Shabaab said on Friday its fighters had overrun a Kenyan army base in Lamu county, "
        "killing 20 soldiers.")


def test_a_headline_denial_answers_the_claim_in_the_body(pipeline: Pipeline) -> None:
    article = Article(id="t", title=TITLE, body=BODY, published_at=PUB)
    events = pipeline.classify(article, PUB).events
    denial = [e for e in events if e.kind is EventKind.DENIAL]
    assert [(e.actor, e.target_country, e.evidence.part) for e in denial] == [
        ("Kenya", "KE", "title")]
    assert TITLE[denial[0].evidence.start : denial[0].evidence.end] == denial[0].evidence.text
    claim = [e for e in events if e.kind is EventKind.CLAIM and e.evidence.part == "body"]
    assert claim and BODY[claim[0].evidence.start : claim[0].evidence.end] == claim[0].evidence.text
    assert [a.target_country for a in Replay(pipeline).feed(article, PUB)] == ["KE"]


def test_without_a_title_the_body_offsets_are_unchanged(pipeline: Pipeline) -> None:
    with_title = pipeline.classify(Article(id="t", title=TITLE, body=BODY, published_at=PUB), PUB)
    without = pipeline.classify(Article(id="t", body=BODY, published_at=PUB), PUB)
    body_events = [e.evidence for e in with_title.events if e.evidence.part == "body"]
    assert body_events == [e.evidence for e in without.events]


def test_a_headline_is_one_line_of_the_same_length() -> None:
    assert headline("Kenya denies\nclaim\t") == "Kenya denies claim "
    assert headline("   ") == "" and headline(None) == ""
    assert len(headline("x" * (TITLE_MAX_CHARS + 50))) == TITLE_MAX_CHARS


def test_a_headline_that_says_nothing_adds_nothing(pipeline: Pipeline) -> None:
    plain = pipeline.classify(Article(id="t", body=BODY, published_at=PUB), PUB).events
    titled = pipeline.classify(
        Article(id="t", title="Weather: rain expected in Nairobi", body=BODY, published_at=PUB),
        PUB).events
    assert [e.evidence for e in titled] == [e.evidence for e in plain]
