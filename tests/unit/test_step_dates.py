"""Incident time: a claim with a named past date belongs to that date, not to the day the story
tells of it; the day something is said or released is not the day of the attack."""

from __future__ import annotations

from datetime import date

import pytest

from services.classifier.dates import find_dates
from services.pipeline import Pipeline
from tests.unit.factories import PUB, read


@pytest.mark.parametrize(
    ("sentence", "speech"),
    [
        ("the militia on thursday released a video of the strike", True),
        ("the army on thursday said nothing had crossed the border", True),
        ("the ministry said on thursday that nothing crossed", True),
        ("the rockets landed on thursday near the border post", False),
        ("an attack on thursday confirmed by local officials", False),  # still the attack's day
    ],
)
def test_the_day_of_a_statement_is_told_apart(sentence: str, speech: bool) -> None:
    (found,) = find_dates(sentence, PUB)
    assert found.speech is speech
    assert found.time.start == date(2024, 6, 13)


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("last year", date(2023, 1, 1), date(2023, 12, 31)),
        ("a year ago", date(2023, 5, 16), date(2023, 7, 15)),
        ("two months ago", date(2024, 4, 5), date(2024, 4, 25)),
    ],
)
def test_a_past_period_is_a_range_not_a_day(phrase: str, start: date, end: date) -> None:
    (found,) = find_dates(f"the drone strike {phrase} was denied", PUB)
    assert (found.time.start, found.time.end, found.time.exact) == (start, end, False)


def test_footage_released_today_of_last_years_attack_dates_the_attack(
        pipeline: Pipeline) -> None:
    body = ("The Eastern Front on Thursday released footage it said showed its drone strike on "
            "Zarqa airport in Jordan last year. Jordan's army said at the time that no drone had "
            "reached the airport.")
    events = read(pipeline, body)
    assert events, "the claim and the denial are read"
    for event in events:
        assert (event.incident_time.start, event.incident_time.end) == (
            date(2023, 1, 1), date(2023, 12, 31)), event.evidence.text


def test_a_claim_with_a_named_month_keeps_that_month(pipeline: Pipeline) -> None:
    body = ("The Houthis' al-Masirah channel on Thursday aired a video it said showed a drone "
            "attack on Eilat in Israel, claimed by the group in March 2023.")
    events = read(pipeline, body)
    assert events
    assert all(e.incident_time.start.year == 2023 for e in events)


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("its claim in 2022 that it fired rockets at termez was denied", 2022),
        ("in 2019, the group attacked a base in lamu", 2019),
        ("an attack in 2021 on the same post killed four", 2021),
    ],
)
def test_a_bare_year_dates_an_attack_it_qualifies(sentence: str, year: int) -> None:
    (found,) = find_dates(sentence, PUB)
    assert (found.time.start, found.time.end) == (date(year, 1, 1), date(year, 12, 31))
    assert not found.time.exact


@pytest.mark.parametrize("sentence", [
    "al-shabaab, which was founded in 2006, said on thursday it attacked a base",
    "the houthis, who seized sanaa in 2014, fired missiles at jizan on thursday",
    "the war, which began in 2015, has killed thousands",
])
def test_a_year_that_dates_the_group_or_the_war_is_no_incident_date(sentence: str) -> None:
    assert all(d.time.start.year == PUB.year for d in find_dates(sentence, PUB))
