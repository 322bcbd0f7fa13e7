"""Speakers: the head of the subject, through the article's memory."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import read


def speakers(pipeline: Pipeline, body: str) -> list[str]:
    events = read(pipeline, body)
    return [e.actor for e in events]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Yemen's Houthi rebels said they fired a missile at Eilat on Thursday.", "Houthi"),
        ("The Islamic Resistance in Iraq, a coalition of pro-Iran factions, said it launched "
         "drones at Eilat on Thursday.", "Islamic Resistance in Iraq"),
        ("Kenya Defence Forces spokesman Colonel Omondi said the attack on the Lamu base on "
         "Thursday was repulsed.", "Kenya"),
        ("Kyiv denied that any Russian missile hit the Odesa port on Thursday.", "Ukraine"),
        ("Danish shipping company Maersk said its vessel was not hit by the drone the Houthis "
         "fired on Thursday.", "Maersk"),
    ],
)
def test_head_of_the_subject_speaks(pipeline: Pipeline, body: str, speaker: str) -> None:
    assert any(s.startswith(speaker) for s in speakers(pipeline, body)), speakers(pipeline, body)


def test_surname_speaks_for_who_introduced_it(pipeline: Pipeline) -> None:
    body = ("The Houthis said they struck a US destroyer on Thursday. Pentagon press secretary "
            "Pat Ryder told reporters the destroyer was still at sea. Ryder said he was not aware "
            "of any attack on the destroyer.")
    assert "United States" in speakers(pipeline, body)


def test_a_person_named_after_a_capital_is_no_government(pipeline: Pipeline) -> None:
    body = ("Their coach, Sofia Petrov, said the missile test on Thursday was a distraction for "
            "the players.")
    assert speakers(pipeline, body) == []


def test_the_group_refers_to_the_group_last_named(pipeline: Pipeline) -> None:
    body = ("The ministry answered a claim by Jaish al-Adl. The group said it fired mortars at an "
            "Iranian border post on Thursday.")
    assert any(s.startswith("Jaish al-Adl") for s in speakers(pipeline, body))


def test_a_bare_ministry_is_not_the_state_its_statement_names_as_attacker(
        pipeline: Pipeline) -> None:
    """'The Armed Forces of Ukraine launched drones ..., the ministry said': Russia's ministry."""
    body = ("Russia's defence ministry said on Thursday that its ships had repelled an attack on a "
            "naval base. The Armed Forces of Ukraine launched two sea drones at the Novorossiysk "
            "naval base overnight, the ministry said.")
    events = read(pipeline, body)
    assert events and {e.actor for e in events} == {"Russian Federation"}


def test_an_organ_named_as_what_was_hit_is_not_the_speaker(pipeline: Pipeline) -> None:
    """The adviser denies the strike on an 'Israeli base'; Israel's organ in what he denies does
    not make him Israel's."""
    body = ("Iran's Revolutionary Guards said on Thursday they had destroyed a Mossad base in "
            "Sulaymaniyah. Iraq's government rejected the claim. \"Claims about targeting a Mossad "
            "base are baseless,\" national security adviser Karim Hamdi said.")
    assert "Israel" not in speakers(pipeline, body), speakers(pipeline, body)
    assert "Iraq" in speakers(pipeline, body)


def test_a_coalition_of_militias_stays_the_group(pipeline: Pipeline) -> None:
    """Only an article that names a state-led coalition makes 'the coalition' a state."""
    body = ("The Islamic Resistance in Iraq, a coalition of armed factions, said it fired drones "
            "at Eilat on Thursday. The coalition said it would keep up its attacks on Israel.")
    assert "Israel" not in speakers(pipeline, body), speakers(pipeline, body)


def test_a_relative_clause_after_the_speaker_does_not_speak(pipeline: Pipeline) -> None:
    """'..., who has been investigating the Iranian strikes': Iran is what he investigates."""
    body = ("Iran's Revolutionary Guards said on Friday they had hit a Mossad base in Erbil. Iraq's "
            "national security adviser, Qasim Hamdani, said Baghdad would complain to the UN. \"The claim is false,\" "
            "added Hamdani, who has been investigating the Iranian strikes for the government.")
    events = read(pipeline, body)
    assert [e.actor for e in events if e.kind.value == "denial"] == ["Iraq"], speakers(pipeline, body)
    assert [e.evidence.text[:13] for e in events if e.kind.value == "denial"] == ['"The claim is'], [
        e.evidence.text for e in events]


def test_a_spokesman_introduced_without_a_statement_speaks_later(pipeline: Pipeline) -> None:
    """'Tajik border service spokesman Umed Karimov met reporters' names him; '..., Karimov
    said' two paragraphs on is Tajikistan speaking."""
    body = ("ISKP said on Friday it had fired rockets at a border post near Panj, Tajikistan.\n\n"
            "Tajik border service spokesman Umed Karimov met reporters in Dushanbe.\n\n"
            "\"No rockets fell on our side of the river,\" Karimov said.")
    events = read(pipeline, body)
    assert [(e.kind.value, e.actor) for e in events if e.kind.value == "denial"] == [
        ("denial", "Tajikistan")], speakers(pipeline, body)


def test_a_subordinate_clause_starts_its_own_speaker(pipeline: Pipeline) -> None:
    body = ("The Houthis said on Monday they fired cruise missiles at the USS Eisenhower. The "
            "group made the same claim last week when the U.S. acknowledged it was striking "
            "Houthi radar sites. It is the third time in a month the group has made such a claim "
            "with the last one on March 2 when the U.S. acknowledged it was targeting Houthi "
            "radars.")
    events = read(pipeline, body)
    assert [(e.kind.value, e.target_country) for e in events] == [("claim", "US")], events


def test_a_number_confirmed_dead_is_no_statement(pipeline: Pipeline) -> None:
    body = ("The Taliban said their forces killed 19 Pakistani soldiers in Kurram on Saturday. "
            "Pakistani forces hit back, causing heavy Taliban casualties, with over 20 "
            "militants confirmed dead and many more wounded.")
    kinds = [(e.kind.value, e.actor) for e in read(pipeline, body)]
    assert not any(kind == "confirmation" for kind, _ in kinds), kinds


def test_a_governing_group_confirming_its_own_armed_forces_claims(pipeline: Pipeline) -> None:
    body = ("Houthi military spokesman Yahya Saree confirmed the operation on Friday, saying "
            "that \"the naval forces of the Yemeni Armed Forces carried out a strike on the "
            "Liberian-flagged tanker Star Iris\".")
    events = read(pipeline, body)
    assert not any(e.kind.value == "confirmation" for e in events), events
    assert any(e.kind.value == "claim" and e.target_country == "LR" for e in events), events


def test_people_killed_in_the_passive_do_not_act(pipeline: Pipeline) -> None:
    body = ("Gaza's Hamas-run health ministry said on Sunday that 40 Palestinians had been "
            "killed in Israeli strikes overnight.")
    assert not any(e.kind.value == "claim" for e in read(pipeline, body))
