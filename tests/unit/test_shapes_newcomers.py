"""Groups the data does not know yet, and harm nobody claimed: 'Thaereen Brigade, a hardened
militia group, claimed ...' and 'a group calling itself the True Promise Brigades' speak as
those groups; 'there were no reported casualties', against a claim that claimed no harm,
contests nothing. Written here in our own words. Each case says whether it failed before its
change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: a group absent from the data spoke for nobody
    "a named militia the data lacks claims as itself": (
        "The United States said a drone struck a base housing American troops near Erbil on "
        "Friday. Hours later, Saraya al-Nasr, a shadowy militia group, claimed responsibility "
        "for the attack on the American base.",
        [("claim", "US", "Saraya al-Nasr")], [],
    ),
    # failed before: the same, named after 'calling itself'
    "a group 'calling itself' a name claims as that name": (
        "Saudi Arabia said a drone hit a fuel depot in Jizan on Saturday. A little-known group "
        "calling itself the Brigades of the Promised Day claimed responsibility for the attack "
        "on the Saudi depot.",
        [("claim", "SA", "Brigades of the Promised Day")], [],
    ),
    # guard: a group the data knows is still that group
    "a known group described as a militia keeps its own name": (
        "Kataib Hezbollah, an Iraqi militia, claimed responsibility for a drone attack on a US "
        "base in Syria.",
        [("claim", "US", "Kata")], [("claim", "US", "Kataib Hezbollah, an")],
    ),
    # failed before: 'no reported casualties' against a claim of no harm was a denial
    "no casualties against a claim that claimed none contests nothing": (
        "The Ansar Brigade said it had launched a drone at the Harir base used by US forces in "
        "Iraq. A US military spokesman said a drone had targeted the base. There were no "
        "reported casualties, the spokesman added.",
        [], [("denial", "US", "United States")],
    ),
    # guard: no damage against a claimed hit on a ship still contests the hit
    "no damage against a claimed direct hit still denies it": (
        "The Houthis said they had hit the USS Mason with two missiles. The Pentagon said the "
        "missiles caused no damage to the destroyer.",
        [("denial", "US", "United States")], [],
    ),
    # guard: a group named and described as Iraqi, in a story about the Houthis, is itself
    "a group described as another country's is not the story's main group": (
        "The Houthis claimed a drone attack on Riyadh last week. Alwiya al-Waad al-Haq, an Iraqi "
        "militia group, said it had launched drones at Riyadh on Saturday.",
        [("claim", "SA", "Alwiya al-Waad al-Haq")], [],
    ),
    # failed before: 'Iraq Militia' in a headline spoke as the state of Iraq
    "'Iraq Militia takes credit' is a group, not the state": (
        "Iraq Militia Takes Credit for Drone Attack on Riyadh",
        [("claim", "SA", "unnamed armed group (Iraq)")], [("claim", "SA", "Iraq")],
    ),
    # guard: a coalition described as the main group's own country is still the main group
    "an Iraqi coalition in a story about an Iraqi group is that group": (
        "The Islamic Resistance in Iraq said it fired drones at Eilat. An Iraqi coalition of "
        "armed groups said it launched drones at Haifa.",
        [("claim", "IL", "Islamic Resistance in Iraq")], [("claim", "IL", "unnamed armed group")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_newcomer_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
