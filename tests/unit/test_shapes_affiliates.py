"""Whose statement, when the text is roundabout: "al-Qaeda's West Africa affiliate" is the
branch the article names (and JNIM is known by more of its spellings); a quotation told 'to a
paper in an interview conducted over email' is its teller's; a state's own toll stays news when
a vow to retaliate follows it; the headquarters of a state's agency abroad is its asset; the
Kurdistan government is Iraq's; the army's attacks told by a group are not the group's.
Written here in our own words. Each case says whether it failed before its change or is a
guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: the affiliate spoke as al-Qaeda, based elsewhere: a cross-border claim
    "a grandparent's 'West Africa affiliate' is the branch the article names": (
        "Al-Qaeda's West Africa affiliate claimed an attack on an army camp in central Mali. "
        "Jama'a Nusrat ul-Islam wa al-Muslimin said in a statement that it had seized the camp.",
        [("claim", "ML", "Jama'at Nusrat")], [("claim", "ML", "al-Qaeda")],
    ),
    # failed before: how it was told ('in an interview conducted over email') hid the teller
    "a quotation told to a paper in an interview is the teller's": (
        "PKK spokesman Zagros Hiwa spoke to reporters on Monday. \"Our fighters killed 60 "
        "Turkish soldiers in the Zap region,\" Hiwa told a Kurdish newspaper in an interview "
        "conducted over email.",
        [("claim", "TR", "Kurdistan Workers")], [],
    ),
    # failed before: a vow to retaliate after its toll made a state's report a motive
    "a state's toll followed by a vow to retaliate is still its report": (
        "Turkey said that it had lost nine soldiers in clashes with PKK militants in northern "
        "Iraq, and vowed to retaliate.",
        [("attack_report", "TR", "T")], [],
    ),
    # guard: retaliation for an earlier attack is a motive, not news
    "retaliation for an earlier toll is a motive": (
        "Turkey said its jets struck PKK targets in northern Iraq in retaliation for an attack "
        "that killed nine of its soldiers.",
        [], [("attack_report", "TR", "T")],
    ),
    # failed before: 'the headquarters of the Israeli spy agency in Erbil' was no Israeli asset,
    # so the claim answered no Iraqi denial
    "a state's headquarters abroad is its asset and its host's ground": (
        "Iraq summoned Iran's envoy. Iran's Revolutionary Guards claimed to have destroyed the "
        "regional headquarters of the Israeli intelligence service in Erbil.",
        [("claim", "IL", "Iran"), ("claim", "IQ", "Iran")], [],
    ),
    # failed before: another state's bases 'in Qatar' were only the other state's target
    "another state's installations in a country are that country's ground too": (
        "The Revolutionary Guards claimed the missile strike, saying they had hit American "
        "military installations in Bahrain.",
        [("claim", "US", "Iran"), ("claim", "BH", "Iran")], [],
    ),
    # failed before: 'the Kurdistan government' was Iran's Kurdistan province
    "the Kurdistan government speaks for Iraq": (
        "Three civilians were killed when Iranian missiles hit Erbil overnight, the Kurdistan "
        "government's security council said.",
        [("attack_report", "IQ", "Iraq")], [("attack_report", "IR", "")],
    ),
    # guard (a real report with more places named failed before): the army's attacks, told by a
    # group, are not the group's own operation
    "a group telling of the army's attacks claims nothing": (
        "The Myanmar military has launched attacks in Rakhine State and Chin State in recent "
        "days, according to an Arakan Army spokesman.",
        [], [("claim", "MM", "Arakan Army")],
    ),
    # guard: the group's own fighters launching attacks is its claim
    "a group telling of its fighters' attacks claims them": (
        "Hezbollah said its fighters had launched attacks on Israeli army positions near the "
        "border.",
        [("claim", "IL", "Hezbollah")], [],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_affiliate_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
