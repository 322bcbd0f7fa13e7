"""Raids told in the plural: 'repelled another cross-border attack' is a state's account of
this raid (not one of several weapons stopped), groups listed after the claim they made ('two
groups ... took credit for it, the X Corps and the Y Legion'), and 'both groups said'. Sentences
in our own words; each case says whether it failed before its change or is a guard."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: 'another' read as one more weapon stopped, beside a report of shelling
    "'repelled another cross-border attack' is the state's denial": (
        "The Freedom of Russia Legion said its fighters had attacked Russian posts in the "
        "Belgorod region. Russia "
        "said on Thursday that its forces repelled another cross-border attack from Ukraine in "
        "the Belgorod region. Russia's defence ministry said the town of Shebekino was shelled.",
        [("denial", "RU", "Russia"), ("claim", "RU", "Freedom of Russia Legion")], [],
    ),
    # guard: a third drone stopped, beside two that hit, contests nothing
    "'another drone was intercepted' beside hits conceded is no denial": (
        "Hezbollah said it had attacked an army post near Metula with drones. The army said two "
        "drones struck a post in the north, wounding three soldiers. Another drone was "
        "intercepted, the army said.",
        [], [("denial", "IL", "Israel")],
    ),
    # failed before: the groups were named only after the claim, in a list
    "groups listed after the claim they took credit for": (
        "Two groups of Russian volunteers fighting for Kyiv took credit for the attack on "
        "Shebekino, the Russian Volunteer Corps and the Freedom of Russia Legion.",
        [("claim", "RU", "Russian Volunteer Corps")], [],
    ),
    # guard: 'both groups said' is the groups just named
    "'both groups said' is the groups just named": (
        "The Freedom of Russia Legion claimed the raid on Shebekino. Both groups also said they "
        "were responsible for a similar attack on Belgorod on May 22.",
        [("claim", "RU", "Freedom of Russia Legion")], [],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_raid_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
