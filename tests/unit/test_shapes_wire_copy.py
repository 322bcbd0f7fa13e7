"""Shapes of wire copy from conflicts the extractor was not tuned on, in sentences written here.

Each case: an article body, the (kind, target, speaker-prefix) statements it must yield, and
those it must not. Each failed on the extractor before the change that made it pass.
"""

from __future__ import annotations

import pytest

from schemas.article import Article
from services.pipeline import Pipeline, Replay
from tests.unit.factories import PUB, Shape, check_shape, read

CASES: dict[str, Shape] = {
    "a negated thing that fell: no shells have fallen": (
        "ISKP said it fired rockets at Termez on Monday. \"No shells or rockets have fallen on "
        "Uzbek soil,\" the Uzbek defence ministry said.",
        [("denial", "UZ", "Uzbekistan")], [("attack_report", "UZ", "Uzbekistan")],
    ),
    "a negated thing of its own: no equipment was destroyed": (
        "Azerbaijan's defence ministry said its units destroyed an Armenian excavator near "
        "Sotk. \"No equipment of the Armenian army was destroyed,\" an Armenian defence "
        "ministry spokesman said.",
        [("denial", "AM", "Armenia")], [("attack_report", "AM", "Armenia")],
    ),
    "not a single drone crossed": (
        "Iran's Revolutionary Guards said their drones had struck an Israeli air base. "
        "\"Not a single drone crossed into Israeli territory,\" the Israeli military said.",
        [("denial", "IL", "Israel")], [],
    ),
    "a singular drone destroyed before reaching its target": (
        "The Houthis said they launched a drone at Jazan airport on Monday. The Saudi defence "
        "ministry said the drone was destroyed.",
        [("denial", "SA", "Saudi")], [],
    ),
    "'..., but that all attacks were repelled' continues what was said": (
        "The Russian Volunteer Corps claimed that its fighters had taken full control of a "
        "village in Kursk region on Tuesday. Russia's defence ministry said the attackers had "
        "tried to cross the border near the village, but that all attacks were repelled.",
        [("claim", "RU", "Russian Volunteer Corps"), ("denial", "RU", "Russia")], [],
    ),
    "a time between the verb and 'that' is no inverted speaker": (
        "Three units of Russian exiles, the Freedom of Russia Legion among them, announced "
        "early on Tuesday, March 12, that its fighters had taken control of a village in "
        "Belgorod region. Russia said the situation in Belgorod was under control.",
        [("claim", "RU", "Freedom of Russia Legion"), ("denial", "RU", "Russia")], [],
    ),
    "a state's own attack named as a noun": (
        "Iran's Revolutionary Guards claimed on Sunday that their missile attack on Israel "
        "overnight had struck an air base in the Negev.",
        [("claim", "IL", "Iran")], [],
    ),
    "an aside 'which Iran says' does not speak": (
        "Jaish al-Adl said on Sunday it had attacked an Iranian border post near Saravan. In a "
        "statement on its Telegram channel, the group, which Iran says operates from bases "
        "across the border in Pakistan's Balochistan province, said its fighters had killed "
        "five border guards.",
        [("claim", "IR", "Jaish al-Adl")], [("claim", "PK", "Iran")],
    ),
    "'Al-' in a spokesman's name written either way": (
        "The Houthi militia launched a drone at Abha airport on Monday. Coalition spokesman "
        "Brig. Gen. Turki Al-Maliki said the drone had been intercepted.",
        [("attack_report", "SA", "Saudi")], [("claim", "SA", "Houthi")],
    ),
    "the Arab Coalition is the Saudi-led one": (
        "The Houthis said they fired a drone at Abha airport on Monday. The Arab Coalition "
        "said the drone was intercepted.",
        [("denial", "SA", "Saudi")], [],
    ),
    "a group quoted on its weapon's hit": (
        "Saudi air defences intercepted a drone over Abha on Monday, the coalition said. "
        "Al-Masirah TV quoted the Houthis' military spokesman, Yahya Saree, as saying a drone "
        "had hit a military target at Abha airport.",
        [("claim", "SA", "Houthi")], [],
    ),
    "an umbrella whose members the article names stays the umbrella": (
        "The Islamic Resistance in Iraq said it launched drones at a base hosting US-led "
        "coalition forces on Wednesday. The alliance is believed to include Kataib Hezbollah, "
        "Harakat al-Nujaba and other factions.",
        [("claim", "US", "Islamic Resistance in Iraq")], [],
    ),
    "a group saying it 'categorically denies' claims nothing": (
        "Israel said a rocket fired by Islamic Jihad hit the hospital. The group said in a "
        "statement that it \"categorically denies\" that any of its rockets struck the "
        "hospital in Gaza.",
        [], [("claim", "PS", "Palestinian Islamic Jihad")],
    ),
    "a standing view of harbouring answers no attack": (
        "The ELN said its fighters attacked a Colombian army battalion in Arauca on Saturday. "
        "Military commanders have long said the ELN uses the Venezuelan state of Apure, on the "
        "other side of the river, as a rearguard from which it launches operations, something "
        "Caracas has denied.",
        [], [("denial", "VE", "Venezuela")],
    ),
    "a group's claims on its own country stay there": (
        "BOGOTA - The National Liberation Army (ELN) claimed responsibility on Monday for an "
        "attack with drones on an army battalion in Saravena, in the eastern department of "
        "Arauca, a few kilometres from the border with Venezuela. In a statement, the guerrilla "
        "group said its units had struck the installations of the battalion on Saturday night.",
        [("claim", "CO", "National Liberation Army")], [("claim", "VE", "National Liberation")],
    ),
    "'Pakistan-occupied' describes; the dateline's army speaks": (
        "NEW DELHI: The Army used artillery to hit terrorist launch pads in Pakistan-occupied "
        "Kashmir on Sunday, Army chief Gen Bipin Rawat said. Pakistan rejected the account.",
        [("denial", "PK", "Pakistan")], [("attack_report", "PK", "Pakistan")],
    ),
    "'a disputed temple' is a describing word, not a denial": (
        "SURIN, Thailand (AP) - Thailand's army on Friday rejected Cambodia's claim that its "
        "troops had overrun Thai military positions near a disputed ancient temple.",
        [("claim", "TH", "Cambodia"), ("denial", "TH", "Thailand")], [],
    ),
    "a bare ministry after its state spoke is not the territory it names": (
        "Turkiye says 12 soldiers killed in northern Iraq. Twelve Turkish soldiers have been "
        "killed in clashes with PKK militants in northern Iraq, the National Defence Ministry "
        "said on Saturday.",
        [], [("attack_report", "IQ", "Iraq")],
    ),
    "a strike whose owner goes unnamed, on foreign ground, is the speaker's": (
        "A strike by the Kinzhal hypersonic missile system destroyed a US-made Patriot air "
        "defence system in Kyiv, Russian Defence Ministry spokesman Igor Konashenkov said.",
        [("claim", "UA", "Russia")], [("attack_report", "RU", "Russia")],
    ),
    "a state's own forces with a quoted verb": (
        "Cambodia's Defence Ministry spokesperson told reporters in Phnom Penh that Cambodian "
        "forces had \"destroyed\" a Thai military base near the temple on Thursday.",
        [("claim", "TH", "Cambodia")], [("attack_report", "KH", "Cambodia")],
    ),
    "a dateline's bare army is the dateline's state": (
        "NEW DELHI: The Army used artillery to target terrorist launch pads in the Neelum valley "
        "on Sunday, the Army chief said, claiming heavy losses on the Pakistani side.",
        [("claim", "PK", "India")], [],
    ),
    "a name glossed in quotes is part of the subject": (
        "The militant group Jaish al-Adl, or the \"Army of Justice,\" claimed responsibility "
        "for the attack on the police station in Rask, Iran, in a statement circulated online.",
        [("claim", "IR", "Jaish al-Adl")], [],
    ),
    "a time and ', saying' after the verb are no inverted speaker": (
        "Militants stormed a police station in Rask, killing 11 Iranian police officers. Jaish "
        "al-Adl, a Sunni extremist group, claimed responsibility in a message on Telegram, "
        "saying its fighters had attacked the Iranian police station.",
        [("claim", "IR", "Jaish al-Adl")], [],
    ),
    "a state repeating its ministry's claim that nothing landed denies": (
        "ISKP said it fired rockets at Termez on Monday. Presidential spokesman Sherzod Asadov "
        "told reporters the border was calm, repeating the defence ministry's claim that no "
        "projectiles landed on Uzbek soil.",
        [("denial", "UZ", "Uzbekistan")], [("claim", "UZ", "Uzbekistan")],
    ),
    "firings to show readiness are no strike": (
        "Pakistan said its air defences were on alert on Saturday. Separately, the Indian Navy "
        "on Saturday said it had carried out successful anti-ship firings in the Arabian Sea to "
        "demonstrate its readiness for long-range precision offensive strikes.",
        [], [("claim", "PK", "India")],
    ),
    "a habit of reporting is no statement": (
        "The Islamic Resistance in Iraq said it fired a drone at Eilat on Sunday. Israel has "
        "occasionally reported intercepting aircraft launched from the east.",
        [("claim", "IL", "Islamic Resistance in Iraq")], [("denial", "IL", "Israel")],
    ),
    "an alliance naming one member is still the alliance": (
        "The Islamic Resistance in Iraq said it fired a drone at Eilat on Sunday. Kataib "
        "Hezbollah is one of its members.",
        [("claim", "IL", "Islamic Resistance in Iraq")], [("claim", "IL", "Kata'ib Hezbollah")],
    ),
    "a passive agent speaks, and a bare ministry is the one the article named": (
        "Air defence systems destroyed 44 Ukrainian drones over the Rostov Region overnight, it "
        "was stated by the Russian Defence Ministry. Earlier, the Ukrainian General Staff "
        "claimed that its forces had hit the Morozovsk airfield. No damage to military "
        "facilities was reported by the Defence Ministry, which stated that all the drones "
        "had been shot down.",
        [("claim", "RU", "Ukraine"), ("denial", "RU", "Russia")], [("denial", "UA", "Ukraine")],
    ),
    "a participle after a main clause speaks for its subject": (
        "Ukraine's General Staff said its forces struck the Morozovsk military airfield in "
        "Russia's Rostov region. Russia's defence ministry gave a different version, saying its "
        "air defences shot down 44 Ukrainian drones over Rostov region.",
        [("denial", "RU", "Russia")], [("denial", "UA", "Ukraine")],
    ),
    "a dateline in capitals and attackers 'from Afghanistan' do not speak": (
        "PESHAWAR: Four soldiers were killed when security forces repulsed an attack on two "
        "military posts in Chitral district by militants who had crossed over from Afghanistan, "
        "the military's media wing said.",
        [], [("attack_report", "AF", "Afghanistan"), ("denial", "AF", "Afghanistan")],
    ),
    "a maritime authority speaks for its flag state": (
        "Yemen's Houthis said they had struck the Malta-flagged bulk carrier Olvia Star with "
        "missiles in the Red Sea. The ship was not damaged and has continued its voyage, "
        "Malta's maritime authority said on Wednesday.",
        [("claim", "MT", "Houthi"), ("denial", "MT", "Malta")], [],
    ),
    "'beaten back' contests the attack's effect": (
        "Al-Shabaab said its fighters stormed a Kenyan military camp in Lamu on Sunday. The Kenya "
        "Defence Forces said soldiers had beaten back the attack.",
        [("denial", "KE", "Kenya")], [],
    ),
    "the Polisario's army, its acronym and its ministry": (
        "BIR LEHLOU, May 12 (SPS) - Units of the Sahrawi People's Liberation Army (SPLA) carried "
        "out concentrated bombardments on Saturday against entrenchments of the Moroccan army in "
        "Mahbes, the Sahrawi Ministry of Defence said. The ministry added that artillery units "
        "had pounded a Moroccan command post in the Farsia region.",
        [("claim", "MA", "Polisario")], [("confirmation", "MA", "Morocco")],
    ),
    "the accused rejects accusations; it answers no claim": (
        "The Islamic Resistance in Iraq said it attacked a US base on Sunday. Iran's foreign "
        "ministry rejected baseless US accusations over the attack on the American base.",
        [("claim", "US", "Islamic Resistance in Iraq")], [("denial", "IR", "Iran")],
    ),
    "denying carrying out a strike is the accused's denial": (
        "Myanmar's military government on Thursday denied carrying out an air strike on a "
        "school in the Sagaing region.",
        [], [("denial", "MM", "Myanmar")],
    ),
    "regional officials after a claimed strike are the place's": (
        "Ukraine's security service said its drones struck an oil refinery in Russia's Krasnodar "
        "region overnight. Regional officials dismissed the reports, saying production had not "
        "been interrupted.",
        [("claim", "RU", "Ukraine"), ("denial", "RU", "Russia")], [("denial", "UA", "Ukraine")],
    ),
    "a state saying what it did not do claims nothing": (
        "\"Rwanda has not fired on Congolese territory,\" the Rwandan army spokesman said.",
        [], [("claim", "CD", "Rwanda")],
    ),
    "soldiers 'killed in' fire, in a headline, did not act": (
        "Four Armenian soldiers killed in Azerbaijani fire on border, Yerevan says",
        [], [("claim", "AZ", "Armenia")],
    ),
    "attacked at least 16 times is history": (
        "Pentagon spokesman Pat Ryder said US and coalition forces in Iraq and Syria had been "
        "attacked at least 16 times since October 17.",
        [], [("claim", "IQ", "United States")],
    ),
    "local officials are those of the place last named": (
        "PJAK said its fighters killed five Revolutionary Guards near the Iranian town of "
        "Sardasht on Saturday. Residents of Sidakan, a border district in Erbil province, told "
        "reporters that Iranian artillery had shelled areas near the border on Sunday. Local "
        "officials said there were no casualties.",
        [("claim", "IR", "Kurdistan Free Life")], [("denial", "IR", "Iran")],
    ),
    "'routed ..., killing' is a claim; 'pushed back' a different account": (
        "Al-Shabaab spokesman Ali Dhere said on Wednesday that rebel fighters had routed Kenyan "
        "troops near Mandera, killing more than 40 soldiers. Kenya's army spokesman rejected "
        "that version. \"The attackers were pushed back. We lost five soldiers, not forty,\" he "
        "said.",
        [("claim", "KE", "al-Shabaab"), ("denial", "KE", "Kenya")], [],
    ),
    "a governing group rejects a state's assertion about strikes on its ground": (
        "Pakistan's foreign office said on Monday its aircraft had struck militant hideouts "
        "inside Afghanistan. \"This reckless action is a violation of Afghanistan's territory,\" "
        "Taliban spokesman Zabihullah Mujahid said on X. He rejected Islamabad's assertion that "
        "militants had been targeted, saying the man Pakistan was seeking was on its own soil.",
        [("claim", "AF", "Pakistan"), ("denial", "AF", "Taliban")], [("denial", "PK", "Taliban")],
    ),
    "a neighbour just named does not speak, and attackers neutralised deny nothing": (
        "Benin says 28 soldiers killed in jihadist attack near Niger, Burkina borders. "
        "Twenty-eight Beninese soldiers were killed in a jihadist attack on a military position "
        "near the borders with Niger and Burkina Faso, the government said Thursday. \"The toll "
        "is 28 soldiers killed,\" the spokesman said, adding that about 40 assailants had been "
        "\"neutralised\" by the army's response. JNIM claimed responsibility, saying its "
        "fighters had killed around 30 soldiers.",
        [("claim", "BJ", "Jama'at Nusrat")],
        [("denial", "BF", "Burkina Faso"), ("denial", "BJ", "Benin")],
    ),
}


