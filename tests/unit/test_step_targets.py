"""Targets, origins, datelines and clauses on their own."""

from __future__ import annotations

import pytest

from services.classifier.datelines import dateline_spans
from services.pipeline import Pipeline
from tests.unit.factories import read


def targets(pipeline: Pipeline, body: str) -> set[str | None]:
    events = read(pipeline, body)
    return {e.target_country for e in events}


@pytest.mark.parametrize(
    ("body", "target"),
    [
        ("ISKP said it fired rockets from Afghan soil into Tajikistan on Thursday.", "TJ"),
        ("The Houthis said they fired drones at Israeli army sites from Yemen on Thursday.", "IL"),
        ("Hezbollah said it fired rockets at Israeli troops inside Lebanon on Thursday.", "IL"),
        ("The Houthis said they fired missiles at the USS Eisenhower on Thursday.", "US"),
        ("The Iran-backed Houthis said they hit Saudi Aramco's refinery in Jizan on Thursday.",
         "SA"),
        ("The Houthis said they struck a tanker owned by a Greek company in the Red Sea on "
         "Thursday.", "GR"),
    ],
)
def test_target(pipeline: Pipeline, body: str, target: str) -> None:
    assert targets(pipeline, body) == {target}


def test_struck_near_an_embassy_is_not_the_embassy(pipeline: Pipeline) -> None:
    body = "The Houthis said their drone struck a house near the US embassy in Tel Aviv on Thursday."
    assert targets(pipeline, body) == {"IL"}


def test_purpose_is_not_a_target(pipeline: Pipeline) -> None:
    body = ("Kataib Hezbollah said it fired drones at Eilat on Thursday in solidarity with the "
            "people of Lebanon.")
    assert targets(pipeline, body) == {"IL"}


@pytest.mark.parametrize(
    ("body", "head"),
    [
        ("DUBAI, June 13 (Reuters) - The Houthis said", "DUBAI, June 13 (Reuters) - "),
        ("BEIRUT (AP) - Hezbollah said", "BEIRUT (AP) - "),
        ("ISLAMABAD: The army said", "ISLAMABAD: "),
        ("AFP, NAIROBI\n\nThe group said", "AFP, NAIROBI"),
    ],
)
def test_datelines(body: str, head: str) -> None:
    assert [body[a:b] for a, b in dateline_spans(body)] == [head]


def test_a_named_group_in_parentheses_is_no_dateline() -> None:
    assert dateline_spans("The Islamic State-Khorasan (IS-K) said on Monday") == []


def test_an_asset_abroad_in_a_country_named_as_territory_answers_to_both(
        pipeline: Pipeline) -> None:
    """'an Israeli base in Iraq's Kurdish capital': the claim answers Israel's and Iraq's word."""
    body = ("Iraq's foreign ministry on Thursday dismissed as false Iran's claim that it hit an "
            "Israeli spy base in Iraq's northern regional capital.")
    events = read(pipeline, body)
    claims = {e.target_country for e in events if e.kind.value == "claim"}
    assert claims == {"IL", "IQ"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # its own strike, told by the state that struck: a claim, no attack on itself
        ("Russia's defence ministry said it had hit an airfield in Ukraine on Thursday. \"As a "
         "result of the Russian army's strike, four jets were destroyed and two were damaged,\" "
         "the ministry said.", {("claim", "UA")}),
        ("Russia's defence ministry said its missiles hit barracks in Kramatorsk on Thursday. "
         "\"More than 300 Ukrainian soldiers were killed\" in the strike, the ministry said.",
         {("claim", "UA")}),
        # its own losses, counted: a report of an attack on itself
        ("Pakistan's army said on Thursday that two of its soldiers were killed when Iranian "
         "missiles struck a border post.", {("attack_report", "PK")}),
        ("Russia's defence ministry said three Russian soldiers were wounded when Ukrainian drones "
         "struck a base near Belgorod on Thursday.", {("attack_report", "RU")}),
    ],
)
def test_a_state_reports_an_attack_on_itself_only_where_it_was_hit(
        pipeline: Pipeline, body: str, expected: set[tuple[str, str]]) -> None:
    events = read(pipeline, body)
    assert {(e.kind.value, e.target_country) for e in events} == expected
