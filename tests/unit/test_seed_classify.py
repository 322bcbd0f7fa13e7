"""The founding scenario, told in our own words, read correctly by the pure extractor."""

from __future__ import annotations

from datetime import date

import pytest

from schemas.article import Article
from schemas.event import Event, EventKind
from services.pipeline import Pipeline, Replay

# Our own retelling of the seed story (facts from the seed report, sentences written here).
SEED = """Tajikistan's Main Border Guard Directorate said on Sunday that only bullets were shot across the frontier during a clash between the Taliban and Islamic State fighters in Afghanistan's Takhar province.

The statement answered a claim by Islamic State Khorasan Province (ISKP). In a press release, the group said its militants had fired seven rockets into Tajikistan on May 7 from a launcher mounted on a truck.

On April 18, ISKP claimed that it had fired a barrage of rockets at a military base near Termez, Uzbekistan. Uzbek officials denied that any rockets had landed on their territory, but Taliban officials later confirmed that an attack had taken place."""


@pytest.fixture(scope="module")
def events(pipeline: Pipeline) -> list[Event]:
    article = Article(id="seed-own", body=SEED, published_at=date(2022, 5, 10), source="Own")
    return pipeline.classify(article, date(2022, 5, 10)).events


def _one(events: list[Event], kind: EventKind, country: str) -> Event:
    found = [e for e in events if e.kind is kind and e.target_country == country]
    assert len(found) == 1, f"expected one {kind} about {country}, got {found}"
    return found[0]


def test_tajik_claim_has_actor_place_day_weapon_and_count(events: list[Event]) -> None:
    claim = _one(events, EventKind.CLAIM, "TJ")
    assert claim.actor == "Islamic State Khorasan Province"
    assert claim.incident_time.start == claim.incident_time.end == date(2022, 5, 7)
    assert claim.weapon == "rockets"
    assert claim.count == 7
    assert claim.origin_country == "AF"


def test_tajik_denial_says_bullets(events: list[Event]) -> None:
    denial = _one(events, EventKind.DENIAL, "TJ")
    assert denial.actor == "Tajikistan"
    assert denial.actor_type.value == "state"
    assert denial.weapon == "bullets"


def test_termez_claim_and_uzbek_denial(events: list[Event]) -> None:
    claim = _one(events, EventKind.CLAIM, "UZ")
    assert claim.actor == "Islamic State Khorasan Province"
    assert claim.incident_time.start == date(2022, 4, 18)
    assert claim.location is not None and claim.location.name == "Termez"
    denial = _one(events, EventKind.DENIAL, "UZ")
    assert denial.actor == "Uzbekistan"
    assert denial.occurred is False


def test_taliban_confirmation_is_attached_to_termez(events: list[Event]) -> None:
    confirmation = _one(events, EventKind.CONFIRMATION, "UZ")
    assert confirmation.actor.startswith("Taliban")


def test_evidence_offsets_point_into_the_body(events: list[Event]) -> None:
    for event in events:
        assert SEED[event.evidence.start : event.evidence.end] == event.evidence.text


def test_correlation_gives_exactly_two_alerts(pipeline: Pipeline) -> None:
    article = Article(id="seed-own", body=SEED, published_at=date(2022, 5, 10), source="Own")
    alerts = list(Replay(pipeline).feed(article, date(2022, 5, 10)))
    final = {a.alert_id: a for a in alerts}
    assert sorted(a.target_country for a in final.values()) == ["TJ", "UZ"]
    tj = next(a for a in final.values() if a.target_country == "TJ")
    assert "weapon" in tj.contradictions
    uz = next(a for a in final.values() if a.target_country == "UZ")
    assert "occurrence" in uz.contradictions
    assert [c.actor.split(" (")[0] for c in uz.confirmations] == ["Taliban"]
