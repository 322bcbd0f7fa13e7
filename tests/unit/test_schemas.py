"""Contracts: the committed JSON Schemas match the models; input rules hold."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from pydantic import ValidationError

from schemas.article import Article
from schemas.dead_letter import DeadLetter
from schemas.event import IncidentTime
from schemas.export import JSON_DIR, MODELS, render


@pytest.mark.parametrize("name", sorted(MODELS))
def test_committed_json_schema_matches_model(name: str) -> None:
    committed = (JSON_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == render(MODELS[name]), (
        f"schemas/json/{name}.schema.json drifted: run `counterclaim schemas schemas/json`"
    )


def test_article_ignores_unknown_fields_and_accepts_dates() -> None:
    a = Article.model_validate({"id": "x", "body": "text", "extra": 1, "published_at": "2022-05-10"})
    assert a.published_at == date(2022, 5, 10)
    b = Article.model_validate({"id": "y", "body": "t", "published_at": "2022-05-10T08:00:00Z"})
    assert isinstance(b.published_at, datetime)
    assert b.publication_date(date(2000, 1, 1)) == date(2022, 5, 10)
    c = Article(id="z", body="t")
    assert c.publication_date(date(2021, 1, 2)) == date(2021, 1, 2)


@pytest.mark.parametrize("payload", [{"body": "t"}, {"id": "x"}, {"id": " ", "body": "t"},
                                     {"id": "x", "body": "   "},
                                     {"id": "x", "body": "t", "published_at": "yesterday"}])
def test_article_rejects_missing_or_blank_required_fields(payload: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        Article.model_validate(payload)


def test_incident_time_must_be_ordered_and_overlap_uses_slack() -> None:
    with pytest.raises(ValidationError):
        IncidentTime(start=date(2022, 5, 8), end=date(2022, 5, 7), exact=False)
    a = IncidentTime.on(date(2022, 5, 1))
    assert a.overlaps(IncidentTime.on(date(2022, 5, 8)), 7)
    assert not a.overlaps(IncidentTime.on(date(2022, 5, 9)), 7)


def test_dead_letter_keeps_original_bytes() -> None:
    raw = b"\x00\xffnot json"
    record = DeadLetter.of("classify", "not JSON", raw, topic="t", partition=1, offset=5, key=b"k")
    again = DeadLetter.model_validate(json.loads(record.model_dump_json()))
    assert again.original() == raw
    assert (again.topic, again.partition, again.offset) == ("t", 1, 5)
