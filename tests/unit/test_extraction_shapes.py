"""One test per shape of EXTRACTION.md, and one per near-miss, on sentences written here.

Each case is an article body and the (kind, target country, speaker) statements it must yield;
`speaker` is matched as a prefix of the event's actor, so a canonical name may say more.
"""

from __future__ import annotations

from datetime import date

import pytest

from schemas.article import Article
from schemas.event import Event, EventKind
from services.pipeline import Pipeline, Replay
from tests.unit.factories import PUB, read


def said(events: list[Event]) -> set[tuple[str, str | None, str]]:
    return {(e.kind.value, e.target_country, e.actor) for e in events}


def has(events: list[Event], kind: str, target: str, speaker: str) -> bool:
    return any(e.kind.value == kind and e.target_country == target and e.actor.startswith(speaker)
               for e in events)


SHAPES = {
    # --- statements nest: a denial quoting the claim it answers -------------------------------
    "nested claim inside a denial": (
        "Israel's defence ministry dismissed Hezbollah's claim that its drones hit an army base "
        "near Safed on Thursday.",
        [("denial", "IL", "Israel"), ("claim", "IL", "Hezbollah")],
    ),
    "a group's bare name before its claims": (
        "Chad's army denied Boko Haram claims that its fighters had overrun a base at Ngouboua "
        "on Friday.",
        [("denial", "TD", "Chad"), ("claim", "TD", "Boko Haram")],
    ),
    "a time between the claim and what it says": (
        "The US Navy denied a Houthi claim on Friday that the group had struck the destroyer "
        "USS Mason.",
        [("denial", "US", "United States"), ("claim", "US", "Houthi")],
    ),
    "an assertion rejected as untrue": (
        "Kenya rejected as untrue al-Shabaab's assertion that it had shelled a police camp in "
        "Garissa on Friday.",
        [("denial", "KE", "Kenya"), ("claim", "KE", "al-Shabaab")],
    ),
    "contrary to claims": (
        "Contrary to claims by the Arakan Army, no Bangladeshi patrol boat was attacked on "
        "Friday, Bangladesh's coast guard said.",
        [("denial", "BD", "Bangladesh"), ("claim", "BD", "Arakan Army")],
    ),
    "a state's claim, owned by its demonym": (
        "Azerbaijan's defence ministry denied on Friday an Armenian claim that Armenian forces "
        "had destroyed an Azerbaijani drone near Lachin.",
        [("denial", "AZ", "Azerbaijan"), ("claim", "AZ", "Armenia")],
    ),
    "claims by a group rejected": (
        "Ukraine rejected claims by the Russian Volunteer Corps that it had shot down two "
        "helicopters over the Sumy region.",
        [("denial", "UA", "Ukraine")],
    ),
    "a spokesman's 'achieved its goals' is no football": (
        "The Houthis said they targeted an air base near Abu Dhabi on Thursday, with their "
        "spokesman adding that the operation achieved all its goals.",
        [("claim", "AE", "Houthi")],
    ),
    "a statement claiming responsibility leads the sentence": (
        "Rockets landed near a border post outside Termez in Uzbekistan on Thursday. In a "
        "statement claiming responsibility for the attack, the Islamic State's Amaq agency "
        "asserted that ten rockets had been aimed at the post.",
        [("claim", "UZ", "Islamic State")],
    ),
    "a group says it was behind the bombing": (
        "The Islamic State said on Friday it was behind a car bomb at a Turkish army post near "
        "al-Bab in Syria.",
        [("claim", "TR", "Islamic State")],
    ),
    "the group's own name acting, the group saying so after": (
        "JNIM fighters ambushed a Togolese army patrol near Dapaong on Friday, the group said "
        "in a message.",
        [("claim", "TG", "Jama")],
    ),
    "its fighters in quotation marks": (
        "In a message, Boko Haram said its \"soldiers of the caliphate\" raided a Cameroonian "
        "army post near Mora on Friday.",
        [("claim", "CM", "Boko Haram")],
    ),
    "a state's forces struck, in plain words": (
        "Russia's defence ministry said on Friday its forces had struck a Ukrainian command post "
        "near Izium. Ukraine's military said the strike hit a school and no military site was "
        "hit.",
        [("claim", "UA", "Russia"), ("denial", "UA", "Ukraine")],
    ),
    "a group acknowledges what it did, in a gerund": (
        "Hezbollah acknowledged firing anti-tank missiles at an Israeli army post near Zar'it "
        "on Friday.",
        [("claim", "IL", "Hezbollah")],
    ),
    "a group shows what it says was its attack": (
        "In a video released on Friday, al-Shabaab showed what it said was an attack on a "
        "Kenyan army camp near Kolbio.",
        [("claim", "KE", "al-Shabaab")],
    ),
    "a claim the capital rejected": (
        "The Arakan Army said on Friday it had seized a Bangladeshi border outpost near Teknaf, "
        "a claim Dhaka rejected.",
        [("claim", "BD", "Arakan Army"), ("denial", "BD", "Bangladesh")],
    ),
    "a group that governs confirms its forces' attack": (
        "The Taliban confirmed on Friday that its forces had attacked Pakistani military posts "
        "along the Durand Line.",
        [("claim", "PK", "Taliban")],
    ),
    "a state says its forces sank a vessel": (
        "Ukraine's navy said on Thursday its forces had sunk a Russian patrol boat off Crimea.",
        [("claim", "RU", "Ukraine")],
    ),
    # --- the speaker is the subject of the saying ----------------------------------------------
    "state company speaks for its own refinery": (
        "Saudi Aramco said the Houthis' claim of a drone strike on its Jizan refinery on Thursday "
        "was false.",
        [("denial", "SA", "Saudi Arabia"), ("claim", "SA", "Houthi")],
    ),
    "trailing attribution": (
        "The Houthis said they fired two missiles at Eilat on Thursday. No missile reached the "
        "city, an Israeli army spokesman said.",
        [("claim", "IL", "Houthi"), ("denial", "IL", "Israel")],
    ),
    "group speaks through its spokesman": (
        "Houthi military spokesman Yahya Saree said the group had launched drones at a US "
        "destroyer in the Red Sea on Thursday.",
        [("claim", "US", "Houthi")],
    ),
    "group speaks through its channel": (
        "The movement fired rockets at the Kenyan base at Manda Bay on Thursday, according to "
        "al-Shabaab's radio station Radio Andalus.",
        [("claim", "KE", "al-Shabaab")],
    ),
    "group name inside the object is not the speaker": (
        "The ISKP said on Thursday it had fired rockets into Tajikistan. The Tajik border "
        "service dismissed what it called the ISKP's propaganda.",
        [("claim", "TJ", "Islamic State Khorasan"), ("denial", "TJ", "Tajikistan")],
    ),
    # --- denials -------------------------------------------------------------------------------
    "flat denial": (
        "Jaish al-Adl claimed an attack on an Iranian border post on Thursday, but Iran's "
        "interior ministry denied that any attack had taken place.",
        [("claim", "IR", "Jaish al-Adl"), ("denial", "IR", "Iran")],
    ),
    "reports called untrue": (
        "The Polisario Front said it shelled Moroccan positions near Mahbes on Thursday. Moroccan "
        "officials said the reports were untrue.",
        [("claim", "MA", "Polisario"), ("denial", "MA", "Morocco")],
    ),
    "not aware of any attack": (
        "Kataib Hezbollah claimed a drone attack on a US base in Syria on Thursday. A Pentagon "
        "spokesman said he was not aware of any attack on US forces.",
        [("claim", "US", "Kata"), ("denial", "US", "United States")],
    ),
    "denial by normality": (
        "The Houthis said on Thursday they had struck Abu Dhabi airport with a drone. Abu Dhabi "
        "airport said flights were operating normally.",
        [("claim", "AE", "Houthi"), ("denial", "AE", "United Arab Emirates")],
    ),
    "different account: only bullets": (
        "ISKP said it fired seven rockets into Tajikistan on Thursday. Tajik border guards said "
        "only bullets had crossed the border.",
        [("claim", "TJ", "Islamic State Khorasan"), ("denial", "TJ", "Tajikistan")],
    ),
    "different account: intercepted": (
        "The Houthis claimed on Thursday that their missile hit a target in Tel Aviv. The Israeli "
        "military said it intercepted the missile and that there were no injuries.",
        [("claim", "IL", "Houthi"), ("denial", "IL", "Israel")],
    ),
    "different account: far fewer casualties": (
        "Al-Shabaab said its fighters killed forty Ugandan soldiers in an attack on their base in "
        "Somalia on Thursday. The Ugandan army said two soldiers were wounded in the attack.",
        [("claim", "UG", "al-Shabaab"), ("denial", "UG", "Uganda")],
    ),
    # --- claims --------------------------------------------------------------------------------
    "said its fighters killed": (
        "JNIM said its fighters killed forty soldiers in an attack on a military post in "
        "northern Benin on Thursday.",
        [("claim", "BJ", "Jama")],
    ),
    "claimed responsibility": (
        "The Baloch Liberation Army claimed responsibility for a rocket attack on a Pakistani "
        "army camp in Balochistan on Thursday.",
        [("claim", "PK", "Baloch")],
    ),
    "announced that its forces struck": (
        "Hezbollah announced that its forces struck an Israeli army position with guided "
        "missiles on Thursday.",
        [("claim", "IL", "Hezbollah")],
    ),
    "passive: an attack claimed by the group": (
        "A drone attack on the Israeli port of Eilat, claimed by the Islamic Resistance in Iraq, "
        "caused a fire on Thursday.",
        [("claim", "IL", "Islamic Resistance in Iraq")],
    ),
    # --- targets -------------------------------------------------------------------------------
    "troops abroad: the owner, not the territory": (
        "Al-Shabaab said on Thursday that its fighters attacked US troops at a base inside "
        "Somalia.",
        [("claim", "US", "al-Shabaab")],
    ),
    "a warship is its navy's state": (
        "The Houthis said they fired missiles at the USS Carney in the Gulf of Aden on Thursday.",
        [("claim", "US", "Houthi")],
    ),
    "an embassy is the embassy's state": (
        "Kataib Hezbollah said it launched rockets at the US embassy in Baghdad on Thursday.",
        [("claim", "US", "Kata")],
    ),
    "a country's port": (
        "The Houthis said on Thursday they had struck Saudi Arabia's main Red Sea port with a "
        "drone.",
        [("claim", "SA", "Houthi")],
    ),
    "a merchant ship with its operator's state": (
        "The Houthis claimed on Thursday that they hit a vessel of the Danish shipping line "
        "Maersk in the Red Sea.",
        [("claim", "DK", "Houthi")],
    ),
    "an aside in another's voice is not the speaker's word": (
        "Ukraine said it disabled a Russian landing ship in the night raid - which Moscow says "
        "it repelled - off the port of Novorossiysk on Thursday.",
        [("claim", "RU", "Ukraine"), ("denial", "RU", "Russia")],
    ),
    "the bare ministry is the side whose forces defend": (
        "Ukraine's navy said its sea drones struck a Russian patrol ship near Novorossiysk on "
        "Thursday. \"In response, Russian warships destroyed two more drones,\" the ministry "
        "said.",
        [("claim", "RU", "Ukraine"), ("denial", "RU", "Russia")],
    ),
    "'is not correct' denies": (
        "\"The claim that Chadian jets bombed militant camps in Nigeria on Thursday is not "
        "correct,\" a Nigerian army spokesman said.",
        [("denial", "NG", "Nigeria")],
    ),
    "a group's named spokesman under a state-like title": (
        "The spokesperson for the Yemeni armed forces, Yahya Sare'e, said on Thursday that they "
        "had hit a US destroyer in the Red Sea with a drone.",
        [("claim", "US", "Houthi")],
    ),
    "a denial of the loss it was told of": (
        "M23 rebels said they shot down a Congolese army helicopter near Goma on Thursday. The "
        "DRC army denied losing any aircraft.",
        [("claim", "CD", "March 23"), ("denial", "CD", "Congo")],
    ),
    "a denial that the post fell": (
        "Boko Haram fighters attacked a Cameroonian military post near Kolofata on Thursday, the "
        "group said in a video. Cameroon's army denied that the post had fallen.",
        [("claim", "CM", "Boko Haram"), ("denial", "CM", "Cameroon")],
    ),
    "the report called a lie": (
        "The PKK said its guerrillas shot down a Turkish drone over northern Iraq on Thursday. "
        "Turkey's defence ministry called the report a lie.",
        [("claim", "TR", "Kurdistan Workers"), ("denial", "TR", "T")],
    ),
    "a local official of the place that was hit": (
        "Ukraine's military intelligence said its drones hit an oil depot in Russia's Bryansk "
        "region on Thursday. The regional governor said the drones were shot down and nothing "
        "was damaged.",
        [("claim", "RU", "Ukraine"), ("denial", "RU", "Russia")],
    ),
    "a group's channel says 'that its forces' hit": (
        "Al-Masirah TV said on Thursday that Houthi forces had targeted a British tanker in the "
        "Red Sea. The UK Ministry of Defence said the claim was untrue.",
        [("claim", "GB", "Houthi"), ("denial", "GB", "United Kingdom")],
    ),
    "bare 'fighters' in what a group says": (
        "Al-Shabaab's spokesman said fighters killed 50 Burundian soldiers at a base in Somalia on "
        "Thursday. Burundi's army spokesman said three soldiers were wounded and none were killed.",
        [("claim", "BI", "al-Shabaab"), ("denial", "BI", "Burundi")],
    ),
    "far fewer soldiers lost than claimed": (
        "The Islamic State West Africa Province claimed responsibility for an attack on a Chadian "
        "army camp on Lake Chad on Thursday, saying it killed 40 soldiers. Chad's army said it "
        "lost two soldiers.",
        [("claim", "TD", "Islamic State West Africa"), ("denial", "TD", "Chad")],
    ),
    "'martyred' counts the dead": (
        "A spokesman for Islamic State Khorasan Province said its fighters killed 12 soldiers in "
        "Pakistan's Bajaur district on Thursday. The ISPR said four soldiers were martyred.",
        [("claim", "PK", "Islamic State Khorasan"), ("denial", "PK", "Pakistan")],
    ),
    "no one captured": (
        "Hamas said it had captured Israeli soldiers in Gaza on Thursday. The Israeli military "
        "said no soldier had been captured.",
        [("claim", "IL", "Hamas"), ("denial", "IL", "Israel")],
    ),
    "a confirmed loss is no defence": (
        "Hezbollah said on Thursday that it had downed an Israeli Hermes 450 drone over southern "
        "Lebanon. The Israeli military confirmed that a drone had been shot down.",
        [("claim", "IL", "Hezbollah"), ("confirmation", "IL", "Israel")],
    ),
    "a group's agency: its fighters blew up": (
        "The Islamic State's Amaq news agency reported that the group's fighters blew up a "
        "Nigerien army vehicle near the Malian border.",
        [("claim", "NE", "Islamic State")],
    ),
    "a spokesman named after his group, then what they did": (
        "A spokesman for the Pakistani Taliban, Mohammad Khurasani, said its fighters attacked a "
        "Pakistani checkpoint in Bajaur.",
        [("claim", "PK", "Tehrik")],
    ),
    # --- state claimants, read the same way ----------------------------------------------------
    "no aircraft of theirs entered our airspace": (
        "Chad's army said its aircraft had bombed Boko Haram bases inside Nigeria. Nigeria's "
        "military said no Chadian aircraft had entered its airspace.",
        [("claim", "NG", "Chad"), ("denial", "NG", "Nigeria")],
    ),
    "no aircraft crossed into our territory": (
        "Myanmar's military said its aircraft struck Arakan Army positions in Bangladesh on "
        "Thursday. Bangladesh's foreign ministry said no Myanmar aircraft had crossed into its "
        "territory.",
        [("claim", "BD", "Myanmar"), ("denial", "BD", "Bangladesh")],
    ),
    "state claims a strike, the target denies": (
        "Russia's defence ministry said its forces destroyed a Ukrainian air defence system near "
        "Odesa on Thursday. Ukraine's air force said the claim was false.",
        [("claim", "UA", "Russia"), ("denial", "UA", "Ukraine")],
    ),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_shape(pipeline: Pipeline, shape: str) -> None:
    body, expected = SHAPES[shape]
    events = read(pipeline, body)
    for kind, target, speaker in expected:
        assert has(events, kind, target, speaker), (shape, said(events))


def test_a_province_before_a_distant_asset_word_is_where_it_came_from(pipeline: Pipeline) -> None:
    # 'Takhar province toward military posts': the asset word belongs to the far target.
    events = read(pipeline, "The Islamic State group said its fighters fired rockets from the "
                            "Khwaja Bahauddin "
                            "district of Afghanistan's Takhar province toward military posts in "
                            "Tajikistan on Thursday.")
    assert has(events, "claim", "TJ", "Islamic State"), said(events)
    assert not [e for e in events if e.target_country == "AF"], said(events)


def test_a_news_agency_named_for_a_country_does_not_speak_for_it(pipeline: Pipeline) -> None:
    events = read(pipeline, "The Afghan Islamic Press news agency said rockets fired by Taliban "
                            "fighters hit Afghan border posts on Thursday.")
    assert not [e for e in events if e.actor.startswith("Afghanistan")], said(events)


# Denials in the shapes target states use, each after the same claim (our own sentences).
HOUTHI_CLAIM = ("The Houthis said on Thursday they had fired missiles at a Saudi Aramco plant in "
                "Jizan. ")
ISKP_CLAIM = "ISKP said on Thursday it had fired rockets at a military base in Termez, Uzbekistan. "
DENIALS = {
    "operations not affected": (HOUTHI_CLAIM + "Aramco said operations at the plant were not "
                                "affected.", "SA"),
    "a named spokesman after a bare title": (HOUTHI_CLAIM + "The coalition spokesman, Turki "
                                             "al-Maliki, said the missiles were intercepted "
                                             "before reaching Jizan.", "SA"),
    "fell in the sea": (HOUTHI_CLAIM + "Saudi state media quoted an official as saying that the "
                        "missiles fell in the sea.", "SA"),
    "detected no launches": (HOUTHI_CLAIM + "The kingdom's defence ministry said it had detected "
                             "no missile launches from Yemen on Thursday.", "SA"),
    "the situation is calm": (ISKP_CLAIM + "The situation in Termez is calm, the regional "
                              "governor's office said.", "UZ"),
    "the claim given a label": (ISKP_CLAIM + "The Uzbek foreign ministry described the claim as "
                                "provocation.", "UZ"),
    "it fell on the other side": (ISKP_CLAIM + "Officials in Tashkent said the rockets fell on "
                                  "Afghan territory.", "UZ"),
    "registered no shelling": (ISKP_CLAIM + "Uzbek border guards said they had registered no "
                               "shelling from the Afghan side.", "UZ"),
    "the claim has no basis": (ISKP_CLAIM + "The Uzbek defence ministry said the claim had no "
                               "basis.", "UZ"),
    "far from the truth": (HOUTHI_CLAIM + "A Saudi official called the reports far from the "
                           "truth.", "SA"),
    "a smaller toll given as its own": (
        "The PKK said on Thursday its guerrillas had killed 23 Turkish soldiers near Metina in "
        "northern Iraq. "
        "Turkey's defence ministry put the death toll at three soldiers.", "TR"),
    "one soldier lost, against a claimed score": (
        "Al-Shabaab said on Thursday its fighters had killed 27 Ugandan soldiers in an assault on "
        "their base at Bulo Marer. Uganda's army confirmed that a soldier was killed in the "
        "attack.", "UG"),
    "the coalition the article says is Saudi-led": (
        "The Houthis, who have fought a Saudi-led coalition for a decade, said on Thursday they "
        "had hit an Aramco depot in Jizan with drones. The coalition said its air defences had "
        "intercepted both drones.", "SA"),
    "the kingdom, in the desert": (HOUTHI_CLAIM + "The kingdom said the missiles had come down "
                                   "in the desert east of the city.", "SA"),
    "the claimant is lying": (HOUTHI_CLAIM + "A Saudi military spokesman said the Houthis were "
                              "lying.", "SA"),
    "nothing happened": (ISKP_CLAIM + "\"Nothing happened in Termez,\" an Uzbek border official "
                         "told reporters.", "UZ"),
    "quote first, the speaker after with titles and an appositive": (
        HOUTHI_CLAIM + "\"This claim is a lie,\" said Brig. Gen. Fahd Otaibi, the Saudi defence "
        "ministry's spokesman.", "SA"),
    "quote first, an unnamed speaker and a relative clause": (
        ISKP_CLAIM + "\"There is no truth in it,\" said an Uzbek border official, who asked not "
        "to be named.", "UZ"),
    "only that rockets had fallen in open areas": (
        ISKP_CLAIM + "The Uzbek defence ministry would not confirm the claim, saying only that "
        "two rockets had fallen in open areas.", "UZ"),
    "one soldier hurt, against 'several' claimed killed": (
        "Hezbollah said on Friday its drones had killed several Israeli soldiers at a post near "
        "Shtula. The Israeli army said one soldier was lightly wounded.", "IL"),
    "the base is intact": (
        "Al-Shabaab said on Friday it had overrun a Kenyan army camp at Hulugho. A statement "
        "from the Kenya Defence Forces said the camp was intact and in its hands.", "KE"),
    "it has no drones there": (
        "The RSF said on Friday it had shot down a Chadian military drone over El Fasher. Chad's "
        "government said it had no drones operating in Sudan.", "TD"),
    "the drones were destroyed": (HOUTHI_CLAIM + "The Saudi defence ministry said all the drones "
                                  "had been destroyed over the Red Sea coast.", "SA"),
    "the embassy of the target, placed in a third country": (
        "The Baloch Liberation Army said on Thursday it had ambushed a convoy of Chinese engineers "
        "near Gwadar. The Chinese embassy in Islamabad said no Chinese nationals were harmed.",
        "CN"),
}


@pytest.mark.parametrize("case", list(DENIALS))
def test_a_target_state_denial_answers_the_claim(pipeline: Pipeline, case: str) -> None:
    body, target = DENIALS[case]
    events = read(pipeline, body)
    assert [e for e in events if e.kind is EventKind.DENIAL and e.target_country == target
            and e.actor_country == target], said(events)
    article = Article(id="d", body=body, published_at=PUB)
    assert list(Replay(pipeline).feed(article, PUB)), said(events)


def test_a_state_calling_the_claimant_by_another_name_answers_its_claim(pipeline: Pipeline) -> None:
    """The army says 'Boko Haram' of the ISWAP that claimed: set side by side, the denial
    answers that claim."""
    body = ("Chad's army on Thursday denied that Boko Haram fighters had overrun its post on "
            "Kaiga island. ISWAP said in a statement on Thursday that its fighters had seized the "
            "post and killed 30 Chadian soldiers.")
    events = read(pipeline, body)
    assert has(events, "claim", "TD", "Islamic State West Africa"), said(events)
    assert {e.attacker for e in events if e.kind is EventKind.DENIAL} == {
        "Islamic State West Africa Province"}, said(events)
    article = Article(id="d", body=body, published_at=PUB)
    assert [a.target_country for a in Replay(pipeline).feed(article, PUB)] == ["TD"]


def test_a_motive_is_no_report_of_an_attack(pipeline: Pipeline) -> None:
    """A state explaining its own strike by an older attack on itself reports nothing new."""
    events = read(pipeline, "Russia's defence ministry said on Thursday its missiles struck a "
                            "Ukrainian depot near Sumy. The ministry said the strike was "
                            "retaliation for a drone attack on Kursk that killed 11 of its "
                            "soldiers.")
    assert not [e for e in events if e.kind is EventKind.ATTACK_REPORT], said(events)
    assert has(events, "claim", "UA", "Russia"), said(events)


def test_a_state_that_claims_it_repelled_an_attack_claims_no_strike(pipeline: Pipeline) -> None:
    events = read(pipeline, "Ukraine's navy said its sea drones had hit a Russian landing ship "
                            "near Novorossiysk on Friday. \"The Russians' claims that they "
                            "repelled the attack are fake,\" a Ukrainian navy spokesman said.")
    assert [e.actor for e in events if e.kind is EventKind.CLAIM] == ["Ukraine"], said(events)


def test_a_group_named_with_its_country_in_front(pipeline: Pipeline) -> None:
    """'Lebanon's Islamic Resistance' is the name that ends in 'in Lebanon', turned round."""
    events = read(pipeline, "Lebanon's Islamic Resistance, an armed group close to Iran, said it "
                            "had fired guided missiles at an Israeli army post near Metula on "
                            "Thursday.")
    assert [(e.kind.value, e.target_country, e.actor) for e in events] == [
        ("claim", "IL", "Hezbollah")], said(events)


def test_an_attack_given_a_label_is_not_denied(pipeline: Pipeline) -> None:
    events = read(pipeline, ISKP_CLAIM + "The Uzbek foreign ministry described the attack as a "
                                         "provocation.")
    assert not [e for e in events if e.kind is EventKind.DENIAL], said(events)


def test_a_valley_is_no_town_of_that_name(pipeline: Pipeline) -> None:
    # GeoNames knows 'The Valley' (Anguilla); 'the Bekaa Valley' is in Lebanon.
    events = read(pipeline, "Israel said its jets struck Hezbollah weapons depots in the Bekaa "
                            "Valley on Thursday. Lebanon's army said the strikes hit farmland.")
    assert has(events, "claim", "LB", "Israel"), said(events)
    assert not [e for e in events if e.target_country == "AI"], said(events)


def test_an_aside_does_not_turn_the_claim_into_a_denial(pipeline: Pipeline) -> None:
    events = read(pipeline, SHAPES["an aside in another's voice is not the speaker's word"][0])
    assert not has(events, "denial", "RU", "Ukraine"), said(events)


def test_forces_that_attack_do_not_name_the_ministry(pipeline: Pipeline) -> None:
    body = ("Russia's defence ministry said on Thursday that Ukrainian forces fired rockets at "
            "Belgorod. \"Ukrainian forces launched six rockets at the city,\" the ministry said.")
    assert not [e for e in read(pipeline, body) if e.actor.startswith("Ukraine")]


NEAR_MISSES = {
    "declined to comment": "The Houthis claimed a drone attack on Dubai on Thursday. Emirati "
                           "officials declined to comment.",
    "could not verify": "ISKP said it fired rockets into Uzbekistan on Thursday. Uzbek officials "
                        "said they could not immediately verify the report.",
    "neither confirmed nor denied": "The Houthis claimed an attack on Jeddah on Thursday. The Saudi "
                                    "military neither confirmed nor denied the attack.",
    "the accused denies its own role": "Israel's army said Hezbollah fired rockets at Metula on "
                                       "Thursday. Hezbollah denied any involvement.",
    "a state accusing a group": "Pakistan's army said TTP fighters fired mortars at a border post "
                                "from Afghan soil on Thursday.",
    "background claim": "The Houthis have claimed several attacks on Saudi Arabia in the past. "
                        "Saudi officials said the reports were exaggerated.",
    "a company denies a business report": "Aramco denied a report that it had cut production at "
                                          "its Ras Tanura plant.",
    "sport borrows war words": "Their coach said the team attacked with more purpose after the "
                               "interval and denied that the striker was injured.",
    "a goal is scored": "Rangers said their forwards hit the post twice before the late goal "
                        "that Celtic's coach denied was offside.",
    "a habit of denying, not a denial": "Al-Shabaab said it killed dozens of Ugandan soldiers "
                                        "in Somalia on Thursday. Uganda's army has in the past "
                                        "denied that its soldiers were killed.",
    "a group's claim at home": "Al-Shabaab said on Friday it had attacked Somali army positions "
                               "near Afgoye. Somalia's government said the attack was repelled.",
    "a state denies its own strike": "Israel denied on Friday that it had struck an Iranian "
                                     "consulate in Damascus. Hezbollah said it had fired rockets "
                                     "at an Israeli base in the Golan on Friday.",
    "an old claim and its denial, recalled": "ISKP's claim in 2022 that it fired rockets at Termez "
                                             "was denied by Uzbekistan. On Friday the group "
                                             "claimed an attack on Taliban fighters in Kunduz.",
    "a missile test": "North Korea fired a ballistic missile into the sea off its east coast on "
                      "Thursday, South Korea's military said.",
}


@pytest.mark.parametrize("case", list(NEAR_MISSES))
def test_near_miss_raises_no_alert(pipeline: Pipeline, case: str) -> None:
    article = Article(id="near", body=NEAR_MISSES[case], published_at=PUB)
    assert list(Replay(pipeline).feed(article, PUB)) == [], said(read(pipeline, NEAR_MISSES[case]))


@pytest.mark.parametrize("case", ["declined to comment", "could not verify",
                                  "neither confirmed nor denied", "the accused denies its own role"])
def test_near_miss_is_no_state_denial(pipeline: Pipeline, case: str) -> None:
    events = read(pipeline, NEAR_MISSES[case])
    assert not [e for e in events if e.kind is EventKind.DENIAL and e.actor_type.value == "state"]


def test_a_state_denying_its_own_strike_answers_the_state_struck(pipeline: Pipeline) -> None:
    """The accused's denial is about the attack it is accused of (the consulate is Iran's), never
    about an attack on itself, so it cannot contradict Hezbollah's claim on Israel."""
    events = read(pipeline, NEAR_MISSES["a state denies its own strike"])
    denials = {(e.target_country, e.actor_country) for e in events if e.kind is EventKind.DENIAL}
    assert denials == {("IR", "IL")}


@pytest.mark.parametrize("body", [
    "The Houthis threatened on Friday to attack any British warship in the Red Sea.",
    "Hezbollah warned that it would fire rockets at Haifa if Israel struck Beirut.",
    "Al-Shabaab said it was ready to attack Kenyan bases in Lamu.",
    "Jaish al-Adl vowed to strike Iranian border posts again.",
])
def test_a_threat_is_no_claim(pipeline: Pipeline, body: str) -> None:
    events = read(pipeline, body)
    assert not [e for e in events if e.kind is EventKind.CLAIM], said(events)


def test_sea_is_never_a_target(pipeline: Pipeline) -> None:
    events = read(pipeline, "The Houthis said they fired a missile at a ship in the Red Sea on "
                            "Thursday.")
    assert all(e.target_country is None for e in events) or not events


def test_merchant_ship_without_its_state_has_no_target(pipeline: Pipeline) -> None:
    events = read(pipeline, "The Houthis claimed on Thursday that they hit a Maersk container "
                            "ship in the Gulf of Aden.")
    assert not [e for e in events if e.kind is EventKind.CLAIM]


def test_dateline_is_neither_target_nor_speaker(pipeline: Pipeline) -> None:
    body = ("DUBAI, June 13 (Reuters) - The Houthis said they fired a drone at an Israeli ship on "
            "Thursday.")
    events = read(pipeline, body)
    assert said(events) == {("claim", "IL", next(e.actor for e in events))}
    assert all(e.target_country != "AE" for e in events)


def test_two_dated_incidents_days_apart_stay_two(pipeline: Pipeline) -> None:
    body = ("ISKP said it fired rockets into Tajikistan on June 3. Tajik border guards said no "
            "rocket had landed. ISKP said it fired rockets into Tajikistan again on June 10.")
    alerts = list(Replay(pipeline).feed(Article(id="two", body=body, published_at=PUB), PUB))
    final = {a.alert_id: a for a in alerts}
    days = sorted(a.incident_start for a in final.values())
    assert days and days[0] == date(2024, 6, 3)
    assert all(a.incident_start != date(2024, 6, 10) or not a.denials for a in final.values())


@pytest.mark.parametrize("monitor", ["Site Intelligence", "the Long War Journal", "a monitor"])
def test_a_monitor_relaying_a_claim_neither_speaks_nor_denies(pipeline: Pipeline,
                                                               monitor: str) -> None:
    """'..., according to X, which tracks militant propaganda': the relative clause is about X."""
    body = ("Uzbekistan's defence ministry said on Wednesday that its border troops were on alert. "
            "Islamic State Khorasan Province fired ten rockets at an Uzbek army base near Termez, "
            f"the group said on Thursday, according to {monitor}, which tracks militant "
            "propaganda.")
    assert ("claim", "UZ", "Islamic State Khorasan Province") in said(read(pipeline, body))
    assert not [e for e in read(pipeline, body) if e.kind.value != "claim"]
