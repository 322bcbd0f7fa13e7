"""Whose forces defended, when they sit in another country's ground: 'Ethiopian troops manning a
base in Somalia repelled the attack, the foreign ministry said' is Ethiopia telling of an attack
on its own troops. Written here in our own words. Each case says whether it failed before its
change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: the words between 'troops' and 'repelled' hid whose troops defended
    "troops manning a base abroad that repelled an attack are the speaker's": (
        "Ethiopian troops manning a border base in Somalia repelled an al-Shabaab attack, the "
        "Ministry of Foreign Affairs has said.",
        [("attack_report", "ET", "Ethiopia")], [("attack_report", "SO", "Somalia")],
    ),
    # failed before: an army named as an organ ('[ENDF]'), with a dateline naming the host
    "an army named by its organ name defends for its state, whatever the dateline": (
        "MOGADISHU, Somalia - The Ethiopian National Defense Forces [ENDF] guarding the Dolow "
        "base in western Somalia successfully repelled the al-Shabaab attack, the Ministry of "
        "Foreign Affairs has said.",
        [("attack_report", "ET", "Ethiopia")], [("attack_report", "SO", "")],
    ),
    # failed before: the second state of 'the Ethiopia-Somalia border town' spoke for the ministry
    "a state in a hyphenated border pair is not the one just named": (
        "Ethiopia said it foiled an al-Shabaab attack on Wednesday. The Ethiopian army stopped "
        "the attackers in the Ethiopia-Somalia border town of Dollo, the foreign ministry said. "
        "\"Our forces neutralised the suicide bombers,\" it added.",
        [("attack_report", "ET", "Ethiopia")], [("attack_report", "SO", ""), ("denial", "SO", "")],
    ),
    # guard: a monitoring group named as a source is no unnamed armed group
    "a monitoring group is no armed group": (
        "Al-Shabaab has fought in Somalia for years. The armed group, meanwhile, claimed via its "
        "channels that it conducted two suicide bombings at an Ethiopian military base, "
        "according to the United States monitoring group SITE. \"The operations caused heavy "
        "casualties,\" the group said.",
        [("claim", "ET", "al-Shabaab")], [("claim", "ET", "unnamed")],
    ),
    # guard: a demonym's troops that attacked are not the speaker's defenders
    "troops that attacked are not the ones defending": (
        "Eritrean troops that crossed the border attacked a base in Tigray and were repelled, "
        "the regional government said.",
        [], [("attack_report", "ER", "")],
    ),
    # failed before: the TPLF's leader was not known to speak for it
    "a group's leader named alone speaks for the group": (
        "Debretsion Gebremichael said his forces fired rockets at the airport in the Eritrean "
        "capital of Asmara.",
        [("claim", "ER", "Tigray People's Liberation Front")], [],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_forces_abroad_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
