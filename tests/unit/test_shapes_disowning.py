"""What a group's words own and disown: weapons that 'struck a US warship' (where 'US' is no
'us'), rockets that 'were fired at' a town, said by the group, are its claim; 'had no link to
the rockets' and 'was not behind the attack' disown it. Sentences in our own words; each case
says whether it failed before its change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: lower-cased, 'a US warship' read as 'us', the group's own side hit
    "the group's weapons striking a US ship are its claim": (
        "Houthi spokesman Yahya Saree said drones struck a US warship in the Red Sea.",
        [("claim", "US", "Houthi")], [],
    ),
    # guard: weapons that struck the group's own positions are no claim of its own
    "weapons that struck 'our positions' are not the group's": (
        "The Houthis said drones struck our positions in Hodeidah overnight.",
        [], [("claim", "YE", "Houthi")],
    ),
    # failed before: the passive 'had been fired at' hid whose rockets they were
    "rockets 'fired at' a town, told by the group, are its claim": (
        "ISKP said ten rockets had been fired at a military base in Termez.",
        [("claim", "UZ", "Islamic State Khorasan")], [],
    ),
    # guard: reports the group says it is looking into are not its own account
    "reports a governing group investigates are not its claim": (
        "Afghanistan's Taliban government said it was investigating reports that rockets were "
        "fired into Tajikistan.",
        [], [("claim", "TJ", "Taliban")],
    ),
    # failed before: 'no link to the rockets' read as the group owning them
    "'had no link to the rockets' disowns them": (
        "Hezbollah said it had no link to the rockets that hit northern Israel.",
        [("denial", "IL", "Hezbollah")], [("claim", "IL", "Hezbollah")],
    ),
    # failed before: a state disowning an attack on another's troops takes no credit for it
    "'played no role' is the accused's answer": (
        "Iran said it played no role in the drone attack on the Tower 22 outpost.",
        [("denial", "US", "Iran")], [("claim", "US", "Iran")],
    ),
    # failed before: the governing group disowning a bombing was read as Afghanistan's denial
    "a governing group disowning an attack is not the state denying it": (
        "Islamic State claimed the bombing of a mosque in Kabul. Taliban spokesman Zabihullah "
        "Mujahid denied that the group had anything to do with the attack.",
        [("claim", "AF", "Islamic State")], [("denial", "AF", "Taliban")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_disowning_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
