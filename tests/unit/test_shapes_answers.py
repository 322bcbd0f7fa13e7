"""How states answer claims in wire copy: who speaks (local officials, bare organs), the words
of denial, and counts that belong to another event. Sentences written here, after shapes seen in
real reports; 50 of these tests fail on the extractor before this stop's changes, the other 12
are guards that keep a new rule in bounds (a statement issued by an army is no claim, a group
with no demonym is nobody) or paraphrases that the old extractor also read right."""

from __future__ import annotations

import pytest

from services.classifier.slots import count_casualties
from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape, has, read, said

CASES: dict[str, Shape] = {
    "a county commissioner speaks for the county's state": (
        "Al-Shabaab said on Thursday its fighters had overrun a Kenyan police post in Wajir "
        "county. Wajir County Commissioner Peter Mwangi called the report propaganda, saying "
        "the post was intact.",
        [("denial", "KE", "Kenya")], [("denial", "KE", "al-Shabaab")],
    ),
    "a bare organ named by its generic title speaks for the attacked state": (
        "Islamic State Khorasan Province said on Friday it had fired rockets into Tajikistan's "
        "Khatlon region. The State Committee for National Security said the reports were false.",
        [("denial", "TJ", "Tajikistan")], [],
    ),
    "a generic organ term after the country's name speaks for it": (
        "Kyrgyzstan said Tajik troops had shelled a Kyrgyz village. The border troops of "
        "Tajikistan's State Committee for National Security said Kyrgyz guards had fired first "
        "on a Tajik post.",
        [("attack_report", "TJ", "Tajikistan")], [("claim", "TJ", "Kyrgyzstan")],
    ),
    "a claim that does not reflect the truth": (
        "The PKK said on Wednesday its fighters had killed nine Turkish soldiers at a base in "
        "Hakkari province. Turkish officials said the group's statement did not reflect the "
        "truth.",
        [("denial", "TR", "T")], [],
    ),
    "a state company whose operations were unaffected": (
        "The Houthis said they had fired a missile at Aramco's terminal in Jizan on Sunday. "
        "Aramco said its operations were unaffected.",
        [("denial", "SA", "Saudi")], [],
    ),
    "a state company working normally": (
        "The Houthis said they had struck Aramco facilities in Jizan with drones. Aramco said "
        "all its facilities were working normally.",
        [("denial", "SA", "Saudi")], [],
    ),
    "the accused state rejecting where an attack came from is no target": (
        "Five Iranian border guards were killed near Zahedan on Sunday. Iran said the attack "
        "had been carried out by gunmen who crossed the border from Pakistan, a claim Pakistan "
        "rejected.",
        [], [("denial", "PK", "Pakistan")],
    ),
    "the accused state rejecting an insinuation about where attackers came from": (
        "Jaish al-Adl said it had killed four Iranian police officers near Saravan on Monday. "
        "\"Islamabad rejects any insinuation that these gunmen came from Pakistani soil. We "
        "have offered Tehran our help,\" the Pakistani Foreign Office said.",
        [], [("denial", "PK", "Pakistan")],
    ),
    "a habit named after the verb: 'has said on several occasions'": (
        "The Islamic Resistance in Iraq said it had launched drones at Eilat on Tuesday. Israel "
        "has said on several occasions that drones approaching from the east were intercepted.",
        [("claim", "IL", "Islamic Resistance in Iraq")], [("denial", "IL", "Israel")],
    ),
    "the army's standard line: no hits were identified": (
        "Hezbollah said on Monday it had fired guided missiles at an army post near Shlomi. The "
        "Israeli military said no hits were identified.",
        [("denial", "IL", "Israel")], [("attack_report", "IL", "Israel")],
    ),
    "a video said to show its fighters overrunning a post": (
        "JNIM released a video it said showed its fighters overrunning a Togolese army post near "
        "Dapaong on Sunday. Togo's army denied the claim.",
        [("claim", "TG", "Jama"), ("denial", "TG", "Togo")], [],
    ),
    "strikes with no owner on foreign ground, said by a state, are its own": (
        "Pakistani security sources said air strikes had hit militant camps in Afghanistan's "
        "Paktika province on Monday. A Taliban spokesman denied that any strike had taken place.",
        [("claim", "AF", "Pakistan"), ("denial", "AF", "Taliban")], [],
    ),
    "a front's chief speaks for the group behind it": (
        "Hafiz Saeed, who leads Jama'at-ud-Da'wah, told a rally that his men had killed 20 "
        "soldiers at an army post in Rajouri. The Indian Army called the claim baseless.",
        [("claim", "IN", "Lashkar-e-Taiba"), ("denial", "IN", "India")], [("claim", "IN", "India")],
    ),
    "a claim nobody is said to make is the attacking group's": (
        "Burundi's army on Sunday refuted claims that 30 of its soldiers died when their camp "
        "near Jowhar was stormed by al-Shabaab fighters.",
        [("claim", "BI", "al-Shabaab"), ("denial", "BI", "Burundi")], [],
    ),
    "an ambassador to another country speaks for the one that sent him": (
        "Al-Shabaab said it had killed 60 Ethiopian troops near Hudur. Speaking to reporters in "
        "Mogadishu, Ethiopia's envoy to Somalia said the figures were false.",
        [("denial", "ET", "Ethiopia")], [("denial", "SO", "Somalia")],
    ),
    "a speaker who emphasized": (
        "Al-Shabaab said it had killed 60 Ethiopian troops near Hudur. \"What the group says is "
        "pure propaganda,\" the Ethiopian defence ministry emphasised.",
        [("denial", "ET", "Ethiopia")], [],
    ),
    "all its troops accounted for": (
        "Al-Shabaab said on Tuesday that it had captured Kenyan soldiers in a raid on their camp "
        "near Dhobley. The Kenyan army said all its soldiers were accounted for.",
        [("denial", "KE", "Kenya")], [],
    ),
    "information spread by a side about an alleged destruction, called false": (
        "Reports spread by the Armenian side about the supposed destruction of four Azerbaijani "
        "army tanks near Fuzuli are untrue, Azerbaijan's defence ministry said.",
        [("claim", "AZ", "Armenia"), ("denial", "AZ", "Azerbaijan")], [],
    ),
    "information spread by nobody in particular about a group's alleged fire": (
        "A Tajik border service spokesman said that news circulated by several websites about "
        "supposed ISKP rocket fire at Tajik border posts is false.",
        [("denial", "TJ", "Tajikistan")], [("claim", "TJ", "Tajikistan")],
    ),
    "an allegation about the other army's shelling is an accusation, not a claim": (
        "Allegations made by Yerevan about the Azerbaijani army units' alleged shelling of "
        "villages in Tavush are fabricated, Azerbaijan's defence ministry said.",
        [], [("claim", "AZ", "Armenia")],
    ),
    "a statement issued by the military is its source, not a claim it answers": (
        "According to a statement issued by the army's media wing, fighters who came over from "
        "Afghanistan raided a border post in Bajaur overnight and were driven back.",
        [], [("claim", "AF", "Pakistan")],
    ),
    "its own drone hit and fallen abroad is its loss, no denial and no strike of its own": (
        "Hezbollah said its fighters had shot down an Israeli Hermes drone over the south. The Israeli "
        "army said a missile had been fired at a drone flying in Lebanese airspace, adding that "
        "it was hit and fell in Lebanese territory.",
        [("claim", "IL", "Hezbollah")], [("denial", "IL", "Israel"), ("claim", "LB", "Israel")],
    ),
    "'the Front, which claimed P' and a denunciation of imaginary victories": (
        "Morocco's government spokesman denounced on Friday the \"imaginary gains\" of the "
        "Polisario Front, which claimed on Wednesday to have killed three Moroccan soldiers near "
        "Guelta Zemmour.",
        [("claim", "MA", "Polisario"), ("denial", "MA", "Morocco")], [],
    ),
    "said at a press conference in its own city that its forces struck abroad": (
        "The army's spokesman said at a press conference in Rawalpindi that Pakistani forces had "
        "destroyed an air defence battery at Adampur in India. India called the claim false.",
        [("claim", "IN", "Pakistan")], [("attack_report", "PK", "Pakistan")],
    ),
    "a group the article never names is known by its demonym": (
        "An Iraqi armed faction said on Sunday it had fired drones at a Jordanian air base near "
        "Mafraq. Jordan's armed forces said no drone had entered Jordanian airspace.",
        [("claim", "JO", "unnamed armed group (Iraq)"), ("denial", "JO", "Jordan")], [],
    ),
    "without a demonym an unnamed group holds no claim": (
        "Militants said on Sunday they had fired drones at an air base near Mafraq. Jordan's "
        "armed forces said no drone had entered Jordanian airspace.",
        [], [("claim", "JO", "unnamed")],
    ),
    "a bare 'coalition' answers for the state whose ground the claim is about": (
        "Yemen's Houthis said on Wednesday they had fired a cruise missile at Abha airport. The "
        "coalition said the Houthi claim was \"baseless\" and that the missile was intercepted.",
        [("denial", "SA", "Saudi")], [],
    ),
    "its fighters detonated a roadside bomb": (
        "Al-Shabaab said its fighters had detonated a roadside bomb targeting a Kenyan army "
        "convoy near Baure, Lamu. A Kenyan army spokesman dismissed the claim.",
        [("claim", "KE", "al-Shabaab"), ("denial", "KE", "Kenya")], [],
    ),
    "attackers repulsed and five of them killed is no loss of its own": (
        "Al-Shabaab militants attacked a Kenyan army camp in Lamu county on Wednesday night, the "
        "group said. The military said the attackers were repulsed and five of them killed.",
        [("denial", "KE", "Kenya")], [],
    ),
    "two states' militaries speak together; 'coalition forces had hit' is the speaker's side": (
        "The American and British militaries said they had bombed Houthi radar sites in Yemen on "
        "Monday. US Central Command said coalition forces had hit 11 targets around Hodeidah in "
        "Yemen.",
        [("claim", "YE", "United States"), ("claim", "YE", "United Kingdom")], [],
    ),
    "'militants in Kenya have killed', said by Kenya: where, not who": (
        "Al-Shabaab fighters in Kenya have killed four soldiers in a bomb attack in the country's "
        "north-east, a senior Kenyan government official said.",
        [], [("claim", "SO", "Kenya"), ("claim", "KE", "Kenya")],
    ),
    "'citing informed sources' says nothing; the agency's state denies": (
        "Iran's Fars news agency, citing \"informed sources,\" denied that any Iranian site had "
        "been struck from abroad.",
        [("denial", "IR", "Iran")], [("denial", "US", "United States")],
    ),
    "the accused state denying strikes by its own forces is no target": (
        "India has rejected claims by Pakistan's army that strikes by Indian forces killed six "
        "civilians near Kotli overnight.",
        [], [("denial", "IN", "India")],
    ),
    "'they attempted to attack our bases and we killed 46 of them' claims no strike": (
        "Al-Shabaab said it had killed 40 Ugandan troops in Lower Shabelle. \"They attempted an "
        "attack on two of our bases and in the battle that followed we killed 30 of them,\" the "
        "Ugandan army spokesman said.",
        [], [("claim", "SO", "Uganda")],
    ),
    "'the Saudi-led Arab coalition' is the coalition, and its forces destroying a drone is defence": (
        "The Houthis said they had sent a drone against Khamis Mushait on Monday. The Saudi-led "
        "Arab coalition rejected the claim, saying its forces destroyed the Houthi drone before it "
        "reached any target.",
        [("denial", "SA", "Saudi")], [("claim", "SA", "Saudi")],
    ),
    "an official refuting the claim": (
        "The Houthis said on Monday they had hit Najran airport with a drone. State news agency "
        "SPA carried remarks by a Saudi official refuting the claim of a strike on the airport.",
        [("denial", "SA", "Saudi")], [],
    ),
    "'but the company said' speaks for the company just named": (
        "The Houthis said on Thursday they had attacked an oil installation owned by Saudi Aramco "
        "near Jeddah, but the company said its plants were operating normally.",
        [("claim", "SA", "Houthi"), ("denial", "SA", "Saudi")], [],
    ),
    "an inspector general refuting the group's claims": (
        "Al-Shabaab said it had killed a dozen Kenyan police officers in an attack on a police "
        "camp near Liboi. Kenyan Inspector General Hillary Mutambo refuted the group's account.",
        [("denial", "KE", "Kenya")], [],
    ),
    "denying a claim that the group controlled a camp": (
        "JNIM said its fighters had overrun the Beninese army camp at Porga on Tuesday. A Beninese "
        "army spokesman rejected the group's claim that it controlled the camp at Porga.",
        [("denial", "BJ", "Benin")], [],
    ),
    "a dateline with no dash: 'Baghdad, Sept 4 The group ...'": (
        "Baghdad, Oct 2 The Islamic Resistance in Iraq, an alliance of armed factions, claimed a "
        "drone strike on the port of Ashdod in southern Israel early on Tuesday.",
        [("claim", "IL", "Islamic Resistance in Iraq")], [("claim", "IL", "Iraq")],
    ),
    "a coalition of pro-Iran groups named later": (
        "A coalition of pro-Iran armed groups in Iraq said it launched three drones at the port "
        "city of Eilat on Friday. The Islamic Resistance in Iraq is an umbrella of such groups.",
        [("claim", "IL", "Islamic Resistance in Iraq")], [],
    ),
    "'P, said Yahya Saree, a spokesman for the group'": (
        "Yemen's Houthis hit an air base near Tel Aviv with a ballistic missile, said Yahya Saree, "
        "a spokesman for the movement.",
        [("claim", "IL", "Houthi")], [],
    ),
    "'a coalition spokesman' under a Cairo dateline speaks for the coalition's lead": (
        "CAIRO (Reuters) - Coalition forces intercepted a drone the Houthis launched toward Abha "
        "airport, a coalition spokesman said on Sunday. The Houthis' Al-Masirah TV had said the "
        "group attacked the airport's hangars. The Saudi-led coalition has fought them since 2015.",
        [("denial", "SA", "Saudi"), ("claim", "SA", "Houthi")], [("denial", "EG", "Egypt")],
    ),
    "a group's claim told as the enemy's dead": (
        "Turkey's defence ministry said one soldier was killed when a base in northern Iraq came "
        "under mortar fire. The PKK, for its part, said that 14 Turkish soldiers had been killed "
        "in its attack.",
        [("claim", "TR", "Kurdistan Workers' Party")], [],
    ),
    "soldiers who withstood the attack; 'EDF' is no French company": (
        "Al-Shabaab said it had killed 70 Ethiopian soldiers in an ambush near Baidoa on Monday. An "
        "EDF statement said the Ethiopian troops withstood the al-Shabaab attack and reached "
        "their base.",
        [("denial", "ET", "Ethiopia")], [("denial", "FR", "France"), ("attack_report", "FR", "France")],
    ),
    "'the Houthis claim, however, that ...' is a verb, not a noun": (
        "The Houthis claim, however, that they achieved a direct hit on an American destroyer in "
        "the Gulf of Aden. A U.S. defence official said no ship was struck.",
        [("claim", "US", "Houthi"), ("denial", "US", "United States")], [],
    ),
    "a crewed aircraft shot down is a strike on its owner, answered by its owner": (
        "Armenia's defence ministry said on Sunday its air defences had shot down an Azerbaijani "
        "Su-25 jet near Martuni. Azerbaijan's defence ministry called the report a lie.",
        [("claim", "AZ", "Armenia"), ("denial", "AZ", "Azerbaijan")], [("denial", "AM", "Armenia")],
    ),
    "drones shot down are still defence": (
        "The Houthis said they had launched drones at Jizan. Saudi air defences shot down two drones "
        "over Jizan, the coalition said.",
        [("denial", "SA", "Saudi")], [("claim", "YE", "Saudi")],
    ),
    "'officials claim to have carried out' an attack abroad": (
        "Ukrainian military intelligence officials claim to have carried out a strike on a Russian "
        "air base in Kursk region. Russia's defence ministry said all the drones were shot down.",
        [("claim", "RU", "Ukraine")], [],
    ),
    # failed before: 'seven assailants were killed' read as the army's own losses conceded
    "'repulsed, and seven assailants were killed' is a denial, the dead the attackers": (
        "Boko Haram said it attacked a Cameroonian army post at Kolofata. Cameroon's army said "
        "the attack was repulsed and that seven assailants were killed.",
        [("denial", "CM", "Cameroon")], [],
    ),
    # guard: the army's own dead conceded beside the repulse is its report, not a denial
    "'repulsed, but three soldiers were killed' concedes losses": (
        "Boko Haram said it attacked a Cameroonian army post at Kolofata. Cameroon's army said "
        "the attack was repulsed but that three soldiers were killed.",
        [("confirmation", "CM", "Cameroon")], [("denial", "CM", "Cameroon")],
    ),
}