def test_said_on_x_ends_a_sentence() -> None:
    from services.classifier.text import split_sentences
    texts = [s.text for s in split_sentences("He said so on X. He added more. John F. Kennedy spoke.")]
    assert texts == ["He said so on X.", "He added more.", "John F. Kennedy spoke."]


def test_a_denied_report_about_something_else_is_no_denial(pipeline: Pipeline) -> None:
    body = ("The RSF said its drones struck Sudanese army positions in El Fasher on Monday. "
            "Chad's government on Tuesday denied reports circulating on social media that it had "
            "sealed its eastern border with Sudan.")
    assert [e.kind.value for e in read(pipeline, body)] == ["claim"]


def test_a_month_in_the_possessive_dates_a_recalled_attack(pipeline: Pipeline) -> None:
    body = ("JNIM said it had killed 70 Beninese soldiers at army posts in the W National Park "
            "on April 17. January's assault on a military post in the same region killed 28 "
            "soldiers, according to official figures.")
    recalled = [e for e in read(pipeline, body) if "January" in e.evidence.text]
    assert recalled and all(e.incident_time.end.month == 1 for e in recalled), recalled


def test_the_al_qaeda_affiliate_is_the_one_the_article_names(pipeline: Pipeline) -> None:
    body = ("Al-Shabaab attacked a Burundian base in Somalia on Tuesday. The al-Qaeda affiliate "
            "says it killed 170 Burundian soldiers and captured the base.")
    claims = {e.actor for e in read(pipeline, body) if e.kind.value == "claim"}
    assert claims == {"al-Shabaab"}, claims


