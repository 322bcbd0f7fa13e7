"""Named sites: a base, airfield or plant names its country even when the text names none
('fired missiles at Nevatim air base'), and a base that hosts another state's troops names
that state too ('the Tower 22 outpost': US forces, on Jordan's ground). Sentences in our own
words; the data's shape is checked here as well."""

from __future__ import annotations

import pycountry
import pytest

from services.classifier.data_files import load_json
from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: no country named, so no target and no event
    "a group's strike on a named air base abroad": (
        "The Houthis said they had fired a ballistic missile at Nevatim air base.",
        [("claim", "IL", "Houthi")], [],
    ),
    # failed before: the outpost's troops are American, its ground Jordanian
    "a hosted base gives the troops' state and the ground's": (
        "The Islamic Resistance in Iraq said its drones struck the Tower 22 outpost.",
        [("claim", "US", "Islamic Resistance in Iraq"), ("claim", "JO", "Islamic Resistance in Iraq")],
        [],
    ),
    # failed before: a state's claim on an airfield by name
    "a state's strike on a named airfield": (
        "Ukraine's military intelligence said its drones hit Olenya air base overnight.",
        [("claim", "RU", "Ukraine")], [],
    ),
    # failed before: the host state's interception answers the claim on the base
    "the host's interception answers a claim on the base": (
        "The IRGC said it launched six missiles at Al Udeid on Monday. Qatar's defence ministry "
        "said its air defences intercepted all of them.",
        [("claim", "QA", "Iran"), ("denial", "QA", "Qatar")], [],
    ),
    # failed before: AFRICOM is the US; a Kenyan base hosting US troops is its own ground
    "the hosted troops' command telling of an attack on the base confirms it": (
        "Al-Shabaab said its fighters stormed Camp Simba in Kenya on Sunday. US Africa Command "
        "said militants attacked Camp Simba early on Sunday.",
        [("claim", "KE", "al-Shabaab"), ("confirmation", "US", "United States")], [],
    ),
    # failed before: the same through 'confirmed that missiles were fired at' the base
    "the operator confirming missiles fired at its hosted base": (
        "Iran's Revolutionary Guards said they fired missiles at Al Udeid air base. The Pentagon "
        "confirmed that missiles were fired at Al Udeid on Monday.",
        [("claim", "QA", "Iran"), ("confirmation", "US", "United States")],
        [("denial", "US", "United States")],
    ),
    # guard: a base the jets took off from is no target
    "a base named as where the jets took off is not hit": (
        "Israeli jets that took off from Ramat David Airbase struck Houthi targets in Hodeidah, "
        "the army said.",
        [], [("claim", "IL", "Israel"), ("attack_report", "IL", "Israel")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_site_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])


def test_every_site_has_a_country_a_source_and_names_of_its_own() -> None:
    sites = load_json("sites.json")["sites"]
    assert len(sites) >= 100
    codes = {c.alpha_2 for c in pycountry.countries}
    owner: dict[str, str] = {}
    for site in sites:
        assert site["country"] in codes, site["name"]
        assert site["operator"] is None or (site["operator"] in codes
                                            and site["operator"] != site["country"]), site["name"]
        assert site["sources"] and all(s.startswith("https://") for s in site["sources"])
        for name in (site["name"], *site["aliases"]):
            assert len(name) >= 4, name
            assert owner.setdefault(name.lower(), site["name"]) == site["name"], name


def test_a_site_name_is_a_place_in_the_lexicon(pipeline: Pipeline) -> None:
    lexicon = pipeline.lexicon
    assert lexicon.site_operators["Tower 22"] == "US"
    assert lexicon.site_operators["Khmeimim Air Base"] == "RU"
    assert "Nevatim Airbase" not in lexicon.site_operators  # Israel's own base: no operator
