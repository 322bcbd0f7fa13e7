"""The target tells of the claimed attack without naming itself: 'rockets crossed from Lebanon',
'a building was hit', said by the state a group has just claimed to hit, are that state's account
of the attack. Written here in our own words. Each case says whether it failed before its change
or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

_CLAIM = "The Northern Brigades said they fired a salvo of rockets at the Israeli town of Metula. "

CASES: dict[str, Shape] = {
    # failed before: 'crossed from' the neighbour was not read as into the speaker's ground
    "rockets that crossed from abroad crossed into the speaker's ground": (
        _CLAIM + "The Israeli army confirmed that some 20 rockets crossed from Lebanon.",
        [("claim", "IL", "Northern Brigades"), ("confirmation", "IL", "Israel")], [],
    ),
    # failed before: a passive loss after a claim on the speaker named no side
    "a loss told right after a claim on the speaker is its own": (
        _CLAIM + "The Israeli military said a warehouse was hit.",
        [("confirmation", "IL", "Israel")], [],
    ),
    # guard: no claim against the speaker, no side told
    "a loss told with no claim in view is nobody's": (
        "The Israeli military said a warehouse was hit.",
        [], [("confirmation", "IL", "Israel"), ("attack_report", "IL", "Israel")],
    ),
    # guard: the building 'that was hit' is told in passing, inside another statement
    "a loss told in a relative clause is no account of it": (
        _CLAIM + "Israel's defence minister told reporters he had visited the warehouse that was hit "
        "in the night.",
        [], [("confirmation", "IL", "Israel"), ("attack_report", "IL", "Israel")],
    ),
    # guard: a loss with another country named is not the speaker's own
    "a loss named as another's is not the speaker's": (
        _CLAIM + "The Israeli military said a Syrian warehouse was hit.",
        [], [("confirmation", "IL", "Israel")],
    ),
}


ACCUSATIONS: dict[str, Shape] = {
    # failed before: 'accused' opened no statement at all
    "a state accusing a group of an attack on it reports that attack": (
        "The Malian army accused the Eastern Front of shelling a garrison in Kidal, killing four "
        "soldiers.",
        [("attack_report", "ML", "Mali")], [],
    ),
    # failed before: the teller's own country was taken as the one hit
    "a state accusing a group of an attack on another country reports nothing of its own": (
        "The Malian army accused the Eastern Front of a drone strike on a border post in Niger, "
        "killing two Nigerien gendarmes.",
        [], [("attack_report", "ML", "Mali")],
    ),
    # guard: its own dead, counted, in another country's land, are its own
    "a state's dead abroad are its own loss": (
        "Mali said it had lost six soldiers in an ambush by the Eastern Front inside Niger.",
        [("attack_report", "ML", "Mali")], [],
    ),
    # guard: the country that acts is not the one hit
    "the state named as acting is not the one hit": (
        '"Nigerien troops shelled our positions near Menaka," the Malian army said.',
        [("attack_report", "ML", "Mali")], [("attack_report", "NE", "Mali")],
    ),
}


DENIED_LOSSES: dict[str, Shape] = {
    # failed before: the soldiers in the claim a state denies were read as the group's home ground
    "soldiers in a claim a state denies are the denier's, abroad too": (
        "The Chadian army has refuted claims that 40 soldiers were killed when their camp near "
        "Diffa, Niger was stormed by Boko Haram fighters.",
        [("denial", "TD", "Chad"), ("claim", "TD", "Boko Haram")], [("claim", "NE", "Boko Haram")],
    ),
    # guard: soldiers named as another state's stay that state's
    "soldiers named as another's are not the denier's": (
        "Chad has dismissed claims by Boko Haram that its fighters killed 40 Nigerien soldiers "
        "near Diffa.",
        [("claim", "NE", "Boko Haram")], [("claim", "TD", "Boko Haram")],
    ),
}


LESSER: dict[str, Shape] = {
    # failed before: damage conceded made the account a report, though it told less than claimed
    "'only eight were injured' after a claim of six jets destroyed denies the effect": (
        "Officials in Kyiv claimed that Ukrainian drones had destroyed six Russian bombers at an "
        "airfield in the Saratov region. The regional governor said a fuel tank had been damaged and "
        "only four people near the airfield were slightly injured.",
        [("claim", "RU", "Ukraine"), ("denial", "RU", "Russia")], [("attack_report", "RU", "Russia")],
    ),
    # guard: a toll with no 'only' is a report of what happened
    "a toll told plainly is a report": (
        "Officials in Kyiv claimed that Ukrainian drones had destroyed six Russian bombers at an "
        "airfield in the Saratov region. The regional governor said a fuel tank had been damaged and "
        "four people near the airfield were injured.",
        [("claim", "RU", "Ukraine")], [("denial", "RU", "Russia")],
    ),
}


OTHERS_DEFENCE: dict[str, Shape] = {
    # failed before: the attacker denying the other side's interception was read as denying an
    # attack on itself
    "the attacker denying the defender's interception denies nothing of its own": (
        "The day Russia claimed to have destroyed a Ukrainian radar, Kyiv claimed to have "
        "intercepted all eight Iskander missiles, which Moscow denied.",
        [], [("denial", "RU", "Russia"), ("attack_report", "RU", "Russia")],
    ),
    # guard: the target denying the attacker's claim still denies
    "the target denying the attacker's claim still denies": (
        "Moscow claimed to have destroyed a Ukrainian air base near Lutsk, which Kyiv denied.",
        [("denial", "UA", "Ukraine")], [],
    ),
}


GROUP_SITES: dict[str, Shape] = {
    # failed before: missiles on a group's bases, told by a state's media with no owner named,
    # were a report, not the state's strike
    "missiles on a group's bases, told by a state's media, are its strike": (
        "Afghanistan said Tajikistan had violated its airspace, killing three farmers, hours after "
        "Tajik state media said missiles targeted two bases of the militant group Jamaat "
        "Ansarullah on Tuesday.",
        [("claim", "AF", "Tajikistan"), ("confirmation", "AF", "Afghanistan")], [],
    ),
    # guard: missiles on a village, told by the state it is in, are a report of an attack on it
    "missiles on a village of its own are a state's report": (
        "Afghan officials said missiles struck a village in Badakhshan, killing three farmers.",
        [("attack_report", "AF", "Afghanistan")], [("claim", "AF", "Afghanistan")],
    ),
}


LIMITED: dict[str, Shape] = {
    # failed before: 'limited damage' against a claim of destroyed sites denied nothing
    "'limited damage' against a claim denies its effect": (
        "Israel's military said its jets struck missile factories across Iran. Iran's army said the "
        "strikes caused only limited damage to radar systems.",
        [("claim", "IR", "Israel"), ("denial", "IR", "Iran")], [],
    ),
    # guard: with no claim in view, limited damage is the state's report of an attack on it
    "'minor damage' with no claim in view is a report": (
        "Uzbekistan's defence ministry said five rockets fired from Afghanistan fell near Termez, "
        "causing minor damage to a house.",
        [("attack_report", "UZ", "Uzbekistan")], [("denial", "UZ", "Uzbekistan")],
    ),
}

TABLES = (CASES, ACCUSATIONS, DENIED_LOSSES, LESSER, OTHERS_DEFENCE, GROUP_SITES, LIMITED)
ALL: dict[str, Shape] = {name: case for table in TABLES for name, case in table.items()}
assert len(ALL) == sum(map(len, TABLES))  # no case shadows another


@pytest.mark.parametrize("name", sorted(ALL))
def test_target_tells_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, ALL[name])