@pytest.mark.parametrize("case", list(CASES))
def test_wire_copy_shape(pipeline: Pipeline, case: str) -> None:
    check_shape(pipeline, case, CASES[case])


def test_an_umbrella_reading_does_not_depend_on_set_order(pipeline: Pipeline) -> None:
    body = ("The Islamic Resistance in Iraq said it fired drones at Eilat on Thursday. Its "
            "members include Kataib Hezbollah and Harakat al-Nujaba.")
    actors = {e.actor for e in read(pipeline, body) if e.kind.value == "claim"}
    assert actors == {"Islamic Resistance in Iraq"}, actors


def test_a_pakistani_group_attacking_in_pakistan_is_domestic(pipeline: Pipeline) -> None:
    body = ("The TTP said its fighters attacked a police station in Pakistan's Lakki Marwat "
            "district on Thursday, killing 12 policemen. Pakistani police said two constables "
            "were killed and denied that the station had been overrun.")
    events = read(pipeline, body)
    assert any(e.kind.value == "claim" and e.target_country == "PK" for e in events), events
    article = Article(id="ttp", body=body, published_at=PUB)
    assert list(Replay(pipeline).feed(article, PUB)) == []


def test_attackers_who_came_from_abroad_make_a_home_group_cross_border(pipeline: Pipeline) -> None:
    body = ("Pakistan's military said it had repulsed an attack on a border post in Bajaur by "
            "militants who had crossed over from Afghanistan. The TTP said its fighters had "
            "captured the post and killed 15 soldiers.")
    article = Article(id="ttp-x", body=body, published_at=PUB)
    alerts = list(Replay(pipeline).feed(article, PUB))
    assert [a.target_country for a in alerts] == ["PK"], read(pipeline, body)


