"""Countries that describe a group rather than name what was hit: 'Yemen's Houthi rebels',
'the Somali-based al-Shabaab', 'Jaish al-Adl, a militant group that seeks a homeland in
Afghanistan, Iran and Pakistan'."""

from __future__ import annotations

import re

from services.classifier.clauses import Clause
from services.classifier.lexicon import Kind
from services.classifier.scan import Mention


def describes_group(clause: Clause, m: Mention) -> bool:
    """'Yemen's Houthi rebels', 'the Somali-based al-Shabaab', 'Iraqi militia Kataib Hezbollah'."""
    for other in clause.mentions:
        if other.entry.kind is Kind.GROUP and 0 <= other.start - m.end <= 25:
            between = clause.sub(m.end, other.start)
            if not re.search(r"[,.;]|\b(?:and|by|on|at|against|into|from)\b", between):
                return True
    return False


# 'Jaish al-Adl — a militant group that seeks a homeland in Afghanistan, Iran and Pakistan': what
# a group is, said after its name; the countries there are where it lives, not what was hit
_GROUP_GLOSS = re.compile(
    r"\s{0,3}(?:,|\u2014|\u2013|-{1,2}|\()\s{0,3}(?:an?|the)\s{1,3}(?:[\w-]+\s{1,3}){0,4}?(?:group"
    r"|militia|organi[sz]ation|movement|outfit|faction|insurgency|network)\s{1,3}(?:that|which|who"
    r"|based|seeking|fighting|operating|active|with)\b[^\u2014\u2013)]*"
)


def in_group_gloss(clause: Clause, m: Mention) -> bool:
    """Is `m` inside what a group named before it in the clause is said to be?"""
    for other in clause.mentions:
        if other.entry.kind is Kind.GROUP and other.end <= m.start:
            gloss = _GROUP_GLOSS.match(clause.low, other.end - clause.start)
            if gloss and m.end - clause.start <= gloss.end():
                return True
    return False
