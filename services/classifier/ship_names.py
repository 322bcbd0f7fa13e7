"""Names that belong to a ship, not a place: 'the Maersk Gibraltar', 'the tanker Alexandra'.

A town's name inside a ship's name is no place that was hit.
"""

from __future__ import annotations

import re

from services.classifier.clauses import Clause
from services.classifier.lexicon import Kind
from services.classifier.scan import Mention


def names_a_ship(clause: Clause, m: Mention) -> bool:
    return ship_called(clause.sub(m.start - 12, m.start), clause.sub(m.end, m.end + 60), m) or any(
        ship_named(o, m) for o in clause.mentions)


def ship_named(company: Mention, m: Mention) -> bool:
    """'Maersk Gibraltar': a place name right after a shipping line's name is the ship's."""
    return company.entry.kind is Kind.COMPANY and 0 <= m.start - company.end <= 1


# 'the ship (Essex)', 'the tanker Alexandra', 'targeted the Essex': a town's name after a
# vessel word or a bare article names a ship (towns take no article in English)
_SHIP_BEFORE = re.compile(r"\b(?:ship|vessel|tanker|carrier|freighter|boat)\s{1,3}\(?$")
_THE_BEFORE = re.compile(r"\bthe\s{1,3}$")
# ... but not 'the Kramatorsk attack', 'the Banibangou barracks': there the town describes
_NO_NOUN_AFTER = re.compile(r"\s{0,3}(?:[,.;:)]|$|(?:in|off|near|and|which|was|were|had|has|at|while"
                            r"|on|to|tanker|vessel|ship|freighter|carrier)\b)")


# 'the Marlin Luanda, a British oil tanker': a town's name that an appositive calls a ship
_SHIP_APPOSITIVE = re.compile(r"\s{0,3},\s{1,3}(?:an?|the)\s{1,3}(?:[\w-]+\s{1,3}){0,3}?(?:tanker|ship|vessel"
                              r"|freighter|carrier|bulker)\b")


def ship_called(before: str, after: str, m: Mention) -> bool:
    if m.entry.role in ("city", "major", "capital") and _SHIP_APPOSITIVE.match(after):
        return True
    return m.entry.kind is Kind.PLACE and m.entry.role == "city" and bool(
        _SHIP_BEFORE.search(before) or (_THE_BEFORE.search(before) and _NO_NOUN_AFTER.match(after)))