_RAID = "Al-Shabaab said on Friday its fighters had overrun a Kenyan army camp in Garissa county. "
# Ways wire copy says a state answered with a denial; each names Kenya's army and nothing else.
ANSWERS = {
    "brushed aside": "Kenya's military brushed aside the claim.",
    "poured cold water on": "Officials in Nairobi poured cold water on the claim.",
    "held their positions": "The Kenyan army maintained that its troops had held their positions.",
    "nothing of the sort": '"Nothing of the sort happened," a senior Kenyan army officer said.',
    "meant to boost morale": ("Kenyan military officials said the group's claim was meant to boost "
                              "the morale of its fighters."),
}


@pytest.mark.parametrize("answer", list(ANSWERS))
def test_a_denial_in_other_words(pipeline: Pipeline, answer: str) -> None:
    events = read(pipeline, _RAID + ANSWERS[answer])
    assert has(events, "denial", "KE", "Kenya"), said(events)


@pytest.mark.parametrize("case", list(CASES))
def test_answer_shape(pipeline: Pipeline, case: str) -> None:
    check_shape(pipeline, case, CASES[case])


def test_a_count_from_the_event_answered_is_not_this_ones() -> None:
    assert count_casualties("struck two bases a week after the group killed five border guards") is None
    assert count_casualties("fired in retaliation for the killing of 11 police officers") is None
    assert count_casualties("said it killed 12 soldiers a week after the group killed five guards") == 12


