"""A state's claim and the target's answer in the words states use: 'its missile destroyed'
(one weapon, not only 'missiles'), 'Moscow made the claim on Tuesday, saying ...' (the capital
is the whole subject), and 'Russia did not destroy its Patriot system' (the strike granted, the
effect denied). Sentences in our own words; each case says whether it failed before its change
or is a guard."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: only plural weapons ('its missiles') were the state's own act
    "a state's single missile destroying a foreign system is its claim": (
        "Russia said its Kinzhal missile destroyed a Patriot battery in Kyiv.",
        [("claim", "UA", "Russia")], [],
    ),
    # failed before: 'Moscow made the claim' was no subject, so the last state named spoke
    "'Moscow made the claim, saying ...' is Russia's claim": (
        "Ukraine's air force reported a quiet night. Moscow made the claim on Tuesday, saying "
        "that its hypersonic missile destroyed an air defence system in Kyiv.",
        [("claim", "UA", "Russia")], [("claim", "RU", "Ukraine")],
    ),
    # failed before: 'did not destroy' read as the target's report of the strike
    "'did not destroy its system' denies the claimed effect": (
        "Ukrainian air force spokesman Yuriy Ihnat said that Russia did not destroy its Patriot "
        "air defence system during the overnight strike on Kyiv.",
        [("denial", "UA", "Ukraine")], [("attack_report", "UA", "Ukraine")],
    ),
    # guard: a state's own missile shot down over its own ground is no strike of its own
    "a state downing a drone over its own city claims nothing": (
        "Ukraine said its missile shot down a Russian drone over Kyiv.",
        [], [("claim", "UA", "Ukraine"), ("claim", "RU", "Ukraine")],
    ),
    # failed before: 'announced a successful strike against' was no act of the state's own
    "a state announcing a successful strike on a foreign ship claims it": (
        "Ukraine has announced what it calls a first: a successful underwater drone strike "
        "against a Russian submarine in Novorossiysk.",
        [("claim", "RU", "Ukraine")], [],
    ),
    # guard: announcing an investigation of a strike on itself claims nothing
    "announcing an investigation claims nothing": (
        "Ukraine announced an investigation into the strike on its power plant.",
        [], [("claim", "RU", "Ukraine"), ("claim", "UA", "Ukraine")],
    ),
    # failed before: rejecting another state's 'version of events' was read as affirming its own
    "'rejected Ukraine's version of events' is Russia's denial": (
        "Ukraine said its sea drones hit a Russian submarine in Novorossiysk. Russian authorities "
        "categorically rejected Ukraine's version of events.",
        [("claim", "RU", "Ukraine"), ("denial", "RU", "Russia")], [],
    ),
    # failed before: 'hit' beside a bare state name, with no armed force named, did not pass the
    # first gate; what armies hit (an ammunition depot) now lets the sentence be read
    "a state saying it hit another's ammunition depot claims it": (
        "Ukraine said it hit a Russian ammunition depot in Belgorod region.",
        [("claim", "RU", "Ukraine")], [],
    ),
    # failed before: 'artillery fire' (a weapon) cut inside 'artillery fired' hid 'artillery'
    # and 'fired on' from the scan
    "'its artillery fired on' another's positions is the state's claim": (
        "North Korea said its artillery fired on South Korean positions. South Korea's Joint "
        "Chiefs of Staff said no shells landed on its territory.",
        [("claim", "KR", "North Korea"), ("denial", "KR", "South Korea")], [],
    ),
    # guard: an accident told as news, with no claim before it, answers nobody
    "an accident at a depot, told with no claim, is no denial": (
        "Russia's defence ministry said that an accidental fire had hit an ammunition depot near "
        "Kursk.",
        [], [("denial", "RU", "Russia"), ("attack_report", "RU", "Russia")],
    ),
    # guard: the same accident account after a claim on the depot denies the claim
    "an accident account after a claim on the same depot denies it": (
        "Ukraine said its drones hit an ammunition depot in Belgorod. Russia's defence ministry "
        "said that an accidental fire had hit the depot.",
        [("claim", "RU", "Ukraine"), ("denial", "RU", "Russia")], [],
    ),
    # failed before: 'neutralised' read as a defence, so the state's fire on another's guns was
    # its denial of an attack on itself
    "a state saying it neutralised another's firing positions claims a strike": (
        "Azerbaijan said it had neutralised Armenian firing positions near the border.",
        [("claim", "AM", "Azerbaijan")], [("denial", "AZ", "Azerbaijan")],
    ),
    # guard: drones neutralised over its own region are still its defence
    "drones neutralised over its own region are a defence": (
        "Russia said its air defences had neutralised Ukrainian drones over the Belgorod region.",
        [("attack_report", "RU", "Russia")], [("claim", "UA", "Russia")],
    ),
    # failed before: 'neutralised' fighters abroad read as the state's defence at home
    "a state's forces neutralising a group's fighters abroad is its strike there": (
        "Turkey said it had neutralised 12 PKK militants in the Gara region of northern Iraq.",
        [("claim", "IQ", "Türkiye")], [("denial", "TR", "Türkiye")],
    ),
    # guard: attackers neutralised at home are still the defence
    "a state's forces neutralising attackers at home is a defence": (
        "Kenya's army said its forces neutralised 10 al-Shabaab militants who attacked a camp in "
        "Lamu.",
        [("attack_report", "KE", "Kenya")], [("claim", "SO", "Kenya")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_state_claim_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
