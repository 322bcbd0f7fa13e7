"""The ground a group holds: a state's strike on a group's assets with no place named
('targeting Houthi command and control') hit the country the group governs or is based in; and
names that only describe another actor ('an al-Qaeda-inspired cell')."""

from __future__ import annotations

import re

from services.classifier.clauses import Clause
from services.classifier.lexicon import Kind, Lexicon

_AT_GROUP_BEFORE = re.compile(r"\b(?:targeting|targeted|against|on|at|struck|hit|hitting|bombed|pounded"
                              r"|striking|(?:hideouts?|camps?|bases?|positions?|strongholds?|facilities"
                              r"|depots?|headquarters|training\s{1,3}centres?)\s{1,3}of)\s{1,3}(?:the\s{1,3})?$")
# 'an al-Qaeda-inspired cell', 'the Iranian-backed group': a name that describes another actor
DESCRIBES_AFTER = re.compile(r"[\s-]{0,2}(?:inspired|linked|backed|allied|affiliated|aligned|style|supported"
                             r"|sponsored|funded)\b")
_GROUP_ASSET_AFTER = re.compile(
    r"^(?:'s?)?\s{0,3}(?:[\w-]+\s{1,3}){0,3}?(?:positions?|targets?|command|hideouts?|bases?|camps?"
    r"|facilities|sites?|infrastructure|strongholds?|depots?|installations?|launchers?|radars?)\b"
)


def group_ground(clause: Clause, span: tuple[int, int], lexicon: Lexicon,
                 exclude: frozenset[str | None]) -> str | None:
    """A state's strike on a group's assets with no place named ('targeting Houthi command and
    control'): the ground the group holds or is based on."""
    for m in clause.within(*span):
        if (m.entry.kind is not Kind.GROUP or m.entry.value not in lexicon.groups
                or DESCRIBES_AFTER.match(clause.sub(m.end, m.end + 20))):
            continue  # 'an al-Qaeda-inspired group': another group, described
        if _AT_GROUP_BEFORE.search(clause.sub(m.start - 30, m.start)) or _GROUP_ASSET_AFTER.match(
                clause.sub(m.end, m.end + 60)):
            group = lexicon.groups[m.entry.value]
            home = group.de_facto_state or group.base_country
            if home not in exclude:
                return home
    return None