def test_a_state_that_concedes_more_elsewhere_does_not_contest_the_count(pipeline: Pipeline) -> None:
    body = ("Jaish al-Adl said on Tuesday it had killed 12 Iranian border guards near Saravan. "
            "Iran's interior ministry said eight border guards were killed in the attack. Two "
            "other guards were wounded, the ministry said.")
    kinds = {(e.kind.value, e.target_country) for e in read(pipeline, body) if e.actor == "Iran"}
    assert ("denial", "IR") not in kinds, kinds
    assert ("confirmation", "IR") in kinds, kinds


def test_a_claim_about_other_days_does_not_set_the_count_contested(pipeline: Pipeline) -> None:
    body = ("Iran's interior ministry said two border guards were wounded near Saravan on "
            "Thursday in an attack by Jaish al-Adl. In March 2021, the group said it had killed "
            "14 guards in an attack in the same area.")
    kinds = {(e.kind.value, e.target_country) for e in read(pipeline, body) if e.actor == "Iran"}
    assert ("denial", "IR") not in kinds, kinds


def test_the_enemy_dead_are_no_count_of_losses() -> None:
    assert count_casualties("the army said its troops killed 10 al-shabaab fighters") is None
    assert count_casualties("troops killed 12 militants and lost three soldiers") == 3
    assert count_casualties("4 ugandan army officers sustained injuries in the ambush") == 4


