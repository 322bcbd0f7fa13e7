"""How states and governing groups answer strikes across a border, and whose voice a statement
goes on in: 'missiles by Iran hit', said by Iran's media, is Iran's claim; a country named in
what a group is ('a group seeking a homeland in A, B and C') was not hit; a state denying it
struck abroad is not also denying an attack at home; '"P," read the statement' and
'"P," said X, adding Q' stay X's; a governing group reports and answers as its state does; a
raid 'from across the border' makes a group's attack on its home country cross-border.
Written here in our own words. Each case says whether it failed before its change or is a
guard that keeps the change in bounds."""

from __future__ import annotations

from datetime import date

import pytest

from schemas.article import Article
from services.pipeline import Pipeline, Replay
from tests.unit.factories import PUB, Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: 'by Iran' after 'missiles' was read as a victim, and the report as Iran's own
    "missiles by the speaker's state are its own strike": (
        "Iranian state television reported that missiles by Iran destroyed two camps of Jaish "
        "al-Adl inside Pakistan overnight.",
        [("claim", "PK", "Iran")], [("attack_report", "IR", "Iran")],
    ),
    # failed before: the countries of a gloss on the group were taken for the target
    "countries in what a group is are not its target": (
        "Iranian state media said its missiles hit two bases of Jaish al-Adl, a Sunni militant "
        "group that seeks independence for Baluch areas in Afghanistan, Iran and Pakistan. "
        "Pakistan said the strike killed two children.",
        [("claim", "PK", "Iran")], [("claim", "AF", "Iran")],
    ),
    # failed before: the denial of striking abroad also made a denial at home, and a claim
    "a state denying it struck abroad denies no attack on itself": (
        "Afghan officials said Pakistani jets bombed villages in Kunar. Pakistan's army spokesman "
        "flatly denied the allegations, stating that Pakistan had conducted no strikes inside "
        "Afghanistan on Monday night.",
        [("denial", "AF", "Pakistan")], [("denial", "PK", "Pakistan"), ("claim", "AF", "Pakistan")],
    ),
    # failed before: 'the Taliban's claims that Pakistan struck' was read as Pakistan hit
    "rejecting claims that the speaker struck is the accused's denial": (
        "Pakistan's foreign office rejected the Afghan Taliban's claims that Pakistan carried out "
        "air raids on Afghan territory.",
        [("denial", "AF", "Pakistan")], [("denial", "PK", "Pakistan")],
    ),
    # failed before: the participle after '"P," said X,' took a country named in the quote
    "a participle after an inverted 'said X' is X's": (
        "\u201cGunmen stormed two army posts near the Pakistan-Afghanistan border in Chitral,\u201d "
        "said the ISPR, adding that the soldiers had repulsed the attacks.",
        [("attack_report", "PK", "Pakistan")], [("denial", "AF", ""), ("attack_report", "AF", "")],
    ),
    # failed before: '"P," read the statement' had no speaker; the statement is the ISPR's
    "a statement read out is its author's": (
        "Three soldiers were killed, according to a statement issued by the ISPR. \u201cGunmen "
        "stormed two army posts near the Pakistan-Afghanistan border in Chitral,\u201d read the "
        "statement, adding that the attacks had been repulsed.",
        [("attack_report", "PK", "Pakistan")], [("denial", "AF", ""), ("attack_report", "AF", "")],
    ),
    # failed before: 'the airstrikes targeted', told by Pakistani officials, was nobody's
    "unowned airstrikes on foreign ground told by officials are their state's": (
        "The airstrikes targeted hideouts of Pakistani militants inside Afghanistan, two "
        "Pakistani intelligence officials told reporters.",
        [("claim", "AF", "Pakistan")], [],
    ),
    # failed before: a governing group telling of a foreign state's strike said nothing
    "a governing group reports a foreign state's strike on its ground": (
        "A Taliban spokesman said Pakistani warplanes bombed houses in Paktika province near the "
        "border, killing eight civilians.",
        [("attack_report", "AF", "Taliban")], [],
    ),
    # failed before: 'those attacks' was taken for attacks of the past
    "a governing group rejects the striking state's claim about the strikes": (
        "The Taliban administration confirmed Pakistani air strikes but rejected Pakistani claims "
        "that those strikes killed any militants.",
        [("denial", "AF", "Taliban"), ("claim", "AF", "Pakistan")], [],
    ),
    # failed before: a state confirming an operation into another country confirmed nothing
    "a state confirming its operation into another country claims it": (
        "Turkey's defence ministry confirmed a cross-border air operation into northern Iraq on "
        "Sunday.",
        [("claim", "IQ", "T")], [],
    ),
    # guard: a state confirming an attack on its own base confirms it
    "a state confirming an attack on its own base confirms it": (
        "Kenya's army confirmed an attack on its base in Lamu county on Sunday.",
        [("confirmation", "KE", "Kenya")], [("claim", "KE", "")],
    ),
    # failed before: 'used missiles to destroy' was no act, and 'destroy' no word of attack
    "a state's media telling its air force used missiles to destroy a foreign system claims it": (
        "Iranian state television reported that the Revolutionary Guards used ballistic missiles "
        "to destroy an Israeli radar station in the Negev.",
        [("claim", "IL", "Iran")], [],
    ),
    # guard: a state telling what another state used to destroy its asset claims nothing
    "what another state used to destroy the speaker's asset is no claim of the speaker": (
        "Israel's military said Iran used ballistic missiles to destroy a radar station in the "
        "Negev.",
        [], [("claim", "IL", "Israel")],
    ),
    # failed before: 'an F-16 had destroyed a launcher in Yemen', told by the UAE, was nobody's
    # strike, and the governorate, named like a Saudi province, was Saudi ground
    "a jet nobody owns striking abroad, told by a state, is its strike": (
        "The Emirati defence ministry said an F-16 had destroyed a missile launcher in the Al "
        "Jawf governorate of northern Yemen after missiles were fired at Abu Dhabi.",
        [("claim", "YE", "United Arab Emirates")], [("claim", "SA", "United Arab Emirates")],
    ),
    # guard: a drone nobody owns, told by a neighbour, is still that neighbour's report
    "a drone nobody owns, told by a neighbour, is no claim of the neighbour's": (
        "Jordan said a drone struck a base housing US troops in Syria near the border.",
        [], [("claim", "US", "Jordan"), ("claim", "SY", "Jordan")],
    ),
    # guard: a governing group confirming an attack on a neighbour speaks of the neighbour
    "a governing group confirming a neighbour's attack keeps the neighbour": (
        "Rockets hit the outskirts of Termez in Uzbekistan on Monday, Uzbek officials said. "
        "Taliban officials confirmed that rockets had been fired towards Termez.",
        [], [("confirmation", "AF", "Taliban")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_across_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])


# failed before: a group's attack on its home country, told as a raid from across the border,
# was domestic, so its claim and the army's answer raised nothing
def test_a_raid_from_across_the_border_is_cross_border(pipeline: Pipeline) -> None:
    body = ("Pakistani troops repelled a cross-border raid from Afghanistan by hundreds of "
            "Pakistani Taliban fighters in Chitral, a district official said. In a statement, the "
            "TTP claimed to have captured two army posts in Chitral.")
    alerts = list(Replay(pipeline).feed(Article(id="raid", body=body, published_at=PUB), PUB))
    assert [a.target_country for a in alerts] == ["PK"]
    domestic = body.replace("a cross-border raid from Afghanistan by hundreds of", "hundreds of")
    quiet = Article(id="home", body=domestic, published_at=date(2024, 6, 14))
    assert list(Replay(pipeline).feed(quiet, PUB)) == []
