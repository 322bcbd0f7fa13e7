"""Whose word and whose ship: a byline's names are no places ('By Juliet ...' is not Joliet,
Illinois); 'P, a day after Y said Q' leaves Q to Y; a ship 'bound for' a country is not that
country's; 'the missiles it said the group fired' is the pronoun's saying; a merchant ship
with no flag or operator named gives a claim no target; a defence that concedes a hit ('a
projectile struck the base') denies nothing. Written here in our own words. Each case says
whether it failed before its change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: 'Juliet' in the byline is also a US town, and the police spoke for the US
    "a byline's first name is no place": (
        "By Juliet Amoding\n\nThe Islamic State claimed responsibility for a bomb blast at a bar "
        "in Kampala, Uganda. Police spokesman Paul Onyango said there was no evidence linking "
        "the group to the blast.",
        [("denial", "UG", "Uganda")], [("denial", "US", "")],
    ),
    # failed before: 'a day after CENTCOM said ...' was the group's word, and the US its target
    "what another said 'a day after' is not the speaker's word": (
        "The Houthis said on Thursday they had fired missiles at a bulk carrier in the Red Sea, "
        "a day after the US Central Command said it had shot down drones over the sea.",
        [], [("claim", "US", "Houthi")],
    ),
    # failed before: the destination of a ship was read as the ship's state
    "a ship bound for a country is not that country's": (
        "The Houthis said they had targeted a tanker bound for Israel in the Gulf of Aden.",
        [], [("claim", "IL", "Houthi")],
    ),
    # failed before: 'missiles it said the Houthis had fired' made the Houthis speak
    "a reduced relative's pronoun is the speaker": (
        "The Houthis claimed an attack on a container ship. The US military said there was no "
        "damage from the two missiles it said the Houthis had fired at the vessel.",
        [], [("claim", "US", "Houthi")],
    ),
    # failed before: with no flag named, a merchant ship took the article's main state
    "a merchant ship with no flag named gives a claim no target": (
        "The US Navy said its destroyer shot down drones over the Red Sea. Separately, the "
        "Houthis said they had hit a container ship with a missile.",
        [], [("claim", "US", "Houthi")],
    ),
    # guard: a merchant ship whose flag the text names is that state's
    "a merchant ship with its flag named is that state's": (
        "The Houthis said they had hit a Liberian-flagged container ship with a missile.",
        [("claim", "LR", "Houthi")], [],
    ),
    # failed before: an interception attempt beside a conceded hit was read as a denial
    "a defence that concedes a hit denies nothing": (
        "Hezbollah said it launched explosive drones at an Israeli army base near Safed. The "
        "Israeli army said its air defences tried to intercept a hostile aircraft and that a "
        "projectile struck the base.",
        [("claim", "IL", "Hezbollah")], [("denial", "IL", "Israel")],
    ),
    # failed before: the capital inside a ship's name ('Marlin Luanda') was the target
    "a ship named after a capital, called a British tanker": (
        "A Houthi military spokesman said the group had targeted the Marlin Luanda, a British oil "
        "tanker, in the Gulf of Aden.",
        [("claim", "GB", "Houthi")], [("claim", "AO", "Houthi")],
    ),
    # guard: a capital an appositive calls a city is still the place hit
    "a capital called a city is still a place": (
        "The Houthis said they targeted Luanda, a city in Angola.",
        [("claim", "AO", "Houthi")], [],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ship_and_byline_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