def test_fewer_dead_than_claimed_still_contests_the_count(pipeline: Pipeline) -> None:
    """A guard for the two above: it passed before them too."""
    body = ("Jaish al-Adl said on Tuesday it had killed 20 Iranian border guards near Saravan. "
            "Iran's interior ministry said two border guards were wounded in the attack.")
    assert has(read(pipeline, body), "denial", "IR", "Iran")


def test_other_words_of_denial_without_an_attack_say_nothing(pipeline: Pipeline) -> None:
    body = ("Kenya's central bank brushed aside concerns about the shilling, saying reserves were "
            "secure. Officials poured cold water on reports of a cabinet reshuffle.")
    assert read(pipeline, body) == []


def test_a_toll_somewhat_lower_than_claimed_confirms(pipeline: Pipeline) -> None:
    body = ("Al-Shabaab said its fighters had planted explosives on the road near Mandera and "
            "killed nine Kenyan police officers. Kenyan police said four officers were killed "
            "when their vehicle struck the bomb.")
    kinds = {(e.kind.value, e.target_country) for e in read(pipeline, body) if e.actor == "Kenya"}
    assert ("denial", "KE") not in kinds, kinds


def test_no_one_killed_contests_a_claimed_toll_whatever_else_its_side_says(pipeline: Pipeline) -> None:
    body = ("A Kenyan official said four soldiers died when a roadside bomb hit their truck near "
            "Mpeketoni. An army spokesman said six soldiers were hurt in the blast and that no one "
            "was killed. Al-Shabaab said it had killed nine soldiers.")
    assert has(read(pipeline, body), "denial", "KE", "Kenya")
