"""Claims and denials as reports from different conflicts phrase them (sentences written here).

Each story is two paragraphs: a claim, then the answer. The extractor must find both
statements with the right target, and the correlator must alert exactly when a claim is
contradicted by the target's own denial (state claimants only when they are switched on).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from schemas.article import Article
from services.pipeline import Pipeline, Replay

PUB = date(2024, 6, 14)

STORIES = [
    # (story, claim target, answered by, alerts without / with state claimants)
    ("Ukraine's military intelligence said its drones struck an oil depot in Russia's Bryansk "
     "region overnight.\n\nThe Bryansk governor said air defences had shot down all the drones "
     "and that there was no damage.", "RU", "RU", (False, True)),
    ("Russia's defence ministry said its forces hit a Ukrainian command post near Kharkiv with "
     "Iskander missiles on Thursday.\n\nUkraine's General Staff called the report fake and said "
     "no command post had been hit.", "UA", "UA", (False, True)),
    ("The Russian Volunteer Corps said its fighters crossed into the Belgorod region and seized a "
     "village on Thursday.\n\nThe governor of Belgorod said the attack had been repelled and the "
     "border remained under control.", "RU", "RU", (True, True)),
    ("The Indian army said it destroyed several militant launch pads across the Line of Control "
     "on Thursday.\n\nPakistan's military spokesman dismissed the claim as a lie and said no such "
     "strike took place.", "PK", "PK", (False, True)),
    ("Hezbollah said its fighters fired a salvo of rockets at an Israeli base in the Golan "
     "Heights on Thursday.\n\nThe Israeli military said most of the rockets were intercepted and "
     "no injuries were reported.", "IL", "IL", (True, True)),
    ("The PKK said in a statement that its guerrillas killed 12 Turkish soldiers in northern "
     "Iraq on Thursday.\n\nTurkey's defence ministry said two soldiers were killed in the "
     "clashes.", "TR", "TR", (True, True)),
    ("Azerbaijan's defence ministry said its units destroyed an Armenian artillery position on "
     "Thursday.\n\nArmenia's defence ministry said the report was not true and that no Armenian "
     "position was hit.", "AM", "AM", (False, True)),
    ("JNIM claimed responsibility for an attack on a Beninese army post near the border with "
     "Burkina Faso on Thursday, saying it killed 30 soldiers.\n\nBenin's government said five "
     "soldiers were killed.", "BJ", "BJ", (True, True)),
    ("Al-Shabaab's radio station said the group's fighters overran a Kenyan military camp in "
     "Lamu County on Thursday.\n\nKenya Defence Forces spokesman said the attack was repulsed "
     "and the camp remained secure.", "KE", "KE", (True, True)),
    ("Houthi spokesman Yahya Saree said the group attacked the USS Dwight D. Eisenhower with "
     "ballistic missiles on Thursday.\n\nA US defence official told reporters the carrier was "
     "not hit and was operating normally.", "US", "US", (True, True)),
    ("Al-Shabaab said it killed more than 50 Burundian soldiers when its fighters stormed an "
     "African Union base in Somalia's Middle Shabelle region on Thursday.\n\nBurundi's army "
     "spokesman said five soldiers were killed and dismissed the militants' figure as "
     "propaganda.", "BI", "BI", (True, True)),
    ("Al-Shabaab fighters attacked an AU base in Somalia, killing at least 12 Ugandan soldiers, "
     "the group said in a statement.\n\nA Ugandan army spokesman said only two soldiers died.",
     "UG", "UG", (True, True)),
    ("Kataib Hezbollah claimed a drone attack on Ain al-Asad air base, which hosts US troops, on "
     "Thursday.\n\nA US official said the drone was shot down and caused no damage or "
     "injuries.", "US", "US", (True, True)),
]


@pytest.mark.parametrize(("story", "target", "denier", "alerts"), STORIES,
                         ids=[s[0][:40] for s in STORIES])
def test_claim_and_answer(pipeline: Pipeline, story: str, target: str, denier: str,
                          alerts: tuple[bool, bool]) -> None:
    article = Article(id="c", body=story, published_at=PUB)
    events = pipeline.classify(article, PUB).events
    assert any(e.kind.value == "claim" and e.target_country == target for e in events), events
    assert any(e.kind.value == "denial" and e.target_country == target
               and e.actor_country == denier for e in events), events
    assert bool(list(Replay(pipeline).feed(article, PUB))) is alerts[0]
    with_states = replace(pipeline, policy=replace(pipeline.policy, state_claimants=True))
    assert bool(list(Replay(with_states).feed(article, PUB))) is alerts[1]


def test_a_confirmed_hit_raises_no_alert(pipeline: Pipeline) -> None:
    body = ("The Houthis said they hit a building in Tel Aviv with a drone on Thursday.\n\nThe "
            "Israeli military confirmed that a drone struck a building in Tel Aviv, killing one "
            "person.")
    article = Article(id="b", body=body, published_at=PUB)
    kinds = {(e.kind.value, e.target_country) for e in pipeline.classify(article, PUB).events}
    assert kinds == {("claim", "IL"), ("confirmation", "IL")}
    assert list(Replay(pipeline).feed(article, PUB)) == []


def test_damage_conceded_with_no_casualties_raises_no_alert(pipeline: Pipeline) -> None:
    """Failed before: 'causing damage but no casualties' was a denial of harm nobody claimed."""
    body = ("Hezbollah said it launched a drone at an army base near Safed on Wednesday.\n\nThe "
            "Israeli army said a drone exploded near a road junction close to the base, causing "
            "damage but no casualties.")
    article = Article(id="h", body=body, published_at=PUB)
    kinds = {(e.kind.value, e.target_country) for e in pipeline.classify(article, PUB).events}
    assert kinds == {("claim", "IL"), ("confirmation", "IL")}
    assert list(Replay(pipeline).feed(article, PUB)) == []


def test_a_claims_motive_is_no_harm_it_claims(pipeline: Pipeline) -> None:
    """Failed before: 'in retaliation for the killing of' made the claim one of casualties, so
    'damage but no casualties' contested a toll nobody claimed."""
    body = ("Hezbollah said its drones struck an army base near Safed on Wednesday in retaliation "
            "for the killing of one of its commanders.\n\nThe Israeli army said a drone exploded "
            "near a road junction close to the base, causing damage but no casualties.")
    article = Article(id="m", body=body, published_at=PUB)
    kinds = {(e.kind.value, e.target_country) for e in pipeline.classify(article, PUB).events}
    assert kinds == {("claim", "IL"), ("confirmation", "IL")}
    assert list(Replay(pipeline).feed(article, PUB)) == []


def test_an_accusation_answered_by_the_accused_raises_no_alert(pipeline: Pipeline) -> None:
    body = ("Israel's army accused Hezbollah of firing rockets at Kiryat Shmona on Thursday.\n\n"
            "Hezbollah denied any involvement in the attack.")
    article = Article(id="a", body=body, published_at=PUB)
    assert list(Replay(pipeline).feed(article, PUB)) == []


# A claim answered by the target in the many ways denials are phrased (written here).
ANSWERED = [
    ('Boko Haram said it overran a Chadian army base near Lake Chad on Thursday.',
     'The Chadian army said the base was not overrun and the attackers were pushed back.'),
    ('Al-Shabaab said its fighters stormed a Ugandan base on Thursday and killed 40 soldiers.',
     "The Uganda People's Defence Forces said the militants' claims were false and that it had "
     "lost four soldiers."),
    ('The Houthis said they sank a British-owned cargo ship in the Red Sea on Thursday.',
     "The ship's British operator said the vessel had not been sunk and was heading to port."),
    ('The Houthis said they fired missiles at Riyadh on Thursday.',
     'The Saudi-led coalition said it intercepted the missiles over the capital.'),
    ('The Houthis said they fired missiles at Riyadh on Thursday.',
     "Saudi Arabia's state news agency SPA said air defences intercepted two missiles over Riyadh."),
    ('ISKP said it fired rockets at Termez on Thursday.',
     "Uzbekistan's defence ministry said the reports did not correspond to reality."),
    ('ISKP said it fired rockets at Termez on Thursday.',
     '"There was no attack," an Uzbek border official said.'),
    ('ISKP said it fired rockets at Termez on Thursday.',
     'Uzbek authorities said they had no information about any rocket attack.'),
    ('Al-Shabaab said it killed dozens of Ugandan soldiers on Thursday.',
     'Ugandan army spokesman Brigadier Felix Kulayigye described the claim as baseless.'),
    ('Al-Shabaab said it killed dozens of Ugandan soldiers on Thursday.',
     '"These are lies," Uganda\'s military spokesman told reporters.'),
    ('Al-Shabaab said it killed dozens of Ugandan soldiers on Thursday.',
     "Uganda's military dismissed the group's figures as exaggerated."),
    ('Al-Shabaab said it killed dozens of Burundian soldiers on Thursday.',
     'The Burundian army said it had lost no soldiers.'),
    ('Al-Shabaab said it killed dozens of Burundian soldiers on Thursday.',
     "Burundi's army spokesman denied that any of its soldiers had been killed."),
    ('Al-Shabaab said it killed dozens of Burundian soldiers on Thursday.',
     'The Burundian army played down the attack, saying only three soldiers were wounded.'),
    ('Hezbollah said it struck an Israeli tank near Metula on Thursday.',
     'The Israeli army said the claim was untrue.'),
    ('The Houthis said they attacked the US aircraft carrier Abraham Lincoln on Thursday.',
     'The Pentagon said it was unaware of any attack on the carrier.'),
    ('Hezbollah said its drone killed three soldiers at an army base near Safed on Wednesday.',
     'The Israeli army said a drone exploded near the base, causing damage but no casualties.'),
    ('Hezbollah said it struck an Israeli tank near Metula on Thursday.',
     'There were no casualties, the Israeli army said, adding that no tank had been hit.'),
    ('The Polisario Front said it shelled Moroccan army positions in Mahbes on Thursday.',
     "Morocco has consistently denied the Front's claims of attacks."),
    ("Hamas's armed wing said it fired a rocket at Tel Aviv on Thursday.",
     'The Israeli military said no rocket had been fired from Gaza.'),
    ('ISKP claimed it attacked a Pakistani army post in Bajaur on Thursday.',
     "Pakistan's military said the attack was foiled and four attackers were killed."),
    ('The Arakan Army said it captured a Bangladeshi border post on Thursday.',
     "Bangladesh's Border Guard said the claim was false and the post remained under its control."),
    ('The PKK said its fighters shot down a Turkish army helicopter in northern Iraq on '
     'Thursday.',
     "Turkey's defence ministry said the helicopter crashed because of a technical fault."),
    ('The PKK said its fighters shot down a Turkish army helicopter in northern Iraq on '
     'Thursday.',
     'The army said the crash was an accident, not an attack.'),
    ('ISKP said it fired rockets at Termez on Thursday.',
     'Uzbekistan rejected as false reports that rockets had been fired at its territory.'),
    ('ISKP said it fired rockets at Termez on Thursday.',
     'The Uzbek foreign ministry said no such incident had occurred.'),
    ('ISKP said it fired rockets at Termez on Thursday.',
     'Uzbek officials termed the claim propaganda.'),
    ('Al-Shabaab claimed it overran a Kenyan army base in Lamu on Thursday.',
     "Kenya's military refuted the claims, saying its troops had repulsed the assault."),
    ('Hezbollah said it targeted an Israeli warship off the coast on Thursday.',
     'An Israeli military spokesman said no ship had been targeted.'),
    ('The Houthis said they attacked a US warship in the Red Sea on Thursday.',
     'The Pentagon said it had no indication that any US ship had been attacked.'),
    ('The Houthis said they attacked a US warship in the Red Sea on Thursday.',
     'US officials said there was no evidence of such an attack.'),
    ('Jaish al-Adl said it killed ten Iranian border guards on Thursday.',
     'Iranian state media quoted a police official as saying two guards were wounded and no one was killed.'),
    ('The ELN said it attacked a Venezuelan army post on Thursday.',
     "Venezuela's defence minister denied the attack took place."),
    ('JNIM said it killed 40 Togolese soldiers on Thursday.',
     "Togo's government said the toll was 12."),
    ('The Russian Volunteer Corps said it had taken control of a village in the Kursk region on Thursday.',
     "Russia's defence ministry said the incursion was repelled and the attackers were destroyed."),

]


@pytest.mark.parametrize(("claim", "answer"), ANSWERED, ids=[a[:48] for _, a in ANSWERED])
def test_denial_phrasings_contradict_the_claim(pipeline: Pipeline, claim: str, answer: str) -> None:
    article = Article(id="d", body=f"{claim}\n\n{answer}", published_at=PUB)
    assert list(Replay(pipeline).feed(article, PUB)), pipeline.classify(article, PUB).events