def test_a_piece_naming_a_group_to_describe_another_does_not_speak(pipeline: Pipeline) -> None:
    body = ("JNIM, the al-Qaeda affiliate active across the central Sahel, claimed it killed "
            "70 Beninese soldiers near the border with Niger.")
    claims = [(e.actor, e.target_country) for e in read(pipeline, body) if e.kind.value == "claim"]
    assert claims == [("Jama'at Nusrat al-Islam wal-Muslimin", "BJ")], claims


def test_a_foiled_plot_is_no_attack_repelled(pipeline: Pipeline) -> None:
    body = ("JNIM said its fighters attacked an army post in northern Burkina Faso on Monday. "
            "Burkina Faso's military government said it had foiled a plot to destabilise the "
            "country.")
    assert not any(e.kind.value == "denial" for e in read(pipeline, body))


def test_the_day_a_claim_was_made_is_not_the_day_of_the_attack(pipeline: Pipeline) -> None:
    body = ("The armed wing of the PKK claimed on Monday that its fighters had killed dozens of "
            "Turkish soldiers in northern Iraq.")
    claim = next(e for e in read(pipeline, body) if e.kind.value == "claim")
    assert claim.incident_time.start < PUB and not claim.incident_time.exact, claim.incident_time


def test_a_governing_group_denying_strikes_on_its_ground_answers_a_state_claim() -> None:
    body = ("Pakistan's foreign office said on Monday its aircraft had struck militant hideouts "
            "inside Afghanistan. Taliban spokesman Zabihullah Mujahid rejected Islamabad's "
            "assertion that militants had been targeted.")
    article = Article(id="af", body=body, published_at=PUB)
    with_states = Pipeline.build(state_claimants=True)
    denial = next(e for e in read(with_states, body) if e.kind.value == "denial")
    assert (denial.actor_type.value, denial.actor_country, denial.target_country) == (
        "state", "AF", "AF")
    assert [a.target_country for a in Replay(with_states).feed(article, PUB)] == ["AF"]


def test_a_statement_broadcast_on_a_medium_on_a_day_dates_the_statement() -> None:
    from datetime import date

    from services.classifier.dates import find_dates
    found = find_dates("in remarks broadcast on national radio on friday, the president said "
                       "the rebels carried out the attack on december 22.", date(2023, 12, 30))
    assert [(d.speech, d.time.start) for d in found] == [
        (True, date(2023, 12, 29)), (False, date(2023, 12, 22))]
    posted = find_dates("in a message posted on x on wednesday, the spokesman said", date(2023, 12, 30))
    assert [d.speech for d in posted] == [True]
