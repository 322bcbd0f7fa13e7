"""The actor data (groups.json, states.json): shape, coverage, and one actor per name."""

from __future__ import annotations

import copy
import re
from collections import Counter
from typing import Any, get_args

import pycountry
import pytest

from services.classifier.actors import (
    ActorData,
    ActorDataError,
    Region,
    build_actor_data,
    is_exact_case,
    load_actor_data,
    name_key,
    read_actor_documents,
)
from services.classifier.aliases import possessive_aliases

# Common English words that must never be a name on their own: an alias like these would turn
# ordinary prose into an actor mention.
STOP_WORDS = {
    "front", "resistance", "army", "movement", "party", "state", "group", "forces", "force", "brigade", "brigades",
    "battalion", "legion", "corps", "alliance", "union", "council", "network", "organization", "organisation",
    "liberation", "militants", "militant", "rebels", "jihad", "islamic", "islam", "national", "people", "government",
    "authorities", "military", "navy", "police", "guard", "republic", "the", "let", "hum", "aim", "fact", "plan",
    "male", "valley", "cayenne", "amazon", "hope", "freedom", "justice", "faith", "youth", "victory", "revolution",
    "congress", "command", "fleet", "office", "ministry", "agency", "coalition", "caliphate", "emirate", "province",
    "wilayat", "mujahideen", "fighters", "tigers", "partisans", "volunteers", "sea", "gulf", "desert", "strait",
}

REGIONS: tuple[str, ...] = get_args(Region)


@pytest.fixture(scope="module")
def data() -> ActorData:
    return load_actor_data()


@pytest.fixture(scope="module")
def documents() -> tuple[dict[str, Any], dict[str, Any]]:
    return read_actor_documents()


def _all_names(groups_doc: dict[str, Any], states_doc: dict[str, Any]) -> list[tuple[str, str]]:
    """(name, owner) for every name in both files, duplicates kept."""
    names: list[tuple[str, str]] = []
    for group in groups_doc["groups"]:
        for name in [group["name"], *group["aliases"], *group["media"], *group["spokesmen"]]:
            names.append((name, f"group:{group['id']}"))
    for code, state in states_doc["countries"].items():
        fields = [state["name"], *state["names"], *state["demonyms"], *state["capitals"],
                  *state["organs"], *state["spokespeople"]]
        names.extend((name, f"state:{code}") for name in fields)
    return names


def test_group_ids_are_unique_slugs(documents):
    ids = [group["id"] for group in documents[0]["groups"]]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", gid) for gid in ids)


def test_at_least_180_groups_and_every_region_has_several(data):
    assert len(data.groups) >= 180
    per_region = Counter(group.region for group in data.groups.values())
    assert set(per_region) == set(REGIONS)
    assert all(count >= 3 for count in per_region.values()), per_region


def test_parents_exist_and_chains_end(data):
    for group in data.groups.values():
        chain = data.parent_chain(group.id)
        assert chain[0] is group
        assert chain[-1].parent is None
        assert len({g.id for g in chain}) == len(chain)


def test_branches_of_the_two_jihadist_families(data):
    is_branches = {g.id for g in data.groups.values() if "islamic-state" in {p.id for p in data.parent_chain(g.id)}}
    aq_branches = {g.id for g in data.groups.values() if "al-qaeda" in {p.id for p in data.parent_chain(g.id)}}
    assert {"iskp", "iswap", "is-sahel", "is-somalia", "is-mozambique", "adf"} <= is_branches
    assert {"aqap", "aqim", "jnim", "al-shabaab", "aqis"} <= aq_branches
    assert data.parent_chain("jnim")[-1].id == "al-qaeda"
    assert [g.id for g in data.parent_chain("adf")] == ["adf", "iscap", "islamic-state"]


def test_country_codes_are_iso_3166(data):
    iso = {country.alpha_2 for country in pycountry.countries}
    for group in data.groups.values():
        codes = {group.base_country, *group.operates_in}
        if group.de_facto_state is not None:
            codes.add(group.de_facto_state)
        assert codes <= iso, group.id
    assert set(data.ship_prefixes.values()) <= iso


def test_every_pycountry_country_has_a_profile(data):
    for country in pycountry.countries:
        state = data.states[country.alpha_2]
        assert state.iso_name == country.name
        assert state.name
    assert set(data.states) == {country.alpha_2 for country in pycountry.countries}


def test_states_most_in_conflict_news_have_organs(data):
    with_organs = [code for code, state in data.states.items() if state.organs]
    assert len(with_organs) >= 80
    for code in ("US", "RU", "UA", "IL", "IR", "SA", "AE", "PK", "AF", "TJ", "UZ", "YE", "SY", "IQ", "TR", "IN", "CN"):
        assert data.states[code].organs, code
    assert data.state_code("IRGC") == "IR"
    assert data.state_code("Saudi Aramco") == "SA"
    assert data.state_code("ADNOC") == "AE"


def test_wikidata_ids_are_q_numbers_or_null(documents):
    for group in documents[0]["groups"]:
        assert group["wikidata"] is None or re.fullmatch(r"Q[1-9]\d*", group["wikidata"]), group["id"]


def test_every_group_names_a_public_source(data):
    for group in data.groups.values():
        assert group.sources and all(src.startswith("https://") for src in group.sources), group.id


def test_de_facto_states_only_where_a_group_governs(data):
    governing = {g.id: g.de_facto_state for g in data.groups.values() if g.de_facto_state is not None}
    assert governing.get("houthis") == "YE"
    assert governing.get("taliban") == "AF"
    assert "iskp" not in governing


