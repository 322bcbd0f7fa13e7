"""Raids across a border claimed as incursions ('crossed the border into', 'broke into', 'made it
over the border'), and a country an armed group is against, which does not speak for it. Written
here in our own words. Each case says whether it failed before its change or is a guard."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: crossing a border was no act a claim could be about
    "a group's claim to have crossed the border is a claim": (
        "The Russian Volunteer Corps claimed to have crossed the border into the Kursk region.",
        [("claim", "RU", "Russian Volunteer Corps")], [],
    ),
    # failed before: 'anti-Kremlin militias' were taken to speak for the Kremlin
    "militias against a state do not speak for it": (
        "Russia's defence ministry said it had repelled an incursion by Ukrainian saboteurs as two "
        "anti-Kremlin militias made up of Russians claimed to have made it over the border.",
        [("denial", "RU", "Russia"), ("claim", "RU", "unnamed")], [("claim", "RU", "Russia")],
    ),
    # guard: crossing the border to flee is no attack
    "refugees who crossed the border are no claim": (
        "The UN refugee agency said 2,000 people had crossed the border into Chad, fleeing the "
        "fighting in Darfur, and the Sudanese army said nothing of the clashes.",
        [], [("claim", "TD", "Sudan")],
    ),
}


TRADE: dict[str, Shape] = {
    # failed before: denying a report that it agreed to buy drones was a denial of an attack
    "denying a drone purchase denies no attack": (
        "Greece's defence ministry on Thursday categorically denied a news report claiming that the "
        "Greek army had agreed to buy 50 Turkish tactical drones.",
        [], [("denial", "GR", "Greece")],
    ),
    # guard: denying that drones hit its airport is still a denial
    "denying that drones hit its airport is a denial": (
        "The Houthis said their drones hit Jizan airport. Saudi Arabia denied that any drone had "
        "hit the airport.",
        [("denial", "SA", "Saudi")], [],
    ),
}

TABLES = (CASES, TRADE)
ALL: dict[str, Shape] = {name: case for table in TABLES for name, case in table.items()}
assert len(ALL) == sum(map(len, TABLES))  # no case shadows another


@pytest.mark.parametrize("name", sorted(ALL))
def test_incursion_claim_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, ALL[name])
