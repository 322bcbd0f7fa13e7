"""A quotation that opens the sentence is what its speaker says, whatever follows the verb ('"P,"
the service said in a statement after G claimed it'); and 'denied any of its troops were hurt'
denies harm. Written here in our own words. Each case says whether it failed before its change or
is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: what followed 'said' ('in a statement after ...') was taken for its content
    "a quotation first, then its speaker and a long tail": (
        '"Not a single shell landed on our soil," Kyrgyzstan\'s border service said in a statement '
        "after the Islamic Movement of Uzbekistan claimed a mortar attack on Batken.",
        [("denial", "KG", "Kyrgyzstan"), ("claim", "KG", "Islamic Movement")], [],
    ),
    # failed before: 'said of the claim that P' left the quotation nobody's
    "a quotation first, said of another's claim": (
        '"This is a fabrication," a Kyrgyz border service spokesman said of the Islamic Movement of '
        "Uzbekistan's claim that its mortars hit Batken.",
        [("denial", "KG", "Kyrgyzstan"), ("claim", "KG", "Islamic Movement")], [],
    ),
    # guard: 'said that' after the speaker opens a content of its own
    "a quotation first, then 'said that' with content of its own": (
        '"We will respond," Kyrgyzstan\'s president said, adding that mortars fired from across the '
        "border had hit a school in Batken.",
        [("attack_report", "KG", "Kyrgyzstan")], [("denial", "KG", "Kyrgyzstan")],
    ),
    # failed before: 'hurt' was no loss a denial could deny
    "denying that troops were hurt is a denial": (
        "The Islamic Movement of Uzbekistan said it shelled Kyrgyz positions near Batken. "
        "Kyrgyzstan's defence ministry denied any of its troops were hurt.",
        [("denial", "KG", "Kyrgyzstan")], [],
    ),
}


MORE: dict[str, Shape] = {
    # failed before: 'no border guards were killed' was a toll conceded, so a report the state
    # gave of nothing of its own
    "'no border guards were killed', after a claim, denies the harm": (
        "Jaish al-Adl claimed it killed six Iranian border guards. According to Iran's interior "
        "ministry, no border guards were killed.",
        [("denial", "IR", "Iran")], [],
    ),
    # failed before: 'reports that G's rockets had hit X were "false"' carried no claim of G's
    "reports of a group's rockets, called false, carry the group's claim": (
        "Kyrgyzstan's defence ministry said reports that Islamic Movement of Uzbekistan rockets had "
        'hit Batken were "completely false".',
        [("denial", "KG", "Kyrgyzstan"), ("claim", "KG", "Islamic Movement")], [],
    ),
    # guard: reports of a group's rockets, not called false, are nobody's claim here
    "reports of a group's rockets, not answered, are no claim": (
        "Kyrgyzstan's defence ministry said reports that Islamic Movement of Uzbekistan rockets had "
        "hit Batken were being checked.",
        [], [("claim", "KG", "Islamic Movement")],
    ),
}


ASIDES: dict[str, Shape] = {
    # failed before: a date in brackets after the subject left the state no voice
    "a date aside after the subject": (
        "Ukraine on Thursday (April 14) claimed that it had hit a Russian landing ship with two "
        "missiles.",
        [("claim", "RU", "Ukraine")], [],
    ),
    # guard: a person's name after a capital is still a person, not the government
    "a capital followed by a name is a person": (
        "Sofia Petrov (a local resident) said rockets had hit a Ukrainian village.",
        [], [("claim", "UA", "Bulgaria"), ("attack_report", "BG", "Bulgaria")],
    ),
}

TABLES = (CASES, MORE, ASIDES)
ALL: dict[str, Shape] = {name: case for table in TABLES for name, case in table.items()}
assert len(ALL) == sum(map(len, TABLES))  # no case shadows another


@pytest.mark.parametrize("name", sorted(ALL))
def test_quote_first_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, ALL[name])
