"""How claims reach print: told to reporters or an outlet ('told AFP the group had fired'),
owned ('the group owned the attack'), carried in a rejected statement ('rejected a TTP
statement that ...'), answered by rejecting the video that carried them, and made by a group
whose name only armed groups wear ('the Eastern Brigades said'); a ministry no text names the
state of speaks for the state whose assets its denial names; an agency or source relaying
another's whole statement is no speaker, and a monitor ('according to SITE') passes on the
group's own account. Written here in our own words. Each case says whether it failed before
its change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: four words after 'told' were taken for the listener, eating the subject
    "a spokesman tells reporters, without 'that', what the group fired": (
        "A spokesman for the Ansar Allah movement, Yahya Saree, told reporters the group had "
        "fired a ballistic missile at the port of Eilat in Israel.",
        [("claim", "IL", "Houthi")], [],
    ),
    # failed before: the same, told to a named agency
    "a spokesman tells a named agency what the group fired": (
        "Houthi spokesman Yahya Saree told AFP the movement had launched drones at an oil "
        "terminal in the Saudi port of Yanbu.",
        [("claim", "SA", "Houthi")], [],
    ),
    # guard: a quotation told to an agency 'news agency' keeps its speaker
    "a quotation told to a news agency keeps its speaker": (
        "Al-Shabaab said its fighters had stormed a Kenyan army camp in Lamu. \"There was an "
        "attack but it was repelled and no soldier was hurt,\" Lamu county commissioner Ali "
        "Yusuf told AFP news agency.",
        [("claim", "KE", "al-Shabaab"), ("denial", "KE", "Kenya")], [],
    ),
    # failed before: 'owned' was no verb of claiming
    "a group owns the attack": (
        "The Islamic State Sahel Province owned the attack on a Nigerien army post near the "
        "border with Mali, killing eleven soldiers.",
        [("claim", "NE", "Islamic State")], [],
    ),
    # guard: 'state-owned' owns nothing
    "state-owned is no claim": (
        "Niger's state-owned broadcaster said the attack on the army post near the border "
        "with Mali was repelled.",
        [], [("claim", "NE", "")],
    ),
    # failed before: a claim carried as 'a G statement that P' inside a rejection was lost
    "a rejected statement of the group carries its claim": (
        "Pakistan's army rejected as baseless a TTP statement that its fighters had overrun a "
        "border post in Chitral after crossing from Afghanistan.",
        [("claim", "PK", "Tehrik-i-Taliban"), ("denial", "PK", "Pakistan")], [],
    ),
    # guard: 'said in a statement that P' is the speaker's own saying, not a claim it answers
    "said in a statement is the speaker's own": (
        "Pakistan's army said in a statement that militants had fired on a border post in "
        "Chitral from Afghanistan.",
        [], [("claim", "PK", "")],
    ),
    # failed before: rejecting the video that carried the claim was no denial
    "dismissing the video of the claim denies it": (
        "In a video posted online, the Arakan Army said its fighters had captured a "
        "Bangladeshi border outpost near Teknaf. Bangladesh's border guard dismissed the "
        "video as fake.",
        [("claim", "BD", "Arakan Army"), ("denial", "BD", "Bangladesh")], [],
    ),
    # failed before: a group the data lacks, named only by a head armed groups wear
    "a group named 'the ... Brigades' the data lacks claims as itself": (
        "The Eastern Hills Brigades said they had launched drones at a border guard base in "
        "Iran's Sistan-Baluchestan province. Iranian officials said the drones were shot down "
        "before reaching any target.",
        [("claim", "IR", "Eastern Hills Brigades"), ("denial", "IR", "Iran")], [],
    ),
    # guard: a state's numbered brigade is no group
    "a numbered brigade of an army is no new group": (
        "Ukraine's 47th Mechanised Brigade said it had destroyed two Russian tanks near the "
        "border.",
        [], [("claim", "RU", "47th")],
    ),
    # failed before: a ministry no text names the state of spoke for nobody
    "an unnamed state's ministry denying strikes on its assets speaks for it": (
        "The information ministry said reports of drone strikes on Indian air bases in Punjab "
        "were fake.",
        [("denial", "IN", "India")], [],
    ),
    # guard: a broadcaster's report of a state's losses is not that state's word
    "a broadcaster's report of a state's dead is not the state's": (
        "Quoting unnamed sources, a news channel reported that 20 Ugandan soldiers had been "
        "killed in the attack on the base.",
        [], [("confirmation", "UG", "Uganda"), ("attack_report", "UG", "Uganda")],
    ),
    # failed before: an agency reporting what the army said spoke itself, as its state
    "an agency relaying a state's words is no speaker": (
        "\"Our air defences intercepted a missile fired from Yemen,\" the Israeli army said in a "
        "statement, Xinhua news agency reported.",
        [("attack_report", "IL", "Israel")], [("denial", "CN", ""), ("attack_report", "CN", "")],
    ),
    # failed before: 'according to a US official' made the US answer for another's statement
    "a source relaying another's statement is no speaker": (
        "Hezbollah told the United Nations that the blast in Majdal Shams was caused by an "
        "Israeli interceptor missile, according to a US official.",
        [], [("denial", "US", "")],
    ),
    # failed before: a monitor passing on a group's account left it nobody's
    "a monitor passing on what a group's fighters did carries the group's claim": (
        "Al-Shabaab fighters stormed a Kenyan police post near Mandera overnight, according to "
        "the SITE Intelligence Group.",
        [("claim", "KE", "al-Shabaab")], [],
    ),
    # guard: a news agency's report of the same is no claim
    "a news agency reporting what a group's fighters did is no claim": (
        "Al-Shabaab fighters stormed a Kenyan police post near Mandera overnight, according to "
        "Reuters.",
        [], [("claim", "KE", "al-Shabaab")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_telling_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
