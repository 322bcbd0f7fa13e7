"""Claims that reach the reader through the denial that answers them, and denials said as 'none of
...'. Written here in our own words. Each case says whether it failed before its change or is a
guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: the denial came first ('dismissed as untrue the information ... that P'), so
    # P was nobody's claim
    "information a state dismisses as untrue is the spreader's claim": (
        "Georgia's defence ministry dismissed as untrue the information spread by the Russian "
        "defence ministry spokesman that a Georgian radar station was destroyed near Gori.",
        [("denial", "GE", "Georgia"), ("claim", "GE", "Russia")], [],
    ),
    # guard: a statement issued by someone, neither false nor denied, is a source
    "a statement issued by a ministry is a source": (
        "According to information released by the Georgian interior ministry about the shelling, a "
        "radar station near Gori was hit.",
        [], [("claim", "GE", "Georgia")],
    ),
    # failed before: 'reports propagated by X that alleged Y's jets had destroyed' made Y's own
    # jets the victims, an accusation instead of Y's claim
    "a state's media alleging its jets destroyed a system abroad is its claim": (
        "The Indian army has denied reports propagated by Pakistani state media that alleged "
        "Pakistan's J-10 fighter jets had destroyed an Indian radar in Bhuj.",
        [("denial", "IN", "India"), ("claim", "IN", "Pakistan")], [("attack_report", "PK", "Pakistan")],
    ),
    # failed before: 'none of its systems have been targeted' was read as a report of an attack
    "none of its systems hit is a denial": (
        '"Nothing of the kind happened," an Indian army spokesman said, adding that none of India\'s '
        "radars have been targeted or destroyed.",
        [("denial", "IN", "India")], [("attack_report", "IN", "India")],
    ),
    # failed before: the Houthis' own name for their forces was nobody's
    "the army and popular committees are the Houthis": (
        "The Army and Popular Committees claimed an attack on Jizan airport with a Qasef-2K drone. "
        "Saudi Arabia said the drone was intercepted.",
        [("claim", "SA", "Houthi"), ("denial", "SA", "Saudi")], [],
    ),
}


ORGANS: dict[str, Shape] = {
    # failed before: 'the defence ministry' after the minister had spoken was taken for the
    # ministry of the side hit
    "a defence ministry after its minister is the minister's state's": (
        "KYIV (Reuters) - Ukraine said it had shot down six Russian missiles overnight. Russian "
        "Defence Minister Andrei Belousov dismissed it. \"A strike by an Iskander missile hit a "
        "German-made IRIS-T system in the city of Kyiv,\" the defence ministry said.",
        [("claim", "UA", "Russia")], [("attack_report", "UA", "Ukraine")],
    ),
    # guard: with no ministry named before, the side whose forces defend still speaks
    "a bare ministry with no minister before is the defender's": (
        "The Houthis said they fired missiles at Eilat. \"All the missiles were intercepted over "
        "the Red Sea,\" the defence ministry said.",
        [("denial", "IL", "Israel")], [],
    ),
}


OTHER_TARGETS: dict[str, Shape] = {
    # failed before: 'struck' beside a state and 'said' was too weak to open the article, with no
    # armed word the gate knew ('a landing ship', 'a spy base')
    "a state's strike on a landing ship abroad is read": (
        "Ukraine said it struck a Russian landing ship off Sevastopol.",
        [("claim", "RU", "Ukraine")], [],
    ),
    "a state's strike on a spy base abroad is read": (
        "The Revolutionary Guards said they struck an Israeli spy base near Sulaymaniyah.",
        [("claim", "IQ", "Iran")], [],
    ),
    # failed before: 'the site was a civilian home' named no attack, so nobody denied anything
    "the claimed base was a civilian home: a denial of what was hit": (
        "The Revolutionary Guards said they struck an Israeli spy base near Sulaymaniyah. Iraq's "
        "foreign ministry said the site was a civilian home and summoned Iran's envoy.",
        [("denial", "IQ", "Iraq")], [],
    ),
    # guard: a home described with no attack in view denies nothing
    "a civilian home with no claim in view is no denial": (
        "Iraq's planning ministry said the site was a civilian home before it became a museum of "
        "the 1991 air strikes.",
        [], [("denial", "IQ", "Iraq")],
    ),
}


CLAIMS_OF: dict[str, Shape] = {
    # failed before: 'claim of killing ...' took what follows 'of' for the claimant
    "a group's claim of killing soldiers, rejected in a headline": (
        "Tajikistan rejects Jamaat Ansarullah claim of killing 12 border guards",
        [("denial", "TJ", "Tajikistan"), ("claim", "TJ", "Jamaat Ansarullah")], [],
    ),
    "a group's claims of a deadly attack, dismissed in a headline": (
        "Niger dismisses Boko Haram claims of deadly raid on army post",
        [("denial", "NE", "Niger"), ("claim", "NE", "Boko Haram")], [],
    ),
    # guard: 'claims of responsibility' names no act
    "claims of responsibility are not an act claimed": (
        "Niger's army said it was examining claims of responsibility posted online.",
        [], [("claim", "NE", "Niger")],
    ),
}


INFORMATION: dict[str, Shape] = {
    # failed before: 'information of the X ministry that P' carried no claim, and 'taken out' was
    # no act (nor did 'allegedly the X forces' open what the claim says X did)
    "information of a ministry that its forces took out a tank is its claim": (
        "Georgia's defence ministry spokesman denied the report. He stressed that information of "
        "the Russian defence ministry that allegedly the Russian armed forces have taken out a "
        "Georgian tank is not true either.",
        [("claim", "GE", "Russia"), ("denial", "GE", "Georgia")], [],
    ),
    # failed before: 'the representative of the ministry' put 'of' before 'that', and the claim
    # began at the wrong word
    "information spread by a ministry's representative that P is the ministry's claim": (
        "Information disseminated by the representative of the Russian Defence Ministry that "
        "a Georgian radar had been destroyed near Gori is not true, the Georgian defence ministry "
        "said.",
        [("claim", "GE", "Russia"), ("denial", "GE", "Georgia")], [],
    ),
    # failed before: 'none of them were shot down' denied nothing
    "none of them hit is a denial": (
        "Russia said its missiles had hit four Georgian helicopters at an airfield near Gori. \"All "
        'our helicopters are in service, and none of them were hit," the Georgian defence ministry '
        "said.",
        [("denial", "GE", "Georgia")], [("attack_report", "GE", "Georgia")],
    ),
}


EMPTY_NOUNS: dict[str, Shape] = {
    # failed before: "rebuffed Israel's attack claim and said ..." made the denier's words the
    # content of Israel's claim, a denial by Israel
    "a claim noun with no content carries nothing": (
        "Iran has rebuffed Israel's attack claim and said it was a failed attempt to fly "
        "quadcopters, all of which were intercepted.",
        [], [("denial", "IL", "Israel"), ("attack_report", "IL", "Israel")],
    ),
    # guard: "X's claim that P" still carries P
    "a claim noun with 'that' still carries its content": (
        "Iran has rebuffed Israel's claim that its jets struck a radar near Isfahan.",
        [("claim", "IR", "Israel"), ("denial", "IR", "Iran")], [],
    ),
}

TABLES = (CASES, ORGANS, OTHER_TARGETS, CLAIMS_OF, INFORMATION, EMPTY_NOUNS)
ALL: dict[str, Shape] = {name: case for table in TABLES for name, case in table.items()}
assert len(ALL) == sum(map(len, TABLES))  # no case shadows another


@pytest.mark.parametrize("name", sorted(ALL))
def test_relayed_claim_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, ALL[name])
