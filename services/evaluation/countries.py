"""Country names as labellers write them -> ISO 3166-1 alpha-2 codes.

Labels name countries in prose ("Kenya", "DR Congo", "Uzbekistan; Tajikistan"); events and
alerts carry ISO codes. Every country ISO 3166 knows is matched through pycountry (its name,
official and common name, and the "Congo, The Democratic Republic of the" forms turned
around), plus the short forms news writes that ISO does not ("Russia", "UAE", "Ivory Coast").
A name nobody can map is reported, never guessed: a label that can never match would count
every correct alert on it as false.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import pycountry

# Short and older forms that news uses and ISO 3166 does not list.
ALIASES: dict[str, str] = {
    "russia": "RU", "turkey": "TR", "turkiye": "TR",
    "dr congo": "CD", "drc": "CD", "democratic republic of congo": "CD",
    "congo-kinshasa": "CD", "congo kinshasa": "CD", "congo-brazzaville": "CG",
    "uk": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB",
    "us": "US", "usa": "US", "u.s.": "US", "u.s.a.": "US", "america": "US",
    "uae": "AE", "emirates": "AE", "ivory coast": "CI", "cote d'ivoire": "CI",
    "kosovo": "XK", "brunei": "BN", "cape verde": "CV", "swaziland": "SZ", "burma": "MM",
    "palestine": "PS", "gaza": "PS", "gaza strip": "PS", "west bank": "PS",
    "gambia": "GM", "vatican": "VA", "vatican city": "VA", "east timor": "TL",
    "macedonia": "MK", "czechia": "CZ", "holland": "NL", "micronesia": "FM",
    "south korea": "KR", "north korea": "KP", "republic of korea": "KR", "ksa": "SA",
    "syria": "SY", "laos": "LA", "iran": "IR", "vietnam": "VN", "taiwan": "TW",
    "moldova": "MD", "tanzania": "TZ", "bolivia": "BO", "venezuela": "VE",
    "somaliland": "SO", "transnistria": "MD", "northern cyprus": "CY", "crimea": "UA",
}
_SPLIT = re.compile(r"\s*[;|]\s*")


def fold(name: str) -> str:
    """Case, accents, a leading "the" and spacing folded away."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.replace("’", "'").casefold().split())
    return text.removeprefix("the ")


def _forms(name: str) -> Iterable[str]:
    """A pycountry name and the ways prose writes it: "Korea, Republic of" -> "Republic of
    Korea"; "Congo, The Democratic Republic of the" -> "Democratic Republic of the Congo";
    "Holy See (Vatican City State)" -> "Vatican City State"."""
    yield name
    head, comma, tail = name.partition(", ")
    if comma:
        tail = tail.removesuffix(" the").removesuffix(" of")
        yield f"{tail} of {head}" if not tail.endswith(" of") else f"{tail} {head}"
        yield f"{tail} of the {head}"
        yield head  # "Bolivia, Plurinational State of" -> "Bolivia"; dropped when ambiguous
    inner = re.search(r"\(([^)]+)\)", name)
    if inner:
        yield inner.group(1)
        yield name[: inner.start()].strip()


@cache
def _index() -> dict[str, str]:
    exact: dict[str, str] = {}
    derived: dict[str, set[str]] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if not value:
                continue
            exact[fold(value)] = code
            for form in _forms(value):
                derived.setdefault(fold(form), set()).add(code)
    index = {form: next(iter(codes)) for form, codes in derived.items() if len(codes) == 1}
    index.update(exact)
    index.update(ALIASES)
    return index


@dataclass
class CountryMapper:
    """Maps label values to ISO codes and remembers the names it could not map."""

    unknown: set[str] = field(default_factory=set)

    def codes(self, value: object) -> frozenset[str]:
        """Label value (a name, an ISO code, "A; B", a list, or nothing) -> ISO alpha-2 codes."""
        if value is None:
            return frozenset()
        if isinstance(value, list | tuple):
            return frozenset().union(*(self.codes(v) for v in value))
        out: set[str] = set()
        for part in _SPLIT.split(str(value).strip()):
            if not part:
                continue
            code = to_iso(part)
            if code is None:
                self.unknown.add(part)
            else:
                out.add(code)
        return frozenset(out)


def to_iso(name: str) -> str | None:
    """One country name or ISO alpha-2/alpha-3 code -> its alpha-2 code; None if unknown."""
    text = name.strip()
    if len(text) == 2 and text.isalpha() and text.isupper():
        return text
    if len(text) == 3 and text.isalpha() and text.isupper():
        country = pycountry.countries.get(alpha_3=text)
        if country is not None:
            return str(country.alpha_2)
    return _index().get(fold(text))
