"""A state's own acts and answers in the words officials use: 'the air force undertook
strikes across the Line of Control', 'the country "undertook" precision strikes', search teams
that found no casualties, a denial that the country lets its territory be used or hosts
militant sanctuaries (harbouring, not an attack), a group that 'carries out attacks' (a
habit), one of its fighters shot down (a loss, not a defence). Written here in our own words. Each case says whether it failed before its
change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape, read, said

CASES: dict[str, Shape] = {
    # failed before: 'undertook' was no act, so the ministry only reported an attack on itself
    "a state's air force that undertook strikes across the line is its claim": (
        "Indian jets crossed into Pakistani airspace on Wednesday. Pakistan's Foreign Ministry "
        "said that the Pakistan Air Force undertook strikes across the Line of Control.",
        [("claim", "IN", "Pakistan")], [("attack_report", "PK", "Pakistan")],
    ),
    # failed before: 'the country' was nobody acting
    "'the country undertook strikes' in a ministry's statement is its claim": (
        "Iran said drones had struck a village near Saravan. Pakistan's foreign ministry "
        "confirmed the strikes, saying the country \"undertook precision strikes against "
        "militant hideouts\" in Iran's Sistan and Baluchestan province.",
        [("claim", "IR", "Pakistan")], [],
    ),
    # failed before: 'teams' read as sport, so the police chief said nothing
    "search teams that found no casualties deny the claimed harm": (
        "India said its jets struck a militant camp near Balakot, Pakistan, killing many. The "
        "local police chief told reporters that his teams found no casualties and no damage on "
        "the ground.",
        [("denial", "PK", "Pakistan")], [],
    ),
    # failed before: letting its territory be used is harbouring, not an attack it denies
    "a state denying it lets its territory be used denies no attack": (
        "Pakistan says militants based in Afghanistan carry out deadly attacks inside Pakistan, "
        "but Kabul denies the charge, saying it does not allow its territory to be used against "
        "other countries.",
        [], [("denial", "AF", "Afghanistan"), ("denial", "AF", "Taliban")],
    ),
    # failed before: militant sanctuaries and soil used to launch attacks were read as attacks
    "rejecting allegations about militant sanctuaries denies no attack": (
        "Kabul rejected Islamabad's allegations about militant sanctuaries on Afghan soil and "
        "its accusations of fighters using Afghan soil to launch attacks on Pakistan.",
        [], [("denial", "AF", "Afghanistan"), ("denial", "PK", "Afghanistan")],
    ),
    # failed before: a habit ('the group carries out attacks') was read as this attack
    "a state saying a group carries out attacks tells of a habit": (
        "Pakistan says the Pakistani Taliban carries out deadly attacks inside Pakistan from "
        "bases across the border.",
        [], [("attack_report", "PK", "Pakistan"), ("confirmation", "PK", "Pakistan")],
    ),
    # failed before: its own fighter jets shot down was read as an attack it stopped
    "a state saying one of its fighters was shot down denies nothing": (
        "Pakistan said it had shot down two Indian jets. India says one of its MiG-21 fighters "
        "was shot down in the dogfight.",
        [], [("denial", "IN", "India")],
    ),
    # failed before: a foreign secretary spoke for no state
    "a country's foreign secretary speaks for it": (
        "India's foreign secretary said the country launched an airstrike into Pakistan on "
        "Tuesday, killing a large number of militants.",
        [("claim", "PK", "India")], [],
    ),
    # failed before: a state claiming responsibility was read as no claim without 'hit'
    "a state's guards claiming responsibility for strikes abroad claim them": (
        "Iran's Revolutionary Guards claimed responsibility for ballistic missile attacks on "
        "Erbil in northern Iraq on Sunday.",
        [("claim", "IQ", "Iran")], [],
    ),
    # guard: officials who stop short of claiming responsibility claim nothing
    "officials stopping short of claiming responsibility claim nothing": (
        "Ukrainian officials stopped short of publicly claiming responsibility for the "
        "explosions at the Russian air base in Crimea.",
        [], [("claim", "RU", "Ukraine"), ("claim", "UA", "Ukraine")],
    ),
    # failed before: 'the US' in lower case read as 'us', the speaker's own people
    "'the US' in a state's words is not 'us'": (
        "Iraq's government said rockets hit a base that hosts US forces in Syria, and condemned "
        "the attack.",
        [], [("attack_report", "IQ", "Iraq")],
    ),
    # failed before: a neighbour telling of a bare drone strike on another state's troops
    # was read as claiming it
    "a neighbour's report of a drone strike on foreign troops is no claim": (
        "Jordan's army said a drone struck a base housing US troops across the border in Syria.",
        [], [("claim", "US", "Jordan")],
    ),
    # guard: a strike 'by' a named weapon system, told by a state, is still its own
    "a strike by a state's named missile system is its claim": (
        "Russia's defence ministry said a strike by the Kinzhal missile system destroyed a "
        "Patriot battery in Kyiv.",
        [("claim", "UA", "Russia")], [],
    ),
    # failed before: 'none of the shells reached' was no denial
    "none of the shells reaching the airport denies the hit": (
        "RED-Tabara said it fired shells at Bujumbura airport. A senior military official said "
        "none of the mortar shells reached the airport.",
        [("denial", "BI", "Burundi")], [],
    ),
    # failed before: troops 'crossed into' a country was no act; 'no troops had entered' no
    # statement
    "troops that crossed into a country strike it; 'no troops entered' denies it": (
        "Indian troops crossed into Myanmar and destroyed a rebel camp, India's army said. "
        "Myanmar's government said no Indian troops had entered its territory.",
        [("claim", "MM", "India"), ("denial", "MM", "Myanmar")],
        [("attack_report", "IN", "India")],
    ),
    # failed before: abductions were no loss, so denying reports of them denied nothing
    "denying reports of soldier abductions denies the claimed capture": (
        "Hamas said its fighters captured Israeli soldiers in Gaza. The Israeli army "
        "spokesperson denied any reports of soldier abductions in the Gaza Strip.",
        [("denial", "IL", "Israel")], [],
    ),
    # failed before: a claim of 'these two attacks', recalled after a denial of a third, was
    # read as a claim of the attack denied now
    "a claim of 'these two attacks' recalls earlier ones": (
        "Uzbekistan's defence ministry rejected reports that rockets had hit its territory for "
        "a third time. Two earlier rocket attacks from Afghanistan caused no damage. Islamic "
        "State had claimed responsibility for these two attacks.",
        [("denial", "UZ", "Uzbekistan")], [("claim", "UZ", "Islamic State")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_state_act_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])


def test_a_derby_between_two_teams_is_no_attack(pipeline: Pipeline) -> None:
    """Guard: without 'teams', the match words still keep a sports report silent."""
    events = read(pipeline, "The coach said both teams fired shots at goal, but the striker "
                            "missed a penalty and no one was hurt in the final minutes.")
    assert events == [], said(events)