def test_media_shared_with_a_parent_belongs_to_the_parent_only(data):
    assert data.group_id("Amaq") == "islamic-state"
    for group in data.groups.values():
        for ancestor in data.parent_chain(group.id)[1:]:
            shared = {name_key(m) for m in group.media} & {name_key(m) for m in ancestor.media}
            assert not shared, (group.id, ancestor.id, shared)


def test_every_name_resolves_to_exactly_one_actor(documents):
    owners: dict[str, set[str]] = {}
    for name, owner in _all_names(*documents):
        owners.setdefault(name_key(name), set()).add(owner)
    clashes = {key: who for key, who in owners.items() if len(who) > 1}
    assert not clashes
    exact_keys = [key for key in owners if is_exact_case(key)]
    cross = {key: (owners[key], owners[key.casefold()]) for key in exact_keys
             if key.casefold() in owners and owners[key.casefold()] != owners[key]}
    assert not cross


def test_every_name_looks_up_to_its_owner(data, documents):
    for name, owner in _all_names(*documents):
        ref = data.lookup(name)
        assert ref is not None, name
        assert f"{ref.kind}:{ref.id}" == owner, name


def test_case_rule_all_caps_exact_others_folded(data):
    assert data.group_id("ISKP") == "iskp"
    assert data.group_id("iskp") is None
    assert data.group_id("HEZBOLLAH") == "hezbollah"
    assert data.group_id("islamic state khorasan province") == "iskp"
    assert data.state_code("kyiv") == "UA"
    assert data.state_code("Ukrainian") == "UA"
    assert data.state_code("Maria Zakharova") == "RU"
    assert data.lookup("Zedland") is None
    assert data.state_code("Congo") == "CD"
    assert data.state_code("Congo-Brazzaville") == "CG"


def test_no_name_is_a_common_word(documents):
    offenders = [name for name, _ in _all_names(*documents) if name.casefold() in STOP_WORDS]
    assert not offenders


def test_water_bodies_and_terms_are_never_actors(data):
    assert len(data.water_bodies) >= 120
    for required in ("Red Sea", "Gulf of Aden", "Bab el-Mandeb", "Strait of Hormuz", "Black Sea", "Sea of Azov",
                     "Persian Gulf", "Arabian Sea", "Mediterranean", "Caspian Sea", "Sahara", "Lake Chad"):
        assert required in data.water_bodies
    for body in data.water_bodies:
        assert data.lookup(body) is None, body
    assert len(data.organ_terms) >= 80
    for term in data.organ_terms:
        assert term == term.lower(), term
        assert data.lookup(term) is None, term


def test_ship_prefixes_name_navies(data):
    assert data.ship_prefixes["USS"] == "US"
    assert data.ship_prefixes["HMS"] == "GB"
    assert all(prefix.upper() == prefix or prefix.isalpha() for prefix in data.ship_prefixes)


def test_spokesman_titles_present(data):
    assert {"spokesman", "spokeswoman", "spokesperson", "press secretary"} <= set(data.spokesman_titles)


def _broken(documents: tuple[dict[str, Any], dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    return copy.deepcopy(documents[0]), copy.deepcopy(documents[1])


def test_a_colliding_alias_is_rejected(documents):
    groups_doc, states_doc = _broken(documents)
    groups_doc["groups"][0]["aliases"].append("Ukraine")
    with pytest.raises(ActorDataError, match="Ukraine"):
        build_actor_data(groups_doc, states_doc)


def test_an_all_caps_alias_shadowed_by_a_folded_one_is_rejected(documents):
    groups_doc, states_doc = _broken(documents)
    target = next(g for g in groups_doc["groups"] if g["id"] == "jem")
    other = next(g for g in groups_doc["groups"] if g["id"] == "jaish-e-mohammed")
    assert "JEM" in target["aliases"]
    other["aliases"].append("JeM")
    with pytest.raises(ActorDataError, match="JEM"):
        build_actor_data(groups_doc, states_doc)


def test_unknown_parent_and_cycles_are_rejected(documents):
    groups_doc, states_doc = _broken(documents)
    next(g for g in groups_doc["groups"] if g["id"] == "iskp")["parent"] = "no-such-group"
    with pytest.raises(ActorDataError, match="unknown parent"):
        build_actor_data(groups_doc, states_doc)
    groups_doc, states_doc = _broken(documents)
    next(g for g in groups_doc["groups"] if g["id"] == "islamic-state")["parent"] = "iskp"
    with pytest.raises(ActorDataError, match="cycle"):
        build_actor_data(groups_doc, states_doc)


def test_malformed_documents_raise_a_clear_error(documents):
    groups_doc, states_doc = _broken(documents)
    groups_doc["groups"][0]["base_country"] = "Afghanistan"
    with pytest.raises(ActorDataError, match="malformed"):
        build_actor_data(groups_doc, states_doc)
    with pytest.raises(ActorDataError, match="malformed"):
        build_actor_data({}, states_doc)


def test_possessive_forms_name_one_group_each(documents: tuple[dict[str, Any], dict[str, Any]]) -> None:
    """'Iraq's Islamic Resistance' is derived from 'Islamic Resistance in Iraq'; a country that is
    not the group's home derives nothing, and no derived form means two groups."""
    groups_doc, states_doc = documents
    forms = possessive_aliases(groups_doc, states_doc)
    assert forms["Iraq's Islamic Resistance"] == "islamic-resistance-iraq"
    assert forms["Lebanon's Islamic Resistance"] == "hezbollah"
    one = {"groups": [
        {"id": "a", "name": "Front of Zedland", "aliases": ["Army of Ruritania"], "base_country": "ZZ"},
        {"id": "b", "name": "Shield of Zedland", "aliases": ["Front in Zedland"], "base_country": "ZZ"},
    ]}
    states = {"countries": {"ZZ": {"name": "Zedland", "names": []}}}
    assert possessive_aliases(one, states) == {"Zedland's Shield": "b"}
