"""A country's name inside a weapon's name ("a 'Palestine 2' missile") or its maker ('made in
Yemen') is no target; a state's drone brought down is its asset; the war a claim is set in
('amid the war in Gaza') is not what was hit. Written here in our own words. Each case says
whether it failed before its change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape, read

CASES: dict[str, Shape] = {
    # failed before: the missile's name made Palestine the target
    "a country named in a missile's name is no target": (
        "The Houthis said they fired a missile at Eilat on Sunday. The Houthis said they "
        "launched a 'Palestine 2' missile, which they describe as hypersonic.",
        [("claim", "IL", "Houthi")], [("claim", "PS", "Houthi")],
    ),
    # failed before: the country the missile was made in was the claim's target
    "where a weapon was made is no target": (
        "The Houthis said they fired a missile at Eilat on Sunday. They said they launched a "
        "ballistic missile manufactured in Yemen.",
        [("claim", "IL", "Houthi")], [("claim", "YE", "Houthi")],
    ),
    # failed before: the war the claim was set in outranked the downed drone's state
    "a state's drone shot down is its asset, whatever war the claim is set in": (
        "Hezbollah claimed on Thursday to have shot down an Israeli drone over southern Lebanon "
        "amid rising tension in the wake of the war in Gaza.",
        [("claim", "IL", "Hezbollah")], [("claim", "PS", "Hezbollah")],
    ),
    # guard: a state's drone that strikes is the attacker, not the asset hit
    "a state's drone that strikes is no target": (
        "The Lebanese army said an Israeli drone struck a car in Tyre.",
        [("attack_report", "LB", "Lebanon")], [("attack_report", "IL", "Lebanon")],
    ),
    # guard: a number after a country that counts people is no weapon's name
    "a count after a country's name is no weapon's name": (
        "Al-Shabaab said it attacked a base in Kenya, 12 soldiers were killed, it said.",
        [("claim", "KE", "al-Shabaab")], [],
    ),
    # failed before: 'they were targeting' (the progressive) was no act of the group's own
    "a group saying it was targeting a site claims the attack": (
        "Hezbollah said in a statement that they were targeting an intelligence headquarters in "
        "the suburbs of Tel Aviv.",
        [("claim", "IL", "Hezbollah")], [],
    ),
    # guard: a group telling that the enemy was targeting it claims nothing
    "a group saying the enemy was targeting its men claims nothing": (
        "Hezbollah said Israeli drones were targeting its fighters near Tyre.",
        [], [("claim", "IL", "Hezbollah"), ("claim", "LB", "Hezbollah")],
    ),
    # guard: the flag a ship flies is its target, whatever coast it was off
    "the coast a flagged ship was hit off is no target": (
        "A Liberian-flagged tanker was hit by a missile off the coast of Yemen on Tuesday. The "
        "Houthis claimed responsibility for the attack.",
        [("claim", "LR", "Houthi")], [("claim", "YE", "Houthi")],
    ),
    # failed before: 'off Yemen' made Yemen the target of an attack on a ship with no flag named
    "a ship attacked off a country's coast is not that country's": (
        "The Houthis claimed an attack on a tanker off Yemen on Tuesday.",
        [], [("claim", "YE", "Houthi")],
    ),
    # failed before: the toll of what the attack avenged was the claim's count, so the state's
    # own four dead read as a lesser account, a denial
    "the toll of what an attack avenged is not the claim's count": (
        "Four soldiers were killed in a Hezbollah drone attack on an army base near Haifa, "
        "according to the Israeli military. Hezbollah claimed responsibility for the attack, "
        "which it said was in retaliation for Israeli strikes on Beirut that killed 22 people.",
        [("confirmation", "IL", "Israel")], [("denial", "IL", "Israel")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_names_and_settings_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])


# failed before: 'JAS' (an acronym of Boko Haram) in 'JAS 39 Gripen' made the group the attacker
def test_a_name_followed_by_a_model_number_is_a_weapon_not_a_group(pipeline: Pipeline) -> None:
    body = ("Cambodia said Thai JAS 39 Gripen jets struck its positions near the temple on "
            "Thursday, killing two soldiers.")
    events = read(pipeline, body)
    assert events, "the report is still read"
    assert all("Boko" not in (e.attacker or "") for e in events), events
