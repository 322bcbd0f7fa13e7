"""Land one state holds inside another's borders is the holder's ground: its officials answer for
strikes there ('the governor of Sevastopol', 'Crimean governor'); munitions brought down by a
state's air defence are a defence, not an attack of its own. Written here in our own words. Each
case says whether it failed before its change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.classifier.lexicon import Lexicon
from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

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
