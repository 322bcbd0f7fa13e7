"""Accident accounts: what a claim calls an attack was an accident ('the crash appeared to be
accidental', 'made a hard landing'); told with no claim before it, an accident is only news."""

from __future__ import annotations

import re

from services.classifier.denial_cues import FALSITY, NORMAL, NOT_OCCURRED

# A different account: what the claim calls an attack was an accident ('the crash appeared to be
# accidental', 'made a hard landing', 'hit a high-voltage line')
ACCIDENT = re.compile(
    r"\b(?:accident(?:al|ally)?|technical (?:fault|failure|malfunction|problem)s?|mechanical (?:failure"
    r"|fault)|bad weather|hard landing|(?:hit|struck|striking|hitting|clipped) (?:an? )?(?:[\w-]+ ){0,2}"
    r"(?:power|electric(?:al|ity)?|transmission|high-voltage) (?:lines?|wires?|cables?|pylons?))\b"
)

# what an accident account answers: a claim, or an attack named as such
_ANSWERED = re.compile(r"\b(?:claim\w*|report\w*|allegation\w*|attack\w*|strikes?|struck by|drones?|missiles?"
                       r"|rockets?|shot down|sabotage\w*|shell(?:ed|ing))\b")


def unanswered_accident(content: str) -> bool:
    """'An accidental fire hit an ammunition depot', with no claim read before it and no attack
    named: an accident told as news, not an account against anyone's claim."""
    return bool(ACCIDENT.search(content)) and not (
        FALSITY.search(content) or NOT_OCCURRED.search(content) or NORMAL.search(content)
        or _ANSWERED.search(content))
