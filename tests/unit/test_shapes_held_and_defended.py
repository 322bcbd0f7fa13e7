"""Land one state holds inside another's borders is the holder's ground: its officials answer for
strikes there ('the governor of Sevastopol', 'Crimean governor'); munitions brought down by a
state's air defence are a defence, not an attack of its own. Written here in our own words. Each
case says whether it failed before its change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from schemas.article import Article
from services.classifier.lexicon import Lexicon
from services.pipeline import Pipeline, Replay
from tests.unit.factories import PUB, Shape, check_shape, read

CASES: dict[str, Shape] = {
    # failed before: Sevastopol was Ukraine's city, so Ukraine's claim named its own ground
    "a claimed strike on a city in held land targets the holder": (
        "Ukraine claimed responsibility for a missile strike on a shipyard in Sevastopol on "
        "Wednesday.",
        [("claim", "RU", "Ukraine")], [("claim", "UA", "Ukraine")],
    ),
    # failed before: bare 'Crimea' named no place at all
    "a claimed strike on 'Crimea' targets its holder": (
        "Kyiv claimed responsibility for a drone attack on an air defence unit in Crimea.",
        [("claim", "RU", "Ukraine")], [],
    ),
    # failed before: the air base in held land was Ukraine's
    "a named air base in held land is the holder's": (
        "The Ukrainian navy said its drones struck Saky air base overnight, destroying two jets.",
        [("claim", "RU", "Ukraine")], [("claim", "UA", "Ukraine")],
    ),
    # failed before: 'Crimean governor' spoke for nobody, so the claim stood unanswered
    "the governor of held land answers for its holder": (
        "Ukraine claimed responsibility for a strike on Sevastopol. Crimean Governor Ivan Petrov "
        "said air defence systems shot down all the missiles.",
        [("claim", "RU", "Ukraine"), ("denial", "RU", "Russia")], [],
    ),
    # failed before: 'shot down by Russian air defence' was Russia's own attack, on Ukraine
    "munitions shot down by a state's air defence are no attack of its own": (
        "Ukraine claimed responsibility for a missile attack on Sevastopol. The Russian Defence "
        "Ministry said five missiles were shot down by Russian air defence systems responding to "
        "the attack on the city.",
        [("denial", "RU", "Russia")],
        [("attack_report", "UA", "Russia"), ("claim", "UA", "Russia")],
    ),
    # guard: a state's air force shooting down another state's jet is still its own act
    "an aircraft shot down by a state's forces stays its own act": (
        "Ukraine said a Russian Su-34 bomber was shot down by Ukrainian forces over Kharkiv "
        "region.",
        [], [("attack_report", "UA", "Ukraine")],
    ),
    # guard: a city of the mainland stays its country's
    "a city outside held land stays its country's": (
        "Russia claimed responsibility for a missile strike on a hotel in Odesa.",
        [("claim", "UA", "Russia")], [("claim", "RU", "Russia")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_held_land_and_defence_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.build()


@pytest.mark.parametrize(("name", "country"), [
    ("Sevastopol", "RU"), ("Simferopol", "RU"), ("Kerch", "RU"), ("Crimea", "RU"),
    ("Odesa", "UA"), ("Kharkiv", "UA"),
])
def test_held_land_places_are_the_holders(lexicon: Lexicon, name: str, country: str) -> None:
    found = [lexicon.places_automaton.payloads[i] for i, s, e in lexicon.places_automaton.find(name)
             if (s, e) == (0, len(name))]
    assert found, name
    assert found[0][0].country == country  # the entry read first (a major city before a region)


def test_held_land_data_names_real_codes_and_sites() -> None:
    import pycountry

    from services.classifier.data_files import load_json

    sites = {site["name"] for site in load_json("sites.json")["sites"]}
    subdivisions = {sub.code for sub in pycountry.subdivisions}
    lands = load_json("held_lands.json")["lands"]
    assert lands
    for land in lands:
        assert pycountry.countries.get(alpha_2=land["holder"]) and pycountry.countries.get(alpha_2=land["de_jure"])
        assert land["holder"] != land["de_jure"]
        assert set(land["iso_admin1"]) <= subdivisions
        assert set(land["sites"]) <= sites, set(land["sites"]) - sites


# failed before: the PKK, based in Iraq, waging Turkey's own insurgency, was read as striking
# across a border, so its claim of a blast at a base in Turkey and Ankara's denial raised an alert
def test_a_group_fighting_its_own_countrys_insurgency_from_abroad_is_domestic_there(
        pipeline: Pipeline) -> None:
    body = ("The PKK said its fighters hit an army base in Turkey's Hakkari province with "
            "explosive-laden drones, killing 14 soldiers. Turkey's defence ministry denied the "
            "claim and said a fire at an ammunition depot had caused the explosion.")
    claims = [e for e in read(pipeline, body) if e.kind.value == "claim"]
    assert [(e.target_country, e.origin_country) for e in claims] == [("TR", "TR")], claims
    assert list(Replay(pipeline).feed(Article(id="pkk", body=body, published_at=PUB), PUB)) == []


# guard: the same group striking that state's forces abroad stays a cross-border attack
def test_the_same_group_striking_the_states_forces_abroad_is_cross_border(pipeline: Pipeline) -> None:
    body = ("The PKK said its fighters hit a Turkish military base in Iraq's Duhok province "
            "with drones, killing 14 soldiers. Turkey's defence ministry denied that any "
            "soldiers were killed at the base.")
    alerts = list(Replay(pipeline).feed(Article(id="pkk-x", body=body, published_at=PUB), PUB))
    assert [a.target_country for a in alerts] == ["TR"], read(pipeline, body)


# guard: 'in northern Iraq' puts the home state's helicopter abroad, however the region is named
def test_the_home_states_aircraft_hit_in_a_region_abroad_is_cross_border(pipeline: Pipeline) -> None:
    body = ("The PKK said its fighters shot down a Turkish army helicopter in northern Iraq on "
            "Thursday.")
    claims = [e for e in read(pipeline, body) if e.kind.value == "claim"]
    assert [(e.target_country, e.origin_country) for e in claims] == [("TR", "IQ")], claims
